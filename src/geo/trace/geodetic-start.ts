import { InvalidArgumentError } from "../../core/errors.js";
import { geodeticToEcefInto, type Vec3 } from "../wgs84.js";

const DEG = Math.PI / 180;

/** Rejects a point that cannot start a trace: non-finite values or |latitude| > 90°. */
export function checkTracePoint(
  latitudeDeg: number,
  longitudeDeg: number,
  altitudeKm: number,
  argument = "latitudeDeg/longitudeDeg/altitudeKm",
): void {
  if (
    !(Math.abs(latitudeDeg) <= 90) ||
    !Number.isFinite(longitudeDeg) ||
    !Number.isFinite(altitudeKm)
  ) {
    throw new InvalidArgumentError(argument, "need finite values with |latitude| ≤ 90°");
  }
}

/** Checks a WGS84 geodetic start point and writes its ECEF position in km into `out`. */
export function geodeticStartKm(
  latitudeDeg: number,
  longitudeDeg: number,
  altitudeKm: number,
  out: Vec3,
): Vec3 {
  checkTracePoint(latitudeDeg, longitudeDeg, altitudeKm);
  geodeticToEcefInto(latitudeDeg * DEG, longitudeDeg * DEG, altitudeKm * 1e3, out);
  out.x /= 1e3;
  out.y /= 1e3;
  out.z /= 1e3;
  return out;
}
