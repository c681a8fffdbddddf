import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../../src/core/errors.js";
import { colorizeU16, createColorizer } from "../../../src/render/color/colorizer.js";
import { colormap } from "../../../src/render/color/colormap.js";
import { createNormalizer, lutIndex, type Norm } from "../../../src/render/color/norm.js";

const ALL_U16 = Uint16Array.from({ length: 65536 }, (_, value) => value);

describe("createColorizer", () => {
  it("colours every 16-bit value exactly as the direct formula does, for each norm", () => {
    // Invariant: the 65536-entry table equals lut[lutIndex(normalize(x))] for every x.
    const cases: { norm: Norm; lower: number; upper: number }[] = [
      { norm: { kind: "linear" }, lower: 3000, upper: 9000 },
      { norm: { kind: "log" }, lower: 300, upper: 1000 },
      { norm: { kind: "asinh", softeningScale: 50 }, lower: 350, upper: 1500 },
    ];
    const lut = colormap("viridis");
    const out = new Uint8ClampedArray(ALL_U16.length * 4);
    for (const { norm, lower, upper } of cases) {
      createColorizer({ norm, lower, upper, colormap: lut }).apply(ALL_U16, out);
      const normalize = createNormalizer(norm, { lower, upper });
      let mismatches = 0;
      for (let value = 0; value < 65536; value++) {
        const index = lutIndex(normalize(value));
        for (let c = 0; c < 4; c++) {
          if (out[4 * value + c] !== lut[4 * index + c]) mismatches++;
        }
      }
      expect(mismatches, norm.kind).toBe(0);
    }
  });

  it("maps gray with a linear norm analytically", () => {
    // Analytic: lower 1000, upper 1256 → value 1000 + k goes to entry k, level k.
    const colorizer = createColorizer({
      norm: "linear",
      lower: 1000,
      upper: 1256,
      colormap: "gray",
    });
    const frame = Uint16Array.from([0, 1000, 1001, 1128, 1255, 1256, 65535]);
    const out = new Uint8ClampedArray(frame.length * 4);
    colorizer.apply(frame, out);
    const levels = Array.from({ length: frame.length }, (_, i) => out[4 * i]);
    expect(levels).toEqual([0, 0, 1, 128, 255, 255, 255]);
    for (let i = 0; i < frame.length; i++) expect(out[4 * i + 3]).toBe(255);
  });

  it("gives the same colours through an unaligned output view", () => {
    // Invariant: the byte-copy fallback equals the word path.
    const colorizer = createColorizer({ norm: "log", lower: 10, upper: 60000, colormap: "magma" });
    const frame = ALL_U16.subarray(0, 4096);
    const aligned = new Uint8ClampedArray(frame.length * 4);
    const unaligned = new Uint8ClampedArray(frame.length * 4 + 1).subarray(1);
    colorizer.apply(frame, aligned);
    colorizer.apply(frame, unaligned);
    expect(Array.from(unaligned)).toEqual(Array.from(aligned));
  });

  it("colours Float32 values like the direct formula and NaN with the bad colour", () => {
    // Invariant + analytic: NaN → badColor; others → lut[lutIndex(normalize(x))].
    const lut = colormap("inferno");
    const colorizer = createColorizer({
      norm: "linear",
      lower: -1,
      upper: 1,
      colormap: lut,
      badColor: [1, 2, 3, 4],
    });
    const frame = Float32Array.from([Number.NaN, -5, -1, 0, 0.5, 1, 7, Number.POSITIVE_INFINITY]);
    for (const out of [
      new Uint8ClampedArray(frame.length * 4),
      new Uint8ClampedArray(frame.length * 4 + 3).subarray(3),
    ]) {
      colorizer.applyFloat32(frame, out);
      expect(Array.from(out.subarray(0, 4))).toEqual([1, 2, 3, 4]);
      const normalize = createNormalizer("linear", { lower: -1, upper: 1 });
      for (let i = 1; i < frame.length; i++) {
        const index = lutIndex(normalize(frame[i] as number));
        expect(Array.from(out.subarray(4 * i, 4 * i + 4))).toEqual(
          Array.from(lut.subarray(4 * index, 4 * index + 4)),
        );
      }
    }
  });

  it("colours random Float32 values like the direct formula for every norm", () => {
    // Invariant: applyFloat32 equals lut[lutIndex(normalize(x))] (lut entry per pixel).
    const lut = colormap("turbo");
    const frame = Float32Array.from({ length: 4096 }, (_, i) => ((i * 7919) % 4099) - 50);
    const out = new Uint8ClampedArray(frame.length * 4);
    const norms: Norm[] = [
      { kind: "linear" },
      { kind: "log" },
      { kind: "asinh", softeningScale: 7 },
    ];
    for (const norm of norms) {
      createColorizer({ norm, lower: 5, upper: 3000, colormap: lut }).applyFloat32(frame, out);
      const normalize = createNormalizer(norm, { lower: 5, upper: 3000 });
      let mismatches = 0;
      for (let i = 0; i < frame.length; i++) {
        const index = lutIndex(normalize(frame[i] as number));
        for (let c = 0; c < 4; c++) if (out[4 * i + c] !== lut[4 * index + c]) mismatches++;
      }
      expect(mismatches, norm.kind).toBe(0);
    }
  });

  it("defaults the bad colour to transparent", () => {
    const colorizer = createColorizer({ norm: "linear", lower: 0, upper: 1, colormap: "gray" });
    const out = new Uint8ClampedArray(4).fill(9);
    colorizer.applyFloat32(Float32Array.of(Number.NaN), out);
    expect(Array.from(out)).toEqual([0, 0, 0, 0]);
  });

  it("rejects bad bounds, colormaps and output sizes", () => {
    expect(() => createColorizer({ norm: "linear", lower: 9, upper: 3, colormap: "gray" })).toThrow(
      InvalidArgumentError,
    );
    expect(() => createColorizer({ norm: "log", lower: 0, upper: 3, colormap: "gray" })).toThrow(
      InvalidArgumentError,
    );
    expect(() =>
      createColorizer({ norm: "linear", lower: Number.NaN, upper: 3, colormap: "gray" }),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      createColorizer({ norm: "linear", lower: 0, upper: 3, colormap: "nope" as "gray" }),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      createColorizer({ norm: "linear", lower: 0, upper: 3, colormap: new Uint8Array(12) }),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      createColorizer({
        norm: "linear",
        lower: 0,
        upper: 3,
        colormap: "gray",
        badColor: [0, 0, 0, 256],
      }),
    ).toThrow(InvalidArgumentError);
    const colorizer = createColorizer({ norm: "linear", lower: 0, upper: 3, colormap: "gray" });
    expect(() => colorizer.apply(new Uint16Array(4), new Uint8ClampedArray(15))).toThrow(
      InvalidArgumentError,
    );
  });
});

describe("colorizeU16", () => {
  it("equals a colorizer built with the same settings", () => {
    // Invariant: the one-shot helper is the colorizer.
    const frame = ALL_U16.subarray(0, 8192);
    const direct = new Uint8ClampedArray(frame.length * 4);
    const viaColorizer = new Uint8ClampedArray(frame.length * 4);
    colorizeU16(frame, { lower: 100, upper: 5000 }, "asinh", "plasma", direct);
    createColorizer({ norm: "asinh", lower: 100, upper: 5000, colormap: "plasma" }).apply(
      frame,
      viaColorizer,
    );
    expect(Array.from(direct)).toEqual(Array.from(viaColorizer));
  });
});
