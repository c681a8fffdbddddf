import { describe, expect, it } from "vitest";
import { rasterizeSvg } from "../../../src/render/figure/rasterize-svg.js";
import { timeSeriesFigure } from "../../../src/render/timeseries/time-series-figure.js";

const START_MS = Date.parse("2011-01-06T17:00:00Z");
const WIDTH = 600;
const HEIGHT = 300;

/** Columns where a pixel close to `color` ([r, g, b] within 40 levels) appears. */
function columnsWithColor(rgba: Uint8Array, color: readonly number[]): Set<number> {
  const columns = new Set<number>();
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const at = (y * WIDTH + x) * 4;
      const close = color.every((level, c) => Math.abs((rgba[at + c] as number) - level) <= 40);
      if (close) columns.add(x);
    }
  }
  return columns;
}

function series(values: number[]) {
  return {
    timesMs: Float64Array.from(values, (_, k) => START_MS + k * 60_000),
    values: Float64Array.from(values),
  };
}

describe("timeSeriesFigure", () => {
  it("breaks the line at NaN", () => {
    // 61 minutes of a ramp with minutes 20-39 missing; the colour is a pure red nothing else uses.
    const values = Array.from({ length: 61 }, (_, k) => (k >= 20 && k < 40 ? Number.NaN : k));
    const svg = timeSeriesFigure({
      series: [{ label: "ramp", color: "#ff0000", ...series(values) }],
      yLabel: "Counts",
      width: WIDTH,
      height: HEIGHT,
    });
    const red = columnsWithColor(rasterizeSvg(svg).rgba, [255, 0, 0]);
    const xs = [...red].sort((a, b) => a - b);
    const first = xs[0] as number;
    const last = xs[xs.length - 1] as number;
    // Invariant: the data's x range is 60 min; minutes 20-39 hold no red: a gap of 19/60 of
    // the span between minute 19 and minute 40 (± 3 px for the line caps).
    const pxPerMinute = (last - first) / 60;
    const gapFrom = Math.ceil(first + 19 * pxPerMinute + 3);
    const gapTo = Math.floor(first + 40 * pxPerMinute - 3);
    for (let x = gapFrom; x <= gapTo; x++) expect(red.has(x), `column ${x}`).toBe(false);
    expect(red.has(Math.round(first + 10 * pxPerMinute))).toBe(true);
    expect(red.has(Math.round(first + 50 * pxPerMinute))).toBe(true);
  });

  it("adds a legend only for more than one series, and the time axis date once", () => {
    const one = timeSeriesFigure({
      series: [{ label: "alpha-series", ...series([1, 2, 3]) }],
      yLabel: "Counts",
    });
    expect(one).not.toContain("alpha-series");
    expect(one).toContain("Time (UTC), 2011-01-06");
    const two = timeSeriesFigure({
      series: [
        { label: "alpha-series", ...series([1, 2, 3]) },
        { label: "beta-series", ...series([3, 2, 1]) },
      ],
      yLabel: "Counts",
      title: "Conjunction",
    });
    expect(two).toContain(">alpha-series</text>");
    expect(two).toContain(">beta-series</text>");
    expect(two).toContain(">Conjunction</text>");
  });

  it("drops non-positive values on a log axis and refuses series with nothing to draw", () => {
    const svg = timeSeriesFigure({
      series: [{ label: "x", ...series([0, 10, 100, -5, 1000]) }],
      yLabel: "Counts",
      yScale: "log",
    });
    // Decades of the data are labelled (logTicks).
    expect(svg).toContain(">100</text>");
    expect(() =>
      timeSeriesFigure({
        series: [{ label: "x", ...series([0, -1]) }],
        yLabel: "y",
        yScale: "log",
      }),
    ).toThrow(/nothing to plot/);
    expect(() =>
      timeSeriesFigure({
        series: [{ label: "x", timesMs: new Float64Array(2), values: new Float64Array(3) }],
        yLabel: "y",
      }),
    ).toThrow(/2 times but 3 values/);
  });

  it("reduces dense series to each pixel column's envelope", () => {
    // 200 000 points alternating 0 and 10: drawn as a solid band from 0 to 10.
    const count = 200_000;
    const timesMs = Float64Array.from({ length: count }, (_, k) => START_MS + k * 100);
    const values = Float64Array.from({ length: count }, (_, k) => (k % 2 === 0 ? 0 : 10));
    const svg = timeSeriesFigure({
      series: [{ label: "dense", color: "#ff0000", timesMs, values }],
      yLabel: "Counts",
      width: WIDTH,
      height: HEIGHT,
    });
    // Invariant: at most 4 points per pixel column (< 600 columns x 4 x ~14 characters).
    expect(svg.length).toBeLessThan(60_000);
    const rgba = rasterizeSvg(svg).rgba;
    // The band's middle column is red from the 0 line to the 10 line (y axis padded 5 %).
    const redRows: number[] = [];
    for (let y = 0; y < HEIGHT; y++) {
      const at = (y * WIDTH + WIDTH / 2) * 4;
      if ((rgba[at] as number) > 200 && (rgba[at + 1] as number) < 60) redRows.push(y);
    }
    const bandPx = (redRows[redRows.length - 1] as number) - (redRows[0] as number);
    // The plot is about HEIGHT − 60 px tall; 10 of 11 units of the padded range are red.
    expect(bandPx).toBeGreaterThan((HEIGHT - 80) * (10 / 11));
    expect(redRows.length).toBeGreaterThanOrEqual(bandPx - 2);
  });

  it("refuses absurd figure sizes", () => {
    const one = [{ label: "x", ...series([1, 2]) }];
    expect(() => timeSeriesFigure({ series: one, yLabel: "y", width: Number.NaN })).toThrow(
      /figure size/,
    );
    expect(() => timeSeriesFigure({ series: one, yLabel: "y", width: 1e6 })).toThrow(/8192/);
    expect(() => timeSeriesFigure({ series: one, yLabel: "y", width: 60, height: 40 })).toThrow(
      /no room/,
    );
  });
});
