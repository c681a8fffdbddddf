/**
 * Magnetic local time as AACGM-v2 defines it (mlt_v2.c, aburrell/aacgmv2 @5f855791):
 * MLT = 12 h + (mlon − mlon_ref)/15°, where mlon_ref is the AACGM-v2 longitude of the
 * subsolar point taken at 700 km altitude, where the coefficients are defined everywhere.
 */
import { InvalidArgumentError } from "../../core/errors.js";
import { wrapLongitudeDeg } from "../angles.js";
import { subsolarPoint } from "../sun.js";
import { type AacgmConverter, createAacgmConverter } from "./converter.js";

/** Height of the subsolar reference point, km (mlt_v2.c: hgt = 700). */
export const MLT_REFERENCE_ALTITUDE_KM = 700;

/**
 * AACGM-v2 longitude of the subsolar point (WGS84 geodetic latitude = solar declination,
 * 700 km) at the converter's instant: the longitude where MLT is 12 h.
 */
export function mltReferenceLongitudeDeg(converter: AacgmConverter): number {
  const sun = subsolarPoint(converter.timeMs);
  const ref = converter.geoToAacgm(sun.latitudeDeg, sun.longitudeDeg, MLT_REFERENCE_ALTITUDE_KM);
  if (Number.isNaN(ref.longitudeDeg)) {
    throw new InvalidArgumentError(
      "timeMs",
      "the AACGM-v2 longitude of the subsolar point is undefined",
    );
  }
  return ref.longitudeDeg;
}

/** MLT in hours [0, 24) of AACGM longitude `mlonDeg` given the reference longitude; NaN in, NaN out. */
export function mltFromReference(mlonDeg: number, referenceLongitudeDeg: number): number {
  const hours = (12 + (mlonDeg - referenceLongitudeDeg) / 15) % 24;
  return hours < 0 ? hours + 24 : hours;
}

/** AACGM-v2 magnetic local time (hours in [0, 24)) at `timeMs` of magnetic longitude `mlonDeg`. */
export function magneticLocalTime(timeMs: number, mlonDeg: number): number {
  return mltFromReference(mlonDeg, mltReferenceLongitudeDeg(createAacgmConverter(timeMs)));
}

/** Inverse of {@link magneticLocalTime}: AACGM-v2 longitude in [-180, 180) with that MLT. */
export function mlonFromMlt(timeMs: number, mltHours: number): number {
  const reference = mltReferenceLongitudeDeg(createAacgmConverter(timeMs));
  return wrapLongitudeDeg((mltHours - 12) * 15 + reference);
}
