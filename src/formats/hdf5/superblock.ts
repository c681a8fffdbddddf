import type { ByteSource } from "../../core/byte-source.js";
import { FormatError } from "../../core/errors.js";

/**
 * Our own check of the HDF5 superblock, run before the bytes reach h5wasm. HDF5 rejects a
 * truncated file too, but every error thrown out of h5wasm leaks a file descriptor (its error
 * handler's tmpfile and the half-open file), so the common corruption — a partial download —
 * is caught here instead, with a message that names the byte offset.
 */

/** HDF5 File Format Specification v3, section II.A: the 8-byte format signature. */
const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** Spec II.A: the signature sits at byte 0, 512, 1024, 2048, ... (after an optional user block). */
const FIRST_USER_BLOCK_OFFSET = 512;

/** Spec II.A: sizes of offsets and of lengths are 2, 4 or 8 bytes. */
const VALID_FIELD_SIZES = new Set([2, 4, 8]);

export interface SuperblockFacts {
  /** Absolute byte offset of the signature. */
  readonly offsetBytes: number;
  readonly version: number;
  /** End-of-file address stored in the superblock (bytes the file must hold). */
  readonly endOfFileBytes: number;
}

function hasSignatureAt(source: ByteSource, offset: number): boolean {
  if (offset + HDF5_SIGNATURE.length > source.byteLength) return false;
  const bytes = source.read(offset, HDF5_SIGNATURE.length);
  return HDF5_SIGNATURE.every((value, index) => bytes[index] === value);
}

/** Little-endian unsigned integer of 2, 4 or 8 bytes (spec: all HDF5 fields are little-endian). */
function readAddress(bytes: Uint8Array, at: number, size: number): number {
  let value = 0;
  for (let index = size - 1; index >= 0; index--) value = value * 256 + (bytes[at + index] ?? 0);
  return value;
}

/** Finds and checks the superblock; throws FormatError naming the file and what was expected. */
export function checkSuperblock(source: ByteSource): SuperblockFacts {
  const fail = (offset: number, expected: string, found: string): FormatError =>
    new FormatError("HDF5", { file: source.name, offset, expected, found });
  let at = 0;
  while (!hasSignatureAt(source, at)) {
    at = at === 0 ? FIRST_USER_BLOCK_OFFSET : at * 2;
    if (at + HDF5_SIGNATURE.length > source.byteLength) {
      throw fail(
        0,
        "the HDF5 signature \\x89HDF\\r\\n\\x1a\\n at byte 0, 512, 1024, 2048, ...",
        source.byteLength < HDF5_SIGNATURE.length
          ? `only ${source.byteLength} bytes`
          : "no signature (not an HDF5 file)",
      );
    }
  }
  // The longest fixed part we read: version 0/1 = 24/28 bytes + 4 addresses of up to 8 bytes.
  const headerBytes = Math.min(64, source.byteLength - at);
  const header = source.read(at, headerBytes);
  const version = header[8] ?? -1;
  let offsetSize: number;
  let eofField: number;
  if (version === 0 || version === 1) {
    // Spec II.A, superblock version 0/1: size of offsets at byte 13, base address at 24 (v0)
    // or 28 (v1, after the indexed-storage K and 2 reserved bytes); EOF is the third address.
    offsetSize = header[13] ?? 0;
    eofField = (version === 0 ? 24 : 28) + 2 * offsetSize;
  } else if (version === 2 || version === 3) {
    // Spec II.A, superblock version 2/3: size of offsets at byte 9, base address at 12;
    // EOF is the third address (after the superblock-extension address).
    offsetSize = header[9] ?? 0;
    eofField = 12 + 2 * offsetSize;
  } else {
    throw fail(at + 8, "superblock version 0, 1, 2 or 3", `version ${version}`);
  }
  if (!VALID_FIELD_SIZES.has(offsetSize)) {
    throw fail(at, "a size of offsets of 2, 4 or 8 bytes", `${offsetSize}`);
  }
  if (eofField + offsetSize > headerBytes) {
    throw fail(
      at + eofField,
      `a complete superblock`,
      `the file ends at byte ${source.byteLength}`,
    );
  }
  const endOfFileBytes = readAddress(header, eofField, offsetSize);
  // HDF5's own test (H5Fsuper.c): the file is truncated when it is shorter than the stored EOF.
  if (endOfFileBytes > source.byteLength) {
    throw fail(
      source.byteLength,
      `${endOfFileBytes} bytes (the end-of-file address in the superblock)`,
      `only ${source.byteLength} bytes: the file is truncated`,
    );
  }
  return { offsetBytes: at, version, endOfFileBytes };
}
