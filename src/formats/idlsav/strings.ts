import { type ByteReader, latin1Text } from "../../core/byte-reader.js";

/** Skips the pad bytes that align the stream to the next 32-bit boundary (Markwardt node12). */
export function alignTo4(reader: ByteReader, what: string): void {
  const pad = (4 - (reader.position % 4)) % 4;
  if (pad > 0) reader.skip(pad, `padding after ${what}`);
}

function readChars(reader: ByteReader, length: number, what: string): string {
  const at = reader.position;
  if (length < 0) reader.fail(`a non-negative length for ${what}`, `${length}`, at - 4);
  if (length === 0) return "";
  const text = latin1Text(reader.bytesView(length, what));
  alignTo4(reader, what);
  return text;
}

/**
 * STRING as used in record headers and descriptors: LONG LENGTH, then the characters padded to
 * 32 bits; no characters when LENGTH is 0 (Markwardt node12, STRING).
 */
export function readRecordString(reader: ByteReader, what: string): string {
  const length = reader.i32(`the length of ${what}`);
  return readChars(reader, length, what);
}

/**
 * STRING_DATA as used in variable data: LONG LENGTH, and when it is non-zero the length again
 * and the characters padded to 32 bits (Markwardt node22, STRING_DATA; scipy.io.readsav).
 */
export function readStringData(reader: ByteReader, what: string): string {
  const at = reader.position;
  const length = reader.i32(`the length of ${what}`);
  if (length === 0) return "";
  const repeated = reader.i32(`the repeated length of ${what}`);
  if (repeated !== length) {
    reader.fail(`the length of ${what} stored twice alike`, `${length} and ${repeated}`, at);
  }
  return readChars(reader, repeated, what);
}
