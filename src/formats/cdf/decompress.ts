import { FormatError } from "../../core/errors.js";
import { type InflateContext, inflateBounded } from "../compression/inflate.js";
import { decodeAdaptiveHuffman } from "./codecs/adaptive-huffman.js";
import { decodeHuffman } from "./codecs/huffman.js";
import { decodeRle } from "./codecs/rle.js";
import { CdfCompression, RecordType } from "./constants.js";
import { type CdfLayout, readRecord } from "./record-io.js";

export type CdfCompressionName = "RLE" | "HUFF" | "AHUFF" | "GZIP";

/** A compression method and its parameter, as a CPR states it. */
export interface CdfCompressionInfo {
  readonly type: CdfCompressionName;
  readonly code: number;
  /** GZIP level 1-9 (cParms[0]); RLE's cParms[0] is the run character (0); 0 for HUFF/AHUFF. */
  readonly level: number;
}

const NAMES: ReadonlyMap<number, CdfCompressionName> = new Map([
  [CdfCompression.RLE, "RLE"],
  [CdfCompression.HUFF, "HUFF"],
  [CdfCompression.AHUFF, "AHUFF"],
  [CdfCompression.GZIP, "GZIP"],
]);

/** Compressed Parameters Record (CDF IFD 3.9, section 2.13). */
export function readCpr(layout: CdfLayout, offset: number): CdfCompressionInfo {
  const { reader } = readRecord(
    layout,
    offset,
    [RecordType.CPR],
    "a Compressed Parameters Record (CPR)",
  );
  const typeAt = reader.position;
  const code = reader.i32("the CPR's cType");
  const type =
    NAMES.get(code) ??
    reader.fail("a compression cType 1 (RLE), 2 (HUFF), 3 (AHUFF) or 5 (GZIP)", `${code}`, typeAt);
  reader.skip(4, "the CPR's rfuA");
  const countAt = reader.position;
  const count = reader.i32("the CPR's pCount");
  if (count < 0 || count * 4 > reader.remaining)
    reader.fail("a pCount that fits the CPR", `${count}`, countAt);
  const level = count > 0 ? reader.i32("the CPR's cParms") : 0;
  return { type, code, level };
}

/** gzip streams start with 0x1F 0x8B (RFC 1952, section 2.3.1); zlib ones do not. */
function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses one CVVR payload or a CCR's file image to exactly `expectedBytes`; any other
 * size (short stream, bomb) is a FormatError.
 */
export function decompressCdf(
  compression: CdfCompressionInfo,
  input: Uint8Array,
  expectedBytes: number,
  context: InflateContext,
): Uint8Array {
  let out: Uint8Array;
  switch (compression.type) {
    case "GZIP":
      // CDF writes gzip members; accept a zlib stream too, as some writers produced them.
      out = inflateBounded(input, isGzip(input) ? "gzip" : "zlib", expectedBytes, context, true);
      break;
    case "RLE":
      out = decodeRle(input, expectedBytes, context);
      break;
    case "HUFF":
      out = decodeHuffman(input, expectedBytes, context);
      break;
    case "AHUFF":
      out = decodeAdaptiveHuffman(input, expectedBytes, context);
      break;
  }
  if (out.byteLength !== expectedBytes) {
    throw new FormatError(context.format, {
      file: context.file,
      offset: context.offset,
      expected: `${context.what} to decompress to ${expectedBytes} bytes`,
      found: `${out.byteLength} bytes`,
    });
  }
  return out;
}
