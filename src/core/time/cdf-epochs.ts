import { LEAP_SECOND_TABLE, taiMinusUtcS } from "./leap-seconds.js";

/**
 * CDF time types to project time (ms since 1970-01-01T00:00:00Z, UTC, POSIX: no leap seconds).
 * Definitions: CDF User's Guide 3.9, section 2.5 "Data types" and appendix on epochs.
 */

/** CDF_EPOCH of 1970-01-01T00:00:00.000: ms from 0000-01-01T00:00:00 (proleptic Gregorian). */
export const CDF_EPOCH_OF_UNIX_EPOCH_MS = 62_167_219_200_000;
/** The same instant in whole seconds, for CDF_EPOCH16's seconds part. */
const CDF_EPOCH16_OF_UNIX_EPOCH_S = 62_167_219_200;
/** FILLVAL of CDF_EPOCH and of both EPOCH16 parts (ISTP/CDF guidelines: -1.0E31). */
export const CDF_EPOCH_FILL = -1e31;
/** FILLVAL of CDF_TIME_TT2000 (9999-12-31T23:59:59.999999999 by convention): INT64 min. */
export const TT2000_FILL = -9_223_372_036_854_775_808n;
/** Default pad of CDF_TIME_TT2000 (0000-01-01T00:00:00.000000000 by convention). */
export const TT2000_PAD = -9_223_372_036_854_775_807n;

/** J2000.0 = 2000-01-01T12:00:00 TT; as UTC (Unix ms) it is 2000-01-01T11:58:55.816Z. */
const J2000_NOON_UTC_MS = Date.UTC(2000, 0, 1, 12);
/** TT - TAI = 32.184 s exactly (IAU 1991), in ns. */
const TT_MINUS_TAI_NS = 32_184_000_000n;
const NS_PER_MS = 1_000_000n;

/** CDF_EPOCH (ms since 0000-01-01, no leap seconds) to Unix ms; fill and pad (0) read as NaN. */
export function cdfEpochToUnixMs(epochMs: number): number {
  if (epochMs === CDF_EPOCH_FILL || epochMs === 0 || Number.isNaN(epochMs)) return Number.NaN;
  return epochMs - CDF_EPOCH_OF_UNIX_EPOCH_MS;
}

export function unixMsToCdfEpoch(unixMs: number): number {
  return unixMs + CDF_EPOCH_OF_UNIX_EPOCH_MS;
}

/**
 * CDF_EPOCH16 (seconds since 0000-01-01 and picoseconds within that second) to Unix ms, with
 * the picoseconds as the fraction (float64 keeps about 0.2 us of it at present-day instants).
 */
export function cdfEpoch16ToUnixMs(seconds: number, picoseconds: number): number {
  if (seconds === CDF_EPOCH_FILL || (seconds === 0 && picoseconds === 0)) return Number.NaN;
  return (seconds - CDF_EPOCH16_OF_UNIX_EPOCH_S) * 1000 + picoseconds / 1e9;
}

/** Splits a (fractional) Unix ms instant into whole ns since the J2000 noon UTC label. */
function nsSinceJ2000Label(unixMs: number): bigint {
  const wholeMs = Math.floor(unixMs);
  return (
    BigInt(wholeMs - J2000_NOON_UTC_MS) * NS_PER_MS + BigInt(Math.round((unixMs - wholeMs) * 1e6))
  );
}

/**
 * Unix ms (UTC) to CDF_TIME_TT2000: ns since J2000.0 TT, counting leap seconds
 * (TT = UTC + (TAI - UTC) + 32.184 s).
 */
export function unixMsToTt2000(unixMs: number): bigint {
  const leapNs = BigInt(Math.round(taiMinusUtcS(unixMs) * 1e9));
  return nsSinceJ2000Label(unixMs) + leapNs + TT_MINUS_TAI_NS;
}

/**
 * CDF_TIME_TT2000 to Unix ms. An instant inside a positive leap second (23:59:60.x UTC), which
 * POSIX time cannot name, maps to the first instant after it (00:00:00.000 of the next day), so
 * the result never goes backwards. Fill and default pad read as NaN.
 */
export function tt2000ToUnixMs(tt2000Ns: bigint): number {
  if (tt2000Ns === TT2000_FILL || tt2000Ns === TT2000_PAD) return Number.NaN;
  // x = (UTC label - J2000 noon label) + (TAI - UTC), in ns.
  const x = tt2000Ns - TT_MINUS_TAI_NS;
  for (let i = LEAP_SECOND_TABLE.length - 1; i >= 0; i--) {
    const entry = LEAP_SECOND_TABLE[i];
    if (entry === undefined || entry.driftSPerDay !== 0) break;
    const startNs = BigInt(entry.startMs - J2000_NOON_UTC_MS) * NS_PER_MS;
    const leapNs = BigInt(entry.taiMinusUtcS) * 1_000_000_000n;
    if (x >= startNs + leapNs) return labelNsToUnixMs(x - leapNs);
    const previous = LEAP_SECOND_TABLE[i - 1];
    const step =
      previous === undefined || previous.driftSPerDay !== 0
        ? 0
        : entry.taiMinusUtcS - previous.taiMinusUtcS;
    if (step > 0 && x >= startNs + leapNs - BigInt(step) * 1_000_000_000n) return entry.startMs;
  }
  return beforeIntegerLeapSeconds(x);
}

const MS_PER_DAY = 86_400_000;

/**
 * Before 1972, TAI - UTC drifts and is constant within a UTC day (the CDF library evaluates it
 * at noon), with steps between days. Tries the days around a first guess and keeps the earliest
 * UTC instant that maps back to `x`; when the steps removed time (1961-08-01, 1968-02-01) two
 * UTC instants share one TT2000 value, and a value that falls in an added gap maps to the
 * start of the day after it.
 */
function beforeIntegerLeapSeconds(x: bigint): number {
  const label = labelNsToUnixMs(x);
  const guessDay = Math.floor((label - taiMinusUtcS(label) * 1000) / MS_PER_DAY);
  let best = Number.POSITIVE_INFINITY;
  for (let day = guessDay - 1; day <= guessDay + 1; day++) {
    const leapNs = BigInt(Math.round(taiMinusUtcS(day * MS_PER_DAY + MS_PER_DAY / 2) * 1e9));
    const unixMs = labelNsToUnixMs(x - leapNs);
    if (Math.floor(unixMs / MS_PER_DAY) === day && unixMs < best) best = unixMs;
  }
  if (best !== Number.POSITIVE_INFINITY) return best;
  return Math.round((label - taiMinusUtcS(label) * 1000) / MS_PER_DAY) * MS_PER_DAY;
}

function labelNsToUnixMs(ns: bigint): number {
  return J2000_NOON_UTC_MS + Number(ns / NS_PER_MS) + Number(ns % NS_PER_MS) / 1e6;
}
