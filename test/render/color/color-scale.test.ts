import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../../src/core/errors.js";
import { resolveColorScale } from "../../../src/render/color/color-scale.js";

const THEMIS = { colorBounds: [3000, 9000] as const, colormap: "Greys_r" };

/** A frame whose values are 0..999 once each: percentiles are known analytically. */
const ramp = (): Uint16Array[] => [Uint16Array.from({ length: 1000 }, (_, i) => i + 1)];

describe("resolveColorScale", () => {
  it("uses the array's defaults and a log norm when nothing is asked", () => {
    const never = (): Iterable<Uint16Array> => {
      throw new Error("the sample must not be read for array bounds");
    };
    expect(resolveColorScale({}, THEMIS, never)).toEqual({
      colormap: "Greys_r",
      norm: "log",
      lower: 3000,
      upper: 9000,
    });
  });

  it("explicit values win", () => {
    expect(
      resolveColorScale({ colormap: "viridis", norm: "linear", bounds: [10, 20] }, THEMIS, ramp),
    ).toEqual({ colormap: "viridis", norm: "linear", lower: 10, upper: 20 });
  });

  it("auto follows asilib's rule over the sample (25th percentile, min(98th, 10x lower))", () => {
    const scale = resolveColorScale({ bounds: "auto" }, THEMIS, ramp);
    // numpy-linear quantiles of 1..1000: q25 = 250.75, q98 = 980.02; 10x250.75 caps nothing.
    expect(scale.lower).toBeCloseTo(250.75, 6);
    expect(scale.upper).toBeCloseTo(980.02, 6);
  });

  it("rejects unknown names and unusable bounds with a typed error", () => {
    expect(() => resolveColorScale({ colormap: "jet" }, THEMIS, ramp)).toThrow(
      InvalidArgumentError,
    );
    expect(() => resolveColorScale({ bounds: [5, 5] }, THEMIS, ramp)).toThrow(/lower < upper/);
    expect(() => resolveColorScale({ bounds: [0, 5] }, THEMIS, ramp)).toThrow(/positive lower/);
    const flat = (): Uint16Array[] => [new Uint16Array(100).fill(7)];
    expect(() => resolveColorScale({ bounds: "auto" }, THEMIS, flat)).toThrow(/too uniform/);
  });
});
