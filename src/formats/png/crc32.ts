import * as zlib from "node:zlib";

/**
 * CRC-32 as PNG uses it for every chunk (PNG specification, 5.3 "Chunk layout" and Annex D:
 * the ISO 3309 / ITU-T V.42 polynomial, reflected, initial value and final XOR 0xffffffff).
 */

/** Reflected form of the polynomial x^32 + x^26 + ... + 1 (PNG Annex D). */
const CRC_POLYNOMIAL = 0xedb88320;

function makeTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? CRC_POLYNOMIAL ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** Immutable after construction; computing it per call would cost 2048 steps each time. */
const CRC_TABLE = makeTable();

/** CRC-32 by table lookup, one byte per step (exported to test it against the native one). */
export function tableCrc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let index = 0; index < bytes.length; index++) {
    c = (CRC_TABLE[(c ^ (bytes[index] as number)) & 0xff] as number) ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Node's zlib.crc32 (Node >= 20.15 and 22.2; the same CRC-32, computed natively) is
 * about ten times faster than the table (0.06 vs 0.55 ms on the TREx frame); older runtimes
 * the package supports (engines: node >= 20) lack it.
 */
const nativeCrc32: ((data: Uint8Array) => number) | undefined = zlib.crc32;

/** CRC-32 of `bytes` (a chunk's type and data, for PNG). */
export function crc32(bytes: Uint8Array): number {
  return nativeCrc32 === undefined ? tableCrc32(bytes) : nativeCrc32(bytes);
}
