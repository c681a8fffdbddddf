import { describe, expect, it } from "vitest";
import { fisheyeSkymap } from "../../../src/arrays/synthetic/lens-skymap.js";
import { greatCircleDistanceKm, initialBearingDeg } from "../../../src/geo/great-circle.js";
import { lookToAltitude } from "../../../src/geo/look-to-altitude.js";
import { fovOutline } from "../../../src/geo/skymap/fov-outline.js";

const SITE = { code: "test", latitudeDeg: 62.41, longitudeDeg: -145.16, altitudeKm: 0 };

describe("fovOutline", () => {
  const lens = fisheyeSkymap({ site: SITE, width: 256, height: 256, fieldOfViewDeg: 170 });

  it("traces the ground distance of the minimum elevation all around, closed and clockwise", () => {
    const ring = fovOutline(lens, 110, 10);
    // Analytic: the 10° look maps to one distance from the site whatever the azimuth; the
    // outline's pixels lie within one pitch (0.66°) above 10°, i.e. up to ~25 km inside it.
    const edge = lookToAltitude(SITE, 0, 10, 110);
    if (edge === null) throw new Error("no crossing");
    const edgeKm = greatCircleDistanceKm(SITE, edge);
    expect(ring.length).toBeGreaterThan(300);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    let previousBearing = -1;
    for (const [lon, lat] of ring.slice(0, -1)) {
      const d = greatCircleDistanceKm(SITE, { latitudeDeg: lat, longitudeDeg: lon });
      expect(d).toBeLessThanOrEqual(edgeKm * 1.001);
      expect(d).toBeGreaterThan(edgeKm - 25);
      // Invariant: ordered by azimuth, north → east → south → west.
      const bearing = initialBearingDeg(SITE, { latitudeDeg: lat, longitudeDeg: lon });
      expect(bearing).toBeGreaterThan(previousBearing);
      previousBearing = bearing;
    }
  });

  it("stays a short-edged ring across the antimeridian, longitudes in [-180, 180)", () => {
    const straddling = fisheyeSkymap({
      site: { ...SITE, longitudeDeg: 179.5 },
      width: 128,
      height: 128,
    });
    const ring = fovOutline(straddling, 230, 5, { azimuthSectors: 72 });
    expect(ring).toHaveLength(73);
    let wrapped = 0;
    for (let k = 1; k < ring.length; k++) {
      const [lon0, lat0] = ring[k - 1] as [number, number];
      const [lon1, lat1] = ring[k] as [number, number];
      expect(lon1).toBeGreaterThanOrEqual(-180);
      expect(lon1).toBeLessThan(180);
      if (Math.sign(lon0) !== Math.sign(lon1) && Math.abs(lon0) > 90) wrapped++;
      // Invariant: neighbouring points of a ~1700 km-radius ring 5° apart are ~150 km apart
      // (plus pixel jitter); a wrong way round the globe would be thousands of km.
      const d = greatCircleDistanceKm(
        { latitudeDeg: lat0, longitudeDeg: lon0 },
        { latitudeDeg: lat1, longitudeDeg: lon1 },
      );
      expect(d).toBeLessThan(300);
    }
    // The ring crosses the antimeridian twice (out and back).
    expect(wrapped).toBe(2);
  });

  it("is empty when no pixel reaches the minimum elevation, and rejects bad sectors", () => {
    const narrow = fisheyeSkymap({ site: SITE, width: 20, height: 20, fieldOfViewDeg: 40 });
    expect(fovOutline(narrow, 110, 89.9)).toEqual([]);
    expect(() => fovOutline(narrow, 110, 10, { azimuthSectors: 2 })).toThrow(/azimuthSectors/);
  });
});
