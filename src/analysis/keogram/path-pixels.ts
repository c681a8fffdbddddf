import { InvalidArgumentError } from "../../core/errors.js";
import {
  centralAngleRad,
  MEAN_EARTH_RADIUS_KM,
  type SurfacePoint,
} from "../../geo/great-circle.js";

const DEG = Math.PI / 180;

/**
 * Default path threshold, km: one degree of great circle on the mean-radius sphere. asilib
 * documents "1 degree" but compares unit-sphere radians with 1 (≈ 57°, asilib.md §4.6); this is
 * the distance its documentation meant.
 */
export const DEFAULT_PATH_MAX_DISTANCE_KM = MEAN_EARTH_RADIUS_KM * DEG;

/** Pixel-centre positions at the mapping altitude and which pixels may be chosen. */
export interface CentreGrid {
  readonly width: number;
  readonly height: number;
  readonly centreLatitudeDeg: Float32Array;
  readonly centreLongitudeDeg: Float32Array;
  /** 1 where the pixel passes the elevation and finite-position filters. */
  readonly eligible: Uint8Array;
}

/** The pixel chosen for each path point that lies close enough to the field of view. */
export interface PathPixels {
  /** Pixel indices (row·width + column), in path order; repeats kept (one per kept point). */
  readonly pixels: Int32Array;
  /** Index into the path of each kept point. */
  readonly pathIndices: Int32Array;
  /** Great-circle distance from each kept point to its pixel's centre, km. */
  readonly distancesKm: Float64Array;
  /** Indices of the path points farther than the threshold from every eligible pixel. */
  readonly skipped: readonly number[];
}

/** Rejects paths asilib also rejects (empty, NaN) plus impossible latitudes. */
export function checkPath(path: readonly SurfacePoint[]): void {
  if (path.length === 0) {
    throw new InvalidArgumentError(
      "path",
      "it is empty; give at least one { latitudeDeg, longitudeDeg } point, or omit it for the meridian",
    );
  }
  path.forEach((p, i) => {
    if (!(Number.isFinite(p.latitudeDeg) && Number.isFinite(p.longitudeDeg))) {
      throw new InvalidArgumentError(
        "path",
        `point ${i} (${p.latitudeDeg}, ${p.longitudeDeg}) is not finite; remove or fix it`,
      );
    }
    if (Math.abs(p.latitudeDeg) > 90) {
      throw new InvalidArgumentError(
        "path",
        `point ${i} has latitude ${p.latitudeDeg}°, outside [-90, 90]; are latitude and longitude swapped?`,
      );
    }
  });
}

/**
 * For each path point, the eligible pixel whose centre (at the mapping altitude) is nearest
 * on the great circle. The search compares unit vectors (largest dot product = smallest
 * central angle), one pass over the pixels per point; the kept distance is then computed by
 * the haversine form for accuracy at small separations.
 */
export function pathPixels(
  grid: CentreGrid,
  path: readonly SurfacePoint[],
  maxDistanceKm: number,
): PathPixels {
  checkPath(path);
  if (!(maxDistanceKm >= 0)) {
    throw new InvalidArgumentError(
      "maxDistanceKm",
      `${maxDistanceKm} is not a distance; give km ≥ 0 (default ${DEFAULT_PATH_MAX_DISTANCE_KM.toFixed(1)})`,
    );
  }
  const count = grid.width * grid.height;
  const vectors = new Float64Array(3 * count);
  for (let i = 0; i < count; i++) {
    if (grid.eligible[i] !== 1) continue;
    const lat = (grid.centreLatitudeDeg[i] as number) * DEG;
    const lon = (grid.centreLongitudeDeg[i] as number) * DEG;
    vectors[3 * i] = Math.cos(lat) * Math.cos(lon);
    vectors[3 * i + 1] = Math.cos(lat) * Math.sin(lon);
    vectors[3 * i + 2] = Math.sin(lat);
  }
  const pixels: number[] = [];
  const pathIndices: number[] = [];
  const distancesKm: number[] = [];
  const skipped: number[] = [];
  path.forEach((point, p) => {
    const lat = point.latitudeDeg * DEG;
    const lon = point.longitudeDeg * DEG;
    const x = Math.cos(lat) * Math.cos(lon);
    const y = Math.cos(lat) * Math.sin(lon);
    const z = Math.sin(lat);
    let best = -1;
    let bestDot = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < count; i++) {
      if (grid.eligible[i] !== 1) continue;
      const dot =
        x * (vectors[3 * i] as number) +
        y * (vectors[3 * i + 1] as number) +
        z * (vectors[3 * i + 2] as number);
      if (dot > bestDot) {
        bestDot = dot;
        best = i;
      }
    }
    if (best < 0) {
      skipped.push(p);
      return;
    }
    const distanceKm =
      centralAngleRad(
        point.latitudeDeg,
        point.longitudeDeg,
        grid.centreLatitudeDeg[best] as number,
        grid.centreLongitudeDeg[best] as number,
      ) * MEAN_EARTH_RADIUS_KM;
    if (distanceKm > maxDistanceKm) {
      skipped.push(p);
      return;
    }
    pixels.push(best);
    pathIndices.push(p);
    distancesKm.push(distanceKm);
  });
  return {
    pixels: Int32Array.from(pixels),
    pathIndices: Int32Array.from(pathIndices),
    distancesKm: Float64Array.from(distancesKm),
    skipped,
  };
}
