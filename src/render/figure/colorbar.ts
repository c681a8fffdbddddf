import { InvalidArgumentError } from "../../core/errors.js";
import {
  COLORMAP_SIZE,
  type ColormapName,
  type ColormapTable,
  colormap,
} from "../color/colormap.js";
import { createNormalizer, type Norm, type NormName, toNorm } from "../color/norm.js";
import { type AxisTick, axisSvg, plotFrameSvg } from "./axes.js";
import { embeddedImageSvg } from "./embedded-image.js";
import { asinhTicks, linearTicks, logTicks, type TickValue } from "./ticks.js";

export interface ColorbarOptions {
  /** The bar itself (without ticks and labels), figure pixels. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Vertical bars grow upward with ticks on the right; horizontal ones rightward, ticks below. */
  readonly orientation: "vertical" | "horizontal";
  readonly colormap: ColormapName | ColormapTable;
  readonly norm: Norm | NormName;
  readonly lower: number;
  readonly upper: number;
  readonly label?: string;
  readonly fontSizePx?: number;
  readonly labelFontSizePx?: number;
}

/**
 * Ticks for a colour scale, in data units: linear → d3's nice ticks, log → decades (with
 * sub-decade values on short ranges), asinh → round numbers evenly spread along the bar.
 * Only values within [lower, upper] are returned.
 */
export function normTicks(
  normInput: Norm | NormName,
  lower: number,
  upper: number,
  count: number,
): TickValue[] {
  const norm = toNorm(normInput);
  // Validates the bounds for this norm (finite, ordered, positive for log).
  createNormalizer(norm, { lower, upper });
  const ticks =
    norm.kind === "linear"
      ? linearTicks(lower, upper, count)
      : norm.kind === "log"
        ? logTicks(lower, upper, count)
        : asinhTicks(lower, upper, norm.softeningScale ?? (upper - lower) / 10, count);
  const tolerance = (upper - lower) * 1e-9;
  return ticks.filter((tick) => tick.value >= lower - tolerance && tick.value <= upper + tolerance);
}

/** The colormap as an image along the bar: 256 entries, low values at the bottom or left. */
function gradientRgba(table: ColormapTable, vertical: boolean): Uint8Array {
  const rgba = new Uint8Array(COLORMAP_SIZE * 4);
  for (let i = 0; i < COLORMAP_SIZE; i++) {
    const entry = vertical ? COLORMAP_SIZE - 1 - i : i;
    rgba.set(table.subarray(entry * 4, entry * 4 + 4), i * 4);
  }
  return rgba;
}

export interface ColorbarDrawing {
  readonly svg: string;
  /** How far ticks and labels reach beyond the bar (right or below), px: the margin needed. */
  readonly extentPx: number;
}

/**
 * A colorbar as an SVG fragment: the colormap drawn uniformly along the bar (matplotlib's
 * colorbar: the bar is the norm's [0, 1]), a frame, ticks placed through the norm, and the
 * label beside the tick labels.
 */
export function colorbarSvg(options: ColorbarOptions): string {
  return drawColorbar(options).svg;
}

/** `colorbarSvg` with the room its ticks and labels take, for laying out a figure. */
export function drawColorbar(options: ColorbarOptions): ColorbarDrawing {
  const { x, y, width, height, lower, upper } = options;
  if (!(width > 0 && height > 0)) {
    throw new InvalidArgumentError("colorbar", `needs a positive size, got ${width}x${height} px`);
  }
  const vertical = options.orientation === "vertical";
  const table =
    typeof options.colormap === "string" ? colormap(options.colormap) : options.colormap;
  if (table.length !== COLORMAP_SIZE * 4) {
    throw new InvalidArgumentError(
      "colormap",
      `a table must hold ${COLORMAP_SIZE} RGBA entries (${COLORMAP_SIZE * 4} bytes), got ${table.length} bytes`,
    );
  }
  const normalize = createNormalizer(options.norm, { lower, upper });
  const count = Math.max(2, Math.round((vertical ? height : width) / (vertical ? 45 : 90)));
  const ticks: AxisTick[] = normTicks(options.norm, lower, upper, count).map((tick) => {
    const t = normalize(tick.value);
    return {
      position: vertical ? y + height * (1 - t) : x + width * t,
      label: tick.label,
      minor: tick.minor,
    };
  });
  const bar = { x, y, width, height };
  const image = embeddedImageSvg({
    x,
    y,
    width,
    height,
    rgba: gradientRgba(table, vertical),
    imageWidth: vertical ? 1 : COLORMAP_SIZE,
    imageHeight: vertical ? COLORMAP_SIZE : 1,
  });
  const axis = axisSvg(vertical ? "right" : "bottom", bar, ticks, {
    ...(options.label !== undefined && { label: options.label }),
    ...(options.fontSizePx !== undefined && { fontSizePx: options.fontSizePx }),
    ...(options.labelFontSizePx !== undefined && { labelFontSizePx: options.labelFontSizePx }),
  });
  return { svg: image + plotFrameSvg(bar) + axis.svg, extentPx: axis.extentPx };
}
