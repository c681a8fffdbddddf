/**
 * Great circles on a sphere of the WGS84 mean radius. Against the ellipsoidal geodesic the
 * distance is within 0.6 % (worst: short north–south arcs at the equator, where the meridian
 * radius a(1 − e²) is 0.56 % below the mean radius), plenty for
 * areas around an imager; use it as a local measure, not for survey-grade distances.
 */

import { wrapLongitudeDeg } from "./angles.js";
import { WGS84_A_M, WGS84_B_M } from "./wgs84.js";

const DEG = Math.PI / 180;

/** Mean Earth radius R1 = (2a + b) / 3 of WGS84, km (IUGG definition, Moritz, Geodetic Reference System 1980, Bull. Géod. 54). */
export const MEAN_EARTH_RADIUS_KM = (2 * WGS84_A_M + WGS84_B_M) / 3 / 1e3;

/** A point on the Earth's surface, geodetic degrees (treated as spherical here). */
export interface SurfacePoint {
  readonly latitudeDeg: number;
  readonly longitudeDeg: number;
}

/**
 * Great-circle distance (km) on the mean-radius sphere, by the haversine formula (accurate
 * for small and antipodal separations alike; the argument is clamped against rounding).
 */
export function greatCircleDistanceKm(a: SurfacePoint, b: SurfacePoint): number {
  return (
    centralAngleRad(a.latitudeDeg, a.longitudeDeg, b.latitudeDeg, b.longitudeDeg) *
    MEAN_EARTH_RADIUS_KM
  );
}

/** Central angle (radians) between two points given in degrees (haversine form). */
export function centralAngleRad(
  latitude1Deg: number,
  longitude1Deg: number,
  latitude2Deg: number,
  longitude2Deg: number,
): number {
  const lat1 = latitude1Deg * DEG;
  const lat2 = latitude2Deg * DEG;
  const sinHalfDLat = Math.sin((lat2 - lat1) / 2);
  const sinHalfDLon = Math.sin(((longitude2Deg - longitude1Deg) * DEG) / 2);
  const h = sinHalfDLat * sinHalfDLat + Math.cos(lat1) * Math.cos(lat2) * sinHalfDLon * sinHalfDLon;
  return 2 * Math.asin(Math.sqrt(Math.min(1, h)));
}

/** Initial bearing (degrees east of north, [0, 360)) of the great circle from a to b. */
export function initialBearingDeg(a: SurfacePoint, b: SurfacePoint): number {
  return bearingDeg(a.latitudeDeg, a.longitudeDeg, b.latitudeDeg, b.longitudeDeg);
}

/** initialBearingDeg on plain numbers (degrees), for loops that must not allocate. */
export function bearingDeg(
  latitude1Deg: number,
  longitude1Deg: number,
  latitude2Deg: number,
  longitude2Deg: number,
): number {
  const lat1 = latitude1Deg * DEG;
  const lat2 = latitude2Deg * DEG;
  const dLon = (longitude2Deg - longitude1Deg) * DEG;
  const y = Math.sin(dLon) * Math.cos(lat2);
  const x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLon);
  const bearing = Math.atan2(y, x) / DEG;
  return bearing < 0 ? bearing + 360 : bearing;
}

/**
 * The point reached by going `distanceKm` along the great circle that leaves `start` at
 * `bearingDeg` (degrees east of north), on the mean-radius sphere; longitude in [-180, 180).
 */
export function destinationPoint(
  start: SurfacePoint,
  bearingDeg: number,
  distanceKm: number,
): { latitudeDeg: number; longitudeDeg: number } {
  const lat1 = start.latitudeDeg * DEG;
  const bearing = bearingDeg * DEG;
  const angle = distanceKm / MEAN_EARTH_RADIUS_KM;
  const sinLat2 =
    Math.sin(lat1) * Math.cos(angle) + Math.cos(lat1) * Math.sin(angle) * Math.cos(bearing);
  const lat2 = Math.asin(Math.max(-1, Math.min(1, sinLat2)));
  const dLon = Math.atan2(
    Math.sin(bearing) * Math.sin(angle) * Math.cos(lat1),
    Math.cos(angle) - Math.sin(lat1) * sinLat2,
  );
  return {
    latitudeDeg: lat2 / DEG,
    longitudeDeg: wrapLongitudeDeg(start.longitudeDeg + dLon / DEG),
  };
}
