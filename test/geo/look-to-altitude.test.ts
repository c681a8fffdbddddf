import { describe, expect, it } from "vitest";
import {
  lookToAltitude,
  lookToAltitudeEcef,
  lookToAltitudeInto,
} from "../../src/geo/look-to-altitude.js";
import { ecefToGeodetic, geodeticToEcef } from "../../src/geo/wgs84.js";

const SITES = [
  { latitudeDeg: 56.376, longitudeDeg: -94.64, altitudeKm: 0.2 },
  { latitudeDeg: 0, longitudeDeg: 179.9, altitudeKm: 0 },
  { latitudeDeg: -77.8, longitudeDeg: 166.7, altitudeKm: 0.05 },
  { latitudeDeg: 89.5, longitudeDeg: 0, altitudeKm: 0 },
];

/** Great-circle angle between two geodetic points (radians), on a sphere. */
function centralAngleRad(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const s =
    Math.sin(lat1 * r) * Math.sin(lat2 * r) +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.cos((lon2 - lon1) * r);
  return Math.acos(Math.min(1, Math.max(-1, s)));
}

describe("lookToAltitude", () => {
  it("maps the zenith look to the site's own latitude and longitude", () => {
    for (const site of SITES) {
      const p = lookToAltitude(site, 0, 90, 110);
      // Analytic: the ellipsoid normal through the site crosses every shell above the site;
      // the inflated shell is within 0.2 m of a parallel surface, so 1e-5° (~1 m) holds.
      expect(p).not.toBeNull();
      expect(Math.abs((p?.latitudeDeg ?? 0) - site.latitudeDeg)).toBeLessThan(1e-5);
      if (Math.abs(site.latitudeDeg) < 89) {
        expect(Math.abs((p?.longitudeDeg ?? 0) - site.longitudeDeg)).toBeLessThan(1e-5);
      }
    }
  });

  it("puts the crossing at the mapping altitude (geodetic height within 1 mm)", () => {
    for (const site of SITES) {
      for (const altitudeKm of [90, 110, 150, 230]) {
        for (let az = 0; az < 360; az += 45) {
          for (const el of [0, 1, 5, 20, 45, 80]) {
            const p = lookToAltitude(site, az, el, altitudeKm);
            const q = lookToAltitudeEcef(site, az, el, altitudeKm);
            expect(p).not.toBeNull();
            if (p === null || q === null) throw new Error("no crossing");
            // Invariant: the crossing's geodetic height is the mapping altitude (1 mm). The
            // inflated shell (a + h, b + h) alone would be off by up to 0.21 m at 150 km.
            const g = ecefToGeodetic(q.x, q.y, q.z);
            expect(Math.abs(g.heightM - altitudeKm * 1e3)).toBeLessThan(1e-3);
            // The returned lat/lon are that point's (exact up to float64 rounding, 1e-9°).
            expect(Math.abs(g.latitudeDeg - p.latitudeDeg)).toBeLessThan(1e-9);
            expect(p.longitudeDeg).toBeGreaterThanOrEqual(-180);
            expect(p.longitudeDeg).toBeLessThan(180);
          }
        }
      }
    }
  });

  it("lies on the line of sight (the site-to-point direction has the asked azimuth and elevation)", () => {
    const site = SITES[0] as (typeof SITES)[number];
    const s = geodeticToEcef(site.latitudeDeg, site.longitudeDeg, site.altitudeKm * 1e3);
    for (const [az, el] of [
      [10, 30],
      [200, 5],
      [300, 60],
    ] as const) {
      const q = lookToAltitudeEcef(site, az, el, 110);
      if (q === null) throw new Error("no crossing");
      const d = { x: q.x - s.x, y: q.y - s.y, z: q.z - s.z };
      const r = Math.PI / 180;
      const lat = site.latitudeDeg * r;
      const lon = site.longitudeDeg * r;
      const e = -Math.sin(lon) * d.x + Math.cos(lon) * d.y;
      const n =
        -Math.sin(lat) * Math.cos(lon) * d.x -
        Math.sin(lat) * Math.sin(lon) * d.y +
        Math.cos(lat) * d.z;
      const u =
        Math.cos(lat) * Math.cos(lon) * d.x +
        Math.cos(lat) * Math.sin(lon) * d.y +
        Math.sin(lat) * d.z;
      const azBack = (((Math.atan2(e, n) / r) % 360) + 360) % 360;
      const elBack = Math.atan2(u, Math.hypot(e, n)) / r;
      // Invariant (the crossing lies on the ray), to 1e-9° of float64 rounding.
      expect(Math.abs(azBack - az)).toBeLessThan(1e-9);
      expect(Math.abs(elBack - el)).toBeLessThan(1e-9);
    }
  });

  it("matches the spherical-Earth ground range of a horizontal look within 0.5 %", () => {
    // Analytic sphere: a horizontal look from the surface reaches altitude h at central angle
    // acos(R / (R + h)). The ellipsoid's local radius differs from the mean radius by < 0.4 %,
    // which changes the angle by about half that: 0.5 % is the stated tolerance.
    const site = { latitudeDeg: 45, longitudeDeg: 10, altitudeKm: 0 };
    // Gaussian mean radius of curvature at 45° (WGS84): sqrt(M N).
    const a = 6378.137;
    const e2 = 0.00669437999014;
    const s2 = 0.5;
    const n = a / Math.sqrt(1 - e2 * s2);
    const m = (a * (1 - e2)) / (1 - e2 * s2) ** 1.5;
    const radiusKm = Math.sqrt(m * n);
    for (const h of [90, 110, 150]) {
      const expected = Math.acos(radiusKm / (radiusKm + h));
      for (const az of [0, 90, 180, 270]) {
        const p = lookToAltitude(site, az, 0, h);
        if (p === null) throw new Error("no crossing");
        const got = centralAngleRad(
          site.latitudeDeg,
          site.longitudeDeg,
          p.latitudeDeg,
          p.longitudeDeg,
        );
        expect(Math.abs(got / expected - 1)).toBeLessThan(0.005);
      }
    }
  });

  it("returns null below the horizon and for a site above the shell", () => {
    const site = SITES[0] as (typeof SITES)[number];
    expect(lookToAltitude(site, 0, -1, 110)).toBeNull();
    expect(lookToAltitude(site, 0, Number.NaN, 110)).toBeNull();
    expect(lookToAltitude({ ...site, altitudeKm: 120 }, 0, 45, 110)).toBeNull();
  });

  it("fills typed arrays exactly like the scalar form, NaN where there is no crossing", () => {
    const site = SITES[1] as (typeof SITES)[number];
    const az = new Float32Array([0, 90, 180, 270, 45, 10]);
    const el = new Float32Array([10, 20, 30, 40, -5, Number.NaN]);
    const lat = new Float64Array(az.length);
    const lon = new Float32Array(az.length);
    lookToAltitudeInto(site, az, el, 110, lat, lon);
    for (let i = 0; i < 4; i++) {
      const p = lookToAltitude(site, az[i] as number, el[i] as number, 110);
      // Same arithmetic: exact in float64, float32 rounding for the float32 output.
      expect(lat[i]).toBe(p?.latitudeDeg);
      expect(lon[i]).toBe(Math.fround(p?.longitudeDeg ?? 0));
    }
    // This site sits 0.1° from the antimeridian: looks east cross it and wrap into [-180, 180).
    expect(lon[1]).toBeGreaterThanOrEqual(-180);
    expect(lon[1]).toBeLessThan(-175);
    expect(Number.isNaN(lat[4])).toBe(true);
    expect(Number.isNaN(lon[5])).toBe(true);
  });
});
