/**
 * Whole-file compression: the finished, uncompressed CDF minus its 8 magic bytes is compressed
 * into one CCR at offset 8, followed by the CPR naming the method; the second magic number
 * becomes 0xCCCC0001 (CDF IFD 3.9, "Magic Numbers", CCR and CPR). Offsets inside the image keep
 * referring to the uncompressed file, which is what readers rebuild.
 */
import { CDF_MAGIC_V3, CDF_MAGIC_V26, CDF_MAGIC2_COMPRESSED } from "../constants.js";
import type { ResolvedCompression } from "./compression.js";
import { ccrHeader, ccrHeaderBytes, cprRecord } from "./internal-records.js";
import type { CdfFormat } from "./record-bytes.js";

/** The two 4-byte magic numbers start every CDF (IFD 3.9, "Magic Numbers"). */
const MAGIC_BYTES = 8;

/** The compressed file's bytes, in order: magic numbers and CCR header, data, CPR. */
export function compressWholeFile(
  format: CdfFormat,
  uncompressed: Uint8Array,
  compression: ResolvedCompression,
): Uint8Array[] {
  const image = uncompressed.subarray(MAGIC_BYTES);
  const data = compression.compress(image);
  const head = new Uint8Array(MAGIC_BYTES + ccrHeaderBytes(format));
  const view = new DataView(head.buffer);
  // Magic numbers are big-endian (IFD 3.9, "Magic Numbers").
  view.setUint32(0, format.v3 ? CDF_MAGIC_V3 : CDF_MAGIC_V26, false);
  view.setUint32(4, CDF_MAGIC2_COMPRESSED, false);
  const cprOffset = head.length + data.length;
  head.set(ccrHeader(format, data.length, cprOffset, image.length), MAGIC_BYTES);
  return [head, data, cprRecord(format, compression.code, compression.parameter)];
}
