import { FormatError } from "../../core/errors.js";
import { type RowBytes, unfilterSubWords, unfilterUpWords } from "./filter-words.js";

/**
 * Scanline filter reversal (PNG specification, Third Edition, section 9). Each filter type has
 * its own loop. Sub and Up work on 32-bit words (filter-words.ts). Average and Paeth run one
 * byte lane at a time (lane = byte position within a pixel, stepping by bytes-per-pixel), so
 * the left neighbour `a` and the upper-left `c` stay in registers instead of being re-read
 * from the output. Every index stays inside the row, so V8 keeps its fast typed-array path.
 */

/** PNG spec 9.2, table 9.1: filter type bytes. */
const FILTER_NONE = 0;
const FILTER_SUB = 1;
const FILTER_UP = 2;
const FILTER_AVERAGE = 3;
const FILTER_PAETH = 4;

/** Where the reconstructed rows of a pass are: `bytes` from `start`, `stride` bytes apart. */
export interface Rows {
  readonly bytes: Uint8Array;
  readonly start: number;
  readonly stride: number;
}

function copyRow(src: Uint8Array, from: number, out: Uint8Array, to: number, n: number): void {
  if (src !== out || from !== to) out.set(src.subarray(from, from + n), to);
}

/** Average (PNG spec 9.3): x + floor((a + b) / 2); `above` < 0 on a pass's first row (b = 0). */
function unfilterAverage(
  src: Uint8Array,
  from: number,
  out: Uint8Array,
  to: number,
  above: number,
  n: number,
  bpp: number,
): void {
  for (let lane = 0; lane < bpp && lane < n; lane++) {
    let a = 0;
    if (above < 0) {
      for (let i = lane; i < n; i += bpp) {
        a = ((src[from + i] as number) + (a >>> 1)) & 0xff;
        out[to + i] = a;
      }
    } else {
      for (let i = lane; i < n; i += bpp) {
        a = ((src[from + i] as number) + ((a + (out[above + i] as number)) >>> 1)) & 0xff;
        out[to + i] = a;
      }
    }
  }
}

/**
 * Paeth (PNG spec 9.4), without branches: pixel data makes the predictor's choice
 * unpredictable, and mispredicted branches cost more than the arithmetic (about 1.5x slower
 * with branches on the TREx RGB frame re-filtered with Paeth). With p = a + b - c,
 * p - a = b - c, p - b = a - c and p - c = (b - c) + (a - c); absolute values and the choice
 * (a if pa <= pb and pa <= pc, else b if pb <= pc, else c) use sign masks (x >> 31).
 * Only called with a row above: on a pass's first row b = c = 0, the predictor is a, and the
 * filter is Sub.
 */
function unfilterPaeth(
  src: Uint8Array,
  from: number,
  out: Uint8Array,
  to: number,
  above: number,
  n: number,
  bpp: number,
): void {
  for (let lane = 0; lane < bpp && lane < n; lane++) {
    let a = 0;
    let c = 0;
    for (let i = lane; i < n; i += bpp) {
      const b = out[above + i] as number;
      let pa = b - c;
      let pb = a - c;
      let pc = pa + pb;
      let sign = pa >> 31;
      pa = (pa ^ sign) - sign;
      sign = pb >> 31;
      pb = (pb ^ sign) - sign;
      sign = pc >> 31;
      pc = (pc ^ sign) - sign;
      // notA: all ones unless pa is the smallest; useC: all ones when pc < pb.
      const notA = ((pb - pa) | (pc - pa)) >> 31;
      const useC = (pc - pb) >> 31;
      const predictor = (a & ~notA) | (notA & ((b & ~useC) | (c & useC)));
      a = ((src[from + i] as number) + predictor) & 0xff;
      out[to + i] = a;
      c = b;
    }
  }
}

function bytesView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Reverses the filters of `rows` scanlines of `rowBytes` bytes each (without the filter byte),
 * reading them from `filtered` starting at the filter byte at `offset` and writing them to
 * `target` (which may be `filtered` itself: each row then stays where its data was, right after
 * its filter byte). Returns the offset after the last row.
 */
export function unfilterRows(
  filtered: Uint8Array,
  offset: number,
  rows: number,
  rowBytes: number,
  bytesPerPixel: number,
  target: Rows,
  file: string | undefined,
): number {
  const { bytes: out, start, stride } = target;
  const src: RowBytes = { bytes: filtered, view: bytesView(filtered) };
  const dst: RowBytes = out === filtered ? src : { bytes: out, view: bytesView(out) };
  let read = offset;
  for (let row = 0; row < rows; row++) {
    const filterType = filtered[read] as number;
    const from = read + 1;
    const to = start + row * stride;
    const above = row === 0 ? -1 : to - stride;
    switch (filterType) {
      case FILTER_NONE:
        copyRow(filtered, from, out, to, rowBytes);
        break;
      case FILTER_SUB:
        unfilterSubWords(src, from, dst, to, rowBytes, bytesPerPixel);
        break;
      case FILTER_UP:
        if (above < 0) copyRow(filtered, from, out, to, rowBytes);
        else unfilterUpWords(src, from, dst, to, above, rowBytes);
        break;
      case FILTER_AVERAGE:
        unfilterAverage(filtered, from, out, to, above, rowBytes, bytesPerPixel);
        break;
      case FILTER_PAETH:
        if (above < 0) unfilterSubWords(src, from, dst, to, rowBytes, bytesPerPixel);
        else unfilterPaeth(filtered, from, out, to, above, rowBytes, bytesPerPixel);
        break;
      default:
        throw new FormatError("PNG", {
          file,
          offset: read,
          expected: "a scanline filter type 0 to 4 (offset in the decompressed image data)",
          found: `${filterType} at row ${row}`,
        });
    }
    read = from + rowBytes;
  }
  return read;
}
