/**
 * The compression methods the writer offers, for variable blocks (CVVRs) and for the whole
 * file (CCR): each resolved to its CPR cType, its one CPR parameter and the function that
 * compresses a buffer (CDF Internal Format Description 3.9, CPR; CDF User's Guide 3.9,
 * "Compression").
 */
import { gzipSync } from "node:zlib";
import { InvalidArgumentError } from "../../../core/errors.js";
import { encodeAdaptiveHuffman } from "../codecs/adaptive-huffman-encoder.js";
import { encodeHuffman } from "../codecs/huffman-encoder.js";
import { encodeRle } from "../codecs/rle.js";
import { CdfCompression } from "../constants.js";

export type CdfCompressionType = "rle" | "huff" | "ahuff" | "gzip";

/** "none", or a method; `level` applies to GZIP only (1..9, default 6). */
export type CdfCompressionSpec = "none" | { type: CdfCompressionType; level?: number };

export interface ResolvedCompression {
  readonly type: CdfCompressionType;
  /** CPR cType (IFD 3.9, CPR). */
  readonly code: number;
  /** CPR cParms[0]. */
  readonly parameter: number;
  readonly compress: (bytes: Uint8Array) => Uint8Array;
}

/** Default GZIP level: the one the THEMIS ASI files use (their CPR parameter is 6). */
const DEFAULT_GZIP_LEVEL = 6;
/** RLE cParms[0] = 0: runs of zero bytes, the only RLE style defined (IFD 3.9, CPR). */
const RLE_OF_ZEROS = 0;
/** HUFF/AHUFF cParms[0] = 0: optimal encoding trees, the only style defined (IFD 3.9, CPR). */
const OPTIMAL_ENCODING_TREES = 0;

function gzipLevel(level: number | undefined, argument: string): number {
  const value = level ?? DEFAULT_GZIP_LEVEL;
  // GZIP levels 1..9 (CDF User's Guide 3.9, "Compression").
  if (!Number.isInteger(value) || value < 1 || value > 9) {
    throw new InvalidArgumentError(`${argument}.level`, `${value} is not an integer in 1..9`);
  }
  return value;
}

/** Checks a spec; undefined for "none". */
export function resolveCompression(
  spec: CdfCompressionSpec,
  argument: string,
): ResolvedCompression | undefined {
  if (spec === "none") return undefined;
  const type = typeof spec === "object" && spec !== null ? spec.type : undefined;
  if (type !== undefined && type !== "gzip" && spec.level !== undefined) {
    throw new InvalidArgumentError(`${argument}.level`, `only GZIP takes a level, not ${type}`);
  }
  switch (type) {
    case "gzip": {
      const level = gzipLevel(spec.level, argument);
      return {
        type,
        code: CdfCompression.GZIP,
        parameter: level,
        compress: (bytes) => gzipSync(bytes, { level }),
      };
    }
    case "rle":
      return { type, code: CdfCompression.RLE, parameter: RLE_OF_ZEROS, compress: encodeRle };
    case "huff":
      return {
        type,
        code: CdfCompression.HUFF,
        parameter: OPTIMAL_ENCODING_TREES,
        compress: encodeHuffman,
      };
    case "ahuff":
      return {
        type,
        code: CdfCompression.AHUFF,
        parameter: OPTIMAL_ENCODING_TREES,
        compress: encodeAdaptiveHuffman,
      };
    default:
      throw new InvalidArgumentError(
        argument,
        'must be "none" or {type: "rle" | "huff" | "ahuff" | "gzip", level?}',
      );
  }
}
