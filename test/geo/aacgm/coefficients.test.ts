import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  AACGM_COEFFICIENT_EPOCHS,
  AACGM_COEFFICIENTS,
} from "../../../src/geo/aacgm/aacgm-coefficients.js";
import {
  AACGM_HARMONICS,
  AACGM_VALUES_PER_EPOCH,
  interpolatedCoefficients,
} from "../../../src/geo/aacgm/coefficient-set.js";
import { aacgmHarmonicsInto } from "../../../src/geo/aacgm/spherical-harmonics.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { fixture } from "../../support/fixtures.js";

describeWithFixtures("generated AACGM-v2 coefficient table vs the source .asc files", () => {
  it("carries every value of aacgm_coeffs-14-{2000..2030}.asc exactly", () => {
    // Oracle: the published coefficient files themselves; equality is exact (decimal literals
    // of the same values parse to the same doubles).
    expect(AACGM_COEFFICIENT_EPOCHS).toEqual([2000, 2005, 2010, 2015, 2020, 2025, 2030]);
    for (const epoch of AACGM_COEFFICIENT_EPOCHS) {
      const source = readFileSync(fixture("magnetic", `aacgm_coeffs-14-${epoch}.asc`), "latin1")
        .trim()
        .split(/\s+/)
        .map(Number);
      const ours = AACGM_COEFFICIENTS[epoch] ?? [];
      expect(ours.length).toBe(AACGM_VALUES_PER_EPOCH);
      expect(ours).toEqual(source);
    }
  });
});

describe("AACGM-v2 time interpolation", () => {
  it("equals the epoch set at the epoch and the midpoint of two epochs 2.5 years later", () => {
    // Invariant of AACGM_v2_TimeInterp (weight (fyear − epoch)/5); tolerance 1e-15 relative.
    const parse = (epoch: number) => AACGM_COEFFICIENTS[epoch] ?? [];
    const at2010 = interpolatedCoefficients(Date.UTC(2010, 0, 1));
    const e2010 = parse(2010);
    const e2015 = parse(2015);
    // 2012-07-02 12:00 UTC is exactly half of 2012 (a leap year, 366 days) after 2012-01-01.
    const mid = interpolatedCoefficients(Date.UTC(2012, 6, 2, 0));
    for (let i = 0; i < AACGM_VALUES_PER_EPOCH; i += 97) {
      expect(at2010[i]).toBe(e2010[i]);
      const expected = (e2010[i] as number) + 0.5 * ((e2015[i] as number) - (e2010[i] as number));
      expect(Math.abs((mid[i] as number) - expected)).toBeLessThanOrEqual(
        1e-15 * Math.abs(expected) + 1e-18,
      );
    }
  });
});

describe("AACGM-v2 spherical harmonics", () => {
  it("match the closed forms for l ≤ 2 (Condon–Shortley phase, N_lm normalisation)", () => {
    // Analytic values (see spherical-harmonics.ts for the definition); tolerance 1e-15.
    const theta = 0.7;
    const phi = -2.1;
    const y = new Float64Array(AACGM_HARMONICS);
    aacgmHarmonicsInto(theta, phi, y);
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    const n11 = Math.sqrt(3 / (8 * Math.PI));
    const n22 = Math.sqrt(5 / (96 * Math.PI));
    const n21 = Math.sqrt(5 / (24 * Math.PI));
    const expected: [number, number][] = [
      [0, 1 / Math.sqrt(4 * Math.PI)],
      [2, Math.sqrt(3 / (4 * Math.PI)) * c],
      [3, n11 * -s * Math.cos(phi)],
      [1, n11 * -s * Math.sin(phi)], // m = −1: (−1)^(1+1) N P_1^1 sin φ
      [6, Math.sqrt(5 / (4 * Math.PI)) * 0.5 * (3 * c * c - 1)],
      [7, n21 * -3 * s * c * Math.cos(phi)],
      [5, n21 * -3 * s * c * Math.sin(phi)], // m = −1
      [8, n22 * 3 * s * s * Math.cos(2 * phi)],
      [4, -n22 * 3 * s * s * Math.sin(2 * phi)], // m = −2: (−1)^(2+1)
    ];
    for (const [k, value] of expected)
      expect(Math.abs((y[k] as number) - value)).toBeLessThan(1e-15);
  });
});
