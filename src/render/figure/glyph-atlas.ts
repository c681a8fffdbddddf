import { MONO_FONT_FAMILY } from "./fonts.js";
import { rasterizeSvg } from "./rasterize-svg.js";
import { svgDocument } from "./svg.js";

/** Printable ASCII: everything a timestamp or station label needs. */
const FIRST_CODE = 32;
const LAST_CODE = 126;
const GLYPH_COUNT = LAST_CODE - FIRST_CODE + 1;
/** DejaVu Sans Mono's advance width is 1233 of 2048 font units (its hmtx table). */
const MONO_ADVANCE_EM = 1233 / 2048;

/**
 * Coverage masks of every printable ASCII glyph in the monospaced figure font at one size,
 * rendered once by the SVG renderer. Stamping a per-frame label is then a masked blend of a few
 * thousand pixels instead of an SVG render per frame; plain data, so workers receive it.
 */
export interface GlyphAtlas {
  readonly fontSizePx: number;
  /** Pixel advance per character (the same for every glyph in a monospaced face). */
  readonly advancePx: number;
  /** Cell size of each glyph, pixels. */
  readonly cellWidth: number;
  readonly cellHeight: number;
  /** Baseline position inside a cell, pixels from its top. */
  readonly baselinePx: number;
  /** GLYPH_COUNT cells of cellWidth x cellHeight coverage values, 0-255. */
  readonly coverage: Uint8Array;
}

export function createGlyphAtlas(fontSizePx: number): GlyphAtlas {
  const advancePx = fontSizePx * MONO_ADVANCE_EM;
  const cellWidth = Math.ceil(advancePx) + 2;
  const cellHeight = Math.ceil(fontSizePx * 1.4);
  const baselinePx = Math.round(fontSizePx * 1.05);
  const width = cellWidth * GLYPH_COUNT;
  let body = "";
  for (let code = FIRST_CODE; code <= LAST_CODE; code++) {
    const character = String.fromCharCode(code);
    const escaped = character.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    // One <text> per cell: the glyph is placed one pixel in so antialiasing stays in its cell.
    body += `<text x="${(code - FIRST_CODE) * cellWidth + 1}" y="${baselinePx}" xml:space="preserve">${escaped}</text>`;
  }
  const svg = svgDocument(
    width,
    cellHeight,
    `<g font-family="${MONO_FONT_FAMILY}" font-size="${fontSizePx}" fill="#ffffff">${body}</g>`,
  );
  const image = rasterizeSvg(svg);
  const coverage = new Uint8Array(GLYPH_COUNT * cellWidth * cellHeight);
  for (let glyph = 0; glyph < GLYPH_COUNT; glyph++) {
    for (let row = 0; row < cellHeight; row++) {
      for (let column = 0; column < cellWidth; column++) {
        const source = (row * width + glyph * cellWidth + column) * 4 + 3;
        coverage[(glyph * cellHeight + row) * cellWidth + column] = image.rgba[source] as number;
      }
    }
  }
  return { fontSizePx, advancePx, cellWidth, cellHeight, baselinePx, coverage };
}

/** Pixel width of `text` in the atlas font. */
export function textWidthPx(atlas: GlyphAtlas, text: string): number {
  return Math.ceil(text.length * atlas.advancePx) + 2;
}

/**
 * Blends `text` in colour (r, g, b) into an opaque RGBA image with its baseline starting at
 * (x, y); characters outside printable ASCII are drawn as "?". Pixels outside the image are
 * clipped.
 */
export function stampText(
  atlas: GlyphAtlas,
  text: string,
  x: number,
  y: number,
  color: readonly [number, number, number],
  image: Uint8Array,
  imageWidth: number,
  imageHeight: number,
): void {
  const [red, green, blue] = color;
  const top = Math.round(y) - atlas.baselinePx;
  for (let index = 0; index < text.length; index++) {
    let code = text.charCodeAt(index);
    if (code < FIRST_CODE || code > LAST_CODE) code = 63; // "?"
    if (code === 32) continue;
    const glyph = code - FIRST_CODE;
    const left = Math.round(x + index * atlas.advancePx) - 1;
    for (let row = 0; row < atlas.cellHeight; row++) {
      const imageRow = top + row;
      if (imageRow < 0 || imageRow >= imageHeight) continue;
      const cellRow = (glyph * atlas.cellHeight + row) * atlas.cellWidth;
      for (let column = 0; column < atlas.cellWidth; column++) {
        const alpha = atlas.coverage[cellRow + column] as number;
        const imageColumn = left + column;
        if (alpha === 0 || imageColumn < 0 || imageColumn >= imageWidth) continue;
        const at = (imageRow * imageWidth + imageColumn) * 4;
        const keep = 255 - alpha;
        image[at] = ((red * alpha + (image[at] as number) * keep + 127) / 255) | 0;
        image[at + 1] = ((green * alpha + (image[at + 1] as number) * keep + 127) / 255) | 0;
        image[at + 2] = ((blue * alpha + (image[at + 2] as number) * keep + 127) / 255) | 0;
      }
    }
  }
}
