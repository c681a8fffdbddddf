import type { ByteReader } from "../../core/byte-reader.js";
import { inflateBounded } from "../compression/inflate.js";

/** Text from one tEXt, zTXt or iTXt chunk (PNG specification 11.3.3). */
export interface PngTextChunk {
  readonly keyword: string;
  readonly text: string;
}

/** A decompressed text chunk larger than this is refused (no real metadata comes near). */
export const PNG_MAX_TEXT_BYTES = 16 * 1024 * 1024;

/** PNG spec 11.3.3.2: keywords are 1 to 79 Latin-1 characters. */
const MAX_KEYWORD_LENGTH = 79;

const utf8 = new TextDecoder("utf-8", { fatal: true });

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

/** Bytes up to (not including) the next NUL; the reader moves past the NUL. */
function untilNul(reader: ByteReader, what: string): Uint8Array {
  const rest = reader.bytes.subarray(reader.position);
  const end = rest.indexOf(0);
  if (end < 0) reader.fail(`a NUL after the ${what}`, "none");
  const out = reader.bytesView(end, what);
  reader.skip(1, "the NUL separator");
  return out;
}

function readKeyword(reader: ByteReader): string {
  const at = reader.position;
  const keyword = untilNul(reader, "keyword");
  if (keyword.length === 0 || keyword.length > MAX_KEYWORD_LENGTH) {
    reader.fail("a keyword of 1 to 79 characters", `${keyword.length} characters`, at);
  }
  return latin1(keyword);
}

function inflateText(reader: ByteReader, what: string): Uint8Array {
  const offset = reader.baseOffset + reader.position;
  const compressed = reader.bytesView(reader.remaining, what);
  return inflateBounded(compressed, "zlib", PNG_MAX_TEXT_BYTES, {
    format: "PNG",
    file: reader.file,
    offset,
    what,
  });
}

function compressionMethod(reader: ByteReader): void {
  const at = reader.position;
  const method = reader.u8("the compression method");
  // PNG spec 11.3.3.3 / 11.3.3.4: method 0 (zlib deflate) is the only one.
  if (method !== 0) reader.fail("compression method 0", `${method}`, at);
}

function utf8Text(reader: ByteReader, bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch (cause) {
    reader.fail("UTF-8 text in the iTXt chunk", String(cause));
  }
}

/** Decodes a text chunk whose data `reader` covers. */
export function decodeTextChunk(type: "tEXt" | "zTXt" | "iTXt", reader: ByteReader): PngTextChunk {
  const keyword = readKeyword(reader);
  if (type === "tEXt") {
    return { keyword, text: latin1(reader.bytesView(reader.remaining, "tEXt text")) };
  }
  if (type === "zTXt") {
    compressionMethod(reader);
    return { keyword, text: latin1(inflateText(reader, `zTXt text of ${keyword}`)) };
  }
  const compressed = reader.u8("the iTXt compression flag");
  compressionMethod(reader);
  untilNul(reader, "language tag");
  untilNul(reader, "translated keyword");
  const body =
    compressed === 1
      ? inflateText(reader, `iTXt text of ${keyword}`)
      : reader.bytesView(reader.remaining, "iTXt text");
  return { keyword, text: utf8Text(reader, body) };
}
