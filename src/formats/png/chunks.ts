import { ByteReader } from "../../core/byte-reader.js";
import { crc32 } from "./crc32.js";
import { decodeTextChunk, type PngTextChunk } from "./text.js";

/**
 * Walks and validates a PNG's chunk stream (PNG specification, Third Edition, W3C 2025,
 * section 5) before any pixel is decoded: signature, chunk lengths inside the file, every CRC,
 * IHDR fields, chunk order, PLTE/tRNS sizes. Nothing here allocates more than the file holds.
 */

/** PNG spec 5.2: the 8-byte signature. */
export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** PNG spec 7.1: four-byte integers (lengths, width, height) are at most 2^31 - 1. */
export const PNG_MAX_UINT31 = 0x7fffffff;

/** PNG spec 11.2.1, table 11: allowed bit depths per colour type. */
const BIT_DEPTHS_BY_COLOR_TYPE: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

/** PNG spec 11.2.1, table 11: samples per pixel of each colour type (palette: one index). */
export const SAMPLES_PER_PIXEL: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA (PNG spec 11.2.1). */
  readonly colorType: number;
  readonly interlaced: boolean;
}

export interface PngStructure {
  readonly header: PngHeader;
  /** PLTE entries as RGB triples, 3 bytes each. */
  readonly palette: Uint8Array | undefined;
  /** tRNS contents (for palettes: one alpha per entry, possibly fewer than the entries). */
  readonly transparency: Uint8Array | undefined;
  /** IDAT data fields, in order, as views into the file. */
  readonly imageData: readonly Uint8Array[];
  /** File offset of the first IDAT chunk's data, for error messages. */
  readonly imageDataOffset: number;
  readonly text: readonly PngTextChunk[];
}

function chunkName(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

function parseHeader(reader: ByteReader): PngHeader {
  const at = reader.position;
  const width = reader.u32("IHDR width");
  const height = reader.u32("IHDR height");
  const bitDepth = reader.u8("IHDR bit depth");
  const colorType = reader.u8("IHDR colour type");
  const compression = reader.u8("IHDR compression method");
  const filter = reader.u8("IHDR filter method");
  const interlace = reader.u8("IHDR interlace method");
  if (width === 0 || height === 0 || width > PNG_MAX_UINT31 || height > PNG_MAX_UINT31) {
    reader.fail("IHDR width and height between 1 and 2^31-1", `${width} x ${height}`, at);
  }
  const depths = BIT_DEPTHS_BY_COLOR_TYPE[colorType];
  if (depths === undefined) reader.fail("IHDR colour type 0, 2, 3, 4 or 6", `${colorType}`, at + 9);
  if (!depths.includes(bitDepth)) {
    reader.fail(
      `a bit depth of ${depths.join("/")} for colour type ${colorType}`,
      `${bitDepth}`,
      at + 8,
    );
  }
  // PNG spec 11.2.1: compression method 0 (deflate) and filter method 0 are the only ones.
  if (compression !== 0) reader.fail("IHDR compression method 0", `${compression}`, at + 10);
  if (filter !== 0) reader.fail("IHDR filter method 0", `${filter}`, at + 11);
  // PNG spec 11.2.1: interlace method 0 (none) or 1 (Adam7).
  if (interlace > 1) reader.fail("IHDR interlace method 0 or 1", `${interlace}`, at + 12);
  return { width, height, bitDepth, colorType, interlaced: interlace === 1 };
}

/** Parses and checks the chunk stream of `bytes`; `file` names it in errors. */
export function readPngStructure(bytes: Uint8Array, file: string | undefined): PngStructure {
  const reader = new ByteReader(bytes, "PNG", file);
  const signature = reader.bytesView(PNG_SIGNATURE.length, "the 8-byte PNG signature");
  if (!signature.every((value, index) => value === PNG_SIGNATURE[index])) {
    reader.fail("the PNG signature 89 50 4E 47 0D 0A 1A 0A", "other bytes (not a PNG file)", 0);
  }
  let header: PngHeader | undefined;
  let palette: Uint8Array | undefined;
  let transparency: Uint8Array | undefined;
  const imageData: Uint8Array[] = [];
  let imageDataOffset = 0;
  let imageDataEnded = false;
  const text: PngTextChunk[] = [];
  for (;;) {
    const chunkStart = reader.position;
    const length = reader.u32("a chunk length");
    if (length > PNG_MAX_UINT31) reader.fail("a chunk length below 2^31", `${length}`, chunkStart);
    const typeAndData = reader.bytesView(4 + length, "the chunk type and data");
    const stored = reader.u32("the chunk CRC");
    const type = chunkName(typeAndData.subarray(0, 4));
    if (!/^[A-Za-z]{4}$/.test(type))
      reader.fail("a chunk type of 4 letters", JSON.stringify(type), chunkStart + 4);
    const computed = crc32(typeAndData);
    if (computed !== stored) {
      reader.fail(
        `CRC ${computed.toString(16).padStart(8, "0")} for chunk ${type}`,
        `${stored.toString(16).padStart(8, "0")} (the chunk is corrupt)`,
        reader.position - 4,
      );
    }
    const data = typeAndData.subarray(4);
    const dataReader = new ByteReader(data, "PNG", file, chunkStart + 8);
    if (header === undefined && type !== "IHDR")
      reader.fail("IHDR as the first chunk", type, chunkStart);
    if (type !== "IDAT" && imageData.length > 0) imageDataEnded = true;
    switch (type) {
      case "IHDR":
        if (header !== undefined) reader.fail("a single IHDR chunk", "a second one", chunkStart);
        if (length !== 13) reader.fail("an IHDR of 13 bytes", `${length}`, chunkStart);
        header = parseHeader(dataReader);
        break;
      case "PLTE":
        // PNG spec 11.2.2: 1 to 256 entries of 3 bytes, before the first IDAT.
        if (length === 0 || length % 3 !== 0 || length > 768) {
          reader.fail("a PLTE of 1 to 256 three-byte entries", `${length} bytes`, chunkStart);
        }
        if (imageData.length > 0) reader.fail("PLTE before IDAT", "PLTE after IDAT", chunkStart);
        palette = data;
        break;
      case "tRNS":
        transparency = data;
        break;
      case "IDAT":
        // PNG spec 5.6: IDAT chunks are consecutive.
        if (imageDataEnded)
          reader.fail("consecutive IDAT chunks", "another chunk between them", chunkStart);
        if (imageData.length === 0) imageDataOffset = chunkStart + 8;
        imageData.push(data);
        break;
      case "IEND":
        return finish(reader, {
          header: header as PngHeader,
          palette,
          transparency,
          imageData,
          imageDataOffset,
          text,
        });
      case "tEXt":
      case "zTXt":
      case "iTXt":
        text.push(decodeTextChunk(type, dataReader));
        break;
      default:
        // PNG spec 5.4: a chunk whose first letter is upper case is critical; one we do not
        // know cannot be skipped safely.
        if (type.charCodeAt(0) < 0x61)
          reader.fail("only known critical chunks", `critical chunk ${type}`, chunkStart);
    }
  }
}

function finish(reader: ByteReader, structure: PngStructure): PngStructure {
  const { header, palette, transparency, imageData } = structure;
  if (imageData.length === 0) reader.fail("at least one IDAT chunk before IEND", "none");
  if (header.colorType === 3 && palette === undefined)
    reader.fail("a PLTE chunk for a palette image", "none");
  if (palette !== undefined && (header.colorType === 0 || header.colorType === 4)) {
    reader.fail("no PLTE chunk in a greyscale image", "one");
  }
  if (
    palette !== undefined &&
    header.colorType === 3 &&
    palette.length / 3 > 2 ** header.bitDepth
  ) {
    reader.fail(
      `at most ${2 ** header.bitDepth} palette entries at bit depth ${header.bitDepth}`,
      `${palette.length / 3}`,
    );
  }
  if (transparency !== undefined) {
    // PNG spec 11.3.2.1: grey 2 bytes, RGB 6 bytes, palette at most one byte per entry,
    // and no tRNS at all when there is a full alpha channel.
    const expected =
      header.colorType === 0
        ? 2
        : header.colorType === 2
          ? 6
          : header.colorType === 3
            ? undefined
            : -1;
    const ok =
      expected === undefined
        ? transparency.length <= (palette?.length ?? 0) / 3
        : transparency.length === expected;
    if (!ok)
      reader.fail(
        `a tRNS chunk valid for colour type ${header.colorType}`,
        `${transparency.length} bytes`,
      );
  }
  return structure;
}
