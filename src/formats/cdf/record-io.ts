import { ByteReader } from "../../core/byte-reader.js";
import type { ByteSource } from "../../core/byte-source.js";
import { FormatError } from "../../core/errors.js";

export const CDF_FORMAT = "CDF";

/**
 * How the internal records of one CDF are laid out. Version 3 files use 8-byte record sizes
 * and file offsets, version 2 files 4-byte ones (CDF IFD 3.9, section 2 and appendix on V2).
 * Internal record fields are always big-endian, whatever the data encoding.
 */
export interface CdfLayout {
  readonly source: ByteSource;
  readonly v3: boolean;
  /** Version 2 files older than 2.5 carry 128 extra reserved bytes in their VDRs. */
  readonly pre25: boolean;
}

export function offsetBytes(layout: CdfLayout): 4 | 8 {
  return layout.v3 ? 8 : 4;
}

/** Bytes of the RecordSize + RecordType header. */
export function recordHeaderBytes(layout: CdfLayout): number {
  return layout.v3 ? 12 : 8;
}

export function formatError(
  layout: CdfLayout,
  offset: number | undefined,
  expected: string,
  found?: string,
): FormatError {
  return new FormatError(CDF_FORMAT, { file: layout.source.name, offset, expected, found });
}

/** Reads a signed file offset or size field (8 bytes in V3, 4 in V2); -1 and 0 mean "none". */
export function readOffsetField(reader: ByteReader, layout: CdfLayout, what: string): number {
  const at = reader.position;
  if (!layout.v3) return reader.i32(what);
  const value = reader.i64(what);
  if (value < -1n || value > BigInt(Number.MAX_SAFE_INTEGER)) reader.fail(what, `${value}`, at);
  return Number(value);
}

export interface RecordHeader {
  readonly offset: number;
  readonly size: number;
  readonly type: number;
}

/** Reads and checks the RecordSize/RecordType header of the internal record at `offset`. */
export function readRecordHeader(
  layout: CdfLayout,
  offset: number,
  types: readonly number[],
  what: string,
): RecordHeader {
  const headerBytes = recordHeaderBytes(layout);
  const fileBytes = layout.source.byteLength;
  if (!Number.isSafeInteger(offset) || offset < 8 || offset + headerBytes > fileBytes) {
    throw formatError(
      layout,
      offset,
      `${what} inside the ${fileBytes}-byte file`,
      `offset ${offset}`,
    );
  }
  const reader = new ByteReader(
    layout.source.read(offset, headerBytes),
    CDF_FORMAT,
    layout.source.name,
    offset,
  );
  const size = readOffsetField(reader, layout, `the RecordSize of ${what}`);
  const type = reader.i32(`the RecordType of ${what}`);
  if (!types.includes(type)) {
    throw formatError(
      layout,
      offset + headerBytes - 4,
      `${what} (record type ${types.join(" or ")})`,
      `record type ${type}`,
    );
  }
  if (size < headerBytes || offset + size > fileBytes) {
    throw formatError(
      layout,
      offset,
      `a RecordSize for ${what} that fits the file`,
      `${size} bytes at ${offset} in a ${fileBytes}-byte file`,
    );
  }
  return { offset, size, type };
}

/**
 * Reads a whole descriptor record (CDR, GDR, VDR, ADR, AEDR, VXR, CPR, CCR header) and returns a
 * bounds-checked reader positioned just after its header. Data records (VVR, CVVR) are not read
 * this way: their payload is fetched only when a record range needs it.
 */
export function readRecord(
  layout: CdfLayout,
  offset: number,
  types: readonly number[],
  what: string,
): { reader: ByteReader; header: RecordHeader } {
  const header = readRecordHeader(layout, offset, types, what);
  const reader = new ByteReader(
    layout.source.read(offset, header.size),
    CDF_FORMAT,
    layout.source.name,
    offset,
  );
  reader.seek(recordHeaderBytes(layout), what);
  return { reader, header };
}

/** A name field of `length` bytes, NUL-padded (CDF IFD 3.9: 256 bytes in V3, 64 in V2). */
export function nameFieldBytes(layout: CdfLayout): number {
  return layout.v3 ? 256 : 64;
}
