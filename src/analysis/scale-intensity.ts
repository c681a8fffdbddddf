import { InvalidArgumentError } from "../core/errors.js";

export interface PercentileBounds {
  readonly lowCounts: number;
  readonly highCounts: number;
}

/**
 * The `lowPercent` and `highPercent` percentiles of 16-bit counts, from a 65536-bin histogram
 * (exact for integers, one pass, no sort). Zero counts (outside the fisheye circle on some
 * imagers) are included like any other value.
 */
export function percentileBoundsU16(
  counts: Uint16Array,
  lowPercent: number,
  highPercent: number,
): PercentileBounds {
  if (!(lowPercent >= 0 && lowPercent < highPercent && highPercent <= 100)) {
    throw new InvalidArgumentError(
      "percentiles",
      `need 0 <= low < high <= 100, got ${lowPercent} and ${highPercent}`,
    );
  }
  if (counts.length === 0) {
    throw new InvalidArgumentError("counts", "the image is empty; pass at least one pixel");
  }
  const histogram = new Uint32Array(65536);
  for (const value of counts) histogram[value] = (histogram[value] as number) + 1;
  const lowRank = Math.floor(((counts.length - 1) * lowPercent) / 100);
  const highRank = Math.floor(((counts.length - 1) * highPercent) / 100);
  let seen = 0;
  let lowCounts = 0;
  let highCounts = 65535;
  let lowFound = false;
  for (let value = 0; value < 65536; value++) {
    seen += histogram[value] as number;
    if (!lowFound && seen > lowRank) {
      lowCounts = value;
      lowFound = true;
    }
    if (seen > highRank) {
      highCounts = value;
      break;
    }
  }
  return { lowCounts, highCounts };
}

/** Maps counts linearly onto 0-255, clipping below `lowCounts` and above `highCounts`. */
export function scaleToU8(counts: Uint16Array, bounds: PercentileBounds): Uint8Array {
  const out = new Uint8Array(counts.length);
  const span = Math.max(1, bounds.highCounts - bounds.lowCounts);
  for (let i = 0; i < counts.length; i++) {
    const scaled = (((counts[i] as number) - bounds.lowCounts) * 255) / span;
    out[i] = scaled <= 0 ? 0 : scaled >= 255 ? 255 : Math.round(scaled);
  }
  return out;
}
