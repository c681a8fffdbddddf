/** Point and option types of the AACGM-v2 conversions, and the input checks they share. */
import { InvalidArgumentError } from "../../core/errors.js";
import { AACGM_MAX_ALTITUDE_KM } from "./coefficient-set.js";

export interface AacgmPoint {
  latitudeDeg: number;
  longitudeDeg: number;
  /** Geocentric distance of the input point in Earth radii of 6371.2 km. */
  radiusRe: number;
}

export interface GeographicPoint {
  latitudeDeg: number;
  longitudeDeg: number;
  /** Geodetic height above WGS84 (or geocentric height above 6371.2 km when geocentric). */
  altitudeKm: number;
}

export interface AacgmConverterOptions {
  /** Altitude used by the batch methods when none is given, km. Default 0. */
  altitudeKm?: number;
}

export interface AacgmPointOptions {
  /** Inputs (geo→AACGM) or outputs (AACGM→geo) are geocentric (sphere of 6371.2 km), not WGS84. */
  geocentric?: boolean;
  /** Allow coefficients above 2000 km, where the fit was not made (the C library's BADIDEA). */
  badIdea?: boolean;
}

/** Output arrays of a batch conversion; `radiusRe`/`altitudeKm` are optional. */
export interface AacgmBatchOutput {
  latitudeDeg: Float64Array;
  longitudeDeg: Float64Array;
  radiusRe?: Float64Array;
}

export interface GeographicBatchOutput {
  latitudeDeg: Float64Array;
  longitudeDeg: Float64Array;
  altitudeKm?: Float64Array;
}

/** Fails for heights the coefficients were not fitted for (aacgmlib_v2.c AACGM_v2_Convert, error -4). */
export function checkCoefficientAltitude(altitudeKm: number, badIdea: boolean): void {
  if (altitudeKm > AACGM_MAX_ALTITUDE_KM && !badIdea) {
    throw new InvalidArgumentError(
      "altitudeKm",
      `AACGM-v2 coefficients are valid up to ${AACGM_MAX_ALTITUDE_KM} km, got ${altitudeKm} km; ` +
        `use method "trace" or "allowTrace" (field-line tracing), or "badIdea" to extrapolate anyway`,
    );
  }
}

export function checkLatitude(latitudeDeg: number): void {
  if (Math.abs(latitudeDeg) > 90) {
    throw new InvalidArgumentError("latitudeDeg", `${latitudeDeg} is outside [-90, 90]`);
  }
}
