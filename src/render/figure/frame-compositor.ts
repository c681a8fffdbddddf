import { InvalidArgumentError } from "../../core/errors.js";
import { createGlyphAtlas, type GlyphAtlas, stampText, textWidthPx } from "./glyph-atlas.js";
import type { FrameLabelStyle, LayeredFigure, RasterBox } from "./layered-figure.js";
import { rasterizeSvg } from "./rasterize-svg.js";
import { svgDocument } from "./svg.js";

/**
 * Everything needed to compose frames of one figure, as plain typed arrays and numbers so it
 * can be sent to worker threads (structured clone) and composed there without the renderer.
 */
export interface CompositionPlan {
  readonly width: number;
  readonly height: number;
  /** The under layer, opaque RGBA, width x height. */
  readonly under: Uint8Array;
  /** Pixels where the over layer is not transparent: figure pixel index, and its premultiplied RGBA. */
  readonly overIndex: Int32Array;
  readonly overRgba: Uint8Array;
  readonly raster: RasterBox;
  readonly label?: {
    readonly style: FrameLabelStyle;
    readonly color: readonly [number, number, number];
    readonly background?: readonly [number, number, number];
    readonly atlas: GlyphAtlas;
  };
}

function parseHexColor(name: string, value: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
  if (match === null) {
    throw new InvalidArgumentError(name, `expected a colour as #rrggbb, got "${value}"`);
  }
  return [
    Number.parseInt(match[1] as string, 16),
    Number.parseInt(match[2] as string, 16),
    Number.parseInt(match[3] as string, 16),
  ];
}

function checkRaster(figure: LayeredFigure): void {
  const { raster } = figure;
  const inside =
    Number.isInteger(raster.x) &&
    Number.isInteger(raster.y) &&
    raster.x >= 0 &&
    raster.y >= 0 &&
    raster.x + raster.width <= figure.width &&
    raster.y + raster.height <= figure.height;
  if (!inside || raster.sourceIndex.length !== raster.width * raster.height) {
    throw new InvalidArgumentError(
      "figure.raster",
      `the raster box ${raster.width}x${raster.height} at (${raster.x}, ${raster.y}) with ${raster.sourceIndex.length} indices does not fit a ${figure.width}x${figure.height} figure`,
    );
  }
}

/** Renders the figure's vector layers once (the only SVG rendering a movie does). */
export function planComposition(figure: LayeredFigure): CompositionPlan {
  checkRaster(figure);
  const under = rasterizeSvg(svgDocument(figure.width, figure.height, figure.under)).rgba;
  const over = rasterizeSvg(svgDocument(figure.width, figure.height, figure.over)).rgba;
  const pixelCount = figure.width * figure.height;
  // Opaque background: whatever the under layer left transparent becomes white.
  for (let i = 0; i < pixelCount; i++) {
    const at = i * 4;
    const keep = 255 - (under[at + 3] as number);
    if (keep === 0) continue;
    under[at] = (under[at] as number) + keep;
    under[at + 1] = (under[at + 1] as number) + keep;
    under[at + 2] = (under[at + 2] as number) + keep;
    under[at + 3] = 255;
  }
  let overCount = 0;
  for (let i = 0; i < pixelCount; i++) if ((over[i * 4 + 3] as number) !== 0) overCount++;
  const overIndex = new Int32Array(overCount);
  const overRgba = new Uint8Array(overCount * 4);
  for (let i = 0, k = 0; i < pixelCount; i++) {
    if ((over[i * 4 + 3] as number) === 0) continue;
    overIndex[k] = i;
    overRgba.set(over.subarray(i * 4, i * 4 + 4), k * 4);
    k++;
  }
  const style = figure.frameLabel;
  return {
    width: figure.width,
    height: figure.height,
    under,
    overIndex,
    overRgba,
    raster: figure.raster,
    ...(style !== undefined && {
      label: {
        style,
        color: parseHexColor("frameLabel.color", style.color),
        ...(style.background !== undefined && {
          background: parseHexColor("frameLabel.background", style.background),
        }),
        atlas: createGlyphAtlas(style.fontSizePx),
      },
    }),
  };
}

function stampLabel(plan: CompositionPlan, text: string, out: Uint8Array): void {
  const label = plan.label;
  if (label === undefined || text === "") return;
  const { style, atlas } = label;
  const widthPx = textWidthPx(atlas, text);
  const left =
    style.anchor === "start"
      ? style.x
      : style.anchor === "middle"
        ? style.x - widthPx / 2
        : style.x - widthPx;
  if (label.background !== undefined) {
    const [red, green, blue] = label.background;
    const padPx = Math.ceil(atlas.fontSizePx * 0.25);
    const top = Math.max(
      0,
      Math.round(style.y - atlas.baselinePx - padPx + atlas.fontSizePx * 0.2),
    );
    const bottom = Math.min(plan.height, Math.round(style.y + atlas.fontSizePx * 0.3 + padPx));
    const from = Math.max(0, Math.round(left - padPx));
    const to = Math.min(plan.width, Math.round(left + widthPx + padPx));
    for (let row = top; row < bottom; row++) {
      for (let column = from; column < to; column++) {
        const at = (row * plan.width + column) * 4;
        out[at] = red;
        out[at + 1] = green;
        out[at + 2] = blue;
        out[at + 3] = 255;
      }
    }
  }
  stampText(atlas, text, left, style.y, label.color, out, plan.width, plan.height);
}

/**
 * Composes one frame into `out` (opaque RGBA, width x height): the under layer, the image
 * through the raster box's pixel mapping coloured by `colors` (packed RGBA per value, e.g. a
 * colorizer's `colorsU16`), the over layer blended on top, then the label. Allocates nothing;
 * the result depends only on its arguments, so any number of workers give identical frames.
 */
export function composeFrame(
  plan: CompositionPlan,
  colors: Uint32Array,
  frame: Uint16Array | Uint8Array,
  label: string,
  out: Uint8Array,
): void {
  const { width, raster } = plan;
  if (out.length !== plan.width * plan.height * 4 || out.byteOffset % 4 !== 0) {
    throw new InvalidArgumentError(
      "out",
      `needs ${plan.width * plan.height * 4} bytes (RGBA ${plan.width}x${plan.height}) at a 4-byte aligned offset`,
    );
  }
  if (frame.length !== raster.imageWidth * raster.imageHeight) {
    throw new InvalidArgumentError(
      "frame",
      `has ${frame.length} pixels; the figure maps a ${raster.imageWidth}x${raster.imageHeight} image`,
    );
  }
  out.set(plan.under);
  const words = new Uint32Array(out.buffer, out.byteOffset, plan.width * plan.height);
  const { sourceIndex } = raster;
  for (let row = 0; row < raster.height; row++) {
    const boxRow = row * raster.width;
    const figureRow = (raster.y + row) * width + raster.x;
    for (let column = 0; column < raster.width; column++) {
      const source = sourceIndex[boxRow + column] as number;
      if (source < 0) continue;
      const color = colors[frame[source] as number] as number;
      // A transparent colour (NaN / "bad") lets the under layer show.
      if (color !== 0) words[figureRow + column] = color;
    }
  }
  const { overIndex, overRgba } = plan;
  for (let k = 0; k < overIndex.length; k++) {
    const at = (overIndex[k] as number) * 4;
    const keep = 255 - (overRgba[k * 4 + 3] as number);
    out[at] = ((overRgba[k * 4] as number) + ((out[at] as number) * keep + 127) / 255) | 0;
    out[at + 1] =
      ((overRgba[k * 4 + 1] as number) + ((out[at + 1] as number) * keep + 127) / 255) | 0;
    out[at + 2] =
      ((overRgba[k * 4 + 2] as number) + ((out[at + 2] as number) * keep + 127) / 255) | 0;
  }
  stampLabel(plan, label, out);
}
