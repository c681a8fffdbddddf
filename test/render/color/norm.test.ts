import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../../src/core/errors.js";
import { createNormalizer, lutIndex } from "../../../src/render/color/norm.js";

// Tolerance for t in [0, 1]: 1e-12 (double-precision evaluation of the analytic formula).
const T_TOLERANCE_DIGITS = 12;

describe("createNormalizer", () => {
  it("maps linearly and clips", () => {
    // Analytic: t = (x − 100) / 400.
    const normalize = createNormalizer("linear", { lower: 100, upper: 500 });
    expect(normalize(100)).toBe(0);
    expect(normalize(500)).toBe(1);
    expect(normalize(300)).toBeCloseTo(0.5, T_TOLERANCE_DIGITS);
    expect(normalize(0)).toBe(0);
    expect(normalize(65535)).toBe(1);
    expect(normalize(Number.NaN)).toBeNaN();
  });

  it("maps logarithmically, clipping values at or below the lower bound (and ≤ 0) to 0", () => {
    // Analytic: t = log10(x / 10) / log10(1000 / 10) → 100 ↦ 0.5, 10^1.5 ↦ 0.25.
    const normalize = createNormalizer("log", { lower: 10, upper: 1000 });
    expect(normalize(100)).toBeCloseTo(0.5, T_TOLERANCE_DIGITS);
    expect(normalize(10 ** 1.5)).toBeCloseTo(0.25, T_TOLERANCE_DIGITS);
    expect(normalize(1000)).toBeCloseTo(1, T_TOLERANCE_DIGITS);
    expect(normalize(5)).toBe(0);
    expect(normalize(0)).toBe(0);
    expect(normalize(-3)).toBe(0);
    expect(normalize(1e6)).toBe(1);
    expect(normalize(Number.NaN)).toBeNaN();
  });

  it("maps with asinh and a softening scale", () => {
    // Analytic: t = asinh((x − 0) / 10) / asinh(1000 / 10).
    const normalize = createNormalizer(
      { kind: "asinh", softeningScale: 10 },
      { lower: 0, upper: 1000 },
    );
    expect(normalize(0)).toBe(0);
    expect(normalize(1000)).toBeCloseTo(1, T_TOLERANCE_DIGITS);
    expect(normalize(10)).toBeCloseTo(Math.asinh(1) / Math.asinh(100), T_TOLERANCE_DIGITS);
    // Analytic: near the lower bound asinh is linear, slope 1/(s · asinh(100)).
    expect(normalize(0.001)).toBeCloseTo(0.0001 / Math.asinh(100), T_TOLERANCE_DIGITS);
    // Default scale is (upper − lower)/10: t(x) = asinh(10 (x − lower)/span) / asinh(10).
    const byDefault = createNormalizer("asinh", { lower: 200, upper: 1200 });
    expect(byDefault(700)).toBeCloseTo(Math.asinh(5) / Math.asinh(10), T_TOLERANCE_DIGITS);
  });

  it("rejects bad bounds and parameters", () => {
    expect(() => createNormalizer("linear", { lower: 5, upper: 5 })).toThrow(InvalidArgumentError);
    expect(() => createNormalizer("linear", { lower: 6, upper: 5 })).toThrow(InvalidArgumentError);
    expect(() => createNormalizer("linear", { lower: Number.NaN, upper: 5 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => createNormalizer("linear", { lower: 0, upper: Number.POSITIVE_INFINITY })).toThrow(
      InvalidArgumentError,
    );
    expect(() => createNormalizer("log", { lower: 0, upper: 5 })).toThrow("lower > 0");
    expect(() => createNormalizer("log", { lower: -1, upper: 5 })).toThrow(InvalidArgumentError);
    expect(() =>
      createNormalizer({ kind: "asinh", softeningScale: 0 }, { lower: 0, upper: 5 }),
    ).toThrow(InvalidArgumentError);
  });
});

describe("lutIndex", () => {
  it("picks floor(256 t) with t = 1 on the last entry, like matplotlib", () => {
    // Analytic: matplotlib Colormap.__call__ with N = 256.
    expect(lutIndex(0)).toBe(0);
    expect(lutIndex(0.0039)).toBe(0);
    expect(lutIndex(0.004)).toBe(1);
    expect(lutIndex(0.5)).toBe(128);
    expect(lutIndex(255.999 / 256)).toBe(255);
    expect(lutIndex(1)).toBe(255);
  });
});
