import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../../src/core/errors.js";
import {
  autoColorBounds,
  histogramQuantile,
  histogramU16,
  percentileBounds,
} from "../../../src/render/color/percentile-bounds.js";
import { seededRandom as random } from "../../support/mutate.js";

/** Brute force: numpy.quantile "linear" on a sorted copy (virtual index (n − 1) q, numpy _lerp). */
function sortedQuantile(sorted: Float64Array, q: number): number {
  const h = sorted.length * q + (1 - q) - 1;
  const below = Math.floor(h);
  const fraction = h - below;
  const a = sorted[below] as number;
  const b = sorted[Math.min(sorted.length - 1, below + 1)] as number;
  return fraction >= 0.5 ? b - (b - a) * (1 - fraction) : a + (b - a) * fraction;
}

function frames(seed: number, count: number, length: number, spread: number): Uint16Array[] {
  const next = random(seed);
  return Array.from({ length: count }, () =>
    Uint16Array.from({ length }, () => Math.floor(next() ** 3 * spread)),
  );
}

function sortAll(list: Uint16Array[]): Float64Array {
  const all = new Float64Array(list.reduce((sum, frame) => sum + frame.length, 0));
  let offset = 0;
  for (const frame of list) {
    all.set(frame, offset);
    offset += frame.length;
  }
  return all.sort();
}

describe("percentileBounds", () => {
  it("equals numpy-linear quantiles of a brute-force sort, exactly", () => {
    // Oracle: brute-force sort + numpy's "linear" quantile formula on the same pixels (exact).
    for (const [seed, spread] of [
      [1, 65536],
      [2, 40],
      [3, 5000],
    ] as const) {
      const list = frames(seed, 5, 997, spread);
      const sorted = sortAll(list);
      for (const [lowerPercentile, upperPercentile] of [
        [1, 99.9],
        [0, 100],
        [25, 98],
        [33.3, 66.7],
      ] as const) {
        const bounds = percentileBounds(list, { lowerPercentile, upperPercentile });
        expect(bounds.lower).toBe(sortedQuantile(sorted, lowerPercentile / 100));
        expect(bounds.upper).toBe(sortedQuantile(sorted, upperPercentile / 100));
      }
    }
  });

  it("uses every k-th frame with sampleStride", () => {
    // Oracle: brute force over frames 0, 3, 6 only (q = percent / 100, as the default percentiles 1 and 99.9 are converted).
    const list = frames(7, 8, 500, 30000);
    const sampled = [list[0], list[3], list[6]] as Uint16Array[];
    const sorted = sortAll(sampled);
    const bounds = percentileBounds(list, { sampleStride: 3 });
    expect(bounds.lower).toBe(sortedQuantile(sorted, 1 / 100));
    expect(bounds.upper).toBe(sortedQuantile(sorted, 99.9 / 100));
  });

  it("interpolates between neighbours like numpy", () => {
    // Analytic: np.quantile([0, 10], 0.25) = 2.5; np.quantile([0, 10, 20, 30], 0.5) = 15.
    expect(percentileBounds([Uint16Array.of(10, 0)], { lowerPercentile: 25 }).lower).toBe(2.5);
    const { counts, total } = histogramU16([Uint16Array.of(30, 0), Uint16Array.of(20, 10)]);
    expect(histogramQuantile(counts, total, 0.5)).toBe(15);
    expect(histogramQuantile(counts, total, 1)).toBe(30);
  });

  it("rejects bad percentiles, strides and empty input", () => {
    const one = [Uint16Array.of(1, 2, 3)];
    expect(() => percentileBounds(one, { lowerPercentile: 50, upperPercentile: 50 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => percentileBounds(one, { lowerPercentile: -1 })).toThrow(InvalidArgumentError);
    expect(() => percentileBounds(one, { upperPercentile: Number.NaN })).toThrow(
      InvalidArgumentError,
    );
    expect(() => percentileBounds(one, { sampleStride: 0 })).toThrow(InvalidArgumentError);
    expect(() => percentileBounds([], {})).toThrow(InvalidArgumentError);
    expect(() => percentileBounds([new Uint16Array(0)], {})).toThrow(InvalidArgumentError);
  });
});

describe("autoColorBounds", () => {
  it("applies asilib's rule: 25th percentile, min(98th percentile, 10 × lower)", () => {
    // Oracle: brute-force numpy-linear quantiles, combined per asilib.md §4.3.
    const list = frames(11, 4, 1009, 65536);
    const sorted = sortAll(list);
    const lower = sortedQuantile(sorted, 0.25);
    const bounds = autoColorBounds(list);
    expect(bounds.lower).toBe(lower);
    expect(bounds.upper).toBe(Math.min(sortedQuantile(sorted, 0.98), 10 * lower));
  });

  it("caps the upper bound at 10 × lower when the 98th percentile is higher", () => {
    // Analytic: 75 pixels at 100 and 25 at 5000 → q25 = 100, q98 = 5000 → upper = 1000.
    const frame = new Uint16Array(100).fill(100);
    frame.fill(5000, 75);
    expect(autoColorBounds([frame])).toEqual({ lower: 100, upper: 1000 });
  });
});
