import { Resvg } from "@resvg/resvg-js";
import { FIGURE_FONT_FAMILY, figureFontFiles, MONO_FONT_FAMILY } from "./fonts.js";

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /**
   * PREMULTIPLIED RGBA (resvg's native layout: colour already scaled by alpha), row-major,
   * 4 bytes per pixel. Compositing "over" is then `src + dst·(1 − αsrc)`; opaque pixels are
   * the same in both layouts.
   */
  readonly rgba: Uint8Array;
}

/**
 * Renders an SVG document to RGBA with resvg (a Rust SVG renderer, npm `@resvg/resvg-js`),
 * using only the shipped fonts. Transparent (all zero) where nothing is drawn.
 */
export function rasterizeSvg(svg: string): RgbaImage {
  const renderer = new Resvg(svg, {
    font: {
      fontFiles: figureFontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: FIGURE_FONT_FAMILY,
      sansSerifFamily: FIGURE_FONT_FAMILY,
      monospaceFamily: MONO_FONT_FAMILY,
    },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 1,
  });
  const rendered = renderer.render();
  return {
    width: rendered.width,
    height: rendered.height,
    rgba: new Uint8Array(
      rendered.pixels.buffer,
      rendered.pixels.byteOffset,
      rendered.pixels.length,
    ),
  };
}
