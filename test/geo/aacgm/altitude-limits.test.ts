import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../../src/core/errors.js";
import { aacgmToGeo, geoToAacgm } from "../../../src/geo/aacgm/aacgm.js";
import { createAacgmConverter } from "../../../src/geo/aacgm/converter.js";
import { aacgmToGeoTrace, geoToAacgmTrace } from "../../../src/geo/aacgm/trace-mode.js";

const T = Date.UTC(2022, 2, 1);

describe("AACGM-v2 limits and undefined regions", () => {
  it("refuses coefficients above 2000 km unless badIdea (C library error -4)", () => {
    expect(() => geoToAacgm(T, 65, -147, 2000.5)).toThrow(InvalidArgumentError);
    expect(() => aacgmToGeo(T, 70, 0, 2500)).toThrow(InvalidArgumentError);
    expect(() => geoToAacgm(T, 65, -147, 2000)).not.toThrow();
    const extrapolated = geoToAacgm(T, 65, -147, 3000, { method: "badIdea" });
    expect(Number.isFinite(extrapolated.latitudeDeg)).toBe(true);
  });

  it("batch methods apply the same altitude limit", () => {
    const converter = createAacgmConverter(T, { altitudeKm: 2500 });
    const out = { latitudeDeg: new Float64Array(1), longitudeDeg: new Float64Array(1) };
    expect(() => converter.geoToAacgmBatch([65], [-147], out)).toThrow(InvalidArgumentError);
    expect(converter.geoToAacgmBatch([65], [-147], out, { badIdea: true })).toBe(0);
  });

  it("trace uses the field-line tracer at any height; allowTrace only above 2000 km", () => {
    // Invariant: method "trace" is exactly trace-mode.ts; allowTrace ≤ 2000 km is exactly coefficients.
    expect(geoToAacgm(T, 65, -147, 300, { method: "trace" })).toEqual(
      geoToAacgmTrace(T, 65, -147, 300),
    );
    expect(geoToAacgm(T, 65, -147, 3000, { method: "allowTrace" })).toEqual(
      geoToAacgmTrace(T, 65, -147, 3000),
    );
    expect(aacgmToGeo(T, 70, 30, 2500, { method: "allowTrace" })).toEqual(
      aacgmToGeoTrace(T, 70, 30, 2500),
    );
    expect(geoToAacgm(T, 65, -147, 300, { method: "allowTrace" })).toEqual(
      geoToAacgm(T, 65, -147, 300),
    );
  });

  it("rejects latitudes outside [-90, 90] and times outside the coefficient epochs", () => {
    expect(() => geoToAacgm(T, 90.5, 0, 0)).toThrow(InvalidArgumentError);
    expect(() => aacgmToGeo(T, -91, 0, 0)).toThrow(InvalidArgumentError);
    expect(() => geoToAacgm(Date.UTC(1999, 11, 31, 23, 59), 65, 0, 0)).toThrow(
      InvalidArgumentError,
    );
    expect(() => geoToAacgm(Date.UTC(2030, 0, 1), 65, 0, 0)).toThrow(InvalidArgumentError);
    expect(() => geoToAacgm(Number.NaN, 65, 0, 0)).toThrow(InvalidArgumentError);
    expect(() => geoToAacgm(Date.UTC(2029, 11, 31, 23, 59), 65, 0, 0)).not.toThrow();
  });

  it("near the magnetic equator: NaN where the fit leaves the unit sphere, else |mlat| >= the dipole minimum", () => {
    // At 110 km, 10°N 0°E the fitted x² + y² exceeds 1: undefined, NaN (C: error -64).
    const p = geoToAacgm(T, 10, 0, 110);
    expect(Number.isNaN(p.latitudeDeg)).toBe(true);
    expect(Number.isNaN(p.longitudeDeg)).toBe(true);
    // Elsewhere the fit (like the C library) returns a value; AACGM latitudes at height h
    // cannot be lower than the dipole minimum cos²λ = RE/(RE + h) (Shepherd 2014 eq. 4),
    // 21.57° at 1000 km. Invariant checked across the dip equator to 0.5°.
    const minimumDeg = Math.acos(Math.sqrt(6371.2 / (6371.2 + 1000))) * (180 / Math.PI);
    for (let lat = -30; lat <= 30; lat += 1) {
      const q = geoToAacgm(T, lat, -75, 1000);
      if (Number.isNaN(q.latitudeDeg)) continue;
      expect(Math.abs(q.latitudeDeg)).toBeGreaterThan(minimumDeg - 0.5);
    }
    // Inverse: mlat 20° at 1000 km: (1 + 1000/6371.2)·cos²20° = 1.022 > 1, no at-altitude latitude.
    expect(Number.isNaN(aacgmToGeo(T, 20, 0, 1000).latitudeDeg)).toBe(true);
    // mlat 22°: 1.157·cos²22° = 0.995 < 1: defined.
    expect(Number.isFinite(aacgmToGeo(T, 22, 0, 1000).latitudeDeg)).toBe(true);
  });

  it("geodetic 2000 km is up to 2006.9 km geocentric: the inverse at that height needs badIdea, as in C", () => {
    const m = geoToAacgm(T, 0.5, 0, 2000);
    const geocentricHeightKm = (m.radiusRe - 1) * 6371.2;
    // Analytic: WGS84 equatorial radius 6378.137 km − RE 6371.2 km = 6.937 km extra (at 0.5° the
    // ellipsoid is 0.0016 km lower): 2006.935 km ± 0.01 km.
    expect(Math.abs(geocentricHeightKm - 2006.935)).toBeLessThan(0.01);
    expect(() => aacgmToGeo(T, 40, 0, geocentricHeightKm)).toThrow(InvalidArgumentError);
    expect(() => aacgmToGeo(T, 40, 0, geocentricHeightKm, { method: "badIdea" })).not.toThrow();
  });
});
