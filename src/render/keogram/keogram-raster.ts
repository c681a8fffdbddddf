import type { Keogram } from "../../analysis/keogram/keogram.js";
import { InvalidArgumentError } from "../../core/errors.js";
import type { Colorizer } from "../color/colorizer.js";
import type { KeogramYAxis } from "./keogram-axis.js";

/** How the resampled values become colours: a colormap for one channel, a stretch for RGB. */
export type KeogramColoring =
  | { readonly kind: "colormap"; readonly colorizer: Colorizer }
  | { readonly kind: "rgb"; readonly lower: number; readonly upper: number };

export interface KeogramRasterRequest {
  readonly widthPx: number;
  readonly heightPx: number;
  /** Time range drawn, ms since 1970 UTC: the first slot's start to the last slot's end. */
  readonly startMs: number;
  readonly endMs: number;
  readonly yAxis: KeogramYAxis;
  readonly coloring: KeogramColoring;
}

/**
 * "No data" fill, a diagonal hatch of two light greys: no colormap used here produces it, and
 * it reads as absence against the darkest and the brightest data.
 */
export const GAP_BACKGROUND: readonly [number, number, number] = [232, 232, 232];
export const GAP_STRIPE: readonly [number, number, number] = [188, 188, 188];
const GAP_PERIOD_PX = 8;
const GAP_STRIPE_PX = 3;

function checkShape(keogram: Keogram): number {
  const slots = keogram.timesMs.length;
  const pixels = keogram.rows.length;
  if (
    keogram.present.length !== slots ||
    keogram.values.length !== slots * pixels * keogram.channels ||
    !(keogram.cadenceS > 0) ||
    slots === 0
  ) {
    throw new InvalidArgumentError(
      "keogram",
      `its arrays disagree: ${slots} slots, ${keogram.present.length} presence flags, ${pixels} pixels x ${keogram.channels} channels but ${keogram.values.length} values, cadence ${keogram.cadenceS} s`,
    );
  }
  return slots;
}

/**
 * The slot drawn in each plot column: the slot nearest the column's centre time, or, when
 * that one is a gap, the nearest present slot whose instant falls within the column; -1 when
 * the whole column is a gap. Shorter gaps than a column are thus not drawn, longer ones are.
 */
function columnSlots(keogram: Keogram, slots: number, request: KeogramRasterRequest): Int32Array {
  const { widthPx, startMs, endMs } = request;
  const firstMs = keogram.timesMs[0] as number;
  const cadenceMs = keogram.cadenceS * 1000;
  const columnMs = (endMs - startMs) / widthPx;
  const slotAt = (timeMs: number) =>
    Math.min(slots - 1, Math.max(0, Math.round((timeMs - firstMs) / cadenceMs)));
  const out = new Int32Array(widthPx);
  for (let column = 0; column < widthPx; column++) {
    const leftMs = startMs + column * columnMs;
    const centre = slotAt(leftMs + columnMs / 2);
    if (keogram.present[centre] === 1) {
      out[column] = centre;
      continue;
    }
    const from = slotAt(leftMs);
    const to = slotAt(leftMs + columnMs);
    let best = -1;
    for (let slot = from; slot <= to; slot++) {
      if (keogram.present[slot] !== 1) continue;
      if (best < 0 || Math.abs(slot - centre) < Math.abs(best - centre)) best = slot;
    }
    out[column] = best;
  }
  return out;
}

/** The keogram pixel drawn in each plot row (row 0 at the top, the highest coordinate). */
function rowPixels(request: KeogramRasterRequest): Int32Array {
  const { heightPx, yAxis } = request;
  const { edgesDeg, order } = yAxis;
  const low = edgesDeg[0] as number;
  const high = edgesDeg[edgesDeg.length - 1] as number;
  const out = new Int32Array(heightPx);
  let band = order.length - 1;
  for (let row = 0; row < heightPx; row++) {
    const coordinate = high - ((row + 0.5) / heightPx) * (high - low);
    while (band > 0 && coordinate < (edgesDeg[band] as number)) band--;
    out[row] = order[band] as number;
  }
  return out;
}

function fillGap(rgba: Uint8ClampedArray, at: number, column: number, row: number): void {
  const color = (column + row) % GAP_PERIOD_PX < GAP_STRIPE_PX ? GAP_STRIPE : GAP_BACKGROUND;
  rgba[at] = color[0];
  rgba[at + 1] = color[1];
  rgba[at + 2] = color[2];
  rgba[at + 3] = 255;
}

/**
 * The keogram drawn at plot resolution as opaque RGBA (row 0 at the top): each plot pixel
 * shows the nearest slot (see columnSlots) and the pixel whose latitude or longitude band
 * holds the row's centre, coloured by the colormap (one channel) or a per-channel contrast
 * stretch (RGB, asilib.md §4.3); gaps and NaN values get the grey hatch.
 */
export function keogramRaster(keogram: Keogram, request: KeogramRasterRequest): Uint8ClampedArray {
  const slots = checkShape(keogram);
  const { widthPx, heightPx, coloring } = request;
  const slotOfColumn = columnSlots(keogram, slots, request);
  const pixelOfRow = rowPixels(request);
  const pixelCount = keogram.rows.length;
  const channels = keogram.channels;
  const rgba = new Uint8ClampedArray(widthPx * heightPx * 4);
  if (coloring.kind === "colormap") {
    const plane = new Float32Array(widthPx * heightPx);
    for (let row = 0; row < heightPx; row++) {
      const pixel = pixelOfRow[row] as number;
      for (let column = 0; column < widthPx; column++) {
        const slot = slotOfColumn[column] as number;
        plane[row * widthPx + column] =
          slot < 0
            ? Number.NaN
            : (keogram.values[(slot * pixelCount + pixel) * channels] as number);
      }
    }
    coloring.colorizer.applyFloat32(plane, rgba);
  } else {
    const scale = 255 / (coloring.upper - coloring.lower);
    for (let row = 0; row < heightPx; row++) {
      const pixel = pixelOfRow[row] as number;
      for (let column = 0; column < widthPx; column++) {
        const slot = slotOfColumn[column] as number;
        const at = (row * widthPx + column) * 4;
        if (slot < 0) continue;
        const base = (slot * pixelCount + pixel) * channels;
        // Clamped array: values outside [0, 255] clip, as the stretch's clip to [0, 1] does.
        rgba[at] = ((keogram.values[base] as number) - coloring.lower) * scale;
        rgba[at + 1] = ((keogram.values[base + 1] as number) - coloring.lower) * scale;
        rgba[at + 2] = ((keogram.values[base + 2] as number) - coloring.lower) * scale;
        rgba[at + 3] = Number.isNaN(keogram.values[base] as number) ? 0 : 255;
      }
    }
  }
  for (let row = 0, at = 0; row < heightPx; row++) {
    for (let column = 0; column < widthPx; column++, at += 4) {
      if ((rgba[at + 3] as number) === 0) fillGap(rgba, at, column, row);
    }
  }
  return rgba;
}
