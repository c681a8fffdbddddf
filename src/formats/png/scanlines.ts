import { FormatError } from "../../core/errors.js";
import { type PngHeader, SAMPLES_PER_PIXEL } from "./chunks.js";

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
const ADAM7: readonly (readonly [number, number, number, number])[] = [
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

/** PNG spec 9.4: the Paeth predictor. */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/**
 * Reverses the filters of one pass, reading `filtered` from `offset`, writing
 * `pass.height * pass.rowBytes` bytes to `out`. Returns the offset after the pass.
 */
export function unfilterPass(
  filtered: Uint8Array,
  offset: number,
  pass: Pass,
  bytesPerPixel: number,
  out: Uint8Array,
  file: string | undefined,
): number {
  const { rowBytes } = pass;
  let read = offset;
  for (let row = 0; row < pass.height; row++) {
    const filterType = filtered[read] as number;
    const line = filtered.subarray(read + 1, read + 1 + rowBytes);
    const start = row * rowBytes;
    const previous = row === 0 ? -1 : start - rowBytes;
    // PNG spec 9.2, table 9.1: filter types 0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth.
    for (let i = 0; i < rowBytes; i++) {
      const x = line[i] as number;
      const a = i >= bytesPerPixel ? (out[start + i - bytesPerPixel] as number) : 0;
      const b = previous >= 0 ? (out[previous + i] as number) : 0;
      let value: number;
      switch (filterType) {
        case 0:
          value = x;
          break;
        case 1:
          value = x + a;
          break;
        case 2:
          value = x + b;
          break;
        case 3:
          value = x + ((a + b) >>> 1);
          break;
        case 4: {
          const c =
            previous >= 0 && i >= bytesPerPixel ? (out[previous + i - bytesPerPixel] as number) : 0;
          value = x + paeth(a, b, c);
          break;
        }
        default:
          throw new FormatError("PNG", {
            file,
            offset: read,
            expected: "a scanline filter type 0 to 4 (offset in the decompressed image data)",
            found: `${filterType} at row ${row}`,
          });
      }
      out[start + i] = value & 0xff;
    }
    read += rowBytes + 1;
  }
  return read;
}

/**
 * Copies the samples of a reconstructed pass to their places in the full image `samples`
 * (row-major, `samplesPerPixel` per pixel), unpacking sub-byte depths MSB first (PNG spec 7.2)
 * and 16-bit samples from big-endian. Sample values are kept as stored (not rescaled).
 */
export function scatterPass(
  packed: Uint8Array,
  pass: Pass,
  header: PngHeader,
  samples: Uint8Array | Uint16Array,
): void {
  const perPixel = SAMPLES_PER_PIXEL[header.colorType] ?? 1;
  const depth = header.bitDepth;
  const perRow = pass.width * perPixel;
  const mask = (1 << depth) - 1;
  for (let row = 0; row < pass.height; row++) {
    const rowStart = row * pass.rowBytes;
    const y = pass.y0 + row * pass.dy;
    for (let k = 0; k < perRow; k++) {
      let value: number;
      if (depth === 16) {
        value =
          ((packed[rowStart + 2 * k] as number) << 8) | (packed[rowStart + 2 * k + 1] as number);
      } else if (depth === 8) {
        value = packed[rowStart + k] as number;
      } else {
        const bit = k * depth;
        const shift = 8 - depth - (bit & 7);
        value = ((packed[rowStart + (bit >>> 3)] as number) >>> shift) & mask;
      }
      const column = Math.floor(k / perPixel);
      const x = pass.x0 + column * pass.dx;
      samples[(y * header.width + x) * perPixel + (k - column * perPixel)] = value;
    }
  }
}
