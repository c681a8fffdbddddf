import { InvalidArgumentError } from "../../core/errors.js";
import { wrapLongitudeDeg } from "../../geo/angles.js";

/**
 * The keogram's sampled pixels ordered along the figure's y axis, with the band each one
 * fills: pixel `order[j]` spans [edges[j], edges[j + 1]], the midpoints to its neighbours
 * (half the neighbour spacing beyond the first and last), so a non-uniform latitude grid is
 * drawn where the pixels really are.
 */
export interface KeogramYAxis {
  /** Pixel indices (into the keogram's columns) with a finite coordinate, ascending. */
  readonly order: Int32Array;
  /** Coordinate of each ordered pixel centre, degrees (longitudes unwrapped, may leave ±180). */
  readonly centresDeg: Float64Array;
  /** order.length + 1 band edges, ascending, degrees. */
  readonly edgesDeg: Float64Array;
}

/**
 * Longitudes made continuous across the antimeridian: each is moved by whole turns to within
 * 180° of the first finite one, so an ewogram over 180° E/W spans one interval.
 */
function unwrapLongitudes(longitudesDeg: Float32Array): Float64Array {
  const out = new Float64Array(longitudesDeg.length);
  let reference = Number.NaN;
  for (let i = 0; i < longitudesDeg.length; i++) {
    const value = longitudesDeg[i] as number;
    if (Number.isNaN(reference) && Number.isFinite(value)) reference = value;
    out[i] = Number.isFinite(value) ? reference + wrapLongitudeDeg(value - reference) : Number.NaN;
  }
  return out;
}

/** Band half-width of a keogram with a single pixel, degrees: a visible stripe, not a line. */
const SINGLE_PIXEL_HALF_WIDTH_DEG = 0.5;

export function keogramYAxis(
  coordinateDeg: Float32Array,
  kind: "latitude" | "longitude",
): KeogramYAxis {
  const coordinates =
    kind === "longitude" ? unwrapLongitudes(coordinateDeg) : Float64Array.from(coordinateDeg);
  const finite: number[] = [];
  for (let i = 0; i < coordinates.length; i++)
    if (Number.isFinite(coordinates[i] as number)) finite.push(i);
  if (finite.length === 0) {
    throw new InvalidArgumentError(
      "keogram",
      `none of its ${coordinates.length} pixels has a finite ${kind}; it cannot be drawn against ${kind}`,
    );
  }
  finite.sort((a, b) => (coordinates[a] as number) - (coordinates[b] as number));
  const order = Int32Array.from(finite);
  const centresDeg = Float64Array.from(finite, (i) => coordinates[i] as number);
  const count = order.length;
  const edgesDeg = new Float64Array(count + 1);
  for (let j = 1; j < count; j++)
    edgesDeg[j] = ((centresDeg[j - 1] as number) + (centresDeg[j] as number)) / 2;
  const first = centresDeg[0] as number;
  const last = centresDeg[count - 1] as number;
  const lowHalf = count > 1 ? ((centresDeg[1] as number) - first) / 2 : SINGLE_PIXEL_HALF_WIDTH_DEG;
  const highHalf =
    count > 1 ? (last - (centresDeg[count - 2] as number)) / 2 : SINGLE_PIXEL_HALF_WIDTH_DEG;
  edgesDeg[0] = first - (lowHalf > 0 ? lowHalf : SINGLE_PIXEL_HALF_WIDTH_DEG);
  edgesDeg[count] = last + (highHalf > 0 ? highHalf : SINGLE_PIXEL_HALF_WIDTH_DEG);
  return { order, centresDeg, edgesDeg };
}
