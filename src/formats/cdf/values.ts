import { latin1Text } from "../../core/byte-reader.js";
import { allocate, type NumericDType, type NumericTypedArray } from "../../core/dtype.js";
import type { CdfDataTypeInfo } from "./data-types.js";
import { HOST_LITTLE_ENDIAN } from "./encoding.js";

/** The bytes of a typed array (a view, not a copy). */
export function byteView(data: ArrayBufferView): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Reverses the byte order of every `unitBytes`-byte unit of `bytes` in place, with Node's native
 * Buffer swaps (far faster than a JavaScript loop on frames of megabytes).
 */
export function swapInPlace(bytes: Uint8Array, unitBytes: 1 | 2 | 4 | 8): void {
  if (unitBytes === 1 || bytes.byteLength === 0) return;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (unitBytes === 2) buffer.swap16();
  else if (unitBytes === 4) buffer.swap32();
  else buffer.swap64();
}

/** True when values stored in this byte order must be swapped to be read on this host. */
export function needsSwap(fileLittleEndian: boolean): boolean {
  return fileLittleEndian !== HOST_LITTLE_ENDIAN;
}

/** Copies `count` stored elements into a new typed array of the type's dtype, in host order. */
export function decodeNumeric(
  bytes: Uint8Array,
  type: CdfDataTypeInfo,
  dtype: NumericDType,
  count: number,
  fileLittleEndian: boolean,
): NumericTypedArray {
  const out = allocate(dtype, count);
  const outBytes = byteView(out);
  outBytes.set(bytes.subarray(0, outBytes.byteLength));
  if (needsSwap(fileLittleEndian)) swapInPlace(outBytes, type.swapUnitBytes);
  return out;
}

/** One CDF_CHAR value: trailing NULs removed, as numpy's fixed-width bytes type does. */
export function decodeCharValue(bytes: Uint8Array): string {
  let end = bytes.byteLength;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return latin1Text(bytes.subarray(0, end));
}
