import { describe, expect, it } from "vitest";
import { percentileBoundsU16, scaleToU8 } from "../../src/analysis/scale-intensity.js";
import { InvalidArgumentError } from "../../src/core/errors.js";

describe("percentile stretch of 16-bit counts", () => {
  it("finds exact integer percentiles", () => {
    // Analytic: counts 0..100; the 10th and 90th percentiles (lower rank) are 10 and 90 counts.
    const counts = Uint16Array.from({ length: 101 }, (_, i) => i);
    expect(percentileBoundsU16(counts, 10, 90)).toEqual({ lowCounts: 10, highCounts: 90 });
    expect(percentileBoundsU16(counts, 0, 100)).toEqual({ lowCounts: 0, highCounts: 100 });
  });

  it("maps the bounds to 0 and 255 and clips outside them", () => {
    // Analytic: linear map of [1000, 2000] counts onto [0, 255], rounded to the nearest level.
    const out = scaleToU8(Uint16Array.of(0, 1000, 1500, 2000, 65535), {
      lowCounts: 1000,
      highCounts: 2000,
    });
    expect(Array.from(out)).toEqual([0, 0, 128, 255, 255]);
  });

  it("rejects an empty image and inverted percentiles", () => {
    expect(() => percentileBoundsU16(new Uint16Array(0), 1, 99)).toThrow(InvalidArgumentError);
    expect(() => percentileBoundsU16(Uint16Array.of(1), 99, 1)).toThrow(InvalidArgumentError);
  });
});
