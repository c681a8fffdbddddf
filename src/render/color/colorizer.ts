import { InvalidArgumentError } from "../../core/errors.js";
import { COLORMAP_SIZE, type ColormapName, type ColormapTable, colormap } from "./colormap.js";
import { createNormalizer, lutIndex, type Norm, type NormName, toNorm } from "./norm.js";

/** RGBA bytes, each 0-255. */
export type Rgba = readonly [number, number, number, number];

/** Fully transparent: NaN pixels let the background (map, figure) show through. */
export const TRANSPARENT: Rgba = [0, 0, 0, 0];

export interface ColorizerOptions {
  readonly norm: Norm | NormName;
  readonly lower: number;
  readonly upper: number;
  /** A colormap name or a table from `colormap()`. */
  readonly colormap: ColormapName | ColormapTable;
  /** Colour of NaN values in the Float32 path; transparent by default. */
  readonly badColor?: Rgba;
}

export interface Colorizer {
  readonly norm: Norm;
  readonly lower: number;
  readonly upper: number;
  /**
   * The packed RGBA colour of every 16-bit value (65536 words in platform byte order, so a
   * Uint32 view of an RGBA byte buffer receives R, G, B, A in memory order). Renderers that
   * gather pixels through a screen mapping read it directly.
   */
  readonly colorsU16: Uint32Array;
  /** Colours a 16-bit frame into `out` (RGBA, 4 bytes per pixel); allocates nothing. */
  apply(frame: Uint16Array, out: Uint8ClampedArray): void;
  /** Colours float values (keograms, calibrated data); NaN gets the bad colour. */
  applyFloat32(frame: Float32Array, out: Uint8ClampedArray): void;
}

const U16_VALUES = 65536;

/**
 * Compiles (norm, bounds, colormap) once: every possible 16-bit value gets its packed RGBA
 * colour in a 65536-entry table (256 KiB), so colouring a frame is one table read per pixel.
 * Packed words are written through a byte view of the same buffer, so they are in the
 * platform's byte order and a Uint32 view of `out` receives R, G, B, A in memory order.
 */
export function createColorizer(options: ColorizerOptions): Colorizer {
  const norm = toNorm(options.norm);
  const normalize = createNormalizer(norm, options);
  const table =
    typeof options.colormap === "string" ? colormap(options.colormap) : options.colormap;
  if (table.length !== COLORMAP_SIZE * 4) {
    throw new InvalidArgumentError(
      "colormap",
      `a table must hold ${COLORMAP_SIZE} RGBA entries (${COLORMAP_SIZE * 4} bytes), got ${table.length} bytes`,
    );
  }
  const badColor = options.badColor ?? TRANSPARENT;
  if (
    badColor.length !== 4 ||
    !badColor.every((level) => Number.isInteger(level) && level >= 0 && level <= 255)
  ) {
    throw new InvalidArgumentError(
      "badColor",
      `needs 4 integers 0-255 (RGBA), got [${badColor.join(", ")}]`,
    );
  }
  const palette = new Uint32Array(COLORMAP_SIZE + 1);
  const paletteBytes = new Uint8Array(palette.buffer);
  paletteBytes.set(table);
  // The entry after the colormap holds the bad colour.
  paletteBytes.set(badColor, COLORMAP_SIZE * 4);
  const badIndex = COLORMAP_SIZE;

  const u16Colors = new Uint32Array(U16_VALUES);
  for (let value = 0; value < U16_VALUES; value++) {
    u16Colors[value] = palette[lutIndex(normalize(value))] as number;
  }

  const u16ColorBytes = new Uint8Array(u16Colors.buffer);

  let lastOut: Uint8ClampedArray | undefined;
  let lastWords: Uint32Array | undefined;
  const wordsOf = (out: Uint8ClampedArray, pixelCount: number): Uint32Array | undefined => {
    if (out.length !== pixelCount * 4) {
      throw new InvalidArgumentError(
        "output",
        `needs ${pixelCount * 4} bytes (RGBA for ${pixelCount} pixels), got ${out.length}`,
      );
    }
    if (out.byteOffset % 4 !== 0) return undefined;
    if (out !== lastOut) {
      lastOut = out;
      lastWords = new Uint32Array(out.buffer, out.byteOffset, pixelCount);
    }
    return lastWords;
  };

  return {
    norm,
    lower: options.lower,
    upper: options.upper,
    colorsU16: u16Colors,
    apply(frame, out) {
      const words = wordsOf(out, frame.length);
      if (words !== undefined) {
        for (let i = 0; i < frame.length; i++) words[i] = u16Colors[frame[i] as number] as number;
        return;
      }
      for (let i = 0; i < frame.length; i++)
        copyRgba(u16ColorBytes, (frame[i] as number) * 4, out, i * 4);
    },
    applyFloat32(frame, out) {
      const words = wordsOf(out, frame.length);
      if (words !== undefined) {
        for (let i = 0; i < frame.length; i++) {
          const value = frame[i] as number;
          words[i] = palette[Number.isNaN(value) ? badIndex : lutIndex(normalize(value))] as number;
        }
        return;
      }
      for (let i = 0; i < frame.length; i++) {
        const value = frame[i] as number;
        const index = Number.isNaN(value) ? badIndex : lutIndex(normalize(value));
        copyRgba(paletteBytes, index * 4, out, i * 4);
      }
    },
  };
}

/** Fallback for outputs not aligned to 4 bytes (a subarray at an odd offset). */
function copyRgba(source: Uint8Array, from: number, target: Uint8ClampedArray, to: number): void {
  target[to] = source[from] as number;
  target[to + 1] = source[from + 1] as number;
  target[to + 2] = source[from + 2] as number;
  target[to + 3] = source[from + 3] as number;
}

/** One-shot convenience: builds a colorizer and colours one frame. Reuse `createColorizer` for movies. */
export function colorizeU16(
  frame: Uint16Array,
  bounds: { readonly lower: number; readonly upper: number },
  norm: Norm | NormName,
  lut: ColormapName | ColormapTable,
  out: Uint8ClampedArray,
): void {
  createColorizer({ norm, lower: bounds.lower, upper: bounds.upper, colormap: lut }).apply(
    frame,
    out,
  );
}
