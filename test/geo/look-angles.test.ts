import { describe, expect, it } from "vitest";
import {
  aerToEnuInto,
  enuToAerInto,
  LocalFrame,
  lookAngles,
  lookAnglesInto,
} from "../../src/geo/look-angles.js";
import { lookToAltitude, lookToAltitudeEcef } from "../../src/geo/look-to-altitude.js";
import { ecefToGeodetic, geodeticToEcef } from "../../src/geo/wgs84.js";

/** The round-trip target: 1 mm of position. */
const ROUND_TRIP_M = 1e-3;

const SITES = [
  { latitudeDeg: 62.41, longitudeDeg: -145.16, altitudeKm: 0 },
  { latitudeDeg: 0, longitudeDeg: 179.99, altitudeKm: 0.3 },
  { latitudeDeg: -89.999, longitudeDeg: 0, altitudeKm: 2.8 },
  { latitudeDeg: 90, longitudeDeg: 0, altitudeKm: 0 },
  { latitudeDeg: -33, longitudeDeg: -180, altitudeKm: 0 },
];

describe("lookAngles", () => {
  it("is consistent with lookToAltitude within 1 mm, down to the horizon, at poles and antimeridian", () => {
    let worstM = 0;
    for (const site of SITES) {
      for (const altitudeKm of [90, 110, 230, 800]) {
        for (let az = 0; az < 360; az += 30) {
          for (const el of [0, 0.01, 1, 5, 30, 60, 89.9, 90]) {
            const p = lookToAltitude(site, az, el, altitudeKm);
            if (p === null) throw new Error("no crossing");
            const back = lookAngles(site, { ...p, altitudeKm });
            // Invariant: the crossing at the mapping altitude is seen at the asked look. The
            // angle error times the range is the position error, which must stay < 1 mm.
            const r = Math.PI / 180;
            const dAz = ((((back.azimuthDeg - az) % 360) + 540) % 360) - 180;
            const horizontalErrorM = Math.abs(dAz * r) * Math.cos(el * r) * back.rangeKm * 1e3;
            const verticalErrorM = Math.abs((back.elevationDeg - el) * r) * back.rangeKm * 1e3;
            // At the zenith the azimuth is undefined (the horizontal term carries cos el = 0).
            worstM = Math.max(worstM, horizontalErrorM, verticalErrorM);
          }
        }
      }
    }
    expect(worstM).toBeLessThan(ROUND_TRIP_M);
  });

  it("puts every lookToAltitude crossing at the exact geodetic altitude (1 mm)", () => {
    let worstM = 0;
    for (const site of SITES) {
      for (const altitudeKm of [90, 150, 230, 999, 1200, 36_000]) {
        for (let az = 0; az < 360; az += 45) {
          for (const el of [0, 0.5, 10, 45, 90]) {
            const q = lookToAltitudeEcef(site, az, el, altitudeKm);
            if (q === null) throw new Error("no crossing");
            const g = ecefToGeodetic(q.x, q.y, q.z);
            // Invariant: the definition of the mapping shell (constant geodetic height).
            worstM = Math.max(worstM, Math.abs(g.heightM - altitudeKm * 1e3));
            const p = lookToAltitude(site, az, el, altitudeKm);
            // The returned lat/lon are that ECEF point's (1 mm ≈ 9e-9° of latitude).
            expect(Math.abs((p?.latitudeDeg ?? Number.NaN) - g.latitudeDeg) * 111_320).toBeLessThan(
              ROUND_TRIP_M,
            );
          }
        }
      }
    }
    expect(worstM).toBeLessThan(ROUND_TRIP_M);
  });

  it("gives analytic looks: straight up, and along the meridian", () => {
    const site = { latitudeDeg: 45, longitudeDeg: 10, altitudeKm: 0 };
    // Analytic: a point on the ellipsoid normal 110 km up is at elevation 90°, range 110 km.
    const up = lookAngles(site, { ...site, altitudeKm: 110 });
    expect(Math.abs(up.elevationDeg - 90)).toBeLessThan(1e-9);
    expect(Math.abs(up.rangeKm - 110)).toBeLessThan(1e-9);
    // Analytic: a point due north (same longitude) has azimuth 0, one due south 180 (1e-9°).
    expect(lookAngles(site, { ...site, latitudeDeg: 46, altitudeKm: 100 }).azimuthDeg).toBeCloseTo(
      0,
      9,
    );
    expect(
      Math.abs(lookAngles(site, { ...site, latitudeDeg: 44, altitudeKm: 100 }).azimuthDeg - 180),
    ).toBeLessThan(1e-9);
    // Analytic: the horizon dips, so a point 1° away on the surface is below 0° elevation
    // by about half the central angle (0.5°, within 0.01° for the ellipsoid's curvature).
    const low = lookAngles(site, { ...site, latitudeDeg: 46, altitudeKm: 0 });
    expect(Math.abs(low.elevationDeg + 0.5)).toBeLessThan(0.01);
  });

  it("round-trips ECEF → ENU → AER → ENU → ECEF within 1 mm over a grid with poles and the antimeridian", () => {
    let worstM = 0;
    const enu = { east: 0, north: 0, up: 0 };
    const aer = { azimuthDeg: 0, elevationDeg: 0, rangeKm: 0 };
    const back = { x: 0, y: 0, z: 0 };
    for (const site of SITES) {
      const frame = new LocalFrame(site);
      for (let lat = -90; lat <= 90; lat += 15) {
        for (const lon of [-180, -179.9, -90, 0, 45, 179.9]) {
          for (const h of [0, 110e3, 2e7]) {
            const p = geodeticToEcef(lat, lon, h);
            frame.ecefToEnuInto(p.x, p.y, p.z, enu);
            enuToAerInto(enu.east, enu.north, enu.up, aer);
            aerToEnuInto(aer.azimuthDeg, aer.elevationDeg, aer.rangeKm, enu);
            frame.enuToEcefInto(enu.east, enu.north, enu.up, back);
            worstM = Math.max(worstM, Math.hypot(back.x - p.x, back.y - p.y, back.z - p.z));
            expect(aer.azimuthDeg).toBeGreaterThanOrEqual(0);
            expect(aer.azimuthDeg).toBeLessThan(360);
          }
        }
      }
    }
    // Invariant: rotations and the polar form are inverse; float64 rounding at 2e7 m is ~4 nm.
    expect(worstM).toBeLessThan(ROUND_TRIP_M);
  });

  it("fills typed arrays exactly like the scalar form, NaN for non-finite targets", () => {
    const site = SITES[0] as (typeof SITES)[number];
    const lat = new Float64Array([63, 61, 62.41, Number.NaN]);
    const lon = new Float64Array([-145, -140, -145.16, 0]);
    const alt = new Float64Array([110, 230, 500, 110]);
    const az = new Float64Array(4);
    const el = new Float64Array(4);
    const range = new Float64Array(4);
    lookAnglesInto(site, lat, lon, alt, az, el, range);
    for (let i = 0; i < 3; i++) {
      const one = lookAngles(site, {
        latitudeDeg: lat[i] as number,
        longitudeDeg: lon[i] as number,
        altitudeKm: alt[i] as number,
      });
      // Same arithmetic: exact.
      expect([az[i], el[i], range[i]]).toEqual([one.azimuthDeg, one.elevationDeg, one.rangeKm]);
    }
    expect([az[3], el[3], range[3]]).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    expect(() => lookAnglesInto(site, lat, lon, alt.subarray(1), az, el, range)).toThrow(
      /targetAltitudeKm/,
    );
  });
});
