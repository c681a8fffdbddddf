import {
  CARRIAGE_RETURN,
  isPgmWhitespace,
  LINE_FEED,
  MAX_HEADER_BYTES,
  MAX_NUMBER_DIGITS,
  PGM_COMMENT,
  PGM_MAGIC_5,
  PGM_MAGIC_P,
  PGM_MAX_MAXVAL,
  PGM_MIN_MAXVAL,
  PGM_ONE_BYTE_MAXVAL_LIMIT,
} from "./constants.js";
import { type PgmMetadataEntry, parseMetadataComment } from "./metadata.js";
import type { StreamCursor } from "./stream-cursor.js";

/** The header of one frame: everything before its raster. */
export interface PgmHeader {
  /** Offset of the frame's `P5` in the decoded stream. */
  readonly byteOffset: number;
  readonly width: number;
  readonly height: number;
  readonly maxValue: number;
  readonly bitDepth: 8 | 16;
  /** Size of the raster that follows, in bytes. */
  readonly pixelBytes: number;
  /** `#"key" value` comments in file order, duplicates included. */
  readonly metadataEntries: readonly PgmMetadataEntry[];
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

function isTokenEnd(byte: number): boolean {
  return isPgmWhitespace(byte) || byte === PGM_COMMENT;
}

/** Bytes shown in an error: printable ASCII quoted, anything else as hex. */
export function showBytes(bytes: Uint8Array): string {
  const shown = bytes.subarray(0, 16);
  const printable = shown.every((b) => b >= 0x20 && b < 0x7f);
  const text = printable
    ? `"${String.fromCharCode(...shown)}"`
    : `bytes ${Array.from(shown, (b) => b.toString(16).padStart(2, "0")).join(" ")}`;
  return bytes.byteLength > shown.byteLength ? `${text}...` : text;
}

/** Consumes whitespace between frames; false if the stream ends first. */
async function skipWhitespace(cursor: StreamCursor): Promise<boolean> {
  for (;;) {
    if (cursor.available === 0 && !(await cursor.ensure(1))) return false;
    if (!isPgmWhitespace(cursor.peek())) return true;
    cursor.skip(1);
  }
}

class HeaderParser {
  readonly entries: PgmMetadataEntry[] = [];
  /** Stream offset of the last number read, for error messages. */
  tokenOffset = 0;

  constructor(
    private readonly cursor: StreamCursor,
    private readonly start: number,
    private readonly frame: string,
  ) {}

  private budget(): number {
    const left = MAX_HEADER_BYTES - (this.cursor.offset - this.start);
    if (left <= 0) {
      this.cursor.fail(`the ${this.frame} header to end within ${MAX_HEADER_BYTES} bytes`);
    }
    return left;
  }

  /** Skips whitespace and comments before a token, collecting `#"key" value` comments. */
  async skipToToken(what: string): Promise<void> {
    for (;;) {
      this.budget();
      if (!(await this.cursor.ensure(1))) this.cursor.fail(what, "the end of the stream");
      const byte = this.cursor.peek();
      if (isPgmWhitespace(byte)) {
        this.cursor.skip(1);
      } else if (byte === PGM_COMMENT) {
        await this.comment();
      } else {
        return;
      }
    }
  }

  // Netpbm PGM specification: a comment runs from "#" to the next CR or LF.
  private async comment(): Promise<void> {
    this.cursor.skip(1);
    const end = await this.cursor.find(
      (b) => b === LINE_FEED || b === CARRIAGE_RETURN,
      this.budget(),
    );
    if (end === -1) {
      this.cursor.fail(`the ${this.frame} header to end within ${MAX_HEADER_BYTES} bytes`);
    }
    if (end === -2) this.cursor.fail("a comment ending with a line feed", "the end of the stream");
    const entry = parseMetadataComment(this.cursor.view(end));
    if (entry !== undefined) this.entries.push(entry);
    this.cursor.skip(end);
  }

  /** Reads a decimal header number (width, height, maxval), leaving its delimiter unread. */
  async number(what: string): Promise<number> {
    await this.skipToToken(`the ${what} of ${this.frame}`);
    this.tokenOffset = this.cursor.offset;
    const end = await this.cursor.find(isTokenEnd, MAX_NUMBER_DIGITS + 1);
    const token = this.cursor.view(end >= 0 ? end : MAX_NUMBER_DIGITS + 1);
    if (end === -1 || !token.every(isDigit)) {
      this.cursor.fail(`a decimal ${what} of ${this.frame}`, showBytes(token));
    }
    if (end === -2) {
      this.cursor.fail(
        `the ${what} of ${this.frame} followed by whitespace`,
        `${showBytes(token)} then the end of the stream`,
      );
    }
    this.cursor.skip(end);
    return Number(String.fromCharCode(...token));
  }
}

/**
 * Reads the next frame header, or returns null at the clean end of the stream (whitespace
 * between and after frames is tolerated). The structure comes from the PGM header itself
 * (Netpbm PGM specification, "The Format"): `P5`, whitespace, width, whitespace, height,
 * whitespace, maxval, exactly one whitespace byte; comments may sit between the tokens.
 */
export async function readPgmHeader(
  cursor: StreamCursor,
  frameIndex: number,
  maxFrameBytes: number,
): Promise<PgmHeader | null> {
  const frame = `frame ${frameIndex}`;
  if (!(await skipWhitespace(cursor))) return null;
  const byteOffset = cursor.offset;
  const gotMagic = await cursor.ensure(3);
  const magic = cursor.view(3);
  if (magic[0] !== PGM_MAGIC_P || magic[1] !== PGM_MAGIC_5 || !gotMagic) {
    cursor.fail(`"P5" then whitespace (a binary PGM) starting ${frame}`, showBytes(magic));
  }
  if (!isTokenEnd(magic[2] as number)) {
    cursor.fail(`whitespace after the "P5" of ${frame}`, showBytes(magic));
  }
  cursor.skip(2);

  const parser = new HeaderParser(cursor, byteOffset, frame);
  const width = await parser.number("width");
  const widthOffset = parser.tokenOffset;
  const height = await parser.number("height");
  const maxValue = await parser.number("maxval");
  if (width < 1 || height < 1) {
    cursor.fail(`a positive width and height for ${frame}`, `${width}x${height}`, widthOffset);
  }
  if (maxValue < PGM_MIN_MAXVAL || maxValue > PGM_MAX_MAXVAL) {
    cursor.fail(`a maxval from 1 to 65535 for ${frame}`, String(maxValue), parser.tokenOffset);
  }
  const bitDepth = maxValue < PGM_ONE_BYTE_MAXVAL_LIMIT ? 8 : 16;
  const pixelBytes = width * height * (bitDepth / 8);
  if (pixelBytes > maxFrameBytes) {
    cursor.fail(
      `a raster of at most ${maxFrameBytes} bytes for ${frame} (option maxFrameBytes)`,
      `${width}x${height} ${bitDepth}-bit samples = ${pixelBytes} bytes`,
      widthOffset,
    );
  }
  // Netpbm PGM specification ("The Format", item 8): a single whitespace character separates maxval and
  // the raster (the raster may start with a byte that looks like whitespace).
  if (!isPgmWhitespace(cursor.peek())) {
    cursor.fail(`one whitespace byte after the maxval of ${frame}`, showBytes(cursor.view(1)));
  }
  cursor.skip(1);
  return {
    byteOffset,
    width,
    height,
    maxValue,
    bitDepth,
    pixelBytes,
    metadataEntries: parser.entries,
  };
}
