import { type PngHeader, SAMPLES_PER_PIXEL } from "./chunks.js";
import type { Rows } from "./filters.js";

/**
 * Scanline reconstruction (PNG specification, Third Edition: 7.2 scanlines, 8.2 Adam7
 * interlacing, 9 filtering). Works on the decompressed IDAT stream, one pass at a time.
 */

/** One reduced image of the interlace scheme (the whole image when not interlaced). */
export interface Pass {
  readonly x0: number;
  readonly y0: number;
  readonly dx: number;
  readonly dy: number;
  readonly width: number;
  readonly height: number;
  /** Bytes of one reconstructed row, without its filter-type byte. */
  readonly rowBytes: number;
}

/** PNG spec 8.2, table: Adam7 pass origins and steps [x0, y0, dx, dy]. */
export const ADAM7: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

export function bitsPerPixel(header: PngHeader): number {
  return header.bitDepth * (SAMPLES_PER_PIXEL[header.colorType] ?? 1);
}

/** The passes of an image; passes with no rows or columns are left out (PNG spec 8.2). */
export function passLayout(header: PngHeader): Pass[] {
  const bits = bitsPerPixel(header);
  const layouts = header.interlaced ? ADAM7 : [[0, 0, 1, 1] as const];
  const passes: Pass[] = [];
  for (const [x0, y0, dx, dy] of layouts) {
    const width = Math.ceil(Math.max(0, header.width - x0) / dx);
    const height = Math.ceil(Math.max(0, header.height - y0) / dy);
    if (width === 0 || height === 0) continue;
    passes.push({ x0, y0, dx, dy, width, height, rowBytes: Math.ceil((width * bits) / 8) });
  }
  return passes;
}

/** Bytes of filtered data (row bytes plus one filter byte per row) over all passes. */
export function filteredByteCount(passes: readonly Pass[]): number {
  return passes.reduce((sum, pass) => sum + pass.height * (pass.rowBytes + 1), 0);
}

/**
 * Copies the samples of a reconstructed pass to their places in the full image `samples`
 * (row-major, `samplesPerPixel` per pixel), unpacking sub-byte depths MSB first (PNG spec 7.2)
 * and 16-bit samples from big-endian. Sample values are kept as stored (not rescaled).
 */
export function scatterPass(
  rows: Rows,
  pass: Pass,
  header: PngHeader,
  samples: Uint8Array | Uint16Array,
): void {
  const { bytes } = rows;
  const perPixel = SAMPLES_PER_PIXEL[header.colorType] ?? 1;
  const depth = header.bitDepth;
  const mask = (1 << depth) - 1;
  // Distance in `samples` between two pixels of the pass on one image row.
  const step = pass.dx * perPixel;
  for (let row = 0; row < pass.height; row++) {
    const y = pass.y0 + row * pass.dy;
    let read = rows.start + row * rows.stride;
    let write = (y * header.width + pass.x0) * perPixel;
    if (depth === 8) {
      for (let column = 0; column < pass.width; column++, write += step) {
        for (let channel = 0; channel < perPixel; channel++) {
          samples[write + channel] = bytes[read++] as number;
        }
      }
    } else if (depth === 16) {
      for (let column = 0; column < pass.width; column++, write += step) {
        for (let channel = 0; channel < perPixel; channel++, read += 2) {
          samples[write + channel] = ((bytes[read] as number) << 8) | (bytes[read + 1] as number);
        }
      }
    } else {
      // Sub-byte depths only occur with one sample per pixel (PNG spec 11.2.1, table 11).
      for (let column = 0; column < pass.width; column++, write += step) {
        const bit = column * depth;
        samples[write] = ((bytes[read + (bit >>> 3)] as number) >>> (8 - depth - (bit & 7))) & mask;
      }
    }
  }
}
