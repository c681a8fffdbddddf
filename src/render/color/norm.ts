import { InvalidArgumentError } from "../../core/errors.js";
import { COLORMAP_SIZE } from "./colormap.js";

/**
 * How data values between `lower` and `upper` are spread over the colormap.
 * - linear: t = (x − lower) / (upper − lower)  (matplotlib `Normalize`)
 * - log:    t = (ln x − ln lower) / (ln upper − ln lower), lower > 0 (matplotlib `LogNorm`);
 *           values ≤ lower, including x ≤ 0, clip to 0 (LogNorm would mask x ≤ 0 instead)
 * - asinh:  t = asinh((x − lower) / s) / asinh((upper − lower) / s), with the softening scale
 *           s in data units (counts): linear for x − lower ≪ s, logarithmic for x − lower ≫ s.
 *           The default s = (upper − lower) / 10 equals astropy's `AsinhStretch(a=0.1)`
 *           applied to the linearly normalized value.
 * Every norm clips t to [0, 1]; NaN stays NaN (drawn with the "bad" colour).
 */
export type Norm =
  | { readonly kind: "linear" }
  | { readonly kind: "log" }
  | { readonly kind: "asinh"; readonly softeningScale?: number };

export type NormName = Norm["kind"];

export interface NormBounds {
  readonly lower: number;
  readonly upper: number;
}

/** A compiled norm: data value → t in [0, 1], or NaN for NaN input. */
export type Normalizer = (value: number) => number;

/** Accepts a norm object or its name (asinh then uses the default softening scale). */
export function toNorm(norm: Norm | NormName): Norm {
  return typeof norm === "string" ? { kind: norm } : norm;
}

/** Validates bounds for `norm` and returns the mapping; throws InvalidArgumentError otherwise. */
export function createNormalizer(normInput: Norm | NormName, bounds: NormBounds): Normalizer {
  const norm = toNorm(normInput);
  const { lower, upper } = bounds;
  if (!Number.isFinite(lower) || !Number.isFinite(upper)) {
    throw new InvalidArgumentError(
      "colour bounds",
      `lower and upper must be finite numbers, got ${lower} and ${upper}`,
    );
  }
  if (!(lower < upper)) {
    throw new InvalidArgumentError(
      "colour bounds",
      `lower must be below upper, got ${lower} and ${upper}; widen the bounds`,
    );
  }
  switch (norm.kind) {
    case "linear": {
      const span = upper - lower;
      return (value) => clipUnit((value - lower) / span);
    }
    case "log": {
      if (!(lower > 0)) {
        throw new InvalidArgumentError(
          "colour bounds",
          `a log norm needs lower > 0, got ${lower}; raise it or use the linear or asinh norm`,
        );
      }
      const logLower = Math.log(lower);
      const logSpan = Math.log(upper) - logLower;
      return (value) => (value <= lower ? 0 : clipUnit((Math.log(value) - logLower) / logSpan));
    }
    case "asinh": {
      const scale = norm.softeningScale ?? (upper - lower) / 10;
      if (!(scale > 0 && Number.isFinite(scale))) {
        throw new InvalidArgumentError(
          "asinh softening scale",
          `must be a finite number > 0 (data units), got ${scale}`,
        );
      }
      const denominator = Math.asinh((upper - lower) / scale);
      return (value) => clipUnit(Math.asinh((value - lower) / scale) / denominator);
    }
    default:
      throw new InvalidArgumentError(
        "norm",
        `unknown norm ${JSON.stringify(norm)}; use linear, log or asinh`,
      );
  }
}

function clipUnit(t: number): number {
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/**
 * The colormap entry for t in [0, 1] as matplotlib picks it: floor(t · N), with t = 1 going to
 * the last entry (matplotlib `Colormap.__call__`, N = 256). NaN is not accepted here.
 */
export function lutIndex(t: number): number {
  const index = Math.floor(t * COLORMAP_SIZE);
  return index >= COLORMAP_SIZE ? COLORMAP_SIZE - 1 : index;
}
