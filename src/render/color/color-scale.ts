import { InvalidArgumentError } from "../../core/errors.js";
import { COLORMAP_NAMES, type ColormapName } from "./colormap.js";
import type { NormName } from "./norm.js";
import { autoColorBounds, percentileBounds } from "./percentile-bounds.js";

/** How a figure or movie chooses its colour bounds. */
export type BoundsChoice =
  /** The array's static default (asilib's `plot_settings['color_bounds']`). */
  | "array"
  /** asilib's `auto_color_bounds`: 25th percentile, min(98th, 10 × 25th), over a sample. */
  | "auto"
  /** 1st and 99.9th percentiles over a sample. */
  | "percentile"
  | readonly [number, number];

export interface ColorScaleRequest {
  readonly colormap?: string;
  readonly norm?: NormName;
  readonly bounds?: BoundsChoice;
}

export interface ColorScale {
  readonly colormap: ColormapName;
  readonly norm: NormName;
  readonly lower: number;
  readonly upper: number;
}

export interface ColorScaleDefaults {
  readonly colorBounds: readonly [number, number];
  readonly colormap: string;
}

const NORM_NAMES: readonly NormName[] = ["linear", "log", "asinh"];

function checkColormap(name: string): ColormapName {
  if (!(COLORMAP_NAMES as readonly string[]).includes(name)) {
    throw new InvalidArgumentError(
      "colormap",
      `"${name}" is not one of ${COLORMAP_NAMES.join(", ")}`,
    );
  }
  return name as ColormapName;
}

/**
 * Resolves a figure's colour scale once for a whole figure or movie: explicit values win,
 * then the array's defaults; automatic bounds are computed from `sample` (a few frames spread
 * over the range), never per frame, so a movie does not flicker. The norm defaults to log,
 * as asilib's (asilib.md §4.3).
 */
export function resolveColorScale(
  request: ColorScaleRequest,
  defaults: ColorScaleDefaults,
  sample: () => Iterable<Uint16Array>,
): ColorScale {
  const colormap = checkColormap(request.colormap ?? defaults.colormap);
  const norm = request.norm ?? "log";
  if (!NORM_NAMES.includes(norm)) {
    throw new InvalidArgumentError("norm", `"${norm}" is not one of ${NORM_NAMES.join(", ")}`);
  }
  const choice = request.bounds ?? "array";
  let lower: number;
  let upper: number;
  if (choice === "array") [lower, upper] = defaults.colorBounds;
  else if (choice === "auto") ({ lower, upper } = autoColorBounds(sample()));
  else if (choice === "percentile") ({ lower, upper } = percentileBounds(sample()));
  else if (Array.isArray(choice)) [lower, upper] = choice;
  else {
    throw new InvalidArgumentError(
      "bounds",
      `expected "array", "auto", "percentile" or [lower, upper], got ${JSON.stringify(choice)}`,
    );
  }
  if (!(Number.isFinite(lower) && Number.isFinite(upper) && lower < upper)) {
    throw new InvalidArgumentError(
      "bounds",
      `the colour bounds must be finite with lower < upper, got [${lower}, ${upper}]${typeof choice === "string" && choice !== "array" ? ` from the ${choice} rule (the sampled frames are too uniform): pass explicit bounds` : ""}`,
    );
  }
  if (norm === "log" && lower <= 0) {
    throw new InvalidArgumentError(
      "bounds",
      `a log norm needs a positive lower bound, got ${lower}: pass --norm linear or explicit bounds`,
    );
  }
  return { colormap, norm, lower, upper };
}
