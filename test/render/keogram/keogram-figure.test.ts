import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodePng } from "../../../src/formats/png/decode.js";
import { rasterizeSvg } from "../../../src/render/figure/rasterize-svg.js";
import { writeSvgFigure } from "../../../src/render/figure/write-figure.js";
import { keogramFigure, keogramTitle } from "../../../src/render/keogram/keogram-figure.js";
import { expectSnapshot } from "../../support/snapshot.js";
import {
  CADENCE_S,
  KEOGRAM_START_MS,
  syntheticKeogram,
  syntheticValue,
} from "./synthetic-keogram.js";

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The plot rectangle: the first embedded image of the document is the keogram. */
function plotBox(svg: string): Box {
  const match = /<image x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  if (match === null) throw new Error("no <image> in the keogram figure");
  return {
    x: Number(match[1]),
    y: Number(match[2]),
    width: Number(match[3]),
    height: Number(match[4]),
  };
}

/** Band edges of the pixel latitudes: the midpoints, and half a spacing beyond the ends. */
function latitudeEdges(latitudes: Float32Array): number[] {
  const sorted = [...latitudes].sort((a, b) => a - b);
  const edges = [sorted[0]! - (sorted[1]! - sorted[0]!) / 2];
  for (let j = 1; j < sorted.length; j++) edges.push((sorted[j - 1]! + sorted[j]!) / 2);
  const n = sorted.length;
  edges.push(sorted[n - 1]! + (sorted[n - 1]! - sorted[n - 2]!) / 2);
  return edges;
}

describe("keogramFigure", () => {
  const keogram = syntheticKeogram({ magnetic: true });
  const options = {
    colormap: "gray" as const,
    norm: "linear" as const,
    lower: 3000,
    upper: 9000,
    width: 640,
    height: 320,
    title: keogramTitle({ arrayLabel: "THEMIS", site: "gako" }, KEOGRAM_START_MS),
  };

  it("draws each (time, latitude) in the colour of its value, north up, gaps hatched grey", async () => {
    const svg = keogramFigure(keogram, options);
    const dir = mkdtempSync(join(tmpdir(), "aurorakit-keogram-"));
    const path = join(dir, "keogram.png");
    await writeSvgFigure(path, svg);
    const png = decodePng(new Uint8Array(readFileSync(path)));
    const [, figureWidth = 0, channels = 0] = png.shape;
    const at = (x: number, y: number) => {
      const offset = (Math.floor(y) * figureWidth + Math.floor(x)) * channels;
      return [...png.data.subarray(offset, offset + 3)];
    };
    const plot = plotBox(svg);
    const edges = latitudeEdges(keogram.latitudeDeg);
    const low = edges[0] as number;
    const high = edges[edges.length - 1] as number;
    const startMs = KEOGRAM_START_MS - (CADENCE_S * 1000) / 2;
    const spanMs = keogram.timesMs.length * CADENCE_S * 1000;
    const xOf = (timeMs: number) => plot.x + ((timeMs - startMs) / spanMs) * plot.width;
    const yOf = (latitude: number) => plot.y + ((high - latitude) / (high - low)) * plot.height;
    for (const slot of [5, 30, 100]) {
      for (const pixel of [8, 20, 35]) {
        const latitude = keogram.latitudeDeg[pixel] as number;
        const t = (syntheticValue(latitude) - 3000) / 6000;
        // Oracle: the gray colormap is level = entry = floor(256 t) (matplotlib's lookup).
        const level = Math.min(255, Math.floor(t * 256));
        const [r, g, b] = at(xOf(keogram.timesMs[slot] as number), yOf(latitude));
        expect(Math.abs((r as number) - level), `slot ${slot} pixel ${pixel}`).toBeLessThanOrEqual(
          1,
        );
        expect([g, b]).toEqual([r, r]);
      }
    }
    // North (70° N, 3000 counts, black) at the top, south (9000 counts, white) at the bottom.
    expect(at(plot.x + 5, plot.y + 1)).toEqual([0, 0, 0]);
    expect(at(plot.x + 5, plot.y + plot.height - 1)).toEqual([255, 255, 255]);
    // Slots 50-69 have no frame: light grey hatch (two greys, never a data colour here).
    const hatch = new Set<number>();
    const gapX = xOf(keogram.timesMs[60] as number);
    for (let y = plot.y + 2; y < plot.y + plot.height - 2; y += 1) {
      const [r, g, b] = at(gapX, y);
      expect([g, b]).toEqual([r, r]);
      hatch.add(r as number);
    }
    expect([...hatch].sort()).toEqual([188, 232]);
  });

  it("labels its axes and places the AACGM axis ticks by interpolation", () => {
    const svg = keogramFigure(keogram, options);
    expect(svg).toContain(">2011-01-06 | THEMIS GAKO keogram</text>");
    expect(svg).toContain("Geographic latitude (°)");
    expect(svg).toContain("AACGM latitude (°)");
    expect(svg).toContain("Time (UTC), 2011-01-06");
    expect(svg).toContain(">Counts</text>");
    // Magnetic latitude = latitude + 4 here, so the magnetic tick "m" sits on the row of the
    // geographic tick "m − 4" (left labels end-anchored, right ones start-anchored).
    const rows = (anchor: string) => {
      const found = new Map<number, number>();
      const pattern = new RegExp(
        `<text x="[\\d.]+" y="([\\d.]+)" font-size="12" text-anchor="${anchor}"[^>]*>([\\d.]+)</text>`,
        "g",
      );
      for (const match of svg.matchAll(pattern)) found.set(Number(match[2]), Number(match[1]));
      return found;
    };
    const left = rows("end");
    const right = rows("start");
    let pairs = 0;
    for (const [magnetic, y] of right) {
      const geographicY = left.get(magnetic - 4);
      if (geographicY === undefined) continue;
      pairs++;
      // Exact interpolation on a linear relation: same row within 0.02 px (2-decimal output).
      expect(Math.abs(geographicY - y)).toBeLessThanOrEqual(0.02);
    }
    expect(pairs).toBeGreaterThanOrEqual(2);
  });

  it("draws an ewogram against longitude, across the antimeridian", () => {
    const ewogram = syntheticKeogram({
      row: () => 128,
      longitudeDeg: (pixel) => ((((175 + pixel * 0.25 + 180) % 360) + 360) % 360) - 180,
    });
    const svg = keogramFigure(ewogram, { ...options, title: "ewogram" });
    expect(svg).toContain("Geographic longitude (°)");
    // 175° E to 174.75° W unwrapped: the antimeridian is labelled 180, west of it negative.
    expect(svg).toContain(">180</text>");
    expect(svg).toContain(">\u2212178</text>");
  });

  it("stretches RGB keograms per channel and refuses what it cannot draw", () => {
    const rgb = syntheticKeogram({ channels: 3 });
    const svg = keogramFigure(rgb, { ...options, lower: 4000, upper: 8000 });
    expect(svg).not.toContain(">Counts</text>"); // no colorbar for RGB
    const image = rasterizeSvg(svg);
    const plot = plotBox(svg);
    // At the plot's vertical middle (any slot outside the gap); the three channels are equal.
    const x = plot.x + 5;
    const y = plot.y + Math.floor(plot.height / 2);
    const at = (y * image.width + x) * 4;
    const edges = latitudeEdges(rgb.latitudeDeg);
    const latitude =
      (edges[edges.length - 1] as number) -
      ((y - plot.y + 0.5) / plot.height) *
        ((edges[edges.length - 1] as number) - (edges[0] as number));
    // The pixel whose band holds that latitude: nearest centre (bands end at midpoints).
    const nearest = [...rgb.latitudeDeg].reduce((best, value) =>
      Math.abs(value - latitude) < Math.abs(best - latitude) ? value : best,
    );
    // Oracle: asilib's stretch, 255 · clip((x − lower) / (upper − lower)), ± 1 level.
    const level = Math.round((255 * (syntheticValue(nearest) - 4000)) / 4000);
    for (let c = 0; c < 3; c++)
      expect(
        Math.abs((image.rgba[at + c] as number) - Math.min(255, Math.max(0, level))),
      ).toBeLessThanOrEqual(1);
    expect(() =>
      keogramFigure(keogram, { ...options, magneticAxis: true, yAxis: "longitude" }),
    ).toThrow(/latitude axis/);
    expect(() => keogramFigure(syntheticKeogram(), { ...options, magneticAxis: true })).toThrow(
      /magnetic: true/,
    );
    expect(() => keogramFigure({ ...keogram, values: new Float32Array(3) }, options)).toThrow(
      /arrays disagree/,
    );
    expect(() => keogramFigure(keogram, { ...options, width: 100, height: 80 })).toThrow(/no room/);
    expect(() => keogramFigure(keogram, { ...options, height: Number.POSITIVE_INFINITY })).toThrow(
      /figure size/,
    );
  });

  it("renders a 14,352 x 256 keogram (a 12 h THEMIS night) to SVG", () => {
    const long = syntheticKeogram({ slots: 14352, pixels: 256, gap: [5000, 5600] });
    const svg = keogramFigure(long, { ...options, width: 1000, height: 420 });
    // Invariant: the document holds the plot-resolution image, not the 3.7 M samples.
    expect(svg.length).toBeLessThan(2_000_000);
  });

  it("matches its snapshot", () => {
    const svg = keogramFigure(keogram, { ...options, colormap: "viridis", norm: "log" });
    const image = rasterizeSvg(svg);
    expectSnapshot("keogram", image.rgba, image.width, image.height);
  });
});
