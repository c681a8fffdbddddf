import { InvalidArgumentError } from "../../core/errors.js";

export interface ColorBounds {
  readonly lower: number;
  readonly upper: number;
}

export interface PercentileOptions {
  /** Percent (0-100) for the lower bound; default 1. */
  readonly lowerPercentile?: number;
  /** Percent (0-100) for the upper bound; default 99.9. */
  readonly upperPercentile?: number;
  /** Use every k-th frame of the iterable (k ≥ 1, default 1): a sample spread over the interval. */
  readonly sampleStride?: number;
}

const U16_VALUES = 65536;

/**
 * Counts of each 16-bit value over every `sampleStride`-th frame: one pass, no sort, no
 * per-pixel allocation. Float64 counts stay exact up to 2^53 pixels.
 */
export function histogramU16(
  frames: Iterable<Uint16Array>,
  sampleStride = 1,
): {
  readonly counts: Float64Array;
  readonly total: number;
} {
  if (!(Number.isInteger(sampleStride) && sampleStride >= 1)) {
    throw new InvalidArgumentError("sampleStride", `must be an integer ≥ 1, got ${sampleStride}`);
  }
  const counts = new Float64Array(U16_VALUES);
  let total = 0;
  let frameIndex = 0;
  for (const frame of frames) {
    if (frameIndex++ % sampleStride !== 0) continue;
    for (let i = 0; i < frame.length; i++) {
      const value = frame[i] as number;
      counts[value] = (counts[value] as number) + 1;
    }
    total += frame.length;
  }
  if (total === 0) {
    throw new InvalidArgumentError(
      "frames",
      "no pixels to take percentiles of; pass at least one non-empty frame",
    );
  }
  return { counts, total };
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of the histogrammed values with numpy's default "linear" method
 * (numpy.quantile: virtual index h = (n − 1) q, evaluated as numpy does, between sorted values
 * v[floor h] and v[floor h + 1], interpolated with numpy's `_lerp`), so results equal
 * `np.quantile` (and asilib's `np.nanquantile`) on the same pixels.
 */
export function histogramQuantile(counts: Float64Array, total: number, q: number): number {
  // numpy `_compute_virtual_index` with alpha = beta = 1, same operation order: n q + (1 − q) − 1.
  const virtualIndex = total * q + (1 - q) - 1;
  const belowRank = Math.floor(virtualIndex);
  const fraction = virtualIndex - belowRank;
  const below = valueAtRank(counts, belowRank);
  const above = fraction === 0 ? below : valueAtRank(counts, Math.min(total - 1, belowRank + 1));
  const difference = above - below;
  // numpy `_lerp`: interpolates from the nearer end for accuracy.
  return fraction >= 0.5 ? above - difference * (1 - fraction) : below + difference * fraction;
}

/** The value at 0-based `rank` of the sorted pixels. */
function valueAtRank(counts: Float64Array, rank: number): number {
  let seen = 0;
  for (let value = 0; value < U16_VALUES; value++) {
    seen += counts[value] as number;
    if (seen > rank) return value;
  }
  return U16_VALUES - 1;
}

function checkPercent(name: string, percent: number): void {
  if (!(percent >= 0 && percent <= 100)) {
    throw new InvalidArgumentError(name, `must be a percentage in [0, 100], got ${percent}`);
  }
}

/**
 * Colour bounds from percentiles computed ONCE over a sample of frames, so a movie keeps one
 * scale (no per-frame flicker). Values of the bounds are counts, interpolated like numpy.
 */
export function percentileBounds(
  frames: Iterable<Uint16Array>,
  options: PercentileOptions = {},
): ColorBounds {
  const lowerPercentile = options.lowerPercentile ?? 1;
  const upperPercentile = options.upperPercentile ?? 99.9;
  checkPercent("lowerPercentile", lowerPercentile);
  checkPercent("upperPercentile", upperPercentile);
  if (!(lowerPercentile < upperPercentile)) {
    throw new InvalidArgumentError(
      "percentiles",
      `lowerPercentile must be below upperPercentile, got ${lowerPercentile} and ${upperPercentile}`,
    );
  }
  const { counts, total } = histogramU16(frames, options.sampleStride);
  return {
    lower: histogramQuantile(counts, total, lowerPercentile / 100),
    upper: histogramQuantile(counts, total, upperPercentile / 100),
  };
}

/**
 * asilib's `Imager.auto_color_bounds` rule (asilib.md §4.3): lower = 25th percentile,
 * upper = min(98th percentile, 10 × lower), both numpy-linear quantiles over all pixels of
 * the sampled frames. The result can have lower ≥ upper (e.g. an all-zero sample); the
 * colorizer then rejects it with an InvalidArgumentError.
 */
export function autoColorBounds(
  frames: Iterable<Uint16Array>,
  options: { readonly sampleStride?: number } = {},
): ColorBounds {
  const { counts, total } = histogramU16(frames, options.sampleStride);
  // asilib.md §4.3: quantiles 0.25 and 0.98, upper capped at 10 × lower.
  const lower = histogramQuantile(counts, total, 0.25);
  const upper = Math.min(histogramQuantile(counts, total, 0.98), 10 * lower);
  return { lower, upper };
}
