import { InvalidArgumentError } from "../core/errors.js";
import { parseTimeMs } from "../core/time/parse-time.js";

/** An instant given as ms since 1970 UTC, a Date, or an ISO 8601 string (no zone = UTC). */
export type TimeInput = number | string | Date;

export function toTimeMs(value: TimeInput, argument: string): number {
  if (typeof value === "string") return parseTimeMs(value, argument);
  const ms = value instanceof Date ? value.getTime() : value;
  if (!Number.isFinite(ms))
    throw new InvalidArgumentError(argument, `${String(value)} is not a valid instant`);
  return ms;
}

/** What part of the archive an Imager covers: one instant, or a range (inclusive). */
export type ImagerWhen =
  | { readonly time: TimeInput }
  | { readonly start: TimeInput; readonly end: TimeInput };

export interface ResolvedWhen {
  readonly startMs: number;
  readonly endMs: number;
  /** Set for a single-instant Imager. */
  readonly timeMs: number | null;
}

/**
 * A single instant covers one cadence either side (the nearest frame within one cadence is
 * the frame at that time, asilib.md §4.1); a range must run forwards.
 */
export function resolveWhen(when: ImagerWhen, cadenceS: number): ResolvedWhen {
  if ("time" in when) {
    const timeMs = toTimeMs(when.time, "time");
    return { startMs: timeMs - cadenceS * 1000, endMs: timeMs + cadenceS * 1000, timeMs };
  }
  const startMs = toTimeMs(when.start, "start");
  const endMs = toTimeMs(when.end, "end");
  if (!(endMs >= startMs)) {
    throw new InvalidArgumentError("end", "the end of the range must not be before its start");
  }
  return { startMs, endMs, timeMs: null };
}
