import type { ByteSource } from "../core/byte-source.js";
import type { FileFormat } from "./description.js";

/** How the bytes of a file are wrapped before the format itself begins. */
export type Wrapper = "none" | "gzip" | "bzip2";

export interface Detection {
  readonly format: FileFormat;
  readonly wrapper: Wrapper;
}

// Magic numbers, each from its format's specification:
// CDF Internal Format Description 3.9, section 2.2 (v3, v2.6+ and pre-2.6 first words).
const CDF_FIRST_WORDS = [0xcdf30001, 0xcdf26002, 0x0000ffff];
// HDF5 File Format Specification 3.0, section II.A: superblock signature (at 0, 512, 1024, ...).
const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
// PNG (ISO/IEC 15948), section 5.2: PNG signature.
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// RFC 1952 section 2.3.1: gzip ID1 ID2; bzip2 streams start with "BZh" + block-size digit.
const GZIP_MAGIC = [0x1f, 0x8b];
const BZIP2_MAGIC = [0x42, 0x5a, 0x68];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.byteLength < at + magic.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

/**
 * Recognises a file by its leading bytes, not its name. gzip- and bzip2-wrapped files are
 * reported as PGM: that is the only wrapped format UCalgary distributes, and the PGM reader
 * checks the inner `P5` magic itself.
 */
export function detectFormat(source: ByteSource): Detection | undefined {
  const head = source.read(0, Math.min(8, source.byteLength));
  if (startsWith(head, GZIP_MAGIC)) return { format: "pgm", wrapper: "gzip" };
  if (startsWith(head, BZIP2_MAGIC)) return { format: "pgm", wrapper: "bzip2" };
  if (startsWith(head, PNG_SIGNATURE)) return { format: "png", wrapper: "none" };
  if (head.byteLength >= 2 && head[0] === 0x50 && head[1] === 0x35) {
    return { format: "pgm", wrapper: "none" };
  }
  // IDL save files open with "SR", then a record-format byte pair (0x00 0x04; 0x00 0x06 compressed).
  if (head.byteLength >= 4 && head[0] === 0x53 && head[1] === 0x52 && head[2] === 0x00) {
    return { format: "idl-save", wrapper: "none" };
  }
  if (head.byteLength >= 4) {
    const firstWord = new DataView(head.buffer, head.byteOffset, 4).getUint32(0, false);
    if (CDF_FIRST_WORDS.includes(firstWord)) return { format: "cdf", wrapper: "none" };
  }
  // A user block may precede the HDF5 superblock; it sits at 0, 512, 1024, 2048, ...
  for (let at = 0; at + HDF5_SIGNATURE.length <= source.byteLength; at = at === 0 ? 512 : at * 2) {
    if (startsWith(source.read(at, HDF5_SIGNATURE.length), HDF5_SIGNATURE)) {
      return { format: "hdf5", wrapper: "none" };
    }
  }
  return undefined;
}
