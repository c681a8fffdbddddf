import {
  type Keogram,
  type KeogramImager,
  type KeogramOptions,
  keogram,
} from "../../analysis/keogram/keogram.js";
import { type ColorScaleRequest, resolveColorScale } from "../color/color-scale.js";
import { writeSvgFigure } from "../figure/write-figure.js";
import { keogramFigure, keogramTitle } from "../keogram/keogram-figure.js";

export interface KeogramPlotOptions extends KeogramOptions, ColorScaleRequest {
  /** Figure size, px. */
  readonly width?: number;
  readonly height?: number;
  readonly title?: string;
}

/** The keogram's finite values as counts: the sample its automatic colour bounds come from. */
function keogramSample(result: Keogram): Uint16Array[] {
  const counts = new Uint16Array(result.values.length);
  let n = 0;
  for (const value of result.values) {
    if (Number.isFinite(value)) counts[n++] = Math.min(65535, Math.max(0, Math.round(value)));
  }
  return [counts.subarray(0, n)];
}

/**
 * Computes a keogram and writes its figure (`.png` or `.svg`, chosen by `out`'s extension):
 * UTC time axis, pixel-centre latitudes (with an AACGM axis when `magnetic`), colorbar.
 * Returns the keogram, so the values can be saved too.
 */
export async function drawKeogram(
  imager: KeogramImager,
  out: string,
  options: KeogramPlotOptions = {},
): Promise<Keogram> {
  const result = await keogram(imager, options);
  const scale = resolveColorScale(options, imager.meta, () => keogramSample(result));
  await writeSvgFigure(
    out,
    keogramFigure(result, {
      colormap: scale.colormap,
      norm: scale.norm,
      lower: scale.lower,
      upper: scale.upper,
      title: options.title ?? keogramTitle(imager.meta, imager.startMs),
      ...(options.width !== undefined && { width: options.width }),
      ...(options.height !== undefined && { height: options.height }),
    }),
  );
  return result;
}
