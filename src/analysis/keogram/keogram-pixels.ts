import type { AltitudeSkymap } from "../../arrays/skymap/skymap.js";
import { InvalidArgumentError } from "../../core/errors.js";
import type { SurfacePoint } from "../../geo/great-circle.js";
import { type CentreGrid, DEFAULT_PATH_MAX_DISTANCE_KM, pathPixels } from "./path-pixels.js";

/**
 * Which pixels a keogram samples:
 * - "meridian": column floor(W/2), rows north to south. asilib takes column W//2 of its own
 *   orientation (row 0 south, column 0 east: asilib.md §3.3, §4.6), which is the same column
 *   as ours, so the values agree with asilib's in reverse row order.
 * - "ewogram": row floor(H/2), columns east to west (our column 0 is the east edge).
 * - a path: for each point the nearest pixel centre at the mapping altitude.
 */
export type KeogramSelection =
  | { readonly kind: "meridian" }
  | { readonly kind: "ewogram" }
  | {
      readonly kind: "path";
      readonly points: readonly SurfacePoint[];
      /** Points farther than this from every kept pixel centre are skipped, km (default ≈ 111.2: 1°). */
      readonly maxDistanceKm?: number;
    };

export interface SelectedPixels {
  readonly rows: Int32Array;
  readonly columns: Int32Array;
  /** For a path: the index of the path point each pixel serves; absent otherwise. */
  readonly pathIndices?: Int32Array;
  /** For a path: the path points that were skipped as too far from the field of view. */
  readonly skippedPathIndices?: readonly number[];
}

/** Pixels with elevation ≥ `minElevationDeg` and a finite centre position at the altitude. */
export function eligiblePixels(skymap: AltitudeSkymap, minElevationDeg: number): CentreGrid {
  if (!Number.isFinite(minElevationDeg)) {
    throw new InvalidArgumentError(
      "minElevationDeg",
      `${minElevationDeg} is not an angle; give degrees, e.g. 0 (the default) or 10`,
    );
  }
  const { width, height, elevationDeg, centreLatitudeDeg, centreLongitudeDeg } = skymap;
  const eligible = new Uint8Array(width * height);
  for (let i = 0; i < eligible.length; i++) {
    const keep =
      (elevationDeg[i] as number) >= minElevationDeg &&
      Number.isFinite(centreLatitudeDeg[i] as number) &&
      Number.isFinite(centreLongitudeDeg[i] as number);
    eligible[i] = keep ? 1 : 0;
  }
  return { width, height, centreLatitudeDeg, centreLongitudeDeg, eligible };
}

/** The pixels of `selection` that pass the filters of `grid`, in selection order. */
export function selectPixels(grid: CentreGrid, selection: KeogramSelection): SelectedPixels {
  const { width, height, eligible } = grid;
  if (selection.kind === "path") {
    const found = pathPixels(
      grid,
      selection.points,
      selection.maxDistanceKm ?? DEFAULT_PATH_MAX_DISTANCE_KM,
    );
    const rows = new Int32Array(found.pixels.length);
    const columns = new Int32Array(found.pixels.length);
    found.pixels.forEach((pixel, k) => {
      rows[k] = Math.floor(pixel / width);
      columns[k] = pixel % width;
    });
    return {
      rows,
      columns,
      pathIndices: found.pathIndices,
      skippedPathIndices: found.skipped,
    };
  }
  const rows: number[] = [];
  const columns: number[] = [];
  if (selection.kind === "meridian") {
    const column = Math.floor(width / 2);
    for (let row = 0; row < height; row++) {
      if (eligible[row * width + column] !== 1) continue;
      rows.push(row);
      columns.push(column);
    }
  } else {
    const row = Math.floor(height / 2);
    for (let column = 0; column < width; column++) {
      if (eligible[row * width + column] !== 1) continue;
      rows.push(row);
      columns.push(column);
    }
  }
  return { rows: Int32Array.from(rows), columns: Int32Array.from(columns) };
}
