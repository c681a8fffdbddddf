import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../../src/core/errors.js";
import { COLORMAP_NAMES, colormap } from "../../../src/render/color/colormap.js";

function entry(table: Uint8Array, i: number): number[] {
  return Array.from(table.subarray(4 * i, 4 * i + 4));
}

/**
 * Oracle: matplotlib `lib/matplotlib/_cm_listed.py` (commit 07d25f3c), entries 0, 128 and 255
 * of `_viridis_data`, `_magma_data`, `_inferno_data`, `_plasma_data` (floats in [0, 1]).
 * A 256-entry matplotlib colormap evaluated at i/255 returns data row i.
 */
const MATPLOTLIB_ROWS: Record<string, Record<number, [number, number, number]>> = {
  viridis: {
    0: [0.267004, 0.004874, 0.329415],
    128: [0.127568, 0.566949, 0.550556],
    255: [0.993248, 0.906157, 0.143936],
  },
  magma: {
    0: [0.001462, 0.000466, 0.013866],
    128: [0.716387, 0.214982, 0.47529],
    255: [0.987053, 0.991438, 0.749504],
  },
  inferno: {
    0: [0.001462, 0.000466, 0.013866],
    255: [0.988362, 0.998364, 0.644924],
  },
  plasma: {
    0: [0.050383, 0.029803, 0.527975],
    255: [0.940015, 0.975158, 0.131326],
  },
};

describe("colormap", () => {
  it("reproduces matplotlib's listed colormap rows to the nearest 8-bit level", () => {
    for (const [name, rows] of Object.entries(MATPLOTLIB_ROWS)) {
      const table = colormap(name);
      for (const [index, rgb] of Object.entries(rows)) {
        // Tolerance: 0 levels against round(255 · v) (d3 stores matplotlib's data as rounded hex).
        const expected = [...rgb.map((v) => Math.round(255 * v)), 255];
        expect(entry(table, Number(index)), `${name}[${index}]`).toEqual(expected);
      }
    }
  });

  it("gives viridis the published endpoint colours #440154 and #fde725", () => {
    // Oracle: matplotlib/d3 viridis endpoints as published (brief; `_cm_listed.py` rows 0 and 255).
    const table = colormap("viridis");
    expect(entry(table, 0)).toEqual([0x44, 0x01, 0x54, 255]);
    expect(entry(table, 255)).toEqual([0xfd, 0xe7, 0x25, 255]);
  });

  it("makes gray, red and green exact linear ramps from black", () => {
    // Analytic: entry i has level i (matplotlib LinearSegmentedColormap k→w, k→r, k→g at i/255).
    const gray = colormap("gray");
    const red = colormap("red");
    const green = colormap("green");
    for (let i = 0; i < 256; i++) {
      expect(entry(gray, i)).toEqual([i, i, i, 255]);
      expect(entry(red, i)).toEqual([i, 0, 0, 255]);
      expect(entry(green, i)).toEqual([0, i, 0, 255]);
    }
  });

  it("builds Greys_r as matplotlib's piecewise-linear ColorBrewer ramp, black to white", () => {
    // Oracle: ColorBrewer Greys-9 nodes (#000000, #252525, ..., #ffffff reversed) sit at
    // t = k/8; entries 0 and 255 are the endpoints, and the ramp is monotone (invariant).
    const table = colormap("Greys_r");
    expect(entry(table, 0)).toEqual([0, 0, 0, 255]);
    expect(entry(table, 255)).toEqual([255, 255, 255, 255]);
    for (let i = 1; i < 256; i++)
      expect(table[4 * i]).toBeGreaterThanOrEqual(table[4 * i - 4] as number);
    // Oracle: ColorBrewer node #252525 (37) sits at t = 1/8; entry 32 (t = 32/255 ≈ 0.1255) is
    // just past it on the segment towards #525252, so it is within one level of 37.
    expect(Math.abs((table[4 * 32] as number) - 0x25)).toBeLessThanOrEqual(1);
  });

  it("builds turbo from d3's polynomial: opaque, dark blue-ish start, dark red end", () => {
    // Invariant: Turbo (Mikhailov 2019) runs from a dark purple-blue to a dark red; d3 evaluates
    // its polynomial fit (not matplotlib's listed table) at t = 0 → rgb(35, 23, 27) and
    // t = 1 → rgb(144, 12, 0). Tolerance 0 levels: d3 output rounded to integers.
    const table = colormap("turbo");
    for (let i = 0; i < 256; i++) expect(table[4 * i + 3]).toBe(255);
    expect(entry(table, 0)).toEqual([35, 23, 27, 255]);
    expect(entry(table, 255)).toEqual([144, 12, 0, 255]);
  });

  it("rejects unknown names, listing the known ones", () => {
    expect(() => colormap("jet")).toThrow(InvalidArgumentError);
    expect(() => colormap("jet")).toThrow(COLORMAP_NAMES.join(", "));
  });
});
