import { describe, expect, it } from "vitest";
import { fisheyeSkymap } from "../../../src/arrays/synthetic/lens-skymap.js";
import { centralAngleRad } from "../../../src/geo/great-circle.js";
import { lookToAltitude } from "../../../src/geo/look-to-altitude.js";
import { cornerDirections, pixelDirections } from "../../../src/geo/skymap/directions.js";
import { mapPixelCentres, mapSkymapAtAltitude } from "../../../src/geo/skymap/reproject.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { cornersToCentres, readGakonaSkymap, stats } from "./gakona-skymap.js";

const SITE = { code: "test", latitudeDeg: 62.41, longitudeDeg: -145.16, altitudeKm: 0.1 };
/** Distance (km) between two lat/lon points at a mapping altitude, on the mean sphere. */
function distanceKm(
  lat1: number,
  lon1: number,
  lat2: number,
  lon2: number,
  altitudeKm: number,
): number {
  return centralAngleRad(lat1, lon1, lat2, lon2) * (6371.0088 + altitudeKm);
}

describe("skymap reprojection on a synthetic fisheye", () => {
  const lens = fisheyeSkymap({ site: SITE, width: 256, height: 256, altitudesKm: [110] });

  it("maps every pixel centre exactly as lookToAltitude maps its az/el (float32 output)", () => {
    const centres = mapPixelCentres(lens, 230);
    let finite = 0;
    for (let i = 0; i < lens.azimuthDeg.length; i++) {
      const p = lookToAltitude(
        SITE,
        lens.azimuthDeg[i] as number,
        lens.elevationDeg[i] as number,
        230,
      );
      // Oracle: the scalar lookToAltitude, rounded to float32 once (exact equality).
      expect(centres.latitudeDeg[i]).toBe(p === null ? Number.NaN : Math.fround(p.latitudeDeg));
      expect(centres.longitudeDeg[i]).toBe(p === null ? Number.NaN : Math.fround(p.longitudeDeg));
      if (p !== null) finite++;
    }
    expect(finite).toBeGreaterThan(1000);
  });

  it("puts corners within 10 m (median) and 200 m (max, at the edge) of the analytic corner looks", () => {
    // Oracle: fisheyeSkymap's own corner grids come from the exact corner az/el of the lens
    // model (not from centres). Averaging four unit vectors errs at second order in the pixel
    // size (0.66° here); edge corners are extrapolated linearly, which errs more.
    const { corners } = mapSkymapAtAltitude(lens, 110);
    const lat = lens.cornerLatitudeDeg[0] as Float32Array;
    const lon = lens.cornerLongitudeDeg[0] as Float32Array;
    const errors = new Float64Array(lat.length).fill(Number.NaN);
    for (let k = 0; k < lat.length; k++) {
      errors[k] = distanceKm(
        lat[k] as number,
        lon[k] as number,
        corners.latitudeDeg[k] as number,
        corners.longitudeDeg[k] as number,
        110,
      );
    }
    const s = stats(errors);
    // Measured: median 4 m, 99th percentile 37 m, max 124 m (at the image-circle edge).
    expect(s.count).toBeGreaterThan(50_000);
    expect(s.median).toBeLessThan(0.01);
    expect(s.max).toBeLessThan(0.2);
  });

  it("keeps longitudes in [-180, 180) for a site on the antimeridian", () => {
    const onAntimeridian = fisheyeSkymap({
      site: { ...SITE, longitudeDeg: -180 },
      width: 32,
      height: 32,
    });
    const { centres, corners } = mapSkymapAtAltitude(onAntimeridian, 230);
    let east = 0;
    let west = 0;
    for (const grid of [centres.longitudeDeg, corners.longitudeDeg]) {
      for (const v of grid) {
        if (Number.isNaN(v)) continue;
        expect(v).toBeGreaterThanOrEqual(-180);
        expect(v).toBeLessThan(180);
        if (v > 0) east++;
        else west++;
      }
    }
    // Invariant: the view straddles the antimeridian, so both signs occur.
    expect(east).toBeGreaterThan(100);
    expect(west).toBeGreaterThan(100);
  });

  it("gives NaN for pixels below the horizon and outside the view, and rejects bad input", () => {
    const looks = {
      site: SITE,
      width: 2,
      height: 1,
      azimuthDeg: new Float32Array([10, 10]),
      elevationDeg: new Float32Array([-1, Number.NaN]),
    };
    const { centres } = mapSkymapAtAltitude(looks, 110);
    expect(Array.from(centres.latitudeDeg)).toEqual([Number.NaN, Number.NaN]);
    expect(() => mapSkymapAtAltitude({ ...looks, width: 3 }, 110)).toThrow(/need 3 values/);
    expect(() => mapPixelCentres(looks, Number.NaN)).toThrow(/altitudeKm/);
  });

  it("builds corner directions by the documented rule (mean of four; 2·C1 − C2 at the edge)", () => {
    // Analytic: a 3x3 grid of directions along a great circle row-wise; the interior corner
    // (1,1) is the normalised mean of centres (0,0),(0,1),(1,0),(1,1); the top-left corner
    // (0,0) has one adjacent centre and is extrapolated diagonally from corners (1,1),(2,2).
    const az = new Float32Array([350, 0, 10, 350, 0, 10, 350, 0, 10]);
    const el = new Float32Array([60, 60, 60, 50, 50, 50, 40, 40, 40]);
    const centres = pixelDirections(az, el);
    const corners = cornerDirections(centres, 3, 3);
    const mean = [0, 1, 2].map(
      (j) =>
        (centres[j] as number) +
        (centres[3 + j] as number) +
        (centres[9 + j] as number) +
        (centres[12 + j] as number),
    );
    const norm = Math.hypot(...mean);
    const k = 3 * (1 * 4 + 1);
    for (let j = 0; j < 3; j++)
      expect(Math.abs((corners[k + j] as number) - (mean[j] as number) / norm)).toBeLessThan(1e-15);
    // Every corner of a fully valid grid is a unit vector (float64 rounding, 1e-15).
    for (let c = 0; c < 16; c++) {
      expect(
        Math.abs(
          Math.hypot(
            corners[3 * c] as number,
            corners[3 * c + 1] as number,
            corners[3 * c + 2] as number,
          ) - 1,
        ),
      ).toBeLessThan(1e-15);
    }
    // The top-left corner lies beyond centre (0,0), away from the grid: higher than 60°.
    expect(Math.asin(corners[2] as number) * (180 / Math.PI)).toBeGreaterThan(60);
  });
});

describeWithFixtures("skymap reprojection vs the official THEMIS Gakona skymap", () => {
  const skymap = readGakonaSkymap();
  for (const [a, altitudeKm] of skymap.altitudesKm.entries()) {
    it(`matches the official ${altitudeKm} km grid: centres median < 0.5 km, corners median < 0.05 km`, () => {
      const { centres, corners } = mapSkymapAtAltitude(skymap, altitudeKm);
      const officialLat = skymap.cornerLatitudeDeg[a] as Float32Array;
      const officialLon = skymap.cornerLongitudeDeg[a] as Float32Array;
      const official = cornersToCentres(officialLat, officialLon, skymap.width, skymap.height);
      const centreErrors = new Float64Array(centres.latitudeDeg.length);
      for (let i = 0; i < centreErrors.length; i++) {
        centreErrors[i] = distanceKm(
          official.latitudeDeg[i] as number,
          official.longitudeDeg[i] as number,
          centres.latitudeDeg[i] as number,
          centres.longitudeDeg[i] as number,
          altitudeKm,
        );
      }
      const c = stats(centreErrors);
      // Oracle: the official corner grids (UCalgary's skymap file) averaged to centres.
      // Measured: median 0.03–0.05 km, max 0.95–1.18 km at the horizon (elevation < 0.02°,
      // row ~128, column 246, azimuth ~293°) where the official corners are extrapolated.
      expect(c.count).toBeGreaterThan(48_000);
      expect(c.median).toBeLessThan(0.5);
      expect(c.p99).toBeLessThan(1.2);
      expect(c.max).toBeLessThan(1.5);
      expect(skymap.elevationDeg[c.argmax]).toBeLessThan(1);
      const cornerErrors = new Float64Array(officialLat.length);
      for (let k = 0; k < cornerErrors.length; k++) {
        cornerErrors[k] = distanceKm(
          officialLat[k] as number,
          officialLon[k] as number,
          corners.latitudeDeg[k] as number,
          corners.longitudeDeg[k] as number,
          altitudeKm,
        );
      }
      const k = stats(cornerErrors);
      // Oracle: the official corner grids. Measured: median 6–9 m, max 0.15 km.
      expect(k.count).toBeGreaterThan(48_000);
      expect(k.median).toBeLessThan(0.05);
      expect(k.max).toBeLessThan(0.3);
    });
  }
});
