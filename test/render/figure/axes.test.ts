import { describe, expect, it } from "vitest";
import {
  type AxisSide,
  type AxisTick,
  axisSvg,
  linearAxis,
  logAxis,
  plotFrameSvg,
  timeAxis,
} from "../../../src/render/figure/axes.js";
import { rasterizeSvg } from "../../../src/render/figure/rasterize-svg.js";
import { svgDocument } from "../../../src/render/figure/svg.js";

const plot = { x: 100, y: 60, width: 400, height: 240 };
const FIGURE_WIDTH = 600;
const FIGURE_HEIGHT = 360;

function render(fragment: string): Uint8Array {
  return rasterizeSvg(
    svgDocument(
      FIGURE_WIDTH,
      FIGURE_HEIGHT,
      `<rect width="${FIGURE_WIDTH}" height="${FIGURE_HEIGHT}" fill="#ffffff"/>${fragment}`,
    ),
  ).rgba;
}

function red(rgba: Uint8Array, x: number, y: number): number {
  return rgba[(y * FIGURE_WIDTH + x) * 4] as number;
}

/** Bounding box of non-white pixels outside the plot rectangle and its frame. */
function inkOutsidePlot(rgba: Uint8Array): {
  left: number;
  right: number;
  top: number;
  bottom: number;
} {
  const box = { left: FIGURE_WIDTH, right: -1, top: FIGURE_HEIGHT, bottom: -1 };
  for (let y = 0; y < FIGURE_HEIGHT; y++) {
    for (let x = 0; x < FIGURE_WIDTH; x++) {
      const insideFrame =
        x >= plot.x - 1 && x <= plot.x + plot.width && y >= plot.y - 1 && y <= plot.y + plot.height;
      if (insideFrame || red(rgba, x, y) > 200) continue;
      box.left = Math.min(box.left, x);
      box.right = Math.max(box.right, x);
      box.top = Math.min(box.top, y);
      box.bottom = Math.max(box.bottom, y);
    }
  }
  return box;
}

describe("scale axes", () => {
  it("place linear ticks through the scale, y growing downward on the sides", () => {
    const bottom = linearAxis({ side: "bottom", plot, domain: [0, 10] });
    // Analytic: value v maps to x + width · v / 10.
    expect(bottom.scale(5)).toBeCloseTo(300, 9);
    expect(bottom.ticks.map((tick) => tick.position)).toEqual([100, 180, 260, 340, 420, 500]);
    const left = linearAxis({ side: "left", plot, domain: [0, 10] });
    expect(left.scale(0)).toBeCloseTo(300, 9);
    expect(left.scale(10)).toBeCloseTo(60, 9);
    expect(left.svg).toContain(">10</text>");
  });

  it("place log ticks by decade", () => {
    const axis = logAxis({ side: "left", plot, domain: [1, 1000] });
    const labelled = axis.ticks.filter((tick) => tick.label !== "");
    // Analytic: decades of [1, 1000] are a third of the height apart (80 px).
    [300, 220, 140, 60].forEach((expected, i) => {
      expect(labelled[i]?.position).toBeCloseTo(expected, 9);
    });
  });

  it("place time ticks at UTC instants and put the date in the label", () => {
    const start = Date.parse("2011-01-06T17:00:00Z");
    const axis = timeAxis({ side: "bottom", plot, domainMs: [start, start + 3_600_000] });
    // Analytic: 17:15 is a quarter of the width from the left edge.
    const quarter = axis.ticks.find((tick) => tick.label === "17:15");
    expect(quarter?.position).toBeCloseTo(200, 6);
    expect(axis.svg).toContain("Time (UTC), 2011-01-06");
  });

  it("draws outward ticks just outside the frame, longer for major than minor", () => {
    const ticks: AxisTick[] = [
      { position: 200.2, label: "a", minor: false },
      { position: 300.7, label: "", minor: true },
    ];
    const rgba = render(plotFrameSvg(plot) + axisSvg("bottom", plot, ticks).svg);
    const frameRow = plot.y + plot.height; // the frame's bottom line
    expect(red(rgba, 250, frameRow)).toBe(0);
    // Major tick: 5 px below the frame in pixel column 200; minor: 3 px in column 300.
    expect(red(rgba, 200, frameRow + 5)).toBe(0);
    expect(red(rgba, 200, frameRow + 6)).toBeGreaterThan(200);
    expect(red(rgba, 300, frameRow + 3)).toBe(0);
    expect(red(rgba, 300, frameRow + 4)).toBe(255);
    expect(red(rgba, 250, frameRow + 3)).toBe(255);
  });

  it("drop labels that would overlap and keep the ticks", () => {
    const ticks: AxisTick[] = Array.from({ length: 41 }, (_, i) => ({
      position: plot.x + i * 10,
      label: String(1000 + i),
      minor: false,
    }));
    const axis = axisSvg("bottom", plot, ticks);
    const labels = axis.svg.match(/<text /g) ?? [];
    // "1000" is 4 digits x 0.636 em x 12 px ≈ 30.5 px wide, plus a 7.2 px gap: one label in 4.
    expect(labels.length).toBe(11);
    expect((axis.svg.match(/v5/g) ?? []).length).toBe(41);
  });

  it.each<AxisSide>(["left", "right", "bottom", "top"])(
    "keeps the %s axis's ink within the extent it reports",
    (side) => {
      const drawing =
        side === "left" || side === "right"
          ? linearAxis({ side, plot, domain: [-12345, 67890], label: "Latitude (°)" })
          : linearAxis({ side, plot, domain: [0, 1], label: "Fraction of the sky" });
      const ink = inkOutsidePlot(render(plotFrameSvg(plot) + drawing.svg));
      // Invariant used for margins: ink ends within extentPx (+1 px antialiasing) of the frame.
      const reach =
        side === "left"
          ? plot.x - ink.left
          : side === "right"
            ? ink.right - (plot.x + plot.width - 1)
            : side === "top"
              ? plot.y - ink.top
              : ink.bottom - (plot.y + plot.height - 1);
      expect(reach).toBeLessThanOrEqual(drawing.extentPx + 1);
      // ...and the estimate is not wildly generous either (within 8 px).
      expect(reach).toBeGreaterThan(drawing.extentPx - 8);
    },
  );
});
