import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { InvalidArgumentError, NotFoundError } from "../../../src/core/errors.js";
import { decodePng } from "../../../src/formats/png/decode.js";
import { composeFrame, planComposition } from "../../../src/render/figure/frame-compositor.js";
import type { LayeredFigure } from "../../../src/render/figure/layered-figure.js";
import { layeredFigureSvg } from "../../../src/render/figure/layered-svg.js";
import { rasterizeSvg } from "../../../src/render/figure/rasterize-svg.js";
import { svgDocument } from "../../../src/render/figure/svg.js";
import {
  figureFormatOf,
  writeLayeredFigure,
  writeSvgFigure,
} from "../../../src/render/figure/write-figure.js";

/** Packs R, G, B, A into a word that a little-endian Uint32 view stores as those bytes. */
function packRgba(red: number, green: number, blue: number, alpha: number): number {
  return ((alpha << 24) | (blue << 16) | (green << 8) | red) >>> 0;
}

/** A 3x2 image drawn 4x enlarged into a 12x8 box at (5, 4) of a 24x16 figure, with holes. */
function smallFigure(frameLabel?: LayeredFigure["frameLabel"]): LayeredFigure {
  const sourceIndex = new Int32Array(12 * 8);
  for (let row = 0; row < 8; row++)
    for (let column = 0; column < 12; column++)
      sourceIndex[row * 12 + column] = (row >> 2) * 3 + (column >> 2);
  sourceIndex[0] = -1;
  sourceIndex[95] = -1;
  return {
    width: 24,
    height: 16,
    under:
      '<rect width="24" height="16" fill="#204060"/><circle cx="4" cy="4" r="3" fill="#ffcc00"/>',
    over: '<path d="M0 13.5h24" stroke="#ffffff" stroke-opacity="0.6" stroke-width="1"/><rect x="18" y="2" width="4" height="4" fill="#ff0000" fill-opacity="0.3"/>',
    raster: { x: 5, y: 4, width: 12, height: 8, sourceIndex, imageWidth: 3, imageHeight: 2 },
    ...(frameLabel !== undefined && { frameLabel }),
  };
}

const colors = new Uint32Array(6);
colors[0] = packRgba(10, 20, 30, 255);
colors[1] = packRgba(200, 0, 0, 255);
colors[2] = 0; // transparent: "bad" values let the under layer show
colors[3] = packRgba(0, 250, 0, 255);
colors[4] = packRgba(90, 90, 250, 255);
colors[5] = packRgba(255, 255, 255, 255);
const frame = new Uint16Array([0, 1, 2, 3, 4, 5]);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "aurorakit-figure-"));
});

describe("figureFormatOf", () => {
  it("takes the format from the extension, any case, and names the supported ones otherwise", () => {
    expect(figureFormatOf("a/b.SVG")).toBe("svg");
    expect(figureFormatOf("b.png")).toBe("png");
    expect(() => figureFormatOf("b.jpg")).toThrow(InvalidArgumentError);
    expect(() => figureFormatOf("b.jpg")).toThrow(/\.svg or \.png/);
    expect(() => figureFormatOf("noextension")).toThrow(/\.svg or \.png/);
  });
});

describe("writeSvgFigure", () => {
  const svg = svgDocument(30, 20, '<rect width="30" height="20" fill="#336699"/>');

  it("writes the SVG text for .svg and a PNG of the figure's size for .png", async () => {
    await writeSvgFigure(join(dir, "f.svg"), svg);
    expect(readFileSync(join(dir, "f.svg"), "utf8")).toBe(svg);
    await writeSvgFigure(join(dir, "f.png"), svg);
    const bytes = new Uint8Array(readFileSync(join(dir, "f.png")));
    // PNG spec 5.2: the 8-byte signature.
    expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const decoded = decodePng(bytes);
    // Opaque figures are stored as RGB.
    expect(decoded.shape).toEqual([20, 30, 3]);
    expect([...decoded.data.subarray(0, 3)]).toEqual([0x33, 0x66, 0x99]);
  });

  it("stores straight (not premultiplied) alpha where the figure is transparent", async () => {
    await writeSvgFigure(
      join(dir, "alpha.png"),
      svgDocument(4, 4, '<rect width="4" height="4" fill="#ff8000" fill-opacity="0.5"/>'),
    );
    const decoded = decodePng(new Uint8Array(readFileSync(join(dir, "alpha.png"))));
    expect(decoded.shape).toEqual([4, 4, 4]);
    const [red, green, blue, alpha] = decoded.data.subarray(0, 4);
    // Analytic: 50 % of #ff8000; un-premultiplying restores the colour within 2 levels.
    expect(Math.abs((alpha as number) - 128)).toBeLessThanOrEqual(1);
    expect(Math.abs((red as number) - 255)).toBeLessThanOrEqual(2);
    expect(Math.abs((green as number) - 128)).toBeLessThanOrEqual(2);
    expect(blue).toBe(0);
  });

  it("reports a missing directory and an unknown extension without writing anything", async () => {
    await expect(writeSvgFigure(join(dir, "missing", "f.png"), svg)).rejects.toThrow(NotFoundError);
    await expect(writeSvgFigure(join(dir, "f.gif"), svg)).rejects.toThrow(/\.svg or \.png/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("leaves no partial file when the final rename fails, and keeps an old file intact", async () => {
    // The target is a directory: the temp file is written, the rename fails.
    mkdirSync(join(dir, "taken.png"));
    await expect(writeSvgFigure(join(dir, "taken.png"), svg)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(["taken.png"]);
    // A bad document fails before anything replaces the existing figure.
    writeFileSync(join(dir, "old.png"), "old");
    await expect(writeSvgFigure(join(dir, "old.png"), "<svg")).rejects.toThrow();
    expect(readFileSync(join(dir, "old.png"), "utf8")).toBe("old");
    expect(readdirSync(dir).sort()).toEqual(["old.png", "taken.png"]);
  });
});

describe("layered figures", () => {
  it("writes the composed frame as PNG, equal to composeFrame's output", async () => {
    const figure = smallFigure();
    await writeLayeredFigure(join(dir, "still.png"), { figure, colors, frame, label: "" });
    const decoded = decodePng(new Uint8Array(readFileSync(join(dir, "still.png"))));
    const composed = new Uint8Array(24 * 16 * 4);
    composeFrame(planComposition(figure), colors, frame, "", composed);
    expect(decoded.shape).toEqual([16, 24, 3]);
    for (let i = 0; i < 24 * 16; i++) {
      // Exact: the PNG stores the composed bytes (RGB of an opaque image).
      expect([...decoded.data.subarray(i * 3, i * 3 + 3)]).toEqual([
        ...composed.subarray(i * 4, i * 4 + 3),
      ]);
    }
  });

  it("as SVG, rasterizes to composeFrame's output within 2/255 per channel", () => {
    const figure = smallFigure();
    const composed = new Uint8Array(24 * 16 * 4);
    composeFrame(planComposition(figure), colors, frame, "", composed);
    const rendered = rasterizeSvg(layeredFigureSvg({ figure, colors, frame, label: "" })).rgba;
    let largest = 0;
    for (let i = 0; i < composed.length; i++)
      largest = Math.max(largest, Math.abs((composed[i] as number) - (rendered[i] as number)));
    // Oracle: composeFrame (the movie path); tolerance 2 levels for blending rounding.
    expect(largest).toBeLessThanOrEqual(2);
  });

  it("as SVG, puts the label's background box where composeFrame stamps it", () => {
    const figure = {
      ...smallFigure({
        x: 2,
        y: 14,
        anchor: "start" as const,
        fontSizePx: 8,
        color: "#ffffff",
        background: "#000000",
      }),
    };
    const composed = new Uint8Array(24 * 16 * 4);
    composeFrame(planComposition(figure), colors, frame, "17", composed);
    const rendered = rasterizeSvg(layeredFigureSvg({ figure, colors, frame, label: "17" })).rgba;
    // Oracle: composeFrame's stamped label. The black background box covers the same pixels
    // in both; only glyph edges differ (measured 3 pixels; the box 2 px off gives 35).
    let mismatched = 0;
    for (let i = 0; i < composed.length; i += 4) {
      const darkComposed = (composed[i] as number) < 3 && (composed[i + 2] as number) < 3;
      const darkRendered = (rendered[i] as number) < 3 && (rendered[i + 2] as number) < 3;
      if (darkComposed !== darkRendered) mismatched++;
    }
    expect(mismatched).toBeLessThanOrEqual(6);
    const svg = layeredFigureSvg({ figure, colors, frame, label: "17" });
    expect(svg).toContain(">17</text>");
  });

  it("writes the SVG form by extension and rejects a frame of the wrong size", async () => {
    const figure = smallFigure();
    await writeLayeredFigure(join(dir, "still.svg"), { figure, colors, frame, label: "" });
    expect(readFileSync(join(dir, "still.svg"), "utf8")).toMatch(/^<svg .*data:image\/png;base64,/);
    await expect(
      writeLayeredFigure(join(dir, "bad.png"), {
        figure,
        colors,
        frame: new Uint16Array(5),
        label: "",
      }),
    ).rejects.toThrow(/3x2 image/);
    expect(readdirSync(dir)).toEqual(["still.svg"]);
  });
});
