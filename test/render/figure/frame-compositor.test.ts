import { describe, expect, it } from "vitest";
import { MONO_FONT_FAMILY } from "../../../src/render/figure/fonts.js";
import { composeFrame, planComposition } from "../../../src/render/figure/frame-compositor.js";
import { createGlyphAtlas, stampText } from "../../../src/render/figure/glyph-atlas.js";
import type { LayeredFigure } from "../../../src/render/figure/layered-figure.js";
import { rasterizeSvg } from "../../../src/render/figure/rasterize-svg.js";
import { svgDocument } from "../../../src/render/figure/svg.js";

/** Packs R, G, B, A into a word that a little-endian Uint32 view stores as those bytes. */
function packRgba(red: number, green: number, blue: number, alpha: number): number {
  return (alpha << 24) | (blue << 16) | (green << 8) | red;
}

/** A 2x2 image drawn into a 4x4 box at (2, 1) of a 10x6 figure: each image pixel a 2x2 block. */
function smallFigure(overrides: Partial<LayeredFigure> = {}): LayeredFigure {
  const sourceIndex = new Int32Array(16);
  for (let row = 0; row < 4; row++)
    for (let column = 0; column < 4; column++)
      sourceIndex[row * 4 + column] = (row >> 1) * 2 + (column >> 1);
  sourceIndex[0] = -1; // one box pixel left transparent
  return {
    width: 10,
    height: 6,
    under: '<rect width="10" height="6" fill="#0000ff"/>',
    over: '<rect x="0" y="5" width="10" height="1" fill="#ffffff" fill-opacity="0.5"/>',
    raster: { x: 2, y: 1, width: 4, height: 4, sourceIndex, imageWidth: 2, imageHeight: 2 },
    ...overrides,
  };
}

function pixel(rgba: Uint8Array, width: number, x: number, y: number): number[] {
  const at = (y * width + x) * 4;
  return [...rgba.subarray(at, at + 4)];
}

describe("composeFrame", () => {
  const colors = new Uint32Array(4);
  colors[0] = packRgba(10, 20, 30, 255);
  colors[1] = packRgba(200, 0, 0, 255);
  colors[2] = 0; // transparent: "bad" values let the under layer show
  colors[3] = packRgba(0, 250, 0, 255);

  it("draws under, the mapped image, then the over layer blended", () => {
    const plan = planComposition(smallFigure());
    const out = new Uint8Array(10 * 6 * 4);
    composeFrame(plan, colors, new Uint16Array([0, 1, 2, 3]), "", out);
    // Invariants of the layer order (exact: opaque colours pass through unchanged).
    expect(pixel(out, 10, 0, 0)).toEqual([0, 0, 255, 255]); // under only
    expect(pixel(out, 2, 10, 0)).toEqual([0, 0, 255, 255]);
    expect(pixel(out, 10, 2, 1)).toEqual([0, 0, 255, 255]); // sourceIndex -1
    expect(pixel(out, 10, 3, 1)).toEqual([10, 20, 30, 255]); // image pixel 0
    expect(pixel(out, 10, 4, 2)).toEqual([200, 0, 0, 255]); // image pixel 1
    expect(pixel(out, 10, 2, 4)).toEqual([0, 0, 255, 255]); // transparent colour 2
    expect(pixel(out, 10, 5, 4)).toEqual([0, 250, 0, 255]); // image pixel 3
    // Over layer: 50 % white over blue → (128, 128, 255) within 1 level (resvg's rounding).
    const [red, green, blue, alpha] = pixel(out, 10, 7, 5);
    expect(Math.abs((red as number) - 128)).toBeLessThanOrEqual(1);
    expect(Math.abs((green as number) - 128)).toBeLessThanOrEqual(1);
    expect([blue, alpha]).toEqual([255, 255]);
  });

  it("fills an under layer with holes with white, so every output pixel is opaque", () => {
    const plan = planComposition(smallFigure({ under: "" }));
    const out = new Uint8Array(10 * 6 * 4);
    composeFrame(plan, colors, new Uint16Array([0, 1, 2, 3]), "", out);
    expect(pixel(out, 10, 0, 0)).toEqual([255, 255, 255, 255]);
  });

  it("rejects a raster box outside the figure and mismatched frames and outputs", () => {
    const figure = smallFigure();
    expect(() => planComposition({ ...figure, raster: { ...figure.raster, x: 8 } })).toThrow(
      /does not fit/,
    );
    const plan = planComposition(figure);
    expect(() => composeFrame(plan, colors, new Uint16Array(3), "", new Uint8Array(240))).toThrow(
      /2x2 image/,
    );
    expect(() => composeFrame(plan, colors, new Uint16Array(4), "", new Uint8Array(8))).toThrow(
      /RGBA 10x6/,
    );
  });

  it("stamps the frame label with its background box", () => {
    const figure = smallFigure({
      width: 120,
      height: 30,
      under: '<rect width="120" height="30" fill="#000000"/>',
      over: "",
      frameLabel: {
        x: 4,
        y: 20,
        anchor: "start",
        fontSizePx: 14,
        color: "#ffffff",
        background: "#202020",
      },
    });
    const plan = planComposition(figure);
    const out = new Uint8Array(120 * 30 * 4);
    composeFrame(plan, colors, new Uint16Array(4), "", out);
    const blank = out.slice();
    composeFrame(plan, colors, new Uint16Array(4), "17:00:05", out);
    let changed = 0;
    for (let i = 0; i < out.length; i++) if (out[i] !== blank[i]) changed++;
    // Invariant: a label changes pixels; the same label twice gives the same bytes.
    expect(changed).toBeGreaterThan(100);
    const again = new Uint8Array(out.length);
    composeFrame(plan, colors, new Uint16Array(4), "17:00:05", again);
    expect(again).toEqual(out);
  });

  it("rejects a label colour that is not #rrggbb", () => {
    expect(() =>
      planComposition(
        smallFigure({
          frameLabel: { x: 0, y: 5, anchor: "start", fontSizePx: 10, color: "white" },
        }),
      ),
    ).toThrow(/#rrggbb/);
  });
});

describe("glyph atlas", () => {
  it("stamps text like the SVG renderer draws it (same advance and glyph shapes)", () => {
    const text = "2011-01-06 17:00:05 UTC";
    const width = 260;
    const height = 24;
    // Oracle: resvg drawing the same string in the same monospaced font at the same place.
    const reference = rasterizeSvg(
      svgDocument(
        width,
        height,
        `<rect width="${width}" height="${height}" fill="#000000"/><text x="3" y="17" font-family="${MONO_FONT_FAMILY}" font-size="16" fill="#ffffff" xml:space="preserve">${text}</text>`,
      ),
    ).rgba;
    const stamped = new Uint8Array(width * height * 4);
    for (let i = 3; i < stamped.length; i += 4) stamped[i] = 255;
    stampText(createGlyphAtlas(16), text, 3, 17, [255, 255, 255], stamped, width, height);
    const inkColumns = (image: Uint8Array): [number, number] => {
      let first = width;
      let last = -1;
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++)
          if ((image[(y * width + x) * 4] as number) > 60) {
            first = Math.min(first, x);
            last = Math.max(last, x);
          }
      return [first, last];
    };
    // The first and last inked columns agree within 1 px: the advance width is the font's.
    const [firstRef, lastRef] = inkColumns(reference);
    const [firstOurs, lastOurs] = inkColumns(stamped);
    expect(Math.abs(firstOurs - firstRef)).toBeLessThanOrEqual(1);
    expect(Math.abs(lastOurs - lastRef)).toBeLessThanOrEqual(1);
    let difference = 0;
    let ink = 0;
    for (let i = 0; i < stamped.length; i += 4) {
      difference += Math.abs((stamped[i] as number) - (reference[i] as number));
      ink += reference[i] as number;
    }
    // Glyphs are placed on whole pixels, the renderer places them at sub-pixel positions:
    // measured 0.24 of the ink; the same text shifted by half a pixel gives 0.43-0.50 and by
    // one pixel 0.85-0.91, so 0.3 separates "same placement" from "off by a fraction".
    expect(difference / ink).toBeLessThan(0.3);
  });
});
