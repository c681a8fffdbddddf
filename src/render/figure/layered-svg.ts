import { InvalidArgumentError } from "../../core/errors.js";
import { embeddedImageSvg } from "./embedded-image.js";
import { MONO_FONT_FAMILY } from "./fonts.js";
import { createGlyphAtlas, textWidthPx } from "./glyph-atlas.js";
import type { LayeredFigure } from "./layered-figure.js";
import { escapeXml, px, svgDocument } from "./svg.js";

/** One frame of a layered figure: what `composeFrame` takes, as one value. */
export interface LayeredFrame {
  readonly figure: LayeredFigure;
  /** Packed RGBA per frame value (a colorizer's `colorsU16`); 0 is transparent. */
  readonly colors: Uint32Array;
  readonly frame: Uint16Array | Uint8Array;
  /** The per-frame label (usually the UTC time); empty for none. */
  readonly label: string;
}

/** The raster box's pixels as straight RGBA: transparent where the box maps no image pixel. */
function rasterRgba(input: LayeredFrame): Uint8Array {
  const { raster } = input.figure;
  const { frame, colors } = input;
  if (frame.length !== raster.imageWidth * raster.imageHeight) {
    throw new InvalidArgumentError(
      "frame",
      `has ${frame.length} pixels; the figure maps a ${raster.imageWidth}x${raster.imageHeight} image`,
    );
  }
  const count = raster.width * raster.height;
  if (raster.sourceIndex.length !== count) {
    throw new InvalidArgumentError(
      "figure.raster",
      `has ${raster.sourceIndex.length} indices for a ${raster.width}x${raster.height} box`,
    );
  }
  // Packed words in platform byte order land as R, G, B, A bytes (as in composeFrame).
  const words = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const source = raster.sourceIndex[i] as number;
    if (source >= 0) words[i] = colors[frame[source] as number] ?? 0;
  }
  return new Uint8Array(words.buffer);
}

/** The label and its background box, placed exactly where `composeFrame` stamps them. */
function labelSvg(figure: LayeredFigure, text: string): string {
  const style = figure.frameLabel;
  if (style === undefined || text === "") return "";
  const atlas = createGlyphAtlas(style.fontSizePx);
  const widthPx = textWidthPx(atlas, text);
  const left =
    style.anchor === "start"
      ? style.x
      : style.anchor === "middle"
        ? style.x - widthPx / 2
        : style.x - widthPx;
  let svg = "";
  if (style.background !== undefined) {
    const padPx = Math.ceil(atlas.fontSizePx * 0.25);
    const top = Math.max(
      0,
      Math.round(style.y - atlas.baselinePx - padPx + atlas.fontSizePx * 0.2),
    );
    const bottom = Math.min(figure.height, Math.round(style.y + atlas.fontSizePx * 0.3 + padPx));
    const from = Math.max(0, Math.round(left - padPx));
    const to = Math.min(figure.width, Math.round(left + widthPx + padPx));
    svg += `<rect x="${from}" y="${top}" width="${to - from}" height="${bottom - top}" fill="${escapeXml(style.background)}"/>`;
  }
  svg += `<text x="${px(left)}" y="${px(style.y)}" font-family="${escapeXml(MONO_FONT_FAMILY)}" font-size="${style.fontSizePx}" fill="${escapeXml(style.color)}" xml:space="preserve">${escapeXml(text)}</text>`;
  return svg;
}

/**
 * The figure of one frame as a standalone SVG document: a white page, the under layer, the
 * raster box as an embedded PNG (nearest-neighbour, transparent where unmapped or "bad"), the
 * over layer and the label. Rasterized, it matches `composeFrame`'s output of the same frame
 * (outside the label, whose glyphs composeFrame snaps to whole pixels).
 */
export function layeredFigureSvg(input: LayeredFrame): string {
  const { figure } = input;
  const { raster } = figure;
  const image = embeddedImageSvg({
    x: raster.x,
    y: raster.y,
    width: raster.width,
    height: raster.height,
    rgba: rasterRgba(input),
    imageWidth: raster.width,
    imageHeight: raster.height,
  });
  const page = `<rect width="${figure.width}" height="${figure.height}" fill="#ffffff"/>`;
  return svgDocument(
    figure.width,
    figure.height,
    page + figure.under + image + figure.over + labelSvg(figure, input.label),
  );
}
