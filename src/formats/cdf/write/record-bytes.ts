/**
 * The two on-disk generations the writer produces and a big-endian field cursor for building
 * internal records in either. Every field of an internal record is big-endian whatever the data
 * encoding (CDF Internal Format Description 3.9 and 2.7, chapter 2). V3 files use 8-byte offsets
 * and record sizes and 256-byte names; V2.6/2.7 files use 4-byte ones and 64-byte names.
 */
import { InvalidArgumentError } from "../../../core/errors.js";

export interface CdfFormat {
  /** true: CDF 3 layout; false: CDF 2.7 layout (IFD 2.7). */
  readonly v3: boolean;
}

export const FORMAT_V3: CdfFormat = { v3: true };
export const FORMAT_V2: CdfFormat = { v3: false };

/** Bytes of an offset or record-size field: 8 in V3, 4 in V2 (IFD 3.9 / 2.7, chapter 2). */
export function offsetBytes(format: CdfFormat): number {
  return format.v3 ? 8 : 4;
}

/** Bytes of the ADR and VDR Name fields: 256 in V3, 64 in V2 (IFD 3.9 / 2.7, ADR and VDR). */
export function nameFieldBytes(format: CdfFormat): number {
  return format.v3 ? 256 : 64;
}

/**
 * Bytes of the CDR Copyright field in the formats written here: 256 from CDF 2.5 on (IFD 3.9 and
 * 2.7, CDR; only files before 2.5 have 1945, as jcdf's CdfDescriptorRecord also assumes).
 */
export const COPYRIGHT_FIELD_BYTES = 256;

/** Record size + record type: the header every internal record starts with. */
export function recordHeaderBytes(format: CdfFormat): number {
  return offsetBytes(format) + 4;
}

/** Big-endian field cursor over a fresh record buffer. */
export class RecordBytes {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  private at = 0;

  /** `declaredBytes` is the record size when only the header is built here (VVR, CVVR, CCR). */
  constructor(
    private readonly format: CdfFormat,
    size: number,
    private readonly declaredBytes = size,
  ) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }

  i32(value: number): this {
    this.view.setInt32(this.at, value, false);
    this.at += 4;
    return this;
  }

  /** An offset or size field: 8 bytes in V3, 4 in V2 (signed: V2 files end below 2 GiB). */
  offset(value: number): this {
    if (!this.format.v3) {
      if (value > 0x7fffffff) {
        throw new InvalidArgumentError(
          "version",
          "a CDF 2 file cannot reach 2 GiB; write version 3",
        );
      }
      return this.i32(value);
    }
    this.view.setBigInt64(this.at, BigInt(value), false);
    this.at += 8;
    return this;
  }

  /** Writes `text` as Latin-1, NUL-padded to `fieldBytes`. */
  text(text: string, fieldBytes: number): this {
    for (let i = 0; i < text.length && i < fieldBytes; i++) {
      this.bytes[this.at + i] = text.charCodeAt(i) & 0xff;
    }
    this.at += fieldBytes;
    return this;
  }

  raw(bytes: Uint8Array): this {
    this.bytes.set(bytes, this.at);
    this.at += bytes.length;
    return this;
  }

  header(type: number): this {
    return this.offset(this.declaredBytes).i32(type);
  }
}
