/** Zero-padded UTC calendar fields of an instant, as archive paths and file names spell them. */
export interface UtcFields {
  readonly year: string;
  readonly month: string;
  readonly day: string;
  readonly hour: string;
  readonly minute: string;
}

export function utcFields(timeMs: number): UtcFields {
  const d = new Date(Math.floor(timeMs));
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    year: String(d.getUTCFullYear()).padStart(4, "0"),
    month: pad(d.getUTCMonth() + 1),
    day: pad(d.getUTCDate()),
    hour: pad(d.getUTCHours()),
    minute: pad(d.getUTCMinutes()),
  };
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Start instants of the periods of length `periodMs` (aligned to the epoch) overlapping [startMs, endMs]. */
export function periodStarts(startMs: number, endMs: number, periodMs: number): number[] {
  const starts: number[] = [];
  for (let t = Math.floor(startMs / periodMs) * periodMs; t <= endMs; t += periodMs) starts.push(t);
  return starts;
}

/** Start instants of the UTC calendar months overlapping [startMs, endMs]. */
export function monthStarts(startMs: number, endMs: number): number[] {
  const starts: number[] = [];
  const first = new Date(Math.floor(startMs));
  let t = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1);
  while (t <= endMs) {
    starts.push(t);
    const d = new Date(t);
    t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
  return starts;
}
