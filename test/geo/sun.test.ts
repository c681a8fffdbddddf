import { describe, expect, it } from "vitest";
import { solarCoordinates, solarElevationDeg, subsolarPoint } from "../../src/geo/sun.js";

describe("Sun position (Meeus low-accuracy, as the AACGM-v2 MLT code)", () => {
  it("matches Meeus, Astronomical Algorithms, Example 25.a (1992-10-13 0h TD): δ = −7.78507°", () => {
    // Oracle: Meeus 2nd ed. Example 25.a, apparent declination by this same low-accuracy method.
    // Tolerance 1e-4° (the example's printed precision is 1e-5°; UT is fed in as TD).
    const { declinationDeg, equationOfTimeMin } = solarCoordinates(Date.UTC(1992, 9, 13));
    expect(Math.abs(declinationDeg - -7.78507)).toBeLessThan(1e-4);
    // Oracle: Meeus Example 28.b, E = +13m42.6s = 13.710 min on the same date, computed there
    // with the full VSOP87 position; the low-accuracy right ascension gives 13.699 min.
    // Tolerance 0.02 min = 1.2 s.
    expect(Math.abs(equationOfTimeMin - 13.71)).toBeLessThan(0.02);
  });

  it("reproduces aacgmv2 utils.subsol(2020,1,1) = lon −179.233°E, lat −23.059°N", () => {
    // Oracle: aacgm_documented_examples.txt (python aacgmv2.utils.subsol, which uses the
    // Astronomical Almanac C24 formulas, not Meeus). Latitude agrees to 2e-4°; longitude to
    // 0.0044° (0.9 s of time), the difference between the two published algorithms. Tolerances:
    // 0.001° latitude, 0.005° longitude.
    const p = subsolarPoint(Date.UTC(2020, 0, 1));
    expect(Math.abs(p.latitudeDeg - -23.059)).toBeLessThan(0.001);
    expect(Math.abs(p.longitudeDeg - -179.233)).toBeLessThan(0.005);
  });

  it("puts the Sun on the equator at the 2020 March equinox (USNO: 2020-03-20 03:50 UTC)", () => {
    // Oracle: USNO Astronomical Applications, "Earth's Seasons" 2020 table (equinox 03:50 UTC).
    // The declination changes 0.0165°/h there; a 1-minute table rounding is 3e-4°. Tolerance 0.002°.
    expect(Math.abs(subsolarPoint(Date.UTC(2020, 2, 20, 3, 50)).latitudeDeg)).toBeLessThan(0.002);
  });

  it("solar elevation: 90° at the subsolar point, 90° − |lat − δ| on its meridian, −90° at the antipode", () => {
    // Analytic invariants of the spherical-astronomy formula (tolerance 1e-9°).
    const t = Date.UTC(2023, 5, 21, 16, 37);
    const s = subsolarPoint(t);
    expect(Math.abs(solarElevationDeg(t, s.latitudeDeg, s.longitudeDeg) - 90)).toBeLessThan(1e-6);
    expect(
      Math.abs(solarElevationDeg(t, 60, s.longitudeDeg) - (90 - (60 - s.latitudeDeg))),
    ).toBeLessThan(1e-9);
    expect(Math.abs(solarElevationDeg(t, -s.latitudeDeg, s.longitudeDeg + 180) - -90)).toBeLessThan(
      1e-6,
    );
  });

  it("solar elevation at local apparent noon at Fairbanks on the 2020 December solstice", () => {
    // Oracle: USNO "Earth's Seasons" 2020: December solstice 2020-12-21 10:02 UTC, when the
    // declination is minus the apparent obliquity: Meeus eq. 22.2 gives ε0 = 23.4366° for
    // T = 0.2097 cy, plus 0.00256° cos Ω (Ω ≈ 79°) = 23.4370°. Tolerance 0.003° covers the
    // 1-minute rounding of the table (≤ 1e-6°) and the low-accuracy model (~0.001°).
    // At apparent noon the geometric elevation is 90° − φ + δ.
    const solsticeMs = Date.UTC(2020, 11, 21, 10, 2);
    expect(Math.abs(subsolarPoint(solsticeMs).latitudeDeg - -23.437)).toBeLessThan(0.003);
    // Local apparent noon at 147.72°W: when the subsolar longitude is −147.72° (4 min/°).
    const t0 = Date.UTC(2020, 11, 21, 22);
    const noonMs = t0 + (subsolarPoint(t0).longitudeDeg - -147.72) * 240_000;
    const expected = 90 - 64.84 + subsolarPoint(noonMs).latitudeDeg;
    // Tolerance 0.001°: the hour angle at noonMs is within 1e-3° after one correction step.
    expect(Math.abs(solarElevationDeg(noonMs, 64.84, -147.72) - expected)).toBeLessThan(0.001);
    expect(solarElevationDeg(noonMs + 12 * 3_600_000, 64.84, -147.72)).toBeLessThan(-40);
  });
});
