import { InvalidArgumentError } from "../../core/errors.js";
import { wrap360Deg } from "../angles.js";
import { LookObserver, type LookPoint } from "../look-to-altitude.js";
import type { SkymapLooks } from "./reproject.js";

const DEG = Math.PI / 180;
/** Azimuth sectors of the outline by default: one point per degree of azimuth. */
const DEFAULT_AZIMUTH_SECTORS = 360;

export interface FovOutlineOptions {
  /** Number of equal azimuth sectors, each contributing its lowest-elevation pixel (default 360). */
  readonly azimuthSectors?: number;
}

/**
 * The field-of-view outline at a mapping altitude: a closed ring of [longitudeDeg, latitudeDeg]
 * (GeoJSON order, first point repeated last), ordered by increasing azimuth (north → east →
 * south → west: clockwise on a north-up map, the exterior-ring winding d3-geo expects).
 *
 * For each azimuth sector, the pixel with the lowest elevation that is still ≥ minElevationDeg
 * is the edge of the view in that direction; its centre's line of sight, mapped to altitudeKm,
 * is the outline point. All-sky fields of view are star-shaped about the zenith, so this traces
 * them to within one pixel (the outline runs through edge-pixel centres). Sectors without such
 * a pixel are skipped. Longitudes are in [-180, 180): a ring crossing the antimeridian jumps by
 * 360° between two neighbouring points, which spherical consumers (d3-geo) read as the short
 * way round, since every edge is a short great-circle arc; planar consumers should cut the ring
 * at ±180° (as RFC 7946 §3.1.9 asks of GeoJSON).
 */
export function fovOutline(
  skymap: SkymapLooks,
  altitudeKm: number,
  minElevationDeg: number,
  options: FovOutlineOptions = {},
): Array<[number, number]> {
  const sectors = options.azimuthSectors ?? DEFAULT_AZIMUTH_SECTORS;
  if (!Number.isInteger(sectors) || sectors < 3) {
    throw new InvalidArgumentError(
      "azimuthSectors",
      `need an integer of at least 3, got ${sectors}`,
    );
  }
  if (!Number.isFinite(minElevationDeg)) {
    throw new InvalidArgumentError("minElevationDeg", `${minElevationDeg} is not a finite number`);
  }
  const { azimuthDeg, elevationDeg } = skymap;
  const lowestElevation = new Float64Array(sectors).fill(Number.POSITIVE_INFINITY);
  const lowestPixel = new Int32Array(sectors).fill(-1);
  for (let i = 0; i < azimuthDeg.length; i++) {
    const el = elevationDeg[i] as number;
    const az = azimuthDeg[i] as number;
    if (!(el >= minElevationDeg) || !Number.isFinite(az)) continue;
    const wrapped = wrap360Deg(az);
    const sector = Math.min(sectors - 1, Math.floor((wrapped / 360) * sectors));
    if (el < (lowestElevation[sector] as number)) {
      lowestElevation[sector] = el;
      lowestPixel[sector] = i;
    }
  }
  const observer = new LookObserver(skymap.site, altitudeKm);
  const point: LookPoint = { latitudeDeg: 0, longitudeDeg: 0 };
  const ring: Array<[number, number]> = [];
  for (let s = 0; s < sectors; s++) {
    const i = lowestPixel[s] as number;
    if (i < 0) continue;
    const el = (elevationDeg[i] as number) * DEG;
    const az = (azimuthDeg[i] as number) * DEG;
    if (
      observer.lookEnu(
        Math.cos(el) * Math.sin(az),
        Math.cos(el) * Math.cos(az),
        Math.sin(el),
        point,
      )
    ) {
      ring.push([point.longitudeDeg, point.latitudeDeg]);
    }
  }
  const first = ring[0];
  if (first !== undefined) ring.push([first[0], first[1]]);
  return ring;
}
