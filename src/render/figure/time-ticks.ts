import { scaleUtc } from "d3-scale";
import { InvalidArgumentError } from "../../core/errors.js";
import type { TickValue } from "./ticks.js";

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const DAY_MS = 24 * 60 * MINUTE_MS;
const MONTH_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

export interface UtcTicks {
  readonly ticks: TickValue[];
  /**
   * The date the tick labels leave out, for the axis label: "2011-01-06" for ticks within
   * days (the range's first day, "2011-01-06 to 2011-01-07" when it spans more), the year for
   * day ticks, empty for month or year ticks (their labels carry it).
   */
  readonly dateText: string;
}

function isoDate(timeMs: number): string {
  return new Date(timeMs).toISOString().slice(0, 10);
}

function dayLabel(date: Date): string {
  return `${MONTH_NAMES[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2, "0")}`;
}

/**
 * UTC ticks from d3's UTC time scale (1, 5, 15, 30 s, 1, 5, 15, 30 min, 1, 3, 6, 12 h, days,
 * weeks, months, years). Labels show only what changes between ticks: "17:05" for minute
 * ticks, "17:05:30" for second ticks, "17:05:30.5" below a second; a tick at midnight inside a
 * range of sub-day ticks shows the new day ("Jan 07") instead of "00:00", as matplotlib's
 * ConciseDateFormatter does. The date itself goes into the axis label once (`dateText`).
 */
export function utcTicks(startMs: number, endMs: number, count: number): UtcTicks {
  if (!(Number.isFinite(startMs) && Number.isFinite(endMs) && startMs < endMs)) {
    throw new InvalidArgumentError(
      "time axis domain",
      `needs finite start < end (ms since 1970 UTC), got ${startMs} and ${endMs}`,
    );
  }
  const dates = scaleUtc()
    .domain([new Date(startMs), new Date(endMs)])
    .ticks(count);
  const times = dates.map((date) => date.getTime());
  const stepMs = times.length >= 2 ? (times[1] as number) - (times[0] as number) : endMs - startMs;
  // The days the labels cover: a range padded past midnight (half a cadence) is still one day.
  const firstMs = times[0] ?? startMs;
  const lastMs = times[times.length - 1] ?? endMs;
  const spansDays = isoDate(firstMs) !== isoDate(lastMs);
  let dateText: string;
  let label: (date: Date) => string;
  if (stepMs < DAY_MS) {
    const iso = (date: Date) => date.toISOString();
    const fractionDigits = stepMs >= 100 ? 1 : stepMs >= 10 ? 2 : 3;
    const clock =
      stepMs < SECOND_MS
        ? (date: Date) => iso(date).slice(11, 20 + fractionDigits)
        : stepMs < MINUTE_MS
          ? (date: Date) => iso(date).slice(11, 19)
          : (date: Date) => iso(date).slice(11, 16);
    label = (date) => (spansDays && date.getTime() % DAY_MS === 0 ? dayLabel(date) : clock(date));
    dateText = spansDays ? `${isoDate(firstMs)} to ${isoDate(lastMs)}` : isoDate(firstMs);
  } else if (stepMs < 28 * DAY_MS) {
    label = dayLabel;
    dateText = String(new Date(firstMs).getUTCFullYear());
  } else if (stepMs < 365 * DAY_MS) {
    label = (date) => date.toISOString().slice(0, 7);
    dateText = "";
  } else {
    label = (date) => String(date.getUTCFullYear());
    dateText = "";
  }
  return {
    ticks: dates.map((date) => ({ value: date.getTime(), label: label(date), minor: false })),
    dateText,
  };
}
