/**
 * UCalgary timestamps, in PGM frame metadata (`Image request start`) and HDF5
 * `data/timestamp` datasets: `%Y-%m-%d %H:%M:%S UTC` or `%Y-%m-%d %H:%M:%S.%f UTC`
 * (aurorax reference, sections 3.5 and 3.6), e.g. `2021-11-04 09:00:00.024704 UTC`.
 */

// strptime's %f takes 1 to 6 digits; up to 9 are accepted here so that nanosecond stamps
// (should a writer emit them) are not refused. The fraction is optional, as in grid files.
const UCALGARY_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))? UTC$/;

/** Calendar limits (Gregorian calendar, POSIX time: no leap second 60). */
const MAX_MONTH = 12;
const MAX_HOUR = 23;
const MAX_MINUTE = 59;
const MAX_SECOND = 59;

/**
 * Parses a UCalgary timestamp into milliseconds since 1970-01-01T00:00:00Z, keeping the
 * fraction (microseconds become fractional milliseconds). Undefined when the text is not one.
 */
export function parseUcalgaryTimestamp(text: string): number | undefined {
  const match = UCALGARY_TIMESTAMP.exec(text.trim());
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > MAX_MONTH || hour > MAX_HOUR || minute > MAX_MINUTE) return undefined;
  if (second > MAX_SECOND || day < 1) return undefined;
  const wholeMs = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls day 31 of a 30-day month over; a round trip catches that.
  if (new Date(wholeMs).getUTCDate() !== day) return undefined;
  const digits = match[7] ?? "";
  return digits === "" ? wholeMs : wholeMs + Number(digits) / 10 ** (digits.length - 3);
}

/**
 * Formats aurorakit time as ISO 8601 with microseconds and `Z`, e.g.
 * `2014-03-10T06:00:00.063119Z`. Times near the present carry about 0.2 microsecond of
 * float64 resolution, so rounding to whole microseconds recovers a parsed value exactly.
 */
export function formatIsoMicroseconds(timeMs: number): string {
  const totalMicroseconds = Math.round(timeMs * 1000);
  const wholeMs = Math.floor(totalMicroseconds / 1000);
  const extraMicroseconds = totalMicroseconds - wholeMs * 1000;
  const iso = new Date(wholeMs).toISOString();
  return `${iso.slice(0, -1)}${String(extraMicroseconds).padStart(3, "0")}Z`;
}
