import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { aacgmToGeo, geoToAacgm } from "../../../src/geo/aacgm/aacgm.js";
import { magneticLocalTime, mlonFromMlt } from "../../../src/geo/aacgm/mlt.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { fixture } from "../../support/fixtures.js";

/** The brief's AACGM-v2 acceptance tolerance: 0.01° per coordinate. */
const DOC_DEG = 0.01;
/** Tolerance for values the C library printed with 6 decimals (test_aacgm expected output): 2e-6°. */
const C_PRINT_DEG = 2e-6;
/** 0.01° of MLT longitude expressed in hours (0.01°/15). */
const DOC_MLT_H = DOC_DEG / 15;

describeWithFixtures("AACGM-v2 coefficients vs aacgm_documented_examples.txt", () => {
  const text = readFileSync(fixture("magnetic", "aacgm_documented_examples.txt"), "latin1");
  /** Every expected value below is quoted from the file; this proves the quotes are verbatim. */
  function documented(line: string): void {
    expect(text).toContain(line);
  }

  it("C library test_aacgm, 2029-03-22 03:11:00: GEO->AACG and AACG->GEO coefficient lines", () => {
    // Oracle: c_aacgmv2/README.txt expected output (C library with the -14 coefficients).
    documented("GEO->AACG coeff : 45.5 -23.5 1135 -> mlat 47.402897 mlon 56.602300 r 1.177533");
    documented(
      "AACG->GEO coeff : 47.402897 56.602300 (h 1131.097495) -> glat 45.439863 glon -23.477496 h 1134.977555",
    );
    const t = Date.UTC(2029, 2, 22, 3, 11, 0);
    const g2a = geoToAacgm(t, 45.5, -23.5, 1135);
    expect(Math.abs(g2a.latitudeDeg - 47.402897)).toBeLessThan(C_PRINT_DEG);
    expect(Math.abs(g2a.longitudeDeg - 56.6023)).toBeLessThan(C_PRINT_DEG);
    // r printed with 6 decimals: 1e-6 RE.
    expect(Math.abs(g2a.radiusRe - 1.177533)).toBeLessThan(1e-6);
    const a2g = aacgmToGeo(t, 47.402897, 56.6023, 1131.097495);
    expect(Math.abs(a2g.latitudeDeg - 45.439863)).toBeLessThan(C_PRINT_DEG);
    expect(Math.abs(a2g.longitudeDeg - -23.477496)).toBeLessThan(C_PRINT_DEG);
    // Height printed with 6 decimals: 2e-6 km.
    expect(Math.abs(a2g.altitudeKm - 1134.977555)).toBeLessThan(2e-6);
  });

  it("C library test_aacgm, 2029-03-22 03:11:00: GEO->AACG and AACG->GEO trace lines via method 'trace'", () => {
    // Oracle: c_aacgmv2/README.txt expected output (C library TRACE). Tolerance 1e-4°: the C
    // values are printed to 1e-6° but two independent RK integrations of the same IGRF line
    // agree only to their step-control tolerance (we measure 4e-7°).
    documented("GEO->AACG trace : 45.5 -23.5 1135 -> mlat 47.408678 mlon 56.600154 r 1.177533");
    documented("AACG->GEO trace : 47.408678 56.600154 -> 45.500000 -23.500000 1135.000000");
    const t = Date.UTC(2029, 2, 22, 3, 11, 0);
    const p = geoToAacgm(t, 45.5, -23.5, 1135, { method: "trace" });
    expect(Math.abs(p.latitudeDeg - 47.408678)).toBeLessThan(1e-4);
    expect(Math.abs(p.longitudeDeg - 56.600154)).toBeLessThan(1e-4);
    // The inverse takes the geocentric height of the forward's r (C README: same h as above).
    const back = aacgmToGeo(t, 47.408678, 56.600154, (p.radiusRe - 1) * 6371.2, {
      method: "trace",
    });
    expect(Math.abs(back.latitudeDeg - 45.5)).toBeLessThan(1e-4);
    expect(Math.abs(back.longitudeDeg - -23.5)).toBeLessThan(1e-4);
    // Height printed with 6 decimals; the trace stops on the geocentric sphere to ~1 m: 1e-3 km.
    expect(Math.abs(back.altitudeKm - 1135)).toBeLessThan(1e-3);
  });

  it("C library test_aacgm MLT coeff line (run at 2003-05-17 07:53:16, not 2029)", () => {
    // The file's header puts the whole C block at 2029-03-22 03:11:00, but the MLT lines come
    // from test_aacgm.c's MLT section, which sets 2003-05-17 07:53:16 (SetDateTime(2003,5,17,7,53,16));
    // at 2029 the same input gives mlat 47.294, mlon -14.097, so the date is certainly 2003.
    documented("MLT  coeff : 37 -88 300 -> mlat 48.844360 mlon -16.999467 mlt 1.978187");
    documented("MLT  trace : 37 -88 300 -> mlat 48.839634 mlon -17.004932 mlt 1.977822");
    const t = Date.UTC(2003, 4, 17, 7, 53, 16);
    const p = geoToAacgm(t, 37, -88, 300);
    expect(Math.abs(p.latitudeDeg - 48.84436)).toBeLessThan(C_PRINT_DEG);
    expect(Math.abs(p.longitudeDeg - -16.999467)).toBeLessThan(C_PRINT_DEG);
    // MLT printed with 6 decimals: 2e-6 h.
    expect(Math.abs(magneticLocalTime(t, p.longitudeDeg) - 1.978187)).toBeLessThan(2e-6);
    // The trace line's MLT is the same function applied to the traced mlon: checks MLT alone.
    expect(Math.abs(magneticLocalTime(t, -17.004932) - 1.977822)).toBeLessThan(2e-6);
  });

  it("python README, 2013-11-03: G2A at 300 km with MLT, and A2G of both poles", () => {
    documented(
      "2013-11-03T00:00:00 glat=60 glon=15 alt_km=300  -> mlat=57.4736 mlon=93.6111 mlt=1.4816",
    );
    documented(
      "2013-11-03T00:00:00 A2G mlat=[90,-90] mlon=0 alt=0 -> glat=[82.9686,-84.6501] glon=[-74.3390,125.8476] r/height=[14.1246,12.8772]",
    );
    const t = Date.UTC(2013, 10, 3);
    const p = geoToAacgm(t, 60, 15, 300);
    expect(Math.abs(p.latitudeDeg - 57.4736)).toBeLessThan(DOC_DEG);
    expect(Math.abs(p.longitudeDeg - 93.6111)).toBeLessThan(DOC_DEG);
    expect(Math.abs(magneticLocalTime(t, p.longitudeDeg) - 1.4816)).toBeLessThan(DOC_MLT_H);
    // The README prints numpy arrays per output (lat array, lon array, height array) but the
    // file's labels pair them per point: point 1 = (82.9686, -84.6501), point 2 = (-74.3390, 125.8476).
    const north = aacgmToGeo(t, 90, 0, 0);
    const south = aacgmToGeo(t, -90, 0, 0);
    expect(Math.abs(north.latitudeDeg - 82.9686)).toBeLessThan(DOC_DEG);
    expect(Math.abs(north.longitudeDeg - -84.6501)).toBeLessThan(DOC_DEG);
    expect(Math.abs(south.latitudeDeg - -74.339)).toBeLessThan(DOC_DEG);
    expect(Math.abs(south.longitudeDeg - 125.8476)).toBeLessThan(DOC_DEG);
    // Geodetic heights of points at geocentric radius 6371.2 km, printed with 4 decimals: 1e-4 km.
    expect(Math.abs(north.altitudeKm - 14.1246)).toBeLessThan(1e-4);
    expect(Math.abs(south.altitudeKm - 12.8772)).toBeLessThan(1e-4);
  });

  it("usage.rst ALLOWTRACE example, 2020-01-01 at 300 km (coefficients apply below 2000 km)", () => {
    documented(
      "2020-01-01T00:00:00 glat=45 glon=0 alt_km=300 method=ALLOWTRACE -> mlat=40.749 mlon=76.177 mlt=23.851",
    );
    const t = Date.UTC(2020, 0, 1);
    const p = geoToAacgm(t, 45, 0, 300, { method: "allowTrace" });
    expect(Math.abs(p.latitudeDeg - 40.749)).toBeLessThan(DOC_DEG);
    expect(Math.abs(p.longitudeDeg - 76.177)).toBeLessThan(DOC_DEG);
    expect(Math.abs(magneticLocalTime(t, p.longitudeDeg) - 23.851)).toBeLessThan(DOC_MLT_H);
  });

  it("usage.rst CLI examples of 2015-02-24 are not AACGM-v2 reference outputs (Apex values, older MLT; pinned)", () => {
    documented(
      "2015-02-24 glat=60 glon=15 alt_km=300 -> 57.47612194 93.55719875 1.04566346   (mlat mlon r[Re])",
    );
    documented("2015-02-24T14:00:15 MLT=12 -> mlon=44.65645875");
    // With the -14 set we get mlat 57.48099, mlon 93.52900 (doc: 57.47612, 93.55720) and
    // mlon(MLT=12) 44.63121 (doc: 44.65646): latitude within 0.005°, longitudes 0.025–0.028°
    // west, while every value produced by the AACGM-v2 reference code matches to < 2e-6° and
    // the 2013 and 2020 examples to < 0.002°. These two are not AACGM-v2 reference outputs:
    // - "57.47612194 93.55719875" for (60°, 15°, 300 km, 2015-02-24) is, digit for digit, the
    //   Apex (apexpy) result of the same point in apexpy's own docs and tests (`apexpy geo apex
    //   2015`, height 300), from which aacgmv2's CLI docs were adapted; only the r column
    //   (1.04566346, pure WGS84→geocentric geometry) is aacgmv2's, and it matches to 1e-8 RE.
    // - The MLT example predates aacgmv2's change of MLT method (aburrell/aacgmv2 PR #2,
    //   "Changed how MLT is calculated") and later alignment with the C library's 700 km
    //   subsolar reference, which our MLT follows (its C-test MLT values match to 1e-6 h).
    // We pin our values and check these two doc values only to 0.03°.
    const t = Date.UTC(2015, 1, 24);
    const p = geoToAacgm(t, 60, 15, 300);
    expect(Math.abs(p.latitudeDeg - 57.47612194)).toBeLessThan(DOC_DEG);
    // r depends only on WGS84 → geocentric conversion: matches to the printed 1e-8 RE.
    expect(Math.abs(p.radiusRe - 1.04566346)).toBeLessThan(1e-8);
    expect(Math.abs(p.longitudeDeg - 93.55719875)).toBeLessThan(0.03);
    expect(Math.abs(p.longitudeDeg - 93.52899516832007)).toBeLessThan(1e-9); // pinned (own value, regression)
    const mlon = mlonFromMlt(Date.UTC(2015, 1, 24, 14, 0, 15), 12);
    expect(Math.abs(mlon - 44.65645875)).toBeLessThan(0.03);
    expect(Math.abs(mlon - 44.63120797209615)).toBeLessThan(1e-9); // pinned (own value, regression)
  });
});
