/**
 * TAI - UTC, from the table the CDF library ships as CDFLeapSeconds.txt (itself IERS Bulletin C
 * and the USNO tai-utc.dat history): year, month, day (UTC) from which the offset applies,
 * offset in seconds, and for 1960-1971 the reference MJD and drift in seconds per day
 * (TAI - UTC = offset + (MJD - referenceMjd) * drift).
 *
 * Last entry: 2017-01-01, TAI - UTC = 37 s. IERS Bulletin C announcements since then have
 * added no leap second, so instants after the table's end use 37 s; when IERS announces a new
 * one, append it here (a leap second is announced about six months ahead).
 */
const TABLE: readonly (readonly [number, number, number, number, number, number])[] = [
  [1960, 1, 1, 1.417818, 37300, 0.001296],
  [1961, 1, 1, 1.422818, 37300, 0.001296],
  [1961, 8, 1, 1.372818, 37300, 0.001296],
  [1962, 1, 1, 1.845858, 37665, 0.0011232],
  [1963, 11, 1, 1.945858, 37665, 0.0011232],
  [1964, 1, 1, 3.24013, 38761, 0.001296],
  [1964, 4, 1, 3.34013, 38761, 0.001296],
  [1964, 9, 1, 3.44013, 38761, 0.001296],
  [1965, 1, 1, 3.54013, 38761, 0.001296],
  [1965, 3, 1, 3.64013, 38761, 0.001296],
  [1965, 7, 1, 3.74013, 38761, 0.001296],
  [1965, 9, 1, 3.84013, 38761, 0.001296],
  [1966, 1, 1, 4.31317, 39126, 0.002592],
  [1968, 2, 1, 4.21317, 39126, 0.002592],
  [1972, 1, 1, 10, 0, 0],
  [1972, 7, 1, 11, 0, 0],
  [1973, 1, 1, 12, 0, 0],
  [1974, 1, 1, 13, 0, 0],
  [1975, 1, 1, 14, 0, 0],
  [1976, 1, 1, 15, 0, 0],
  [1977, 1, 1, 16, 0, 0],
  [1978, 1, 1, 17, 0, 0],
  [1979, 1, 1, 18, 0, 0],
  [1980, 1, 1, 19, 0, 0],
  [1981, 7, 1, 20, 0, 0],
  [1982, 7, 1, 21, 0, 0],
  [1983, 7, 1, 22, 0, 0],
  [1985, 7, 1, 23, 0, 0],
  [1988, 1, 1, 24, 0, 0],
  [1990, 1, 1, 25, 0, 0],
  [1991, 1, 1, 26, 0, 0],
  [1992, 7, 1, 27, 0, 0],
  [1993, 7, 1, 28, 0, 0],
  [1994, 7, 1, 29, 0, 0],
  [1996, 1, 1, 30, 0, 0],
  [1997, 7, 1, 31, 0, 0],
  [1999, 1, 1, 32, 0, 0],
  [2006, 1, 1, 33, 0, 0],
  [2009, 1, 1, 34, 0, 0],
  [2012, 7, 1, 35, 0, 0],
  [2015, 7, 1, 36, 0, 0],
  [2017, 1, 1, 37, 0, 0],
];

export interface LeapSecondEntry {
  /** UTC instant (Unix ms) from which `taiMinusUtcS` applies. */
  readonly startMs: number;
  readonly taiMinusUtcS: number;
  readonly referenceMjd: number;
  readonly driftSPerDay: number;
}

export const LEAP_SECOND_TABLE: readonly LeapSecondEntry[] = TABLE.map(
  ([y, m, d, offset, mjd, drift]) => ({
    startMs: Date.UTC(y, m - 1, d),
    taiMinusUtcS: offset,
    referenceMjd: mjd,
    driftSPerDay: drift,
  }),
);

const MS_PER_DAY = 86_400_000;
/** MJD of 1970-01-01 (MJD = JD - 2400000.5). */
const UNIX_EPOCH_MJD = 40587;

/** Index of the entry in force at `unixMs`, -1 before 1960-01-01 (UTC did not exist). */
function leapEntryIndex(unixMs: number): number {
  let lo = 0;
  let hi = LEAP_SECOND_TABLE.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((LEAP_SECOND_TABLE[mid]?.startMs ?? 0) <= unixMs) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * TAI - UTC in seconds at the UTC instant `unixMs`. Before 1972 the drift term is evaluated at
 * the noon of the UTC day, as the CDF library's TT2000 code does; before 1960, 0.
 */
export function taiMinusUtcS(unixMs: number): number {
  const entry = LEAP_SECOND_TABLE[leapEntryIndex(unixMs)];
  if (entry === undefined) return 0;
  if (entry.driftSPerDay === 0) return entry.taiMinusUtcS;
  const noonMjd = Math.floor(unixMs / MS_PER_DAY) + UNIX_EPOCH_MJD + 0.5;
  return entry.taiMinusUtcS + (noonMjd - entry.referenceMjd) * entry.driftSPerDay;
}
