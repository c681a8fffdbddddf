import { describe, expect, it } from "vitest";
import {
  ecefToGeodetic,
  ecefToGeodeticInto,
  enuBasis,
  geodeticToEcef,
  WGS84_A_M,
  WGS84_B_M,
} from "../../src/geo/wgs84.js";

/** Round-trip tolerance: 1 mm of position (the brief's "sub-mm" target, measured in metres). */
const ROUND_TRIP_M = 1e-3;
const M_PER_DEG = 111_320;

describe("WGS84 geodetic <-> ECEF", () => {
  it("round-trips a grid including the poles, the antimeridian and heights from -1 km to 1000 km", () => {
    let worstM = 0;
    for (let lat = -90; lat <= 90; lat += 7.5) {
      for (const lon of [-180, -179.999, -120, -45, 0, 0.001, 60, 135, 179.999]) {
        for (const h of [-1000, 0, 110e3, 1e6]) {
          const p = geodeticToEcef(lat, lon, h);
          const g = ecefToGeodetic(p.x, p.y, p.z);
          // Longitude is undefined at the poles: compare positions there.
          const back = geodeticToEcef(g.latitudeDeg, g.longitudeDeg, g.heightM);
          worstM = Math.max(worstM, Math.hypot(back.x - p.x, back.y - p.y, back.z - p.z));
          expect(Math.abs(g.heightM - h)).toBeLessThan(ROUND_TRIP_M);
          expect(Math.abs(g.latitudeDeg - lat) * M_PER_DEG).toBeLessThan(ROUND_TRIP_M);
          if (Math.abs(lat) < 90) {
            // Invariant: the same meridian, with ±180 the same line.
            const dLon = ((((g.longitudeDeg - lon) % 360) + 540) % 360) - 180;
            expect(Math.abs(dLon) * M_PER_DEG * Math.cos((lat * Math.PI) / 180)).toBeLessThan(
              ROUND_TRIP_M,
            );
          }
        }
      }
    }
    expect(worstM).toBeLessThan(ROUND_TRIP_M);
  });

  it("puts the equator at the semi-major axis and the pole at the semi-minor axis", () => {
    // Analytic: WGS84 definition (a, b = a(1 − f)), exact to 1 µm.
    const equator = geodeticToEcef(0, 0, 0);
    expect(Math.abs(equator.x - WGS84_A_M)).toBeLessThan(1e-6);
    const pole = geodeticToEcef(90, 0, 0);
    expect(Math.abs(pole.z - WGS84_B_M)).toBeLessThan(1e-6);
    // b = 6 356 752.314 245 m (NIMA TR8350.2 Table 3.3), to 1 mm.
    expect(Math.abs(WGS84_B_M - 6_356_752.314245)).toBeLessThan(1e-3);
  });

  it("builds an orthonormal, right-handed ENU basis with up along the ellipsoid normal", () => {
    for (const [lat, lon] of [
      [56.376, -94.64],
      [-33, 151],
      [89.9, 10],
    ] as const) {
      const { east, north, up } = enuBasis(lat, lon);
      const dot = (a: typeof east, b: typeof east) => a.x * b.x + a.y * b.y + a.z * b.z;
      // Invariants of an orthonormal basis, to 1e-12 (dimensionless).
      expect(Math.abs(dot(east, north))).toBeLessThan(1e-12);
      expect(Math.abs(dot(east, up))).toBeLessThan(1e-12);
      expect(Math.abs(dot(north, up))).toBeLessThan(1e-12);
      // east × north = up (right-handed).
      expect(Math.abs(east.y * north.z - east.z * north.y - up.x)).toBeLessThan(1e-12);
      // Up is the normal: moving 1 m up changes only the height, by 1 m (to 1 µm).
      const p = geodeticToEcef(lat, lon, 0);
      const g = ecefToGeodetic(p.x + up.x, p.y + up.y, p.z + up.z);
      expect(Math.abs(g.heightM - 1)).toBeLessThan(1e-6);
    }
  });
});

/**
 * Independent reference: Bowring's iteration (Survey Review 23(181), 1976), iterated to
 * convergence, the method ecefToGeodeticInto used before the closed form replaced it.
 */
function bowringReference(
  x: number,
  y: number,
  z: number,
): { latitudeRad: number; heightM: number } {
  const a = WGS84_A_M;
  const b = WGS84_B_M;
  const e2 = 1 - (b * b) / (a * a);
  const ep2 = e2 / (1 - e2);
  const p = Math.hypot(x, y);
  let beta = Math.atan2(a * z, b * p);
  let latitudeRad = 0;
  for (let i = 0; i < 10; i++) {
    latitudeRad = Math.atan2(z + ep2 * b * Math.sin(beta) ** 3, p - e2 * a * Math.cos(beta) ** 3);
    beta = Math.atan2(b * Math.sin(latitudeRad), a * Math.cos(latitudeRad));
  }
  const s = Math.sin(latitudeRad);
  const n = a / Math.sqrt(1 - e2 * s * s);
  return { latitudeRad, heightM: p * Math.cos(latitudeRad) + (z + e2 * n * s) * s - n };
}

describe("closed-form ECEF → geodetic", () => {
  it("equals converged Bowring within 1e-12 rad and 1 µm from -10 km to beyond geostationary height", () => {
    const out = { latitudeRad: 0, longitudeRad: 0, heightM: 0 };
    let worstLatRad = 0;
    let worstHeightM = 0;
    for (let lat = -90; lat <= 90; lat += 2.5) {
      for (const h of [-10e3, 0, 1, 90e3, 230e3, 1e6, 2e7, 4.2e7]) {
        const p = geodeticToEcef(lat, 33, h);
        ecefToGeodeticInto(p.x, p.y, p.z, out);
        const ref = bowringReference(p.x, p.y, p.z);
        worstLatRad = Math.max(worstLatRad, Math.abs(out.latitudeRad - ref.latitudeRad));
        worstHeightM = Math.max(worstHeightM, Math.abs(out.heightM - ref.heightM));
      }
    }
    // Oracle: the iterative method; tolerances are float64 rounding at 4e7 m (~10 nm).
    expect(worstLatRad).toBeLessThan(1e-12);
    expect(worstHeightM).toBeLessThan(1e-6);
  });
});
