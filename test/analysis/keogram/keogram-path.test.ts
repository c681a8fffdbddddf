/**
 * Custom-path keograms on the synthetic imager: the nearest pixel centre per point and the
 * distance threshold in km, checked against an independent brute-force search with
 * greatCircleDistanceKm over every pixel.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { keogram } from "../../../src/analysis/keogram/keogram.js";
import { DEFAULT_PATH_MAX_DISTANCE_KM } from "../../../src/analysis/keogram/path-pixels.js";
import type { ImagerFrame } from "../../../src/arrays/array-plugin.js";
import { greatCircleDistanceKm, type SurfacePoint } from "../../../src/geo/great-circle.js";
import type { Imager } from "../../../src/imager/imager.js";
import { openImager } from "../../../src/imager/open-imager.js";
import { recordingReporter } from "../../support/recording-reporter.js";

const START = "2014-03-10T06:00:00Z";
const END = "2014-03-10T06:00:05Z";

let imager: Imager;

beforeAll(async () => {
  imager = await openImager("synthetic", "gill", { start: START, end: END });
});

/** Brute force: the pixel with elevation ≥ min whose centre is nearest `point`, and its distance. */
function nearestByBruteForce(
  point: SurfacePoint,
  minElevationDeg: number,
): { pixel: number; distanceKm: number } {
  const { centreLatitudeDeg, centreLongitudeDeg, elevationDeg } = imager.skymap;
  let pixel = -1;
  let distanceKm = Number.POSITIVE_INFINITY;
  for (let i = 0; i < elevationDeg.length; i++) {
    if (!((elevationDeg[i] as number) >= minElevationDeg)) continue;
    const latitudeDeg = centreLatitudeDeg[i] as number;
    const longitudeDeg = centreLongitudeDeg[i] as number;
    if (!(Number.isFinite(latitudeDeg) && Number.isFinite(longitudeDeg))) continue;
    const d = greatCircleDistanceKm(point, { latitudeDeg, longitudeDeg });
    if (d < distanceKm) {
      distanceKm = d;
      pixel = i;
    }
  }
  return { pixel, distanceKm };
}

describe("keogram along a path", () => {
  it("defaults to the distance asilib documents: 1° of great circle", () => {
    // Analytic: mean WGS84 radius 6371.0088 km × π/180 = 111.195 km; 0.001 km tolerance.
    expect(DEFAULT_PATH_MAX_DISTANCE_KM).toBeCloseTo(111.195, 3);
  });

  it("picks the pixel whose centre is the point, and keeps the frame's values there", async () => {
    const { width, centreLatitudeDeg, centreLongitudeDeg } = imager.skymap;
    const targets = [
      [100, 140],
      [128, 128],
      [60, 200],
    ] as const;
    const path = targets.map(([r, c]) => ({
      latitudeDeg: centreLatitudeDeg[r * width + c] as number,
      longitudeDeg: centreLongitudeDeg[r * width + c] as number,
    }));
    const k = await keogram(imager, { along: path, maxDistanceKm: 0.001 });
    // Invariant: a point on a pixel centre is 0 km from it, so it survives a 1 m threshold.
    expect(Array.from(k.rows)).toEqual(targets.map(([r]) => r));
    expect(Array.from(k.columns)).toEqual(targets.map(([, c]) => c));
    expect(Array.from(k.pathIndices as Int32Array)).toEqual([0, 1, 2]);
    expect(k.skippedPathIndices).toEqual([]);
    const frames: ImagerFrame[] = [];
    for await (const f of imager.frames()) frames.push(f);
    // Invariant: 06:00:00 – 06:00:05 at 3 s: slots 06:00:00 and 06:00:03, both filled.
    expect(frames).toHaveLength(2);
    frames.forEach((frame, slot) => {
      const expected = Float32Array.from(targets, ([r, c]) => frame.image[r * width + c] as number);
      // Oracle: the streamed frame at the target pixels, exact.
      expect(k.values.subarray(slot * 3, slot * 3 + 3)).toEqual(expected);
    });
  });

  it("keeps a point just within maxDistanceKm of the field of view and skips it just beyond", async () => {
    const site = imager.meta;
    // 12° north of the site lies outside the 110 km field of view (horizon ≈ 10° away).
    const outside = { latitudeDeg: site.latitudeDeg + 12, longitudeDeg: site.longitudeDeg };
    const inside = { latitudeDeg: site.latitudeDeg, longitudeDeg: site.longitudeDeg + 1 };
    const far = nearestByBruteForce(outside, 0);
    const near = nearestByBruteForce(inside, 0);
    expect(far.distanceKm).toBeGreaterThan(10);
    const reporter = recordingReporter();
    const { warnings } = reporter;
    const kept = await keogram(imager, {
      along: [inside, outside],
      maxDistanceKm: far.distanceKm + 0.5,
    });
    // Oracle: the brute-force nearest centres (greatCircleDistanceKm over all pixels).
    expect(Array.from(kept.rows, (r, p) => r * 256 + (kept.columns[p] as number))).toEqual([
      near.pixel,
      far.pixel,
    ]);
    const skipped = await keogram(imager, {
      along: [inside, outside],
      maxDistanceKm: far.distanceKm - 0.5,
      reporter,
    });
    expect(Array.from(skipped.rows, (r, p) => r * 256 + (skipped.columns[p] as number))).toEqual([
      near.pixel,
    ]);
    expect(skipped.skippedPathIndices).toEqual([1]);
    expect(Array.from(skipped.pathIndices as Int32Array)).toEqual([0]);
    expect(warnings.some((w) => /1 path point\(s\) .* were skipped \(indices 1\)/.test(w))).toBe(
      true,
    );
  });

  it("chooses only among pixels above minElevationDeg", async () => {
    const site = imager.meta;
    // 8° north: low in the northern sky, below 30° elevation at 110 km.
    const low = { latitudeDeg: site.latitudeDeg + 8, longitudeDeg: site.longitudeDeg };
    const expected = nearestByBruteForce(low, 30);
    const k = await keogram(imager, { along: [low], minElevationDeg: 30, maxDistanceKm: 2000 });
    // Oracle: brute-force nearest among pixels at ≥ 30° elevation.
    expect((k.rows[0] as number) * 256 + (k.columns[0] as number)).toBe(expected.pixel);
    expect(k.elevationDeg[0] as number).toBeGreaterThanOrEqual(30);
    const unrestricted = nearestByBruteForce(low, 0);
    // Invariant: the unrestricted nearest pixel is closer and lies below 30°.
    expect(unrestricted.distanceKm).toBeLessThan(expected.distanceKm);
    expect(imager.skymap.elevationDeg[unrestricted.pixel] as number).toBeLessThan(30);
  });
});
