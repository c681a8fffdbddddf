/**
 * Skymap file names carry their validity: `<instrument>_skymap_<site>_<YYYYMMDD>-<YYYYMMDD|+>_v<NN|XX>.sav`
 * (aurorax.md §3.7: validity comes from the name, not the structure; `+` means open-ended).
 * Listings and saved copies sometimes keep `+` percent-encoded as `%2B` (asilib.md §3.1).
 */
const SKYMAP_NAME = /^([a-z0-9]+)_skymap_([a-z0-9]+)_(\d{8})-(\d{8}|\+|%2B)_v([0-9a-z]+)\.sav$/i;

export interface SkymapFileName {
  readonly name: string;
  readonly instrument: string;
  readonly siteCode: string;
  /** 00:00 UTC of the start date. */
  readonly validFromMs: number;
  /** 00:00 UTC of the day after the stop date, or null when open-ended. */
  readonly validUntilMs: number | null;
  /** "01", "02", "XX", … as written. */
  readonly version: string;
}

function dateMs(yyyymmdd: string): number {
  return Date.UTC(
    Number(yyyymmdd.slice(0, 4)),
    Number(yyyymmdd.slice(4, 6)) - 1,
    Number(yyyymmdd.slice(6, 8)),
  );
}

/** Parses a skymap file name; null when the name does not follow the convention. */
export function parseSkymapFileName(name: string): SkymapFileName | null {
  const match = SKYMAP_NAME.exec(name);
  if (match === null) return null;
  const [, instrument = "", siteCode = "", start = "", stop = "", version = ""] = match;
  const validFromMs = dateMs(start);
  if (Number.isNaN(validFromMs)) return null;
  const openEnded = stop === "+" || stop.toUpperCase() === "%2B";
  return {
    name,
    instrument: instrument.toLowerCase(),
    siteCode: siteCode.toLowerCase(),
    validFromMs,
    validUntilMs: openEnded ? null : dateMs(stop) + 86_400_000,
    version,
  };
}

export interface SkymapChoice {
  readonly file: SkymapFileName;
  /** True when no skymap starts at or before the requested time and the earliest was taken. */
  readonly precedesNone: boolean;
}

/**
 * The skymap to use at `timeMs`: the latest whose validity starts at or before it (the next
 * one supersedes an open-ended file); on equal starts the higher version. When every skymap
 * starts later, the earliest is returned with `precedesNone` so the caller can warn.
 */
export function chooseSkymap(
  files: readonly SkymapFileName[],
  timeMs: number,
): SkymapChoice | null {
  const ordered = [...files].sort(
    (a, b) =>
      a.validFromMs - b.validFromMs || a.version.localeCompare(b.version, "en", { numeric: true }),
  );
  const earliest = ordered[0];
  if (earliest === undefined) return null;
  let chosen: SkymapFileName | undefined;
  for (const file of ordered) if (file.validFromMs <= timeMs) chosen = file;
  return chosen === undefined
    ? { file: earliest, precedesNone: true }
    : { file: chosen, precedesNone: false };
}
