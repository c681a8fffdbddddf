import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../../src/core/errors.js";
import { stretchRgb } from "../../../src/render/color/stretch-rgb.js";

describe("stretchRgb", () => {
  it("stretches each channel with (x − lo)/(hi − lo), clipped, into opaque RGBA", () => {
    // Analytic: asilib stretch_contrast with bounds (15, 80) for all channels; round(255 t).
    const frame = Uint8Array.of(15, 80, 0, 47, 255, 14);
    const out = new Uint8ClampedArray(8);
    stretchRgb(frame, { lower: 15, upper: 80 }, out);
    expect(Array.from(out)).toEqual([0, 255, 0, 255, Math.round((255 * 32) / 65), 255, 0, 255]);
  });

  it("uses separate bounds per channel", () => {
    // Analytic: R (0, 100), G (100, 200), B (50, 60) applied to (50, 150, 55).
    const out = new Uint8ClampedArray(4);
    stretchRgb(
      Uint8Array.of(50, 150, 55),
      [
        { lower: 0, upper: 100 },
        { lower: 100, upper: 200 },
        { lower: 50, upper: 60 },
      ],
      out,
    );
    expect(Array.from(out)).toEqual([128, 128, 128, 255]);
  });

  it("rejects bad bounds and sizes", () => {
    const out = new Uint8ClampedArray(4);
    expect(() => stretchRgb(Uint8Array.of(1, 2, 3), { lower: 5, upper: 5 }, out)).toThrow(
      InvalidArgumentError,
    );
    expect(() => stretchRgb(Uint8Array.of(1, 2, 3), { lower: Number.NaN, upper: 5 }, out)).toThrow(
      InvalidArgumentError,
    );
    expect(() => stretchRgb(Uint8Array.of(1, 2), { lower: 0, upper: 5 }, out)).toThrow(
      InvalidArgumentError,
    );
    expect(() =>
      stretchRgb(Uint8Array.of(1, 2, 3), { lower: 0, upper: 5 }, new Uint8ClampedArray(3)),
    ).toThrow(InvalidArgumentError);
  });
});
