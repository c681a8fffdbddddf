import { describe, expect, it } from "vitest";
import { colormap } from "../../../src/render/color/colormap.js";
import { colorbarSvg, normTicks } from "../../../src/render/figure/colorbar.js";
import { rasterizeSvg } from "../../../src/render/figure/rasterize-svg.js";
import { svgDocument } from "../../../src/render/figure/svg.js";

const WIDTH = 200;
const HEIGHT = 300;

function render(fragment: string): Uint8Array {
  return rasterizeSvg(
    svgDocument(
      WIDTH,
      HEIGHT,
      `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>${fragment}`,
    ),
  ).rgba;
}

function pixel(rgba: Uint8Array, x: number, y: number): number[] {
  const at = (y * WIDTH + x) * 4;
  return [...rgba.subarray(at, at + 3)];
}

describe("colorbar", () => {
  it("puts log-norm ticks on the decades, evenly spaced along the bar", () => {
    const ticks = normTicks("log", 10, 100000, 6);
    expect(ticks.filter((tick) => !tick.minor).map((tick) => tick.value)).toEqual([
      10, 100, 1000, 10000, 100000,
    ]);
    // A 256 px bar at (20, 10): decade k of 4 sits at y = 10 + 256 · (1 − k/4), pixel row
    // floor(y) (analytic, LogNorm). Ticks stick out right of the frame (column 20 + 20).
    const rgba = render(
      colorbarSvg({
        x: 20,
        y: 10,
        width: 20,
        height: 256,
        orientation: "vertical",
        colormap: "gray",
        norm: "log",
        lower: 10,
        upper: 100000,
        label: "Counts",
      }),
    );
    const frameColumn = 40;
    for (const row of [202, 138, 74]) {
      expect(pixel(rgba, frameColumn + 5, row)).toEqual([0, 0, 0]);
      expect(pixel(rgba, frameColumn + 5, row + 3)).toEqual([255, 255, 255]);
    }
    // Minor tick at 300: t = log10(30)/4 = 0.369, row floor(10 + 256 · 0.631) = 171, 3 px long.
    expect(pixel(rgba, frameColumn + 3, 171)).toEqual([0, 0, 0]);
    expect(pixel(rgba, frameColumn + 5, 171)).toEqual([255, 255, 255]);
  });

  it("draws the colormap along the bar, one entry per pixel at 256 px (gray: level = entry)", () => {
    const rgba = render(
      colorbarSvg({
        x: 20,
        y: 10,
        width: 20,
        height: 256,
        orientation: "vertical",
        colormap: colormap("gray"),
        norm: "linear",
        lower: 0,
        upper: 1,
      }),
    );
    // Exact: the top row is entry 255, row 10 + i is entry 255 − i (nearest-neighbour scaling).
    for (const i of [0, 1, 100, 200, 255])
      expect(pixel(rgba, 30, 10 + i)).toEqual([255 - i, 255 - i, 255 - i]);
  });

  it("runs left to right when horizontal, with ticks below", () => {
    const rgba = render(
      colorbarSvg({
        x: 10,
        y: 20,
        width: 128,
        height: 12,
        orientation: "horizontal",
        colormap: "gray",
        norm: "linear",
        lower: 0,
        upper: 100,
      }),
    );
    // Two entries per pixel: column 10 + i shows entry 2i (nearest); ±1 level for the
    // renderer's sample position.
    for (const i of [0, 64, 127]) {
      const [level] = pixel(rgba, 10 + i, 26);
      expect(Math.abs((level as number) - 2 * i)).toBeLessThanOrEqual(1);
    }
    // Tick at 50: x = 10 + 64 = 74, below the frame (row 32).
    expect(pixel(rgba, 74, 32 + 5)).toEqual([0, 0, 0]);
  });

  it("rejects bounds a log norm cannot draw", () => {
    expect(() =>
      colorbarSvg({
        x: 0,
        y: 0,
        width: 10,
        height: 100,
        orientation: "vertical",
        colormap: "gray",
        norm: "log",
        lower: 0,
        upper: 10,
      }),
    ).toThrow(/lower > 0/);
  });
});
