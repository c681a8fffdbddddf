import { FormatError } from "../../core/errors.js";

/**
 * UCalgary HDF5 timestamps: `%Y-%m-%d %H:%M:%S UTC` (grid and spectrograph files) or
 * `%Y-%m-%d %H:%M:%S.%f UTC` (TREx RGB), as pyucalgarysrs parses them (aurorax reference §3.6).
 */
const UCALGARY_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))? UTC$/;

/** Calendar limits a valid timestamp stays within (Gregorian calendar, POSIX time). */
const MAX_MONTH = 12;
const MAX_HOUR = 23;
const MAX_MINUTE = 59;
/** POSIX time has no leap seconds; second 60 is rejected. */
const MAX_SECOND = 59;

/**
 * Parses one timestamp into milliseconds since 1970-01-01T00:00:00Z, keeping the fraction
 * (microseconds become fractional milliseconds). Returns undefined when the text does not match.
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
  if (second > MAX_SECOND) return undefined;
  const wholeMs = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls day 31 of a 30-day month over; a round trip catches that.
  if (new Date(wholeMs).getUTCDate() !== day) return undefined;
  const digits = match[7] ?? "";
  return digits === "" ? wholeMs : wholeMs + Number(digits) / 10 ** (digits.length - 3);
}

/** Parses every frame timestamp; a bad one is a FormatError naming the dataset index. */
export function parseUcalgaryTimestamps(
  texts: readonly string[],
  file: string,
  firstIndex: number,
): Float64Array {
  const out = new Float64Array(texts.length);
  texts.forEach((text, index) => {
    const timeMs = parseUcalgaryTimestamp(text);
    if (timeMs === undefined) {
      throw new FormatError("HDF5", {
        file,
        expected: `data/timestamp[${firstIndex + index}] as "YYYY-MM-DD HH:MM:SS[.ffffff] UTC"`,
        found: JSON.stringify(text.slice(0, 64)),
      });
    }
    out[index] = timeMs;
  });
  return out;
}
