import { InvalidArgumentError } from "../core/errors.js";
import {
  ecefToGeodeticInto,
  type GeodeticRad,
  geodeticToEcefInto,
  type Vec3,
  WGS84_A_M,
  WGS84_B_M,
  WGS84_E2,
} from "./wgs84.js";

const DEG = Math.PI / 180;
/** Highest shell (m) for the trig-free one-step latitude (error analysis in `intersect`). */
const FAST_PATH_LIMIT_M = 1_000e3;

/** Writes radians (any longitude) as degrees with the longitude wrapped into [-180, 180). */
function writeLookPoint(latitudeRad: number, longitudeRad: number, out: LookPoint): boolean {
  out.latitudeDeg = latitudeRad / DEG;
  let lon = longitudeRad / DEG;
  if (lon >= 180) lon -= 360;
  else if (lon < -180) lon += 360;
  out.longitudeDeg = lon;
  return true;
}

/** A longitude in degrees as float32 in [-180, 180): rounding can lift 179.99999 to 180. */
function wrappedFloat32Longitude(longitudeDeg: number): number {
  let lon = longitudeDeg;
  if (lon >= 180) lon -= 360;
  else if (lon < -180) lon += 360;
  const rounded = Math.fround(lon);
  return rounded >= 180 ? -180 : rounded;
}

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
 * skymap so that the per-look work is one quadratic, one ECEF→geodetic conversion and one
 * Newton step onto the exact geodetic height. Build once per (site, altitude); reuse for
 * many looks (no allocation per look).
 */
export class LookObserver {
  readonly position: Vec3 = { x: 0, y: 0, z: 0 };
  readonly east: Vec3;
  readonly north: Vec3;
  readonly up: Vec3;
  /** Squared semi-axes of the ellipsoid inflated by the mapping altitude. */
  private readonly inverseA2: number;
  private readonly inverseB2: number;
  private readonly heightM: number;
  /** Observer position in the shell's scaled metric (P/a², P/b²) and c = |P|²_scaled − 1. */
  private readonly scaledX: number;
  private readonly scaledY: number;
  private readonly scaledZ: number;
  private readonly c: number;
  /** East, north, up ECEF components, row by row, for the per-look rotation. */
  private readonly basis: Float64Array;
  /** ECEF direction of the last intersected ray (reused, so no allocation per look). */
  private dx = 0;
  private dy = 0;
  private dz = 0;
  private readonly scratch: GeodeticRad = { latitudeRad: 0, longitudeRad: 0, heightM: 0 };
  private readonly ecef: Vec3 = { x: 0, y: 0, z: 0 };
  /** Prime-vertical radius of curvature at the last crossing (fast path), m. */
  private nRadius: number = WGS84_A_M;
  /**
   * Above FAST_PATH_LIMIT_M the shell departs too far from a constant-height surface for the
   * one-step latitude of `intersect`: use the closed-form conversion instead.
   */
  private readonly exactConversion: boolean;

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
    this.heightM = heightM;
    this.exactConversion = !(heightM <= FAST_PATH_LIMIT_M);
    this.inverseA2 = 1 / (WGS84_A_M + heightM) ** 2;
    this.inverseB2 = 1 / (WGS84_B_M + heightM) ** 2;
    const p = this.position;
    this.scaledX = p.x * this.inverseA2;
    this.scaledY = p.y * this.inverseA2;
    this.scaledZ = p.z * this.inverseB2;
    this.c = p.x * this.scaledX + p.y * this.scaledY + p.z * this.scaledZ - 1;
    this.basis = Float64Array.of(
      this.east.x,
      this.east.y,
      this.east.z,
      this.north.x,
      this.north.y,
      this.north.z,
      this.up.x,
      this.up.y,
      this.up.z,
    );
  }

  /** Writes the ECEF crossing of the look (degrees) into `out`; false when there is none. */
  crossing(azimuthDeg: number, elevationDeg: number, out: Vec3): boolean {
    if (!(elevationDeg >= 0 && elevationDeg <= 90) || !Number.isFinite(azimuthDeg)) return false;
    const cosEl = Math.cos(elevationDeg * DEG);
    return this.crossingEnu(
      cosEl * Math.sin(azimuthDeg * DEG),
      cosEl * Math.cos(azimuthDeg * DEG),
      Math.sin(elevationDeg * DEG),
      out,
    );
  }

  /**
   * Writes the ECEF crossing of the look along the unit ENU direction (e, n, u) into `out`;
   * false when there is none (u < 0, non-finite, or the observer at/above the shell).
   */
  crossingEnu(e: number, n: number, u: number, out: Vec3): boolean {
    const dt = this.intersect(e, n, u);
    if (Number.isNaN(dt)) return false;
    const q = this.ecef;
    out.x = q.x + dt * this.dx;
    out.y = q.y + dt * this.dy;
    out.z = q.z + dt * this.dz;
    return true;
  }

  /**
   * Maps many unit ENU directions (3 values each in `directions`) to latitude/longitude in
   * degrees (longitude in [-180, 180); NaN where there is no crossing). The same geometry as
   * `lookEnu`, run as one loop over local variables: the skymap reprojection's hot path.
   */
  mapEnuInto(
    directions: Float64Array,
    outLatitudeDeg: Float32Array,
    outLongitudeDeg: Float32Array,
  ): void {
    const count = outLatitudeDeg.length;
    if (this.exactConversion || !(this.c < 0)) {
      const point: LookPoint = { latitudeDeg: 0, longitudeDeg: 0 };
      for (let i = 0; i < count; i++) {
        const j = 3 * i;
        const ok = this.lookEnu(
          directions[j] as number,
          directions[j + 1] as number,
          directions[j + 2] as number,
          point,
        );
        outLatitudeDeg[i] = ok ? point.latitudeDeg : Number.NaN;
        outLongitudeDeg[i] = ok ? wrappedFloat32Longitude(point.longitudeDeg) : Number.NaN;
      }
      return;
    }
    const { x: px0, y: py0, z: pz0 } = this.position;
    const { x: ex, y: ey, z: ez } = this.east;
    const { x: nx, y: ny, z: nz } = this.north;
    const { x: ux, y: uy, z: uz } = this.up;
    const inverseA2 = this.inverseA2;
    const inverseB2 = this.inverseB2;
    const sx = this.scaledX;
    const sy = this.scaledY;
    const sz = this.scaledZ;
    const c = this.c;
    const h = this.heightM;
    const oneMinusE2 = 1 - WGS84_E2;
    for (let i = 0; i < count; i++) {
      const j = 3 * i;
      const e = directions[j] as number;
      const n = directions[j + 1] as number;
      const u = directions[j + 2] as number;
      if (!(u >= 0)) {
        outLatitudeDeg[i] = Number.NaN;
        outLongitudeDeg[i] = Number.NaN;
        continue;
      }
      // As `intersect`: the ray against the inflated shell, then one Newton step onto the
      // exact geodetic height, then the latitude from tan φ = z (N + h) / (p (N (1 − e²) + h)).
      const dx = e * ex + n * nx + u * ux;
      const dy = e * ey + n * ny + u * uy;
      const dz = e * ez + n * nz + u * uz;
      const a = (dx * dx + dy * dy) * inverseA2 + dz * dz * inverseB2;
      const b = dx * sx + dy * sy + dz * sz;
      const t = (-b + Math.sqrt(b * b - a * c)) / a;
      const qx = px0 + t * dx;
      const qy = py0 + t * dy;
      const qz = pz0 + t * dz;
      const p = Math.sqrt(qx * qx + qy * qy);
      const zScaled = qz * inverseB2;
      const pScaled = p * inverseA2;
      const sin2 = (zScaled * zScaled) / (zScaled * zScaled + pScaled * pScaled);
      const n0 = WGS84_A_M / Math.sqrt(1 - WGS84_E2 * sin2);
      const numerator = qz * (n0 + h);
      const denominator = p * (n0 * oneMinusE2 + h);
      const hypotenuse = Math.sqrt(numerator * numerator + denominator * denominator);
      const sinLat = numerator / hypotenuse;
      const cosLat = denominator / hypotenuse;
      const w = Math.sqrt(1 - WGS84_E2 * sinLat * sinLat);
      const nRadius = WGS84_A_M / w;
      const heightM = p * cosLat + qz * sinLat - WGS84_A_M * w;
      const slope = (p > 0 ? ((dx * qx + dy * qy) / p) * cosLat : 0) + dz * sinLat;
      const dt = slope > 1e-9 ? (h - heightM) / slope : 0;
      const x = qx + dt * dx;
      const y = qy + dt * dy;
      const z = qz + dt * dz;
      const pf = Math.sqrt(x * x + y * y);
      outLatitudeDeg[i] = Math.atan2(z * (nRadius + h), pf * (nRadius * oneMinusE2 + h)) / DEG;
      outLongitudeDeg[i] = wrappedFloat32Longitude(Math.atan2(y, x) / DEG);
    }
  }

  /** Writes the geodetic crossing along the unit ENU direction into `out`; false when none. */
  lookEnu(e: number, n: number, u: number, out: LookPoint): boolean {
    const dt = this.intersect(e, n, u);
    if (Number.isNaN(dt)) return false;
    const q = this.ecef;
    const x = q.x + dt * this.dx;
    const y = q.y + dt * this.dy;
    const z = q.z + dt * this.dz;
    if (this.exactConversion) {
      const g = ecefToGeodeticInto(x, y, z, this.scratch);
      return writeLookPoint(g.latitudeRad, g.longitudeRad, out);
    }
    // The corrected point is at exactly the shell height h, so tan φ = z (N + h) /
    // (p (N (1 − e²) + h)) (TR8350.2 eq. 4-14 solved for φ) is exact given N; N from the
    // uncorrected crossing's latitude is off by ~1e-7 rad, which moves φ by < 1e-13 rad.
    const nRadius = this.nRadius;
    const p = Math.sqrt(x * x + y * y);
    return writeLookPoint(
      Math.atan2(z * (nRadius + this.heightM), p * (nRadius * (1 - WGS84_E2) + this.heightM)),
      Math.atan2(y, x),
      out,
    );
  }

  /**
   * Intersects the ray with the inflated shell: leaves the crossing in `ecef`, the ECEF
   * direction in d{x,y,z} and the crossing's prime-vertical radius in nRadius, and returns the
   * Newton step along the ray onto the exact geodetic height (NaN when there is no crossing).
   */
  private intersect(e: number, n: number, u: number): number {
    // The observer's constant c ≥ 0 means it is at or above the shell: no crossing ahead.
    if (!(u >= 0) || !(this.c < 0)) return Number.NaN;
    const m = this.basis;
    const dx = e * (m[0] as number) + n * (m[3] as number) + u * (m[6] as number);
    const dy = e * (m[1] as number) + n * (m[4] as number) + u * (m[7] as number);
    const dz = e * (m[2] as number) + n * (m[5] as number) + u * (m[8] as number);
    // |P + t d|² in the shell's scaled metric = 1: a t² + 2 b t + c = 0.
    const a = (dx * dx + dy * dy) * this.inverseA2 + dz * dz * this.inverseB2;
    const b = dx * this.scaledX + dy * this.scaledY + dz * this.scaledZ;
    if (!(a > 0)) return Number.NaN;
    // An observer below the shell (c < 0) always has exactly one crossing ahead (t > 0).
    const t = (-b + Math.sqrt(b * b - a * this.c)) / a;
    const p = this.position;
    const q = this.ecef;
    q.x = p.x + t * dx;
    q.y = p.y + t * dy;
    q.z = p.z + t * dz;
    this.dx = dx;
    this.dy = dy;
    this.dz = dz;
    // The inflated shell departs from the constant-geodetic-height surface by up to ~0.2 m at
    // 150 km; one Newton step along the ray, dh / (d · up at the point), removes that to well
    // under 1 µm because the departure varies slowly along the ray.
    let heightM: number;
    let sinLat: number;
    let cosLat: number;
    // Math.sqrt, not Math.hypot (several times slower in V8); no overflow is possible here.
    const px = Math.sqrt(q.x * q.x + q.y * q.y);
    if (this.exactConversion) {
      const g = ecefToGeodeticInto(q.x, q.y, q.z, this.scratch);
      heightM = g.heightM;
      sinLat = Math.sin(g.latitudeRad);
      cosLat = Math.cos(g.latitudeRad);
    } else {
      // Latitude of the crossing without trigonometry: start from the shell's own normal
      // (within ~2e-7 rad of the geodetic one below 1000 km), one step of tan φ = z (N + h) /
      // (p (N (1 − e²) + h)) (Heiskanen & Moritz, Physical Geodesy, 1967, eq. 5-27), which
      // contracts errors by ~h e² / N (< 1e-5 here). Using the shell height h for the point's
      // own (±0.2 m) biases φ by < 1e-9 rad, which the height below feels only squared.
      const numerator0 = q.z * this.inverseB2;
      const denominator0 = px * this.inverseA2;
      const sin2 =
        (numerator0 * numerator0) / (numerator0 * numerator0 + denominator0 * denominator0);
      const n0 = WGS84_A_M / Math.sqrt(1 - WGS84_E2 * sin2);
      const numerator = q.z * (n0 + this.heightM);
      const denominator = px * (n0 * (1 - WGS84_E2) + this.heightM);
      const hypotenuse = Math.sqrt(numerator * numerator + denominator * denominator);
      sinLat = numerator / hypotenuse;
      cosLat = denominator / hypotenuse;
      const w = Math.sqrt(1 - WGS84_E2 * sinLat * sinLat);
      this.nRadius = WGS84_A_M / w;
      // h = p cos φ + z sin φ − a √(1 − e² sin² φ): stationary in φ, stable at every latitude.
      heightM = px * cosLat + q.z * sinLat - WGS84_A_M * w;
    }
    // d · up at the crossing; on the axis (px = 0) cos φ = 0 and only dz counts.
    const slope = (px > 0 ? ((dx * q.x + dy * q.y) / px) * cosLat : 0) + dz * sinLat;
    return slope > 1e-9 ? (this.heightM - heightM) / slope : 0;
  }

  /** Writes the geodetic crossing of the look (degrees) into `out`; false when there is none. */
  look(azimuthDeg: number, elevationDeg: number, out: LookPoint): boolean {
    if (!(elevationDeg >= 0 && elevationDeg <= 90) || !Number.isFinite(azimuthDeg)) return false;
    const cosEl = Math.cos(elevationDeg * DEG);
    return this.lookEnu(
      cosEl * Math.sin(azimuthDeg * DEG),
      cosEl * Math.cos(azimuthDeg * DEG),
      Math.sin(elevationDeg * DEG),
      out,
    );
  }
}

/**
 * Where the line of sight from `site` at azimuth (degrees east of north) and elevation
 * (degrees above the horizon) crosses `altitudeKm` above the WGS84 ellipsoid (geodetic height,
 * exact to < 1 mm: the ray meets the ellipsoid inflated by the altitude, then one Newton step
 * moves it onto the constant-height surface); null below the horizon or when the site is at or
 * above that altitude. Unlike a spherical Earth (asilib's custom-altitude skymaps), there is
 * no ~0.3 % radius error.
 */
export function lookToAltitude(
  site: LookSite,
  azimuthDeg: number,
  elevationDeg: number,
  altitudeKm: number,
): LookPoint | null {
  const out: LookPoint = { latitudeDeg: Number.NaN, longitudeDeg: Number.NaN };
  return new LookObserver(site, altitudeKm).look(azimuthDeg, elevationDeg, out) ? out : null;
}

/** The ECEF crossing (metres) of a look with the mapping shell, or null (see lookToAltitude). */
export function lookToAltitudeEcef(
  site: LookSite,
  azimuthDeg: number,
  elevationDeg: number,
  altitudeKm: number,
): Vec3 | null {
  const out: Vec3 = { x: 0, y: 0, z: 0 };
  return new LookObserver(site, altitudeKm).crossing(azimuthDeg, elevationDeg, out) ? out : null;
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
  const observer = new LookObserver(site, altitudeKm);
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
