/**
 * The WGS84 ellipsoid and conversions between geodetic coordinates and Earth-centred,
 * Earth-fixed (ECEF) Cartesian coordinates. Internals use radians and metres.
 */

/** Semi-major axis, m (NIMA TR8350.2, "Department of Defense World Geodetic System 1984", 3rd ed., Table 3.1). */
export const WGS84_A_M = 6_378_137;
/** Flattening 1/f = 298.257223563 (NIMA TR8350.2, Table 3.1). */
export const WGS84_F = 1 / 298.257223563;
/** Semi-minor axis b = a(1 − f), m (NIMA TR8350.2, Table 3.3, derived). */
export const WGS84_B_M = WGS84_A_M * (1 - WGS84_F);
/** First eccentricity squared e² = f(2 − f) (NIMA TR8350.2, Table 3.3, derived). */
export const WGS84_E2 = WGS84_F * (2 - WGS84_F);
/** Second eccentricity squared e'² = e²/(1 − e²) (NIMA TR8350.2, Table 3.3, derived). */
export const WGS84_EP2 = WGS84_E2 / (1 - WGS84_E2);

const DEG = Math.PI / 180;

/** A mutable 3-vector, so hot loops can reuse one instead of allocating. */
export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

export interface GeodeticRad {
  latitudeRad: number;
  longitudeRad: number;
  heightM: number;
}

/** Geodetic (radians, metres above the ellipsoid) to ECEF metres, written into `out`. */
export function geodeticToEcefInto(
  latitudeRad: number,
  longitudeRad: number,
  heightM: number,
  out: Vec3,
): Vec3 {
  const sinLat = Math.sin(latitudeRad);
  const cosLat = Math.cos(latitudeRad);
  // Prime-vertical radius of curvature N = a / sqrt(1 − e² sin²φ) (TR8350.2 eq. 4-15).
  const n = WGS84_A_M / Math.sqrt(1 - WGS84_E2 * sinLat * sinLat);
  out.x = (n + heightM) * cosLat * Math.cos(longitudeRad);
  out.y = (n + heightM) * cosLat * Math.sin(longitudeRad);
  out.z = (n * (1 - WGS84_E2) + heightM) * sinLat;
  return out;
}

/** Geodetic degrees and metres to ECEF metres. */
export function geodeticToEcef(latitudeDeg: number, longitudeDeg: number, heightM: number): Vec3 {
  return geodeticToEcefInto(latitudeDeg * DEG, longitudeDeg * DEG, heightM, { x: 0, y: 0, z: 0 });
}

/** a² − b², m² (from Table 3.1 of NIMA TR8350.2). */
const A2_MINUS_B2 = WGS84_A_M * WGS84_A_M - WGS84_B_M * WGS84_B_M;
const E4 = WGS84_E2 * WGS84_E2;

/**
 * ECEF metres to geodetic (radians, metres), written into `out`. Closed-form solution of the
 * quartic by Ferrari's method: J. Zhu, "Conversion of Earth-centered Earth-fixed coordinates
 * to geodetic coordinates", IEEE Trans. Aerosp. Electron. Syst. 30(3), 1994 (after M.
 * Heikkinen, Z. Vermess. 107, 1982). No iteration and one atan: about 5× faster than three
 * Bowring iterations, and equal to them within 1e-12 rad / 1 µm from the surface to beyond
 * geostationary orbit (test/geo/wgs84.test.ts). Exact at the poles; not for points within
 * ~50 km of the Earth's centre (never met here).
 */
export function ecefToGeodeticInto(x: number, y: number, z: number, out: GeodeticRad): GeodeticRad {
  const p2 = x * x + y * y;
  const p = Math.sqrt(p2);
  const z2 = z * z;
  const b2 = WGS84_B_M * WGS84_B_M;
  const f = 54 * b2 * z2;
  const g = p2 + (1 - WGS84_E2) * z2 - WGS84_E2 * A2_MINUS_B2;
  const c = (E4 * f * p2) / (g * g * g);
  const s = Math.cbrt(1 + c + Math.sqrt(c * c + 2 * c));
  const k = s + 1 + 1 / s;
  const bigP = f / (3 * k * k * g * g);
  const q = Math.sqrt(1 + 2 * E4 * bigP);
  const r0 =
    (-bigP * WGS84_E2 * p) / (1 + q) +
    Math.sqrt(
      Math.max(
        0,
        0.5 * WGS84_A_M * WGS84_A_M * (1 + 1 / q) -
          (bigP * (1 - WGS84_E2) * z2) / (q * (1 + q)) -
          0.5 * bigP * p2,
      ),
    );
  const t = p - WGS84_E2 * r0;
  const u = Math.sqrt(t * t + z2);
  const v = Math.sqrt(t * t + (1 - WGS84_E2) * z2);
  const z0 = (b2 * z) / (WGS84_A_M * v);
  out.heightM = u * (1 - b2 / (WGS84_A_M * v));
  // atan2 keeps the poles (p = 0) exact instead of dividing by zero.
  out.latitudeRad = Math.atan2(z + WGS84_EP2 * z0, p);
  out.longitudeRad = Math.atan2(y, x);
  return out;
}

/** ECEF metres to geodetic degrees (longitude in [-180, 180]) and metres. */
export function ecefToGeodetic(
  x: number,
  y: number,
  z: number,
): { latitudeDeg: number; longitudeDeg: number; heightM: number } {
  const g = ecefToGeodeticInto(x, y, z, { latitudeRad: 0, longitudeRad: 0, heightM: 0 });
  return {
    latitudeDeg: g.latitudeRad / DEG,
    longitudeDeg: g.longitudeRad / DEG,
    heightM: g.heightM,
  };
}

/** Local east, north and up unit vectors (ECEF components) at a geodetic position. */
export interface EnuBasis {
  readonly east: Vec3;
  readonly north: Vec3;
  readonly up: Vec3;
}

/** The ENU basis at geodetic latitude/longitude (degrees): up is the ellipsoid normal. */
export function enuBasis(latitudeDeg: number, longitudeDeg: number): EnuBasis {
  const sinLat = Math.sin(latitudeDeg * DEG);
  const cosLat = Math.cos(latitudeDeg * DEG);
  const sinLon = Math.sin(longitudeDeg * DEG);
  const cosLon = Math.cos(longitudeDeg * DEG);
  return {
    east: { x: -sinLon, y: cosLon, z: 0 },
    north: { x: -sinLat * cosLon, y: -sinLat * sinLon, z: cosLat },
    up: { x: cosLat * cosLon, y: cosLat * sinLon, z: sinLat },
  };
}
