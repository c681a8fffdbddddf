import { describe, expect, it } from "vitest";
import { wrapLongitudeDeg } from "../../src/geo/angles.js";
import {
  destinationPoint,
  greatCircleDistanceKm,
  initialBearingDeg,
  MEAN_EARTH_RADIUS_KM,
} from "../../src/geo/great-circle.js";
import { geodeticToEcef } from "../../src/geo/wgs84.js";

const MM_IN_KM = 1e-6;

describe("great circles on the mean-radius sphere", () => {
  it("has the IUGG mean radius R1 = (2a + b) / 3 = 6371.0088 km", () => {
    // Analytic: Moritz, GRS80 (identical a, b to 0.1 mm for WGS84): R1 = 6371.0088 km (0.1 mm).
    expect(Math.abs(MEAN_EARTH_RADIUS_KM - 6371.0088)).toBeLessThan(1e-4);
  });

  it("gives analytic distances: a quarter meridian, one degree of equator, antipodes", () => {
    const r = MEAN_EARTH_RADIUS_KM;
    // Analytic: central angles π/2, π/180 and π on the sphere, to 1 mm.
    const quarter = greatCircleDistanceKm(
      { latitudeDeg: 0, longitudeDeg: 10 },
      { latitudeDeg: 90, longitudeDeg: 0 },
    );
    expect(Math.abs(quarter - (Math.PI / 2) * r)).toBeLessThan(MM_IN_KM);
    const degree = greatCircleDistanceKm(
      { latitudeDeg: 0, longitudeDeg: 179.5 },
      { latitudeDeg: 0, longitudeDeg: -179.5 },
    );
    expect(Math.abs(degree - (Math.PI / 180) * r)).toBeLessThan(MM_IN_KM);
    const antipodes = greatCircleDistanceKm(
      { latitudeDeg: 30, longitudeDeg: 20 },
      { latitudeDeg: -30, longitudeDeg: -160 },
    );
    expect(Math.abs(antipodes - Math.PI * r)).toBeLessThan(MM_IN_KM);
  });

  it("round-trips destinationPoint ↔ distance and bearing within 1 mm, across the antimeridian and near poles", () => {
    let worstKm = 0;
    for (const start of [
      { latitudeDeg: 62.41, longitudeDeg: -145.16 },
      { latitudeDeg: 0, longitudeDeg: 179.9 },
      { latitudeDeg: -89.9, longitudeDeg: 45 },
      { latitudeDeg: 89.99, longitudeDeg: -180 },
    ]) {
      for (let bearing = 0; bearing < 360; bearing += 22.5) {
        for (const distanceKm of [0.001, 1, 100, 1000, 5000]) {
          const end = destinationPoint(start, bearing, distanceKm);
          expect(end.longitudeDeg).toBeGreaterThanOrEqual(-180);
          expect(end.longitudeDeg).toBeLessThan(180);
          // Invariant: the distance to the destination is the distance travelled.
          worstKm = Math.max(worstKm, Math.abs(greatCircleDistanceKm(start, end) - distanceKm));
          if (Math.abs(start.latitudeDeg) < 89 && distanceKm >= 1) {
            // Invariant: the initial bearing is the one asked (1 mm across at 1 km: 6e-5°).
            const dBearing =
              ((((initialBearingDeg(start, end) - bearing) % 360) + 540) % 360) - 180;
            expect(Math.abs(dBearing)).toBeLessThan(6e-5);
          }
        }
      }
    }
    expect(worstKm).toBeLessThan(MM_IN_KM);
  });

  it("stays within 0.6 % of the WGS84 straight-line distance for 50 km separations at all latitudes", () => {
    // Oracle: the ECEF chord on the ellipsoid (for 50 km the chord is shorter than the
    // ellipsoidal geodesic by ~1e-6 relative); the sphere's stated accuracy is 0.6 % (worst: the
    // meridian radius at the equator, a(1 − e²) = 6335.4 km, is 0.56 % below R1).
    for (let lat = -89; lat <= 89; lat += 8) {
      for (const bearing of [0, 45, 90]) {
        const start = { latitudeDeg: lat, longitudeDeg: 20 };
        const end = destinationPoint(start, bearing, 50);
        const a = geodeticToEcef(start.latitudeDeg, start.longitudeDeg, 0);
        const b = geodeticToEcef(end.latitudeDeg, end.longitudeDeg, 0);
        const chordKm = Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z) / 1e3;
        expect(Math.abs(50 / chordKm - 1)).toBeLessThan(0.006);
      }
    }
  });

  it("wraps longitudes into [-180, 180)", () => {
    // Analytic values (binary-exact inputs).
    expect([180, -180, 540, -0.25, 359.5].map(wrapLongitudeDeg)).toEqual([
      -180, -180, -180, -0.25, -0.5,
    ]);
  });
});
