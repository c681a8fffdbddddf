/**
 * AACGM-v2 coefficient sets: parsing the generated per-epoch text and interpolating linearly
 * in time between the two bracketing 5-year epochs, as the reference C library does
 * (aacgmlib_v2.c, AACGM_v2_TimeInterp, aburrell/aacgmv2 @5f855791).
 */
import { InvalidArgumentError } from "../../core/errors.js";
import { AACGM_COEFFICIENT_EPOCHS, AACGM_COEFFICIENTS } from "./aacgm-coefficients.js";

/** Spherical-harmonic order of the expansion (aacgmlib_v2.h SHORDER). */
export const AACGM_SH_ORDER = 10;
/** Number of harmonics (SHORDER + 1)² (aacgmlib_v2.h AACGM_KMAX). */
export const AACGM_HARMONICS = (AACGM_SH_ORDER + 1) * (AACGM_SH_ORDER + 1);
/** Cartesian components fitted per harmonic: x, y, z (aacgmlib_v2.h NCOORD). */
export const AACGM_COORDINATES = 3;
/** Polynomial terms in h / MAXALT, degree 4 (aacgmlib_v2.h POLYORD). */
export const AACGM_ALTITUDE_POWERS = 5;
/** Upper altitude of the coefficient fit, km (aacgmlib_v2.h MAXALT). */
export const AACGM_MAX_ALTITUDE_KM = 2000;
/** Earth radius used for every AACGM-v2 geocentric quantity, km (aacgmlib_v2.h RE). */
export const AACGM_EARTH_RADIUS_KM = 6371.2;
/** Years between coefficient epochs (aacgmlib_v2.c AACGM_v2_TimeInterp: myear = year/5*5). */
const EPOCH_SPACING_YEARS = 5;

/** Values for one direction (geo→AACGM or AACGM→geo): harmonics × coordinates × powers. */
export const AACGM_VALUES_PER_DIRECTION =
  AACGM_HARMONICS * AACGM_COORDINATES * AACGM_ALTITUDE_POWERS;
/** Values per epoch: both directions. */
export const AACGM_VALUES_PER_EPOCH = 2 * AACGM_VALUES_PER_DIRECTION;

/** Direction index in the coefficient layout (aacgmlib_v2.h G2A = 0, A2G = 1). */
export const GEO_TO_AACGM = 0;
export const AACGM_TO_GEO = 1;

/** Offset of coefficient (direction, power, coordinate, harmonic 0) in an epoch's values. */
export function coefficientOffset(direction: number, power: number, coordinate: number): number {
  return (
    ((direction * AACGM_ALTITUDE_POWERS + power) * AACGM_COORDINATES + coordinate) * AACGM_HARMONICS
  );
}

function epochValues(epoch: number): readonly number[] {
  const values = AACGM_COEFFICIENTS[epoch];
  if (values === undefined || values.length !== AACGM_VALUES_PER_EPOCH) {
    throw new InvalidArgumentError(
      "AACGM coefficient table",
      `epoch ${epoch} is missing or incomplete; regenerate it with scripts/generate-aacgm-coefficients.ts`,
    );
  }
  return values;
}

/** Calendar year of `timeMs` and the fraction of it elapsed (days of that year as the unit). */
export function decimalYear(timeMs: number): { year: number; fractionalYear: number } {
  const year = new Date(timeMs).getUTCFullYear();
  const startMs = Date.UTC(year, 0, 1);
  const lengthMs = Date.UTC(year + 1, 0, 1) - startMs;
  // aacgmlib_v2.c: fyear = year + ((doy-1) + (hour + (min + sec/60)/60)/24) / daysinyear.
  return { year, fractionalYear: year + (timeMs - startMs) / lengthMs };
}

/** First and last instants (ms) the shipped coefficient sets cover: [first epoch, last epoch). */
export function aacgmValidRangeMs(): { startMs: number; endMs: number } {
  const first = AACGM_COEFFICIENT_EPOCHS[0] ?? 0;
  const last = AACGM_COEFFICIENT_EPOCHS[AACGM_COEFFICIENT_EPOCHS.length - 1] ?? 0;
  return { startMs: Date.UTC(first, 0, 1), endMs: Date.UTC(last, 0, 1) };
}

/**
 * Coefficients for `timeMs`, linearly interpolated between epoch floor(year/5)·5 and the next
 * one with weight (fyear − epoch)/5, as AACGM_v2_TimeInterp does. Same layout as one epoch.
 */
export function interpolatedCoefficients(timeMs: number): Float64Array {
  if (!Number.isFinite(timeMs))
    throw new InvalidArgumentError("timeMs", `${timeMs} is not a finite time`);
  const { year, fractionalYear } = decimalYear(timeMs);
  const epoch = Math.floor(year / EPOCH_SPACING_YEARS) * EPOCH_SPACING_YEARS;
  const next = epoch + EPOCH_SPACING_YEARS;
  if (!AACGM_COEFFICIENT_EPOCHS.includes(epoch) || !AACGM_COEFFICIENT_EPOCHS.includes(next)) {
    const { startMs, endMs } = aacgmValidRangeMs();
    throw new InvalidArgumentError(
      "timeMs",
      `${new Date(timeMs).toISOString()} is outside the AACGM-v2 coefficient range ` +
        `[${new Date(startMs).toISOString()}, ${new Date(endMs).toISOString()}); choose a time inside it`,
    );
  }
  const a = epochValues(epoch);
  const b = epochValues(next);
  const weight = (fractionalYear - epoch) / EPOCH_SPACING_YEARS;
  const out = new Float64Array(AACGM_VALUES_PER_EPOCH);
  for (let i = 0; i < out.length; i++) {
    const va = a[i] as number;
    out[i] = va + weight * ((b[i] as number) - va);
  }
  return out;
}
