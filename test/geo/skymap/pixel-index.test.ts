import { describe, expect, it } from "vitest";
import { fisheyeSkymap } from "../../../src/arrays/synthetic/lens-skymap.js";
import { Mulberry32 } from "../../../src/arrays/synthetic/prng.js";
import { lookToAltitude } from "../../../src/geo/look-to-altitude.js";
import {
  buildPixelIndex,
  nearestPixel,
  nearestPixelsInto,
} from "../../../src/geo/skymap/pixel-index.js";
import type { SkymapLooks } from "../../../src/geo/skymap/reproject.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { readGakonaSkymap } from "./gakona-skymap.js";

const DEG = Math.PI / 180;
const SITE = { code: "test", latitudeDeg: 62.41, longitudeDeg: -145.16, altitudeKm: 0 };

/** Brute force: the angle (degrees) to every indexed pixel, and the smallest. */
function bruteForce(
  skymap: SkymapLooks,
  azimuthDeg: number,
  elevationDeg: number,
  minElevationDeg: number,
): { pixel: number; separationDeg: number } {
  const q = [
    Math.cos(elevationDeg * DEG) * Math.sin(azimuthDeg * DEG),
    Math.cos(elevationDeg * DEG) * Math.cos(azimuthDeg * DEG),
    Math.sin(elevationDeg * DEG),
  ];
  let best = -1;
  let bestCos = -2;
  for (let i = 0; i < skymap.azimuthDeg.length; i++) {
    const el = (skymap.elevationDeg[i] as number) * DEG;
    const az = (skymap.azimuthDeg[i] as number) * DEG;
    if (!(el >= minElevationDeg * DEG) || !Number.isFinite(az)) continue;
    const cos =
      Math.cos(el) * Math.sin(az) * (q[0] as number) +
      Math.cos(el) * Math.cos(az) * (q[1] as number) +
      Math.sin(el) * (q[2] as number);
    if (cos > bestCos) {
      bestCos = cos;
      best = i;
    }
  }
  return { pixel: best, separationDeg: Math.acos(Math.min(1, bestCos)) / DEG };
}

describe("nearestPixel on a synthetic fisheye", () => {
  const lens = fisheyeSkymap({ site: SITE, width: 101, height: 101, fieldOfViewDeg: 160 });
  const index = buildPixelIndex(lens, { minElevationDeg: 5 });

  it("finds the centre pixel at the zenith and the top-centre edge looking north", () => {
    // Analytic: the odd-sized lens has its optical axis on pixel (50, 50); azimuth 0 is up
    // (row 0), so a look due north at the lowest elevation lands on column 50, row 0 or 1.
    expect(nearestPixel(index, { azimuthDeg: 0, elevationDeg: 90 })).toMatchObject({
      row: 50,
      column: 50,
    });
    const north = nearestPixel(index, { azimuthDeg: 0, elevationDeg: 11 });
    expect(north?.column).toBe(50);
    expect(north?.row).toBeLessThanOrEqual(2);
    // Azimuth 90° (east) is on the left (column 0 side) in aurorakit orientation.
    const east = nearestPixel(index, { azimuthDeg: 90, elevationDeg: 11 });
    expect(east?.row).toBe(50);
    expect(east?.column).toBeLessThanOrEqual(2);
  });

  it("returns null below the minimum elevation and outside the field of view", () => {
    expect(nearestPixel(index, { azimuthDeg: 0, elevationDeg: 4.9 })).toBeNull();
    expect(nearestPixel(index, { azimuthDeg: 0, elevationDeg: Number.NaN })).toBeNull();
    const narrow = buildPixelIndex(
      fisheyeSkymap({ site: SITE, width: 50, height: 50, fieldOfViewDeg: 60 }),
    );
    // Analytic: a 60° lens sees elevations ≥ 60°; 40° is ~10 pixel pitches outside.
    expect(nearestPixel(narrow, { azimuthDeg: 123, elevationDeg: 40 })).toBeNull();
    expect(nearestPixel(narrow, { azimuthDeg: 123, elevationDeg: 75 })).not.toBeNull();
  });

  it("agrees with brute force on 2000 random looks (same pixel or an exact tie)", () => {
    const generator = new Mulberry32(7);
    const random = () => generator.next();
    for (let n = 0; n < 2000; n++) {
      const az = random() * 360;
      const el = 11 + random() * 79; // the 160° lens sees elevations ≥ 10°
      const found = nearestPixel(index, { azimuthDeg: az, elevationDeg: el });
      const truth = bruteForce(lens, az, el, 5);
      // Oracle: exhaustive search over all indexed pixels; separations agree to 1e-9°.
      expect(found).not.toBeNull();
      expect(Math.abs((found?.separationDeg ?? 0) - truth.separationDeg)).toBeLessThan(1e-6);
      if ((found?.row ?? 0) * lens.width + (found?.column ?? 0) !== truth.pixel) {
        // Only an exact tie (equidistant pixels) may pick the other one.
        expect(Math.abs((found?.separationDeg ?? 0) - truth.separationDeg)).toBeLessThan(1e-9);
      }
    }
  });

  it("answers batches exactly like single queries, -1 where there is no pixel", () => {
    const az = new Float64Array([0, 45, 200, 300]);
    const el = new Float64Array([90, 30, 2, 60]);
    const pixels = new Int32Array(4);
    const separations = new Float64Array(4);
    nearestPixelsInto(index, az, el, pixels, separations);
    for (let i = 0; i < 4; i++) {
      const one = nearestPixel(index, {
        azimuthDeg: az[i] as number,
        elevationDeg: el[i] as number,
      });
      // Same computation: exact equality.
      expect(pixels[i]).toBe(one === null ? -1 : one.row * lens.width + one.column);
      if (one !== null) expect(separations[i]).toBe(one.separationDeg);
    }
    expect(pixels[2]).toBe(-1);
    expect(() => nearestPixelsInto(index, az, el, new Int32Array(3))).toThrow(/same length/);
  });

  it("finds a pixel from the geodetic point its line of sight crosses (lookAngles first)", () => {
    for (const [row, column] of [
      [50, 50],
      [20, 70],
      [90, 45],
    ] as const) {
      const i = row * lens.width + column;
      const p = lookToAltitude(
        SITE,
        lens.azimuthDeg[i] as number,
        lens.elevationDeg[i] as number,
        230,
      );
      if (p === null) throw new Error("no crossing");
      // Invariant: the point on the pixel's own line of sight is nearest to that pixel.
      const found = nearestPixel(index, { ...p, altitudeKm: 230 });
      expect(found).toMatchObject({ row, column });
      expect(found?.separationDeg).toBeLessThan(1e-5);
    }
  });
});

describeWithFixtures("nearestPixel on the official Gakona skymap", () => {
  const skymap = readGakonaSkymap();
  const index = buildPixelIndex(skymap, { minElevationDeg: 0 });

  it("finds each pixel from its own azimuth/elevation (or an identical twin)", () => {
    let checked = 0;
    for (let i = 0; i < skymap.azimuthDeg.length; i++) {
      const az = skymap.azimuthDeg[i] as number;
      const el = skymap.elevationDeg[i] as number;
      if (!(el >= 0)) continue;
      const found = nearestPixel(index, { azimuthDeg: az, elevationDeg: el });
      // Invariant: a pixel is at zero angle from itself (float64 rounding: < 1e-6°).
      expect(found?.separationDeg).toBeLessThan(1e-6);
      const j = (found?.row ?? -1) * skymap.width + (found?.column ?? -1);
      if (j !== i) {
        expect(skymap.azimuthDeg[j]).toBe(az);
        expect(skymap.elevationDeg[j]).toBe(el);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(48_000);
  });

  it("agrees with brute force on 300 random looks", () => {
    const generator = new Mulberry32(11);
    const random = () => generator.next();
    for (let n = 0; n < 300; n++) {
      const az = random() * 360;
      const el = random() * 90;
      const found = nearestPixel(index, { azimuthDeg: az, elevationDeg: el });
      const truth = bruteForce(skymap, az, el, 0);
      // Oracle: exhaustive search; the separations agree to float64 rounding (1e-6°).
      expect(found).not.toBeNull();
      expect(Math.abs((found?.separationDeg ?? 0) - truth.separationDeg)).toBeLessThan(1e-6);
    }
  });
});
