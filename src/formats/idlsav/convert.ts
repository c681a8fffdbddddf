import { Buffer } from "node:buffer";

/** Typed arrays whose elements are 4 or 8 bytes wide. */
export type WideTypedArray =
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Copies `scalarCount` big-endian (XDR) values from `src` into `dest` starting at scalar index
 * `at`, in one block copy followed by one in-place byte swap (Buffer.swap32/swap64) on
 * little-endian hosts: no per-element work in JavaScript.
 */
export function copyBigEndian(
  src: Uint8Array,
  dest: WideTypedArray,
  at: number,
  scalarCount: number,
): void {
  const width = dest.BYTES_PER_ELEMENT;
  const byteLength = scalarCount * width;
  const target = new Uint8Array(dest.buffer, dest.byteOffset + at * width, byteLength);
  target.set(src.subarray(0, byteLength));
  if (!littleEndianHost) return;
  const view = Buffer.from(target.buffer, target.byteOffset, byteLength);
  if (width === 4) view.swap32();
  else view.swap64();
}

/**
 * Copies 16-bit values that IDL widened to 32-bit XDR words: the value is the low half, the
 * last two bytes of each word (Markwardt node22; scipy.io.readsav takes bytes [2:4]).
 */
export function copyWidened16(
  src: Uint8Array,
  dest: Int16Array | Uint16Array,
  at: number,
  count: number,
): void {
  for (let i = 0, byte = 2; i < count; i++, byte += 4) {
    // Int16Array stores the 16-bit pattern modulo 2^16, so the sign comes out right.
    dest[at + i] = ((src[byte] as number) << 8) | (src[byte + 1] as number);
  }
}
