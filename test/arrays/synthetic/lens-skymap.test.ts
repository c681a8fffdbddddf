import { describe, expect, it } from "vitest";
import { fisheyeSkymap } from "../../../src/arrays/synthetic/lens-skymap.js";
import { lookToAltitude } from "../../../src/geo/look-to-altitude.js";

const SITE = { code: "gill", latitudeDeg: 56.376, longitudeDeg: -94.64, altitudeKm: 0.2 };
const SIZE = 64;
const skymap = fisheyeSkymap({ site: SITE, width: SIZE, height: SIZE });
const at = (a: Float32Array, row: number, col: number, width = SIZE) =>
  a[row * width + col] as number;

describe("fisheyeSkymap", () => {
  it("looks north at the top, east at the left, south at the bottom, west at the right", () => {
    const mid = SIZE / 2;
    // Analytic (aurorakit orientation, DESIGN.md). Pixel centres sit half a pixel off the
    // centre line, so azimuths differ from the cardinal values by atan(0.5/31.5) = 0.91° at most.
    const azTol = 1;
    const off = (az: number, expected: number) =>
      Math.abs(((((az - expected) % 360) + 540) % 360) - 180);
    expect(off(at(skymap.azimuthDeg, 0, mid), 0)).toBeLessThan(azTol);
    expect(off(at(skymap.azimuthDeg, mid, 0), 90)).toBeLessThan(azTol);
    expect(off(at(skymap.azimuthDeg, SIZE - 1, mid), 180)).toBeLessThan(azTol);
    expect(off(at(skymap.azimuthDeg, mid, SIZE - 1), 270)).toBeLessThan(azTol);
  });

  it("has the zenith at the centre and 85° zenith angle at the circle's edge", () => {
    const mid = SIZE / 2;
    // Analytic: the centre pixels are sqrt(2)/2 px from the centre, 85°·0.707/32 = 1.9° off zenith.
    expect(at(skymap.elevationDeg, mid, mid)).toBeGreaterThan(88);
    // Edge pixel centre at (−31.5, +0.5) px from the centre: elevation 90 − 85·r/32, to float32 (1e-4°).
    expect(
      Math.abs(at(skymap.elevationDeg, mid, 0) - (90 - (85 * Math.hypot(31.5, 0.5)) / 32)),
    ).toBeLessThan(1e-4);
    // Corners of the frame are outside the circle: NaN.
    expect(Number.isNaN(at(skymap.elevationDeg, 0, 0))).toBe(true);
    expect(Number.isNaN(at(skymap.azimuthDeg, SIZE - 1, SIZE - 1))).toBe(true);
  });

  it("has (h+1)x(w+1) corner grids per altitude and longitudes in [-180, 180)", () => {
    expect(skymap.altitudesKm).toEqual([90, 110, 150]);
    expect(skymap.cornerLatitudeDeg).toHaveLength(3);
    for (const grid of [...skymap.cornerLatitudeDeg, ...skymap.cornerLongitudeDeg]) {
      expect(grid.length).toBe((SIZE + 1) * (SIZE + 1));
    }
    for (const lon of skymap.cornerLongitudeDeg) {
      for (const v of lon) if (!Number.isNaN(v)) expect(v >= -180 && v < 180).toBe(true);
    }
  });

  it("decreases in latitude from the top row to the bottom row along the centre column", () => {
    const w = SIZE + 1;
    for (const lat of skymap.cornerLatitudeDeg) {
      let previous = Number.POSITIVE_INFINITY;
      let finite = 0;
      for (let row = 0; row <= SIZE; row++) {
        const v = at(lat, row, SIZE / 2, w);
        if (Number.isNaN(v)) continue;
        // Invariant: north is up.
        expect(v).toBeLessThan(previous);
        previous = v;
        finite++;
      }
      expect(finite).toBeGreaterThan(SIZE - 2);
    }
  });

  it("maps corners through lookToAltitude with the corner's own az/el", () => {
    // Oracle: lookToAltitude at the corner's analytic look (az 0 at the top centre corner,
    // elevation 90 − 85·r). float32 storage: 1e-4°.
    const w = SIZE + 1;
    const row = 8;
    const r = (SIZE / 2 - row) / (SIZE / 2);
    const p = lookToAltitude(SITE, 0, 90 - 85 * r, 110);
    expect(
      Math.abs(
        at(skymap.cornerLatitudeDeg[1] as Float32Array, row, SIZE / 2, w) - (p?.latitudeDeg ?? 0),
      ),
    ).toBeLessThan(1e-4);
    expect(
      Math.abs(
        at(skymap.cornerLongitudeDeg[1] as Float32Array, row, SIZE / 2, w) - (p?.longitudeDeg ?? 0),
      ),
    ).toBeLessThan(1e-4);
  });

  it("rotates azimuths by rotationDeg", () => {
    const rotated = fisheyeSkymap({ site: SITE, width: SIZE, height: SIZE, rotationDeg: 30 });
    // Analytic: every finite azimuth shifts by 30° (mod 360), to float32 (1e-3°).
    for (let i = 0; i < SIZE * SIZE; i += 97) {
      const a = skymap.azimuthDeg[i] as number;
      if (Number.isNaN(a)) continue;
      const d = (((((rotated.azimuthDeg[i] as number) - a - 30) % 360) + 540) % 360) - 180;
      expect(Math.abs(d)).toBeLessThan(1e-3);
    }
  });
});

describe("fisheyeSkymap near the antimeridian", () => {
  it("wraps corner longitudes into [-180, 180) on both sides of 180°", () => {
    const near = fisheyeSkymap({
      site: { code: "anti", latitudeDeg: 65, longitudeDeg: 179.5, altitudeKm: 0 },
      width: 32,
      height: 32,
    });
    let east = 0;
    let west = 0;
    for (const lon of near.cornerLongitudeDeg) {
      for (const v of lon) {
        if (Number.isNaN(v)) continue;
        // Invariant of the convention (DESIGN.md: longitudes in [-180, 180)).
        expect(v >= -180 && v < 180).toBe(true);
        if (v > 170) west++;
        if (v < -170) east++;
      }
    }
    // The field of view (~±9° of longitude at 110 km, 65°N) straddles the antimeridian.
    expect(east).toBeGreaterThan(0);
    expect(west).toBeGreaterThan(0);
  });
});
