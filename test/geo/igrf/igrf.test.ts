import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../../src/core/errors.js";
import {
  decimalYearFromTimeMs,
  timeMsFromDecimalYear,
} from "../../../src/geo/igrf/decimal-year.js";
import { igrf, igrfGeocentric } from "../../../src/geo/igrf/igrf.js";
import { IgrfModel, igrfModel } from "../../../src/geo/igrf/igrf-model.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { fixture } from "../../support/fixtures.js";

const DEG = Math.PI / 180;

describeWithFixtures("IGRF-14 against igrf14syn (IGRF14_test_geocentric.txt)", () => {
  it("matches all official test points within 0.1 nT per component", () => {
    const rows = readFileSync(fixture("magnetic", "IGRF14_test_geocentric.txt"), "latin1")
      .trim()
      .split(/\r?\n/)
      .map((line) => line.trim().split(/\s+/).map(Number));
    expect(rows.length).toBe(2000);
    const maxError = { x: 0, y: 0, z: 0, f: 0 };
    for (const row of rows) {
      const [year, radiusKm, colatDeg, lonDeg, x, y, z, f] = row as [
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      // The file's dates are decimal years; igrf14syn interpolates linearly in them, and
      // timeMsFromDecimalYear maps a decimal year to the instant that maps back to it exactly.
      // Rows at 2030.0–2035.0 are igrf14syn's own extrapolation, reached with allowExtrapolation.
      const field = igrfGeocentric(timeMsFromDecimalYear(year), radiusKm, colatDeg, lonDeg, {
        allowExtrapolation: year >= 2030,
      });
      maxError.x = Math.max(maxError.x, Math.abs(field.northNt - x));
      maxError.y = Math.max(maxError.y, Math.abs(field.eastNt - y));
      maxError.z = Math.max(maxError.z, Math.abs(field.downNt - z));
      maxError.f = Math.max(maxError.f, Math.abs(field.totalNt - f));
    }
    console.info(`IGRF-14 max |error| over 2000 rows, nT: ${JSON.stringify(maxError)}`);
    // Oracle: igrf14syn values in the file; tolerance 0.1 nT per component (issue 4).
    expect(maxError.x).toBeLessThan(0.1);
    expect(maxError.y).toBeLessThan(0.1);
    expect(maxError.z).toBeLessThan(0.1);
    expect(maxError.f).toBeLessThan(0.1);
  });
});

describe("IGRF-14 analytic checks", () => {
  const t2020 = Date.UTC(2020, 0, 1);

  it("reproduces an epoch's dipole field analytically from g10, g11, h11", () => {
    const model = igrfModel(t2020);
    const { g10, g11, h11 } = model.dipole;
    // Oracle: IGRF-14 table, 2020.0 column, g(1,0) g(1,1) h(1,1) exactly.
    expect([g10, g11, h11]).toEqual([-29403.41, -1451.37, 4653.35]);
    // A model holding only the dipole terms: B of a centred dipole, analytic.
    const dipoleOnly = new IgrfModel(2020);
    dipoleOnly.g.fill(0);
    dipoleOnly.h.fill(0);
    dipoleOnly.g[1] = g10;
    dipoleOnly.g[2] = g11;
    dipoleOnly.h[2] = h11;
    dipoleOnly.refreshOrder();
    const out = new Float64Array(3);
    for (const [r, theta, phi] of [
      [6371.2, 0.3, 1.1],
      [12000, 2.0, -2.5],
      [7000, 1e-14, 0.4],
    ] as const) {
      dipoleOnly.fieldSpherical(r, theta, phi, out);
      const q = (6371.2 / r) ** 3;
      const horizontal = g11 * Math.cos(phi) + h11 * Math.sin(phi);
      const br = 2 * q * (g10 * Math.cos(theta) + horizontal * Math.sin(theta));
      const bt = q * (g10 * Math.sin(theta) - horizontal * Math.cos(theta));
      const bp = q * (g11 * Math.sin(phi) - h11 * Math.cos(phi));
      // Analytic dipole, tolerance 1e-6 nT (rounding only).
      expect(out[0]).toBeCloseTo(br, 6);
      expect(out[1]).toBeCloseTo(bt, 6);
      expect(out[2]).toBeCloseTo(bp, 6);
    }
  });

  it("agrees between the spherical and cartesian forms, poles included", () => {
    const model = igrfModel(t2020);
    const s = new Float64Array(3);
    const c = new Float64Array(3);
    for (const [r, theta, phi] of [
      [6500, 0.7, 2.2],
      [6400, 0, 0],
      [6400, Math.PI, 0],
      [9000, 1.5, -3.0],
    ] as const) {
      model.fieldSpherical(r, theta, phi, s);
      model.fieldEcef(
        r * Math.sin(theta) * Math.cos(phi),
        r * Math.sin(theta) * Math.sin(phi),
        r * Math.cos(theta),
        c,
      );
      const st = Math.sin(theta);
      const ct = Math.cos(theta);
      const horizontal = (s[0] as number) * st + (s[1] as number) * ct;
      // Invariant: the same vector in two bases, tolerance 1e-6 nT.
      expect(c[0]).toBeCloseTo(horizontal * Math.cos(phi) - (s[2] as number) * Math.sin(phi), 6);
      expect(c[1]).toBeCloseTo(horizontal * Math.sin(phi) + (s[2] as number) * Math.cos(phi), 6);
      expect(c[2]).toBeCloseTo((s[0] as number) * ct - (s[1] as number) * st, 6);
    }
  });

  it("is continuous through the pole (no 1/sin θ blow-up)", () => {
    const model = igrfModel(t2020);
    const atPole = new Float64Array(3);
    const near = new Float64Array(3);
    model.fieldEcef(0, 0, 6500, atPole);
    model.fieldEcef(1e-4, 0, 6500, near); // 10 cm off the axis
    // Invariant: continuity; over 10 cm the field changes by far less than 0.01 nT.
    for (let i = 0; i < 3; i++)
      expect(Math.abs((atPole[i] as number) - (near[i] as number))).toBeLessThan(0.01);
  });

  it("rotates geodetic input into the local geodetic frame (equator: no rotation; F preserved)", () => {
    const geodetic = igrf(t2020, 45, 10, 0);
    // Geocentric oracle: the same point converted with WGS84 by hand (equator: no rotation).
    const atEquator = igrf(t2020, 0, 10, 0);
    const equatorGeocentric = igrfGeocentric(t2020, 6378.137, 90, 10);
    // Analytic: at the equator geodetic and geocentric frames coincide and r = a = 6378.137 km; 1e-6 nT.
    expect(atEquator.northNt).toBeCloseTo(equatorGeocentric.northNt, 6);
    expect(atEquator.downNt).toBeCloseTo(equatorGeocentric.downNt, 6);
    // Invariant: a rotation preserves F; declination/inclination consistent with components.
    expect(Math.hypot(geodetic.northNt, geodetic.eastNt, geodetic.downNt)).toBeCloseTo(
      geodetic.totalNt,
      6,
    );
    expect(Math.tan(geodetic.declinationDeg * DEG)).toBeCloseTo(
      geodetic.eastNt / geodetic.northNt,
      12,
    );
  });

  it("maps decimal years to instants and back", () => {
    // Analytic: 2020 is a leap year, so 2020.5 is 183 days after 1 January.
    expect(timeMsFromDecimalYear(2020.5)).toBe(Date.UTC(2020, 0, 1) + 183 * 86_400_000);
    // Exact for epoch starts; 1e-12 yr (≈ 30 µs) round trip otherwise.
    expect(decimalYearFromTimeMs(Date.UTC(2025, 0, 1))).toBe(2025);
    expect(decimalYearFromTimeMs(timeMsFromDecimalYear(1987.123))).toBeCloseTo(1987.123, 12);
  });

  it("rejects dates outside 1900-01-01 .. 2030-01-01 naming the range", () => {
    expect(() => igrfModel(Date.UTC(1899, 11, 31, 23, 59))).toThrow(InvalidArgumentError);
    expect(() => igrfModel(Date.UTC(2030, 0, 1))).toThrow(/1900-01-01 to 2030-01-01/);
    expect(() => igrfModel(Number.NaN)).toThrow(InvalidArgumentError);
    expect(() => igrfModel(Date.UTC(2035, 0, 1), { allowExtrapolation: true })).toThrow(
      /2035-01-01/,
    );
    expect(igrfModel(Date.UTC(1900, 0, 1)).decimalYear).toBe(1900);
    expect(igrfModel(Date.UTC(2029, 11, 31)).decimalYear).toBeLessThan(2030);
  });
});
