import { InvalidArgumentError } from "../../core/errors.js";
import { bearingDeg, centralAngleRad, MEAN_EARTH_RADIUS_KM } from "../great-circle.js";

const DEG = Math.PI / 180;

/** What an area look-up needs: pixel-centre positions at one mapping altitude. */
export interface MappedCentres {
  readonly width: number;
  readonly height: number;
  readonly altitudeKm: number;
  /** height x width pixel-centre latitudes at altitudeKm; NaN outside the view. */
  readonly centreLatitudeDeg: Float32Array;
  /** height x width pixel-centre longitudes at altitudeKm; NaN outside the view. */
  readonly centreLongitudeDeg: Float32Array;
}

/**
 * An area around a point at the mapping altitude: a box [east–west, north–south] extent in km
 * centred on it, or a circle of radius km.
 */
export type AreaShape =
  | { readonly boxKm: readonly [eastWestKm: number, northSouthKm: number] }
  | { readonly radiusKm: number };

/**
 * Indices (row·width + column, ascending) of the pixels whose centre at the mapping altitude
 * lies inside the area around `centre`.
 *
 * Distances are measured on the sphere of radius R + altitude (R = WGS84 mean radius, so within
 * 0.6 % of the ellipsoid): a circle is every centre within radiusKm along the great circle; a
 * box uses the azimuthal-equidistant offsets (east = d sin β, north = d cos β for distance d and
 * bearing β from the centre), which stay valid across the antimeridian and near the poles.
 * Unlike asilib's `area2pixels` (asilib.md §4.9) an empty area gives an empty result rather than
 * a silently grown box, pixels at the image border are kept, and longitudes wrap correctly.
 */
export function pixelsInArea(
  skymap: MappedCentres,
  centre: { readonly latitudeDeg: number; readonly longitudeDeg: number },
  area: AreaShape,
): Uint32Array {
  const radiusKm = MEAN_EARTH_RADIUS_KM + skymap.altitudeKm;
  const boxKm = "boxKm" in area ? area.boxKm : null;
  const halfEastKm = boxKm === null ? 0 : boxKm[0] / 2;
  const halfNorthKm = boxKm === null ? 0 : boxKm[1] / 2;
  const circleKm = "radiusKm" in area ? area.radiusKm : Math.hypot(halfEastKm, halfNorthKm);
  if (!(circleKm >= 0) || !(halfEastKm >= 0) || !(halfNorthKm >= 0)) {
    throw new InvalidArgumentError("area", "extents must be non-negative numbers of km");
  }
  if (!Number.isFinite(centre.latitudeDeg) || !Number.isFinite(centre.longitudeDeg)) {
    throw new InvalidArgumentError("centre", "latitude and longitude must be finite");
  }
  const { centreLatitudeDeg: lat, centreLongitudeDeg: lon } = skymap;
  const pixels = skymap.width * skymap.height;
  if (lat.length !== pixels || lon.length !== pixels) {
    throw new InvalidArgumentError(
      "skymap",
      `centre grids need ${pixels} values (${skymap.height}x${skymap.width}), got ${lat.length} and ${lon.length}`,
    );
  }
  const selected = new Uint32Array(lat.length);
  let count = 0;
  // Any point within circleKm differs in latitude by at most circleKm / R: a cheap pre-filter.
  const maxDLatDeg = circleKm / radiusKm / DEG;
  for (let i = 0; i < lat.length; i++) {
    const pLat = lat[i] as number;
    if (!(Math.abs(pLat - centre.latitudeDeg) <= maxDLatDeg)) continue;
    const pLon = lon[i] as number;
    const distanceKm =
      centralAngleRad(centre.latitudeDeg, centre.longitudeDeg, pLat, pLon) * radiusKm;
    if (!(distanceKm <= circleKm)) continue;
    if (boxKm !== null) {
      const bearing = bearingDeg(centre.latitudeDeg, centre.longitudeDeg, pLat, pLon) * DEG;
      if (Math.abs(distanceKm * Math.sin(bearing)) > halfEastKm) continue;
      if (Math.abs(distanceKm * Math.cos(bearing)) > halfNorthKm) continue;
    }
    selected[count++] = i;
  }
  return selected.slice(0, count);
}
