/**
 * The Sub and Up filters (PNG specification, Third Edition, 9.3) reversed four bytes at a time.
 * Both are byte-wise additions modulo 256, so a 32-bit word of bytes is added to another with
 * the carries kept out of neighbouring bytes (SIMD within a register). Words are read and
 * written through DataViews in little-endian order (byte k of a row = bits 8k..8k+7), which
 * holds on any host; unaligned offsets are fine for DataView. A row's last n % 4 bytes are done
 * one at a time.
 */

/** A row's bytes and the same bytes as 32-bit words. */
export interface RowBytes {
  readonly bytes: Uint8Array;
  readonly view: DataView;
}

const LOW_SEVEN_BITS = 0x7f7f7f7f;
const HIGH_BIT = 0x80808080;

/** Byte-wise x + y modulo 256 in each of the four bytes. */
function addBytes(x: number, y: number): number {
  return (((x & LOW_SEVEN_BITS) + (y & LOW_SEVEN_BITS)) | 0) ^ ((x ^ y) & HIGH_BIT);
}

/** Bytes [i, n) of Sub once the words are done; their left neighbours are already written. */
function subTail(
  src: Uint8Array,
  from: number,
  out: Uint8Array,
  to: number,
  i: number,
  n: number,
  bpp: number,
): void {
  for (let k = i; k < n; k++) {
    out[to + k] = (src[from + k] as number) + (k >= bpp ? (out[to + k - bpp] as number) : 0);
  }
}

/** Sub, 1 byte per pixel: a running sum of bytes; within a word, a prefix sum by shifts. */
function subWords1(src: RowBytes, from: number, out: RowBytes, to: number, n: number): void {
  let a = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    let sum = src.view.getInt32(from + i, true);
    sum = addBytes(sum, sum << 8);
    sum = addBytes(sum, sum << 16);
    // The last reconstructed byte, added to all four.
    sum = addBytes(sum, Math.imul(a, 0x01010101));
    out.view.setInt32(to + i, sum, true);
    a = sum >>> 24;
  }
  subTail(src.bytes, from, out.bytes, to, i, n, 1);
}

/** Sub, 2 bytes per pixel: a word holds two pixels; the second adds the first. */
function subWords2(src: RowBytes, from: number, out: RowBytes, to: number, n: number): void {
  let a = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    let sum = src.view.getInt32(from + i, true);
    sum = addBytes(sum, sum << 16);
    sum = addBytes(sum, a | (a << 16));
    out.view.setInt32(to + i, sum, true);
    a = sum >>> 16;
  }
  subTail(src.bytes, from, out.bytes, to, i, n, 2);
}

/** Sub, 3 bytes per pixel (8-bit RGB): three words hold four pixels, summed byte by byte. */
function subWords3(src: RowBytes, from: number, out: RowBytes, to: number, n: number): void {
  let r = 0;
  let g = 0;
  let b = 0;
  let i = 0;
  for (; i + 12 <= n; i += 12) {
    // Bytes of the three words: r0 g0 b0 r1 | g1 b1 r2 g2 | b2 r3 g3 b3.
    const w0 = src.view.getInt32(from + i, true);
    const w1 = src.view.getInt32(from + i + 4, true);
    const w2 = src.view.getInt32(from + i + 8, true);
    const r0 = (r + w0) & 0xff;
    const g0 = (g + (w0 >>> 8)) & 0xff;
    const b0 = (b + (w0 >>> 16)) & 0xff;
    const r1 = (r0 + (w0 >>> 24)) & 0xff;
    const g1 = (g0 + w1) & 0xff;
    const b1 = (b0 + (w1 >>> 8)) & 0xff;
    const r2 = (r1 + (w1 >>> 16)) & 0xff;
    const g2 = (g1 + (w1 >>> 24)) & 0xff;
    const b2 = (b1 + w2) & 0xff;
    r = (r2 + (w2 >>> 8)) & 0xff;
    g = (g2 + (w2 >>> 16)) & 0xff;
    b = (b2 + (w2 >>> 24)) & 0xff;
    out.view.setInt32(to + i, r0 | (g0 << 8) | (b0 << 16) | (r1 << 24), true);
    out.view.setInt32(to + i + 4, g1 | (b1 << 8) | (r2 << 16) | (g2 << 24), true);
    out.view.setInt32(to + i + 8, b2 | (r << 8) | (g << 16) | (b << 24), true);
  }
  subTail(src.bytes, from, out.bytes, to, i, n, 3);
}

/**
 * Sub, 4 or more bytes per pixel: the four bytes left of a word are a whole word already
 * reconstructed (for exactly 4, the previous word, kept in a register).
 */
function subWordsWide(
  src: RowBytes,
  from: number,
  out: RowBytes,
  to: number,
  n: number,
  bpp: number,
): void {
  let i = 0;
  if (bpp === 4) {
    let a = 0;
    for (; i + 4 <= n; i += 4) {
      a = addBytes(src.view.getInt32(from + i, true), a);
      out.view.setInt32(to + i, a, true);
    }
  } else {
    // The first pixel has no left neighbour: it is copied.
    for (; i < bpp && i < n; i++) out.bytes[to + i] = src.bytes[from + i] as number;
    for (; i + 4 <= n; i += 4) {
      const left = out.view.getInt32(to + i - bpp, true);
      out.view.setInt32(to + i, addBytes(src.view.getInt32(from + i, true), left), true);
    }
  }
  subTail(src.bytes, from, out.bytes, to, i, n, bpp);
}

/** Sub (PNG spec 9.3): x + a, where a is the byte `bpp` to the left (0 before the row). */
export function unfilterSubWords(
  src: RowBytes,
  from: number,
  out: RowBytes,
  to: number,
  n: number,
  bpp: number,
): void {
  if (bpp === 1) subWords1(src, from, out, to, n);
  else if (bpp === 2) subWords2(src, from, out, to, n);
  else if (bpp === 3) subWords3(src, from, out, to, n);
  else subWordsWide(src, from, out, to, n, bpp);
}

/** Up (PNG spec 9.3): x + b, with the previous reconstructed row at `above`. */
export function unfilterUpWords(
  src: RowBytes,
  from: number,
  out: RowBytes,
  to: number,
  above: number,
  n: number,
): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const sum = addBytes(src.view.getInt32(from + i, true), out.view.getInt32(above + i, true));
    out.view.setInt32(to + i, sum, true);
  }
  for (; i < n; i++) {
    out.bytes[to + i] = (src.bytes[from + i] as number) + (out.bytes[above + i] as number);
  }
}
