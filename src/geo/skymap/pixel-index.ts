import { InvalidArgumentError } from "../../core/errors.js";
import { type Enu, LocalFrame, type LookAngles } from "../look-angles.js";
import { buildKdTree } from "./kd-tree.js";
import type { SkymapLooks } from "./reproject.js";

const DEG = Math.PI / 180;

export interface PixelIndexOptions {
  /** Pixels below this elevation are not indexed, and queries below it find nothing (default 0°). */
  readonly minElevationDeg?: number;
  /**
   * Queries farther than this from every indexed pixel centre are outside the field of view
   * (default: the widest angle between two neighbouring pixel centres in the skymap, i.e.
   * one pixel pitch at its coarsest).
   */
  readonly maxSeparationDeg?: number;
}

/** A pixel found by `nearestPixel`: row/column in the skymap and the angle to its centre. */
export interface NearestPixel {
  readonly row: number;
  readonly column: number;
  readonly separationDeg: number;
}

/** A query given as a direction from the site or as a geodetic point (km above WGS84). */
export type PixelQuery =
  | { readonly azimuthDeg: number; readonly elevationDeg: number }
  | { readonly latitudeDeg: number; readonly longitudeDeg: number; readonly altitudeKm: number };

/**
 * A k-d tree over the unit line-of-sight vectors (site ENU frame) of a skymap's pixel centres:
 * build once per skymap (O(n log n)), then O(log n) per query. Nearest by Euclidean distance
 * between unit vectors is nearest by angle, so the answer is exact, not approximate.
 */
export class PixelIndex {
  readonly width: number;
  readonly height: number;
  readonly minElevationDeg: number;
  readonly maxSeparationDeg: number;
  /** Indexed pixels (row·width + column) in tree order; the node of a range is its midpoint. */
  private readonly pixels: Uint32Array;
  /** e, n, u of `pixels[i]` at 3i, 3i+1, 3i+2 (tree order, for locality). */
  private readonly points: Float64Array;
  /** Split axis (0 e, 1 n, 2 u) of the node at each position. */
  private readonly axes: Uint8Array;
  private readonly frame: LocalFrame;
  private readonly angles: LookAngles = { azimuthDeg: 0, elevationDeg: 0, rangeKm: 0 };
  private readonly enu: Enu = { east: 0, north: 0, up: 0 };
  private readonly query = new Float64Array(3);
  private bestDistance2 = 0;
  private bestPosition = -1;

  constructor(skymap: SkymapLooks, options: PixelIndexOptions = {}) {
    const { width, height, azimuthDeg, elevationDeg } = skymap;
    if (azimuthDeg.length !== width * height || elevationDeg.length !== width * height) {
      throw new InvalidArgumentError("skymap", `az/el grids must have ${width}x${height} values`);
    }
    this.width = width;
    this.height = height;
    this.minElevationDeg = options.minElevationDeg ?? 0;
    this.frame = new LocalFrame(skymap.site);
    const directions = new Float64Array(3 * width * height);
    let count = 0;
    for (let i = 0; i < width * height; i++) {
      const el = elevationDeg[i] as number;
      const az = azimuthDeg[i] as number;
      if (!(el >= this.minElevationDeg) || !Number.isFinite(az)) {
        directions[3 * i] = Number.NaN;
        continue;
      }
      const cosEl = Math.cos(el * DEG);
      directions[3 * i] = cosEl * Math.sin(az * DEG);
      directions[3 * i + 1] = cosEl * Math.cos(az * DEG);
      directions[3 * i + 2] = Math.sin(el * DEG);
      count++;
    }
    this.maxSeparationDeg = options.maxSeparationDeg ?? coarsestPitchDeg(directions, width, height);
    const order = new Uint32Array(count);
    for (let i = 0, k = 0; i < width * height; i++) {
      if (!Number.isNaN(directions[3 * i] as number)) order[k++] = i;
    }
    this.axes = new Uint8Array(count);
    buildKdTree(order, directions, this.axes);
    this.pixels = order;
    this.points = new Float64Array(3 * count);
    for (let k = 0; k < count; k++) {
      const i = order[k] as number;
      this.points[3 * k] = directions[3 * i] as number;
      this.points[3 * k + 1] = directions[3 * i + 1] as number;
      this.points[3 * k + 2] = directions[3 * i + 2] as number;
    }
  }

  /** Number of indexed pixels. */
  get size(): number {
    return this.pixels.length;
  }

  /**
   * The pixel (row·width + column) whose centre direction is nearest to the look, or -1 when
   * the look is below the minimum elevation or farther than maxSeparationDeg from every pixel.
   * Writes the separation (degrees) into `separationOut[0]` when given. No allocation.
   */
  nearestPixelOfLook(
    azimuthDeg: number,
    elevationDeg: number,
    separationOut?: Float64Array,
  ): number {
    if (
      !(elevationDeg >= this.minElevationDeg) ||
      !Number.isFinite(azimuthDeg) ||
      this.size === 0
    ) {
      return -1;
    }
    const cosEl = Math.cos(elevationDeg * DEG);
    const q = this.query;
    q[0] = cosEl * Math.sin(azimuthDeg * DEG);
    q[1] = cosEl * Math.cos(azimuthDeg * DEG);
    q[2] = Math.sin(elevationDeg * DEG);
    this.bestDistance2 = Number.POSITIVE_INFINITY;
    this.bestPosition = -1;
    this.search(0, this.pixels.length);
    // Chord c between unit vectors ↔ angle 2 asin(c / 2).
    const separationDeg = (2 * Math.asin(Math.min(1, Math.sqrt(this.bestDistance2) / 2))) / DEG;
    if (separationOut !== undefined) separationOut[0] = separationDeg;
    if (!(separationDeg <= this.maxSeparationDeg)) return -1;
    return this.pixels[this.bestPosition] as number;
  }

  /** As nearestPixelOfLook, for a geodetic point (degrees, km) seen from the skymap's site. */
  nearestPixelOfPoint(
    latitudeDeg: number,
    longitudeDeg: number,
    altitudeKm: number,
    separationOut?: Float64Array,
  ): number {
    const a = this.frame.lookAnglesInto(
      latitudeDeg,
      longitudeDeg,
      altitudeKm,
      this.angles,
      this.enu,
    );
    return this.nearestPixelOfLook(a.azimuthDeg, a.elevationDeg, separationOut);
  }

  private search(lo: number, hi: number): void {
    if (lo >= hi) return;
    const mid = (lo + hi) >>> 1;
    const q = this.query;
    const p = this.points;
    const de = (q[0] as number) - (p[3 * mid] as number);
    const dn = (q[1] as number) - (p[3 * mid + 1] as number);
    const du = (q[2] as number) - (p[3 * mid + 2] as number);
    const d2 = de * de + dn * dn + du * du;
    if (d2 < this.bestDistance2) {
      this.bestDistance2 = d2;
      this.bestPosition = mid;
    }
    const axis = this.axes[mid] as number;
    const diff = axis === 0 ? de : axis === 1 ? dn : du;
    if (diff < 0) {
      this.search(lo, mid);
      if (diff * diff < this.bestDistance2) this.search(mid + 1, hi);
    } else {
      this.search(mid + 1, hi);
      if (diff * diff < this.bestDistance2) this.search(lo, mid);
    }
  }
}

/** Widest angle (degrees) between row- or column-adjacent indexed pixel directions. */
function coarsestPitchDeg(directions: Float64Array, width: number, height: number): number {
  let maxChord2 = 0;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const i = 3 * (r * width + c);
      if (c + 1 < width) maxChord2 = Math.max(maxChord2, chord2(directions, i, i + 3));
      if (r + 1 < height) maxChord2 = Math.max(maxChord2, chord2(directions, i, i + 3 * width));
    }
  }
  return (2 * Math.asin(Math.min(1, Math.sqrt(maxChord2) / 2))) / DEG;
}

/** Squared chord between the unit vectors at offsets i and j; 0 when either is missing (NaN). */
function chord2(directions: Float64Array, i: number, j: number): number {
  const de = (directions[i] as number) - (directions[j] as number);
  const dn = (directions[i + 1] as number) - (directions[j + 1] as number);
  const du = (directions[i + 2] as number) - (directions[j + 2] as number);
  const d2 = de * de + dn * dn + du * du;
  return Number.isNaN(d2) ? 0 : d2;
}

/** Builds the spatial index of a skymap's pixel directions (once per skymap). */
export function buildPixelIndex(skymap: SkymapLooks, options?: PixelIndexOptions): PixelIndex {
  return new PixelIndex(skymap, options);
}

/**
 * The skymap pixel nearest to an azimuth/elevation, or to a geodetic point (converted with
 * lookAngles from the skymap's site); null outside the field of view or below the minimum
 * elevation (see PixelIndexOptions).
 */
export function nearestPixel(index: PixelIndex, query: PixelQuery): NearestPixel | null {
  const separation = new Float64Array(1);
  const pixel =
    "azimuthDeg" in query
      ? index.nearestPixelOfLook(query.azimuthDeg, query.elevationDeg, separation)
      : index.nearestPixelOfPoint(
          query.latitudeDeg,
          query.longitudeDeg,
          query.altitudeKm,
          separation,
        );
  if (pixel < 0) return null;
  return {
    row: Math.floor(pixel / index.width),
    column: pixel % index.width,
    separationDeg: separation[0] as number,
  };
}

/**
 * The batch form for many looks (e.g. a satellite track): writes the pixel index
 * (row·width + column, or -1 for none) and, when given, the separation in degrees for each
 * look. No allocation per look.
 */
export function nearestPixelsInto(
  index: PixelIndex,
  azimuthDeg: ArrayLike<number>,
  elevationDeg: ArrayLike<number>,
  outPixel: Int32Array,
  outSeparationDeg?: Float64Array,
): void {
  const count = azimuthDeg.length;
  if (
    elevationDeg.length !== count ||
    outPixel.length !== count ||
    (outSeparationDeg !== undefined && outSeparationDeg.length !== count)
  ) {
    throw new InvalidArgumentError(
      "nearestPixelsInto",
      `azimuth, elevation and outputs must have the same length (${count})`,
    );
  }
  const separation = new Float64Array(1);
  for (let i = 0; i < count; i++) {
    separation[0] = Number.NaN;
    outPixel[i] = index.nearestPixelOfLook(
      azimuthDeg[i] as number,
      elevationDeg[i] as number,
      separation,
    );
    if (outSeparationDeg !== undefined) outSeparationDeg[i] = separation[0] as number;
  }
}
