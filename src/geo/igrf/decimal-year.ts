/**
 * Decimal years as the IGRF uses them: epoch Y.0 is 00:00 UTC on 1 January of year Y, and the
 * fraction is the elapsed share of that calendar year (365 or 366 days). The official
 * igrf14syn program takes the decimal year as given and interpolates linearly in it.
 */

const yearStartMs = (year: number): number => Date.UTC(year, 0, 1);

/** ms since 1970 UTC → decimal year (e.g. 2020-07-02T00:00Z → 2020.5). */
export function decimalYearFromTimeMs(timeMs: number): number {
  const year = new Date(timeMs).getUTCFullYear();
  const startMs = yearStartMs(year);
  return year + (timeMs - startMs) / (yearStartMs(year + 1) - startMs);
}

/** Decimal year → ms since 1970 UTC (the inverse of {@link decimalYearFromTimeMs}). */
export function timeMsFromDecimalYear(decimalYear: number): number {
  const year = Math.floor(decimalYear);
  const startMs = yearStartMs(year);
  return startMs + (decimalYear - year) * (yearStartMs(year + 1) - startMs);
}
