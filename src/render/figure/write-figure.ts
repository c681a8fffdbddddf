import { stat } from "node:fs/promises";
import { dirname, extname } from "node:path";
import { InvalidArgumentError, NotFoundError } from "../../core/errors.js";
import { encodePng } from "../../formats/png/encode.js";
import { writeFileAtomic } from "../../sources/atomic-file.js";
import { composeFrame, planComposition } from "./frame-compositor.js";
import { type LayeredFrame, layeredFigureSvg } from "./layered-svg.js";
import { rasterizeSvg } from "./rasterize-svg.js";

export type FigureFormat = "svg" | "png";

const FORMATS: Readonly<Record<string, FigureFormat>> = { ".svg": "svg", ".png": "png" };

/** The output format named by a path's extension (case-insensitive). */
export function figureFormatOf(path: string): FigureFormat {
  const extension = extname(path).toLowerCase();
  const format = FORMATS[extension];
  if (format === undefined) {
    throw new InvalidArgumentError(
      "figure path",
      `"${path}" ends in "${extension}"; figures are written as .svg or .png`,
    );
  }
  return format;
}

/**
 * Converts the renderer's premultiplied RGBA to the PNG's straight alpha (PNG spec 12.3: PNG
 * samples are not premultiplied) and encodes it; an opaque image is stored as RGB.
 */
export function encodeRgbaPng(
  premultiplied: Uint8Array,
  width: number,
  height: number,
): Uint8Array {
  const pixelCount = width * height;
  let opaque = true;
  for (let i = 0; i < pixelCount; i++) {
    if ((premultiplied[i * 4 + 3] as number) !== 255) {
      opaque = false;
      break;
    }
  }
  if (opaque) {
    const rgb = new Uint8Array(pixelCount * 3);
    for (let i = 0; i < pixelCount; i++) {
      rgb[i * 3] = premultiplied[i * 4] as number;
      rgb[i * 3 + 1] = premultiplied[i * 4 + 1] as number;
      rgb[i * 3 + 2] = premultiplied[i * 4 + 2] as number;
    }
    return encodePng({ dtype: "uint8", shape: [height, width, 3], data: rgb });
  }
  const straight = new Uint8Array(pixelCount * 4);
  for (let i = 0; i < pixelCount * 4; i += 4) {
    const alpha = premultiplied[i + 3] as number;
    straight[i + 3] = alpha;
    if (alpha === 0) continue;
    for (let c = 0; c < 3; c++) {
      straight[i + c] = Math.min(255, Math.round(((premultiplied[i + c] as number) * 255) / alpha));
    }
  }
  return encodePng({ dtype: "uint8", shape: [height, width, 4], data: straight });
}

/** Renders an SVG document to PNG bytes with the shipped fonts. */
export function svgToPng(svg: string): Uint8Array {
  const image = rasterizeSvg(svg);
  return encodeRgbaPng(image.rgba, image.width, image.height);
}

/** A missing output folder is a mistake to report, not a folder to create silently. */
async function checkDirectory(path: string): Promise<void> {
  const directory = dirname(path);
  const info = await stat(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") {
      throw new NotFoundError(
        `output directory ${directory}`,
        `create it first or write ${path} somewhere that exists`,
        { cause: error },
      );
    }
    throw error;
  });
  if (!info.isDirectory()) {
    throw new InvalidArgumentError("figure path", `${directory} is not a directory`);
  }
}

/**
 * Writes a figure given as an SVG document: `.svg` as the text itself, `.png` rasterized.
 * The write is atomic (temp file beside the target, then rename): on any error no partial
 * file is left and an existing file keeps its old content.
 */
export async function writeSvgFigure(path: string, svg: string): Promise<void> {
  const format = figureFormatOf(path);
  await checkDirectory(path);
  await writeFileAtomic(path, format === "svg" ? svg : svgToPng(svg));
}

/**
 * Writes one frame of a layered figure (fisheye, map): `.png` goes through `planComposition`
 * and `composeFrame`, so a still is byte for byte a movie frame; `.svg` keeps the vector
 * layers as vectors with the raster embedded (`layeredFigureSvg`). Atomic as `writeSvgFigure`.
 */
export async function writeLayeredFigure(path: string, input: LayeredFrame): Promise<void> {
  const format = figureFormatOf(path);
  await checkDirectory(path);
  if (format === "svg") {
    await writeFileAtomic(path, layeredFigureSvg(input));
    return;
  }
  const { figure } = input;
  const out = new Uint8Array(figure.width * figure.height * 4);
  composeFrame(planComposition(figure), input.colors, input.frame, input.label, out);
  await writeFileAtomic(path, encodeRgbaPng(out, figure.width, figure.height));
}
