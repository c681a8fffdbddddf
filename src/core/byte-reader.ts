import { FormatError } from "./errors.js";

/**
 * A bounds-checked cursor over a byte buffer. Every read past the end becomes a FormatError
 * naming the file and the absolute byte offset, never a RangeError from DataView.
 */
export class ByteReader {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  /** Position within `bytes`. */
  position = 0;

  constructor(
    bytes: Uint8Array,
    readonly format: string,
    readonly file: string | undefined,
    /** Offset of `bytes[0]` in the file, so that errors report file offsets. */
    readonly baseOffset = 0,
    readonly littleEndian = false,
  ) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get remaining(): number {
    return this.bytes.byteLength - this.position;
  }

  /** Throws a FormatError at the current position (or `at`, a position within `bytes`). */
  fail(expected: string, found?: string, at = this.position): never {
    throw new FormatError(this.format, {
      file: this.file,
      offset: this.baseOffset + at,
      expected,
      found,
    });
  }

  /** Ensures `length` more bytes are available; `what` names them in the error. */
  need(length: number, what: string): void {
    if (!Number.isSafeInteger(length) || length < 0 || length > this.remaining) {
      this.fail(`${what} (${length} bytes)`, `only ${this.remaining} bytes left`);
    }
  }

  seek(position: number, what: string): void {
    if (!Number.isSafeInteger(position) || position < 0 || position > this.bytes.byteLength) {
      this.fail(`${what} inside the ${this.bytes.byteLength}-byte buffer`, `position ${position}`);
    }
    this.position = position;
  }

  skip(length: number, what: string): void {
    this.need(length, what);
    this.position += length;
  }

  /** A view (not a copy) of the next `length` bytes. */
  bytesView(length: number, what: string): Uint8Array {
    this.need(length, what);
    const out = this.bytes.subarray(this.position, this.position + length);
    this.position += length;
    return out;
  }

  u8(what = "an unsigned byte"): number {
    this.need(1, what);
    return this.view.getUint8(this.position++);
  }

  i16(what = "a 16-bit integer"): number {
    this.need(2, what);
    const v = this.view.getInt16(this.position, this.littleEndian);
    this.position += 2;
    return v;
  }

  u16(what = "an unsigned 16-bit integer"): number {
    this.need(2, what);
    const v = this.view.getUint16(this.position, this.littleEndian);
    this.position += 2;
    return v;
  }

  i32(what = "a 32-bit integer"): number {
    this.need(4, what);
    const v = this.view.getInt32(this.position, this.littleEndian);
    this.position += 4;
    return v;
  }

  u32(what = "an unsigned 32-bit integer"): number {
    this.need(4, what);
    const v = this.view.getUint32(this.position, this.littleEndian);
    this.position += 4;
    return v;
  }

  i64(what = "a 64-bit integer"): bigint {
    this.need(8, what);
    const v = this.view.getBigInt64(this.position, this.littleEndian);
    this.position += 8;
    return v;
  }

  u64(what = "an unsigned 64-bit integer"): bigint {
    this.need(8, what);
    const v = this.view.getBigUint64(this.position, this.littleEndian);
    this.position += 8;
    return v;
  }

  /** A 64-bit offset or count that must fit a JS number exactly. */
  safeI64(what: string): number {
    const at = this.position;
    const v = this.i64(what);
    if (v < 0n || v > BigInt(Number.MAX_SAFE_INTEGER)) this.fail(what, `${v}`, at);
    return Number(v);
  }

  f32(what = "a 32-bit float"): number {
    this.need(4, what);
    const v = this.view.getFloat32(this.position, this.littleEndian);
    this.position += 4;
    return v;
  }

  f64(what = "a 64-bit float"): number {
    this.need(8, what);
    const v = this.view.getFloat64(this.position, this.littleEndian);
    this.position += 8;
    return v;
  }

  /** `length` bytes as Latin-1 text, cut at the first NUL. */
  latin1(length: number, what: string): string {
    const raw = this.bytesView(length, what);
    const nul = raw.indexOf(0);
    return latin1Text(nul < 0 ? raw : raw.subarray(0, nul));
  }
}

/** Decodes bytes one-to-one as Latin-1 (no byte is ever rejected or merged). */
export function latin1Text(bytes: Uint8Array): string {
  return new TextDecoder("latin1").decode(bytes);
}
