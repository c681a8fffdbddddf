/**
 * UCalgary frame timestamps: `Image request start` values such as
 * `2021-11-04 09:00:00.024704 UTC` (Python `%Y-%m-%d %H:%M:%S.%f UTC`, aurorax reference
 * section 3.5), converted to aurorakit time (milliseconds since 1970-01-01T00:00:00Z, with the
 * microseconds kept as a fraction).
 */

// Python strptime `%f` accepts 1 to 6 digits, right-padded with zeros; aurorakit also accepts
// a value without a fraction, which strptime would reject.
const UCALGARY_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? UTC$/;

/** Parses a UCalgary timestamp into milliseconds since the epoch; null if it is not one. */
export function parseUcalgaryTimestamp(text: string): number | null {
  const match = UCALGARY_TIMESTAMP.exec(text);
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const microseconds = Number((match[7] ?? "").padEnd(6, "0"));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const wholeMs = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 April over to 1 May; a round trip rejects such dates.
  if (new Date(wholeMs).getUTCDate() !== day || day < 1) return null;
  return wholeMs + microseconds / 1000;
}

/**
 * Formats aurorakit time as ISO 8601 with microseconds and `Z`, e.g.
 * `2014-03-10T06:00:00.063119Z`. Times near the present carry about 0.2 microsecond of
 * float64 resolution, so rounding to whole microseconds recovers the parsed value exactly.
 */
export function formatIsoMicroseconds(timeMs: number): string {
  const totalMicroseconds = Math.round(timeMs * 1000);
  const wholeMs = Math.floor(totalMicroseconds / 1000);
  const extraMicroseconds = totalMicroseconds - wholeMs * 1000;
  const iso = new Date(wholeMs).toISOString();
  return `${iso.slice(0, -1)}${String(extraMicroseconds).padStart(3, "0")}Z`;
}
