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

/** Bowring iterations: each one multiplies the latitude error by about e⁴; 3 reach machine precision on Earth. */
const BOWRING_ITERATIONS = 3;

/**
 * ECEF metres to geodetic (radians, metres), written into `out`. Bowring's parametric-latitude
 * iteration (B. R. Bowring, "Transformation from spatial to geographical coordinates",
 * Survey Review 23(181), 1976), iterated to sub-micrometre accuracy; exact at the poles.
 */
export function ecefToGeodeticInto(x: number, y: number, z: number, out: GeodeticRad): GeodeticRad {
  const p = Math.hypot(x, y);
  const longitudeRad = Math.atan2(y, x);
  // Parametric (reduced) latitude β, first guess from the sphere scaled by b/a.
  let beta = Math.atan2(z, (1 - WGS84_F) * p);
  let latitudeRad = 0;
  for (let i = 0; i < BOWRING_ITERATIONS; i++) {
    const sinB = Math.sin(beta);
    const cosB = Math.cos(beta);
    latitudeRad = Math.atan2(
      z + WGS84_EP2 * WGS84_B_M * sinB * sinB * sinB,
      p - WGS84_E2 * WGS84_A_M * cosB * cosB * cosB,
    );
    beta = Math.atan2((1 - WGS84_F) * Math.sin(latitudeRad), Math.cos(latitudeRad));
  }
  const sinLat = Math.sin(latitudeRad);
  const n = WGS84_A_M / Math.sqrt(1 - WGS84_E2 * sinLat * sinLat);
  // h = p cos φ + (z + e² N sin φ) sin φ − N holds at every latitude, poles included.
  out.heightM = p * Math.cos(latitudeRad) + (z + WGS84_E2 * n * sinLat) * sinLat - n;
  out.latitudeRad = latitudeRad;
  out.longitudeRad = longitudeRad;
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
