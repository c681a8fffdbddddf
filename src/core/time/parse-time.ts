import { InvalidArgumentError } from "../errors.js";

/**
 * ISO 8601 date-times accepted on the command line and in the API: a date, or a date and time
 * with optional seconds and fraction, with `Z` or a numeric offset; no zone means UTC (the
 * convention of every imager archive). The calendar fields are checked, so 2021-02-30 fails.
 */
const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Parses an ISO 8601 instant to ms since 1970 UTC (fractional ms kept to 1 µs). */
export function parseTimeMs(text: string, argument = "time"): number {
  const match = ISO_PATTERN.exec(text.trim());
  if (match === null) {
    throw new InvalidArgumentError(
      argument,
      `"${text}" is not an ISO 8601 time; write it like 2014-03-10T06:00:00Z`,
    );
  }
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = "", zone = "Z"] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const wholeMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wholeMs);
  if (
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new InvalidArgumentError(argument, `"${text}" is not a valid calendar date and time`);
  }
  const fractionMs = fraction === "" ? 0 : Math.round(Number(fraction) * 1e6) / 1e3;
  return wholeMs + fractionMs - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string): number {
  if (zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/** A time range [startMs, endMs] with start < end, both checked. */
export function parseTimeRange(startText: string, endText: string): [number, number] {
  const startMs = parseTimeMs(startText, "start");
  const endMs = parseTimeMs(endText, "end");
  if (!(endMs > startMs)) {
    throw new InvalidArgumentError("end", `end ${endText} must be after start ${startText}`);
  }
  return [startMs, endMs];
}
