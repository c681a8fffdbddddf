import { ByteReader } from "../../core/byte-reader.js";
import type { ByteSource } from "../../core/byte-source.js";
import { FormatError } from "../../core/errors.js";
import { inflateBounded } from "../compression/inflate.js";
import {
  HEADER_BYTES_32,
  HEADER_BYTES_64,
  IDL_SAVE_FORMAT,
  PREAMBLE_BYTES,
  RECFMT_COMPRESSED,
  RECFMT_PLAIN,
  RecordType,
  SIGNATURE,
} from "./constants.js";

/** One record of the file, its body ready to parse. */
export interface IdlRecord {
  readonly type: number;
  /** File offset of the record header. */
  readonly offset: number;
  /** File offset of the bytes after the header. */
  readonly bodyOffset: number;
  /** The bytes between the header and the next record (inflated in a compressed file). */
  readonly body: Uint8Array;
  /** True when `body` was inflated, so positions in it are not file offsets. */
  readonly inflated: boolean;
}

export interface RecordWalkOptions {
  /** Largest inflated record body accepted from a compressed file. */
  readonly maxRecordBytes: number;
}

function fail(source: ByteSource, offset: number, expected: string, found?: string): never {
  throw new FormatError(IDL_SAVE_FORMAT, { file: source.name, offset, expected, found });
}

/** Reads the 4-byte preamble; returns true for a compressed (SAVE, /COMPRESS) file. */
export function readPreamble(source: ByteSource): boolean {
  if (source.byteLength < PREAMBLE_BYTES) {
    fail(source, 0, "the 4-byte IDL save preamble 'SR' + record format", "a shorter file");
  }
  const head = source.read(0, PREAMBLE_BYTES);
  if (head[0] !== SIGNATURE[0] || head[1] !== SIGNATURE[1]) {
    fail(source, 0, "the IDL save signature 'SR'", `bytes ${hex(head.subarray(0, 2))}`);
  }
  if (head[2] === RECFMT_PLAIN[0] && head[3] === RECFMT_PLAIN[1]) return false;
  if (head[2] === RECFMT_COMPRESSED[0] && head[3] === RECFMT_COMPRESSED[1]) return true;
  return fail(
    source,
    2,
    "record format 00 04 (plain) or 00 06 (compressed)",
    `bytes ${hex(head.subarray(2, 4))}`,
  );
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(" ");
}

/**
 * Walks the record chain from the first record to END_MARKER. Every next-record offset must
 * lie strictly after the current header and within the file, so the walk always terminates
 * (a backward or self-pointing offset, i.e. a cycle, is a FormatError).
 */
export function* walkRecords(
  source: ByteSource,
  compressed: boolean,
  options: RecordWalkOptions,
): Generator<IdlRecord> {
  let position = PREAMBLE_BYTES;
  let promote64 = false;
  for (;;) {
    const headerBytes = promote64 ? HEADER_BYTES_64 : HEADER_BYTES_32;
    if (position + headerBytes > source.byteLength) {
      fail(
        source,
        position,
        `a ${headerBytes}-byte record header (the file ends before its END_MARKER record)`,
        `${source.byteLength - position} bytes left`,
      );
    }
    const header = new ByteReader(
      source.read(position, headerBytes),
      IDL_SAVE_FORMAT,
      source.name,
      position,
    );
    const type = header.i32("the record type");
    let next: number;
    if (promote64) {
      next = Number(header.u64("the 64-bit next-record offset"));
    } else {
      const low = header.u32("the next-record offset (low 32 bits)");
      const high = header.u32("the next-record offset (high 32 bits)");
      next = high * 2 ** 32 + low;
    }
    if (type === RecordType.END_MARKER) return;
    const bodyStart = position + headerBytes;
    if (!Number.isSafeInteger(next) || next < bodyStart || next > source.byteLength) {
      fail(
        source,
        position + 4,
        `a next-record offset between ${bodyStart} and the file length ${source.byteLength} ` +
          `for the type-${type} record at byte ${position}`,
        `${next}${next <= position ? " (pointing backwards: a cycle)" : ""}`,
      );
    }
    const stored = source.read(bodyStart, next - bodyStart);
    const inflate = compressed && stored.byteLength > 0;
    const body = inflate
      ? inflateBounded(stored, "zlib", options.maxRecordBytes, {
          format: IDL_SAVE_FORMAT,
          file: source.name,
          offset: bodyStart,
          what: `the compressed body of the type-${type} record at byte ${position}`,
        })
      : stored;
    yield { type, offset: position, bodyOffset: bodyStart, body, inflated: inflate };
    if (type === RecordType.PROMOTE64) promote64 = true;
    position = next;
  }
}

/**
 * Runs `parse` over a record body with a bounds-checked reader. Errors inside an inflated
 * body are re-reported at the record's file offset, with the position inside the inflated
 * body in the message, since that position is not a file offset.
 */
export function parseRecord<T>(
  record: IdlRecord,
  fileName: string,
  parse: (reader: ByteReader) => T,
): T {
  const reader = new ByteReader(
    record.body,
    IDL_SAVE_FORMAT,
    fileName,
    record.inflated ? 0 : record.bodyOffset,
  );
  if (!record.inflated) return parse(reader);
  try {
    return parse(reader);
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    throw new FormatError(IDL_SAVE_FORMAT, {
      file: fileName,
      offset: record.offset,
      expected: `${error.expected} (at byte ${error.offset} of the inflated body of the type-${record.type} record)`,
      found: error.found,
      cause: error,
    });
  }
}
