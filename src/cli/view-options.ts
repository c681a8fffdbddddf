import type { Command } from "commander";
import { InvalidArgumentError } from "../core/errors.js";
import type { BoundsChoice, ColorScaleRequest } from "../render/color/color-scale.js";
import type { NormName } from "../render/color/norm.js";

/** Flags of the commands that draw an imager: fisheye, map, keogram figures, movies. */
export interface ViewFlags {
  readonly time?: string;
  readonly start?: string;
  readonly end?: string;
  readonly source?: string;
  readonly altitudeKm?: string;
  readonly minElevation?: string;
  readonly cmap?: string;
  readonly norm?: string;
  readonly bounds?: string;
}

export type When = { readonly time: string } | { readonly start: string; readonly end: string };

/** `--time T` for one instant, or `--start T --end T` for a range. */
export function addWhenOptions(command: Command): Command {
  return command
    .option("--time <time>", "one instant, ISO 8601 UTC (the nearest frame within one cadence)")
    .option("--start <time>", "range start, ISO 8601 UTC")
    .option("--end <time>", "range end (inclusive), ISO 8601 UTC");
}

export function parseWhen(flags: ViewFlags): When {
  const hasRange = flags.start !== undefined || flags.end !== undefined;
  if (flags.time !== undefined && !hasRange) return { time: flags.time };
  if (flags.time === undefined && flags.start !== undefined && flags.end !== undefined) {
    return { start: flags.start, end: flags.end };
  }
  throw new InvalidArgumentError(
    "--time/--start/--end",
    "give either --time T (one frame) or both --start T and --end T (a range)",
  );
}

/** `--source`, `--altitude-km`, `--cmap`, `--norm`, `--bounds`. */
export function addImageOptions(command: Command): Command {
  return command
    .option("--source <name>", "berkeley or ucalgary (default: the array's first)")
    .option("--altitude-km <km>", "mapping altitude of the skymap (default: the array's)")
    .option(
      "--cmap <name>",
      "colormap: gray, Greys_r, viridis, inferno, magma, plasma, turbo, red, green (default: the array's)",
    )
    .option("--norm <name>", "linear, log or asinh (default log, as asilib)")
    .option(
      "--bounds <lo,hi>",
      'colour bounds in counts, or "array" (the array\'s default), "auto" (asilib\'s percentile rule over a sample of frames) or "percentile" (1st-99.9th)',
    );
}

/** A finite number from a flag, inside [min, max]. */
export function numberFlag(
  flag: string,
  text: string,
  range: { readonly min?: number; readonly max?: number } = {},
): number {
  const value = Number(text);
  const min = range.min ?? Number.NEGATIVE_INFINITY;
  const max = range.max ?? Number.POSITIVE_INFINITY;
  if (text.trim() === "" || !Number.isFinite(value) || value < min || value > max) {
    const span =
      range.min !== undefined && range.max !== undefined
        ? ` between ${range.min} and ${range.max}`
        : range.min !== undefined
          ? ` of at least ${range.min}`
          : "";
    throw new InvalidArgumentError(flag, `expected a number${span}, got "${text}"`);
  }
  return value;
}

function parseBounds(text: string): BoundsChoice {
  if (text === "array" || text === "auto" || text === "percentile") return text;
  const parts = text.split(",");
  if (parts.length !== 2) {
    throw new InvalidArgumentError(
      "--bounds",
      `expected "lo,hi" (e.g. 3000,9000), "array", "auto" or "percentile", got "${text}"`,
    );
  }
  const lower = numberFlag("--bounds", parts[0] as string);
  const upper = numberFlag("--bounds", parts[1] as string);
  return [lower, upper];
}

export function colorScaleRequest(flags: ViewFlags): ColorScaleRequest {
  return {
    ...(flags.cmap !== undefined && { colormap: flags.cmap }),
    ...(flags.norm !== undefined && { norm: flags.norm as NormName }),
    ...(flags.bounds !== undefined && { bounds: parseBounds(flags.bounds) }),
  };
}

export function altitudeOption(flags: ViewFlags): { altitudeKm?: number } {
  return flags.altitudeKm === undefined
    ? {}
    : { altitudeKm: numberFlag("--altitude-km", flags.altitudeKm, { min: 0, max: 2000 }) };
}

export function minElevationOption(flags: ViewFlags): { minElevationDeg?: number } {
  return flags.minElevation === undefined
    ? {}
    : { minElevationDeg: numberFlag("--min-elevation", flags.minElevation, { min: 0, max: 90 }) };
}
