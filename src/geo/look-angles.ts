import { InvalidArgumentError } from "../core/errors.js";
import type { LookSite } from "./look-to-altitude.js";
import { geodeticToEcefInto, type Vec3 } from "./wgs84.js";

const DEG = Math.PI / 180;

/** Azimuth (degrees east of north, [0, 360)), elevation (degrees) and slant range (km). */
export interface LookAngles {
  azimuthDeg: number;
  elevationDeg: number;
  rangeKm: number;
}

/** Local east, north, up components (metres) of an ECEF vector. */
export interface Enu {
  east: number;
  north: number;
  up: number;
}

/**
 * An observer's local tangent frame (WGS84 ellipsoid normal as up), precomputed once:
 * ECEF ↔ ENU ↔ AER without allocation per point.
 */
export class LocalFrame {
  readonly origin: Vec3 = { x: 0, y: 0, z: 0 };
  private readonly sinLat: number;
  private readonly cosLat: number;
  private readonly sinLon: number;
  private readonly cosLon: number;
  private readonly target: Vec3 = { x: 0, y: 0, z: 0 };

  constructor(observer: LookSite) {
    if (
      ![observer.latitudeDeg, observer.longitudeDeg, observer.altitudeKm].every(Number.isFinite)
    ) {
      throw new InvalidArgumentError("observer", "latitude, longitude and altitude must be finite");
    }
    const lat = observer.latitudeDeg * DEG;
    const lon = observer.longitudeDeg * DEG;
    geodeticToEcefInto(lat, lon, observer.altitudeKm * 1e3, this.origin);
    this.sinLat = Math.sin(lat);
    this.cosLat = Math.cos(lat);
    this.sinLon = Math.sin(lon);
    this.cosLon = Math.cos(lon);
  }

  /** ENU components (metres) of the ECEF point (metres) relative to the origin. */
  ecefToEnuInto(x: number, y: number, z: number, out: Enu): Enu {
    const dx = x - this.origin.x;
    const dy = y - this.origin.y;
    const dz = z - this.origin.z;
    const t = this.cosLon * dx + this.sinLon * dy;
    out.east = -this.sinLon * dx + this.cosLon * dy;
    out.north = -this.sinLat * t + this.cosLat * dz;
    out.up = this.cosLat * t + this.sinLat * dz;
    return out;
  }

  /** ECEF point (metres) at the ENU offset (metres) from the origin. */
  enuToEcefInto(east: number, north: number, up: number, out: Vec3): Vec3 {
    const t = -this.sinLat * north + this.cosLat * up;
    out.x = this.origin.x - this.sinLon * east + this.cosLon * t;
    out.y = this.origin.y + this.cosLon * east + this.sinLon * t;
    out.z = this.origin.z + this.cosLat * north + this.sinLat * up;
    return out;
  }

  /** Look angles from the origin to a geodetic target (degrees, km), written into `out`. */
  lookAnglesInto(
    latitudeDeg: number,
    longitudeDeg: number,
    altitudeKm: number,
    out: LookAngles,
    enu: Enu,
  ): LookAngles {
    const q = geodeticToEcefInto(
      latitudeDeg * DEG,
      longitudeDeg * DEG,
      altitudeKm * 1e3,
      this.target,
    );
    this.ecefToEnuInto(q.x, q.y, q.z, enu);
    return enuToAerInto(enu.east, enu.north, enu.up, out);
  }
}

/** ENU (metres) to azimuth/elevation (degrees) and range (km); azimuth 0 at the zenith/nadir. */
export function enuToAerInto(east: number, north: number, up: number, out: LookAngles): LookAngles {
  const horizontal = Math.hypot(east, north);
  let azimuthDeg = Math.atan2(east, north) / DEG;
  if (azimuthDeg < 0) azimuthDeg += 360;
  // atan2 of a tiny negative east gives -0 + 360 = 360: keep [0, 360).
  if (azimuthDeg >= 360) azimuthDeg -= 360;
  out.azimuthDeg = azimuthDeg;
  out.elevationDeg = Math.atan2(up, horizontal) / DEG;
  out.rangeKm = Math.hypot(horizontal, up) / 1e3;
  return out;
}

/** Azimuth/elevation (degrees) and range (km) to ENU metres. */
export function aerToEnuInto(
  azimuthDeg: number,
  elevationDeg: number,
  rangeKm: number,
  out: Enu,
): Enu {
  const rangeM = rangeKm * 1e3;
  const cosEl = Math.cos(elevationDeg * DEG);
  out.east = rangeM * cosEl * Math.sin(azimuthDeg * DEG);
  out.north = rangeM * cosEl * Math.cos(azimuthDeg * DEG);
  out.up = rangeM * Math.sin(elevationDeg * DEG);
  return out;
}

/**
 * Azimuth, elevation and slant range from an observer to a target, both geodetic (WGS84
 * degrees, km above the ellipsoid); elevation is measured from the observer's ellipsoid
 * tangent plane (pymap3d's `geodetic2aer` convention, asilib.md §4.9 `map_azel`).
 */
export function lookAngles(observer: LookSite, target: LookSite): LookAngles {
  const frame = new LocalFrame(observer);
  return frame.lookAnglesInto(
    target.latitudeDeg,
    target.longitudeDeg,
    target.altitudeKm,
    { azimuthDeg: 0, elevationDeg: 0, rangeKm: 0 },
    { east: 0, north: 0, up: 0 },
  );
}

/**
 * The batch form: look angles from one observer to targets i (degrees, km), written into the
 * outputs (NaN where a target coordinate is not finite). No allocation per target.
 */
export function lookAnglesInto(
  observer: LookSite,
  targetLatitudeDeg: ArrayLike<number>,
  targetLongitudeDeg: ArrayLike<number>,
  targetAltitudeKm: ArrayLike<number>,
  outAzimuthDeg: Float32Array | Float64Array,
  outElevationDeg: Float32Array | Float64Array,
  outRangeKm: Float32Array | Float64Array,
): void {
  const count = targetLatitudeDeg.length;
  for (const [name, length] of [
    ["targetLongitudeDeg", targetLongitudeDeg.length],
    ["targetAltitudeKm", targetAltitudeKm.length],
    ["outAzimuthDeg", outAzimuthDeg.length],
    ["outElevationDeg", outElevationDeg.length],
    ["outRangeKm", outRangeKm.length],
  ] as const) {
    if (length !== count) {
      throw new InvalidArgumentError(name, `has length ${length}, expected ${count}`);
    }
  }
  const frame = new LocalFrame(observer);
  const angles: LookAngles = { azimuthDeg: 0, elevationDeg: 0, rangeKm: 0 };
  const enu: Enu = { east: 0, north: 0, up: 0 };
  for (let i = 0; i < count; i++) {
    const lat = targetLatitudeDeg[i] as number;
    const lon = targetLongitudeDeg[i] as number;
    const alt = targetAltitudeKm[i] as number;
    if (Number.isFinite(lat) && Number.isFinite(lon) && Number.isFinite(alt)) {
      frame.lookAnglesInto(lat, lon, alt, angles, enu);
      outAzimuthDeg[i] = angles.azimuthDeg;
      outElevationDeg[i] = angles.elevationDeg;
      outRangeKm[i] = angles.rangeKm;
    } else {
      outAzimuthDeg[i] = Number.NaN;
      outElevationDeg[i] = Number.NaN;
      outRangeKm[i] = Number.NaN;
    }
  }
}
