import { InvalidArgumentError } from "../core/errors.js";
import {
  ecefToGeodeticInto,
  type GeodeticRad,
  geodeticToEcefInto,
  type Vec3,
  WGS84_A_M,
  WGS84_B_M,
} from "./wgs84.js";

const DEG = Math.PI / 180;

/** Where an observer stands: geodetic degrees and km above the WGS84 ellipsoid. */
export interface LookSite {
  readonly latitudeDeg: number;
  readonly longitudeDeg: number;
  readonly altitudeKm: number;
}

/** Geodetic position where a line of sight crosses a mapping altitude. */
export interface LookPoint {
  latitudeDeg: number;
  /** Degrees east in [-180, 180). */
  longitudeDeg: number;
}

/**
 * Precomputed observer state: ECEF position and the ENU basis, shared by every pixel of a
 * skymap so that the per-look work is one quadratic and one ECEF→geodetic conversion.
 */
class Observer {
  readonly position: Vec3 = { x: 0, y: 0, z: 0 };
  readonly east: Vec3;
  readonly north: Vec3;
  readonly up: Vec3;
  /** Squared semi-axes of the ellipsoid inflated by the mapping altitude. */
  private readonly inverseA2: number;
  private readonly inverseB2: number;
  private readonly scratch: GeodeticRad = { latitudeRad: 0, longitudeRad: 0, heightM: 0 };
  private readonly ecef: Vec3 = { x: 0, y: 0, z: 0 };

  constructor(site: LookSite, altitudeKm: number) {
    if (
      ![site.latitudeDeg, site.longitudeDeg, site.altitudeKm, altitudeKm].every(Number.isFinite)
    ) {
      throw new InvalidArgumentError(
        "site/altitudeKm",
        "latitude, longitude and altitudes must be finite numbers",
      );
    }
    const lat = site.latitudeDeg * DEG;
    const lon = site.longitudeDeg * DEG;
    geodeticToEcefInto(lat, lon, site.altitudeKm * 1e3, this.position);
    const sinLat = Math.sin(lat);
    const cosLat = Math.cos(lat);
    const sinLon = Math.sin(lon);
    const cosLon = Math.cos(lon);
    this.east = { x: -sinLon, y: cosLon, z: 0 };
    this.north = { x: -sinLat * cosLon, y: -sinLat * sinLon, z: cosLat };
    this.up = { x: cosLat * cosLon, y: cosLat * sinLon, z: sinLat };
    // The mapping shell: the WGS84 ellipsoid with both semi-axes grown by the altitude
    // (a = A + h, b = B + h), the surface skymap generators intersect lines of sight with.
    const heightM = altitudeKm * 1e3;
    this.inverseA2 = 1 / (WGS84_A_M + heightM) ** 2;
    this.inverseB2 = 1 / (WGS84_B_M + heightM) ** 2;
  }

  /** Writes the ECEF crossing of the look (degrees) into `out`; false when there is none. */
  crossing(azimuthDeg: number, elevationDeg: number, out: Vec3): boolean {
    if (!(elevationDeg >= 0 && elevationDeg <= 90) || !Number.isFinite(azimuthDeg)) return false;
    const cosEl = Math.cos(elevationDeg * DEG);
    const e = cosEl * Math.sin(azimuthDeg * DEG);
    const n = cosEl * Math.cos(azimuthDeg * DEG);
    const u = Math.sin(elevationDeg * DEG);
    const { east, north, up, position: p } = this;
    const dx = e * east.x + n * north.x + u * up.x;
    const dy = e * east.y + n * north.y + u * up.y;
    const dz = e * east.z + n * north.z + u * up.z;
    // |P + t d|² in the shell's scaled metric = 1: a t² + 2 b t + c = 0.
    const a = (dx * dx + dy * dy) * this.inverseA2 + dz * dz * this.inverseB2;
    const b = (p.x * dx + p.y * dy) * this.inverseA2 + p.z * dz * this.inverseB2;
    const c = (p.x * p.x + p.y * p.y) * this.inverseA2 + p.z * p.z * this.inverseB2 - 1;
    // An observer below the shell (c < 0) always has exactly one crossing ahead (t > 0).
    if (c >= 0) return false;
    const discriminant = b * b - a * c;
    const t = (-b + Math.sqrt(discriminant)) / a;
    out.x = p.x + t * dx;
    out.y = p.y + t * dy;
    out.z = p.z + t * dz;
    return true;
  }

  /** Writes the geodetic crossing of the look (degrees) into `out`; false when there is none. */
  look(azimuthDeg: number, elevationDeg: number, out: LookPoint): boolean {
    const q = this.ecef;
    if (!this.crossing(azimuthDeg, elevationDeg, q)) return false;
    const g = ecefToGeodeticInto(q.x, q.y, q.z, this.scratch);
    out.latitudeDeg = g.latitudeRad / DEG;
    let lon = g.longitudeRad / DEG;
    if (lon >= 180) lon -= 360;
    out.longitudeDeg = lon;
    return true;
  }
}

/**
 * Where the line of sight from `site` at azimuth (degrees east of north) and elevation
 * (degrees above the horizon) crosses `altitudeKm`; null below the horizon or when the site is
 * at or above that altitude.
 */
export function lookToAltitude(
  site: LookSite,
  azimuthDeg: number,
  elevationDeg: number,
  altitudeKm: number,
): LookPoint | null {
  const out: LookPoint = { latitudeDeg: Number.NaN, longitudeDeg: Number.NaN };
  return new Observer(site, altitudeKm).look(azimuthDeg, elevationDeg, out) ? out : null;
}

/** The ECEF crossing (metres) of a look with the mapping shell, or null (see lookToAltitude). */
export function lookToAltitudeEcef(
  site: LookSite,
  azimuthDeg: number,
  elevationDeg: number,
  altitudeKm: number,
): Vec3 | null {
  const out: Vec3 = { x: 0, y: 0, z: 0 };
  return new Observer(site, altitudeKm).crossing(azimuthDeg, elevationDeg, out) ? out : null;
}

/**
 * The vectorised form: for each look i, writes latitude/longitude into the outputs (NaN when
 * there is no crossing). No allocation per look.
 */
export function lookToAltitudeInto(
  site: LookSite,
  azimuthDeg: ArrayLike<number>,
  elevationDeg: ArrayLike<number>,
  altitudeKm: number,
  outLatitudeDeg: Float32Array | Float64Array,
  outLongitudeDeg: Float32Array | Float64Array,
): void {
  const count = azimuthDeg.length;
  if (
    elevationDeg.length !== count ||
    outLatitudeDeg.length !== count ||
    outLongitudeDeg.length !== count
  ) {
    throw new InvalidArgumentError(
      "lookToAltitudeInto",
      `azimuth, elevation and both outputs must have the same length (got ${count}, ${elevationDeg.length}, ${outLatitudeDeg.length}, ${outLongitudeDeg.length})`,
    );
  }
  const observer = new Observer(site, altitudeKm);
  const point: LookPoint = { latitudeDeg: 0, longitudeDeg: 0 };
  for (let i = 0; i < count; i++) {
    if (observer.look(azimuthDeg[i] as number, elevationDeg[i] as number, point)) {
      outLatitudeDeg[i] = point.latitudeDeg;
      outLongitudeDeg[i] = point.longitudeDeg;
    } else {
      outLatitudeDeg[i] = Number.NaN;
      outLongitudeDeg[i] = Number.NaN;
    }
  }
}
