/**
 * The conversions AACGM-v2 makes at its boundary (aacgmlib_v2.c geod2geoc / geoc2geod): WGS84
 * geodetic latitude and height ↔ geocentric latitude and height above the 6371.2 km sphere
 * the expansion lives on. Longitude is the same in both. Allocation-free: callers pass scratch.
 */
import { ecefToGeodeticInto, type GeodeticRad, geodeticToEcefInto, type Vec3 } from "../wgs84.js";
import { AACGM_EARTH_RADIUS_KM } from "./coefficient-set.js";
import type { GeographicPoint } from "./types.js";

const DEG = Math.PI / 180;

/** WGS84 geodetic → geocentric latitude and height above 6371.2 km, into `out`. */
export function geodeticToGeocentricInto(
  latitudeDeg: number,
  longitudeDeg: number,
  altitudeKm: number,
  scratch: Vec3,
  out: GeographicPoint,
): GeographicPoint {
  const e = geodeticToEcefInto(latitudeDeg * DEG, longitudeDeg * DEG, altitudeKm * 1000, scratch);
  // sqrt rather than Math.hypot: hypot is several times slower in V8 and no overflow is possible here.
  const p2 = e.x * e.x + e.y * e.y;
  out.latitudeDeg = Math.atan2(e.z, Math.sqrt(p2)) / DEG;
  out.longitudeDeg = longitudeDeg;
  out.altitudeKm = Math.sqrt(p2 + e.z * e.z) / 1000 - AACGM_EARTH_RADIUS_KM;
  return out;
}

/** Geocentric latitude and height above 6371.2 km → WGS84 geodetic, into `out`. */
export function geocentricToGeodeticInto(
  latitudeDeg: number,
  longitudeDeg: number,
  heightKm: number,
  scratch: GeodeticRad,
  out: GeographicPoint,
): GeographicPoint {
  const rM = (AACGM_EARTH_RADIUS_KM + heightKm) * 1000;
  const lat = latitudeDeg * DEG;
  const lon = longitudeDeg * DEG;
  const g = ecefToGeodeticInto(
    rM * Math.cos(lat) * Math.cos(lon),
    rM * Math.cos(lat) * Math.sin(lon),
    rM * Math.sin(lat),
    scratch,
  );
  out.latitudeDeg = g.latitudeRad / DEG;
  out.longitudeDeg = longitudeDeg;
  out.altitudeKm = g.heightM / 1000;
  return out;
}
