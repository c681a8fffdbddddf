import { deflateSync } from "node:zlib";
import { concatBytes } from "../../src/core/bytes.js";
import { PNG_SIGNATURE } from "../../src/formats/png/chunks.js";
import { crc32 } from "../../src/formats/png/crc32.js";

/**
 * Hand-built PNG pieces for tests of bad input: any chunk with a correct CRC (or a deliberately
 * wrong one), so that each validation step can be reached on its own.
 */

export function pngChunk(type: string, data: Uint8Array, crcOverride?: number): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crcOverride ?? crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export interface IhdrFields {
  width: number;
  height: number;
  bitDepth?: number;
  colorType?: number;
  interlace?: number;
  compression?: number;
  filter?: number;
}

export function ihdr(fields: IhdrFields): Uint8Array {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, fields.width);
  view.setUint32(4, fields.height);
  data[8] = fields.bitDepth ?? 8;
  data[9] = fields.colorType ?? 0;
  data[10] = fields.compression ?? 0;
  data[11] = fields.filter ?? 0;
  data[12] = fields.interlace ?? 0;
  return pngChunk("IHDR", data);
}

export function idat(filteredRows: Uint8Array): Uint8Array {
  return pngChunk("IDAT", deflateSync(filteredRows));
}

export const iend = (): Uint8Array => pngChunk("IEND", new Uint8Array(0));

/** Signature followed by the given chunks. */
export function buildPng(...chunks: Uint8Array[]): Uint8Array {
  return concatBytes([PNG_SIGNATURE, ...chunks]);
}

/** Deterministic pseudo-random samples (a 32-bit LCG, Numerical Recipes constants). */
export function lcgSamples(count: number, maxValue: number, seed = 1): number[] {
  let state = seed >>> 0;
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state % (maxValue + 1);
  }
  return out;
}
