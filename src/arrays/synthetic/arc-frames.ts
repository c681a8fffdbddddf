import type { NDArray } from "../../core/ndarray.js";

export interface SyntheticArcOptions {
  readonly frameCount: number;
  readonly sizePx: number;
  /** Dark level of the sky, in raw counts (THEMIS backgrounds are about 2500-3500 counts). */
  readonly backgroundCounts?: number;
  /** Peak brightness of the arc above the background, in counts. */
  readonly arcPeakCounts?: number;
}

/**
 * A deterministic stack of all-sky frames (uint16 counts, [frames, rows, cols]) with a bright
 * east-west auroral arc drifting equatorward across a circular field of view. It stands in for
 * real data where none may be bundled (the demo) and is labelled synthetic wherever it is used.
 */
export function syntheticArcFrames(options: SyntheticArcOptions): NDArray<"uint16"> {
  const { frameCount, sizePx } = options;
  const background = options.backgroundCounts ?? 3000;
  const peak = options.arcPeakCounts ?? 12000;
  const data = new Uint16Array(frameCount * sizePx * sizePx);
  const centre = (sizePx - 1) / 2;
  const radius = sizePx / 2;
  const arcHalfWidthPx = sizePx / 40;
  for (let f = 0; f < frameCount; f++) {
    // The arc moves from 30 % to 70 % of the image height over the sequence.
    const arcRow = sizePx * (0.3 + (0.4 * f) / Math.max(1, frameCount - 1));
    for (let row = 0; row < sizePx; row++) {
      const rowOffset = (f * sizePx + row) * sizePx;
      for (let col = 0; col < sizePx; col++) {
        const r = Math.hypot(row - centre, col - centre) / radius;
        if (r > 1) {
          // Outside the fisheye circle the CCD sees only its dark level.
          data[rowOffset + col] = background;
          continue;
        }
        // A fisheye lens bends an east-west arc into a curve that sags towards the horizon.
        const bentRow = arcRow + (0.15 * (col - centre) ** 2) / radius;
        const across = (row - bentRow) / arcHalfWidthPx;
        const arc = peak * Math.exp(-0.5 * across * across) * (1 - 0.5 * r * r);
        // Airglow and scattered light brighten towards the horizon (van Rhijn effect).
        const airglow = 600 + 900 * r * r;
        data[rowOffset + col] = Math.round(background + airglow + arc);
      }
    }
  }
  return { dtype: "uint16", shape: [frameCount, sizePx, sizePx], data };
}
