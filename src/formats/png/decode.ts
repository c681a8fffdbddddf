import { Buffer } from "node:buffer";
import { concatBytes } from "../../core/bytes.js";
import { FormatError } from "../../core/errors.js";
import type { NDArray } from "../../core/ndarray.js";
import { DEFLATE_MAX_RATIO, inflateBounded } from "../compression/inflate.js";
import { type PngStructure, readPngStructure, SAMPLES_PER_PIXEL } from "./chunks.js";
import { unfilterRows } from "./filters.js";
import { bitsPerPixel, filteredByteCount, passLayout, scatterPass } from "./scanlines.js";

/**
 * Largest decoded image we allocate: 1 GiB of samples (e.g. 16384 x 16384 RGBA at 8 bits).
 * An all-sky frame is about 1 MB; anything near the cap is a corrupt or hostile IHDR.
 */
export const PNG_MAX_PIXEL_BYTES = 1024 * 1024 * 1024;

/** A decoded PNG: an NDArray [rows, cols, channels] plus what the file said about itself. */
export type DecodedPng = (NDArray<"uint8"> | NDArray<"uint16">) & {
  /** tEXt, zTXt and iTXt chunks by keyword (a repeated keyword keeps the last value). */
  readonly text: Readonly<Record<string, string>>;
  readonly bitDepth: number;
  /** PNG colour type of the file: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  readonly colorType: number;
  readonly interlaced: boolean;
};

/** True where typed arrays are little-endian (every platform Node supports in practice). */
const HOST_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Decompresses and unfilters IDAT into samples (palette images: one index per pixel).
 * Not interlaced at 8 or 16 bits, the reconstructed rows are the samples' bytes: they are
 * unfiltered straight into the output (16-bit then byte-swapped in one native pass). Otherwise
 * each pass is unfiltered in place in the inflated buffer and then scattered into the image.
 */
function decodeSamples(
  structure: PngStructure,
  file: string | undefined,
): Uint8Array | Uint16Array {
  const { header } = structure;
  const fail = (offset: number, expected: string, found: string): FormatError =>
    new FormatError("PNG", { file, offset, expected, found });
  const passes = passLayout(header);
  const filteredBytes = filteredByteCount(passes);
  const compressedBytes = structure.imageData.reduce((sum, part) => sum + part.length, 0);
  // Checked before inflating: no deflate stream expands by more than DEFLATE_MAX_RATIO.
  if (filteredBytes > compressedBytes * DEFLATE_MAX_RATIO + 1024) {
    throw fail(
      structure.imageDataOffset,
      `IDAT data able to expand to the ${filteredBytes} bytes the IHDR declares`,
      `only ${compressedBytes} compressed bytes`,
    );
  }
  // The exact size is known from IHDR: zlib writes into one buffer of that size.
  const filtered = inflateBounded(
    structure.imageData.length === 1
      ? (structure.imageData[0] as Uint8Array)
      : concatBytes(structure.imageData),
    "zlib",
    filteredBytes,
    {
      format: "PNG",
      file,
      offset: structure.imageDataOffset,
      what: "the IDAT image data",
    },
    true,
  );
  if (filtered.length < filteredBytes) {
    throw fail(
      structure.imageDataOffset,
      `${filteredBytes} bytes of filtered scanlines after decompression`,
      `${filtered.length} (the image data is truncated)`,
    );
  }
  const perPixel = SAMPLES_PER_PIXEL[header.colorType] ?? 1;
  const count = header.width * header.height * perPixel;
  const samples = header.bitDepth === 16 ? new Uint16Array(count) : new Uint8Array(count);
  const bytesPerPixel = Math.max(1, bitsPerPixel(header) >>> 3);
  if (!header.interlaced && header.bitDepth >= 8) {
    const bytes = new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
    const rowBytes = header.width * bytesPerPixel;
    unfilterRows(
      filtered,
      0,
      header.height,
      rowBytes,
      bytesPerPixel,
      { bytes, start: 0, stride: rowBytes },
      file,
    );
    // PNG spec 7.1: 16-bit samples are big-endian.
    if (header.bitDepth === 16 && HOST_LITTLE_ENDIAN) {
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).swap16();
    }
    return samples;
  }
  let offset = 0;
  for (const pass of passes) {
    // In place: each reconstructed row stays right after its filter byte.
    const rows = { bytes: filtered, start: offset + 1, stride: pass.rowBytes + 1 };
    offset = unfilterRows(filtered, offset, pass.height, pass.rowBytes, bytesPerPixel, rows, file);
    scatterPass(rows, pass, header, samples);
  }
  return samples;
}

/** PNG spec 11.2.3 / 11.3.2.1: palette indices to RGB, or RGBA when tRNS gives alphas. */
function expandPalette(
  indices: Uint8Array,
  structure: PngStructure,
  file: string | undefined,
): { data: Uint8Array; channels: number } {
  const palette = structure.palette as Uint8Array;
  const alphas = structure.transparency;
  const entries = palette.length / 3;
  const channels = alphas === undefined ? 3 : 4;
  const data = new Uint8Array(indices.length * channels);
  for (let pixel = 0; pixel < indices.length; pixel++) {
    const index = indices[pixel] as number;
    if (index >= entries) {
      throw new FormatError("PNG", {
        file,
        expected: `palette indices below ${entries}`,
        found: `index ${index} at pixel ${pixel}`,
      });
    }
    const out = pixel * channels;
    data[out] = palette[3 * index] as number;
    data[out + 1] = palette[3 * index + 1] as number;
    data[out + 2] = palette[3 * index + 2] as number;
    // Entries past the end of tRNS are opaque (PNG spec 11.3.2.1).
    if (alphas !== undefined) data[out + 3] = alphas[index] ?? 255;
  }
  return { data, channels };
}

/**
 * Decodes a PNG into an NDArray [rows, cols, channels], row 0 = top of the image: uint8 for
 * bit depths up to 8 (sub-byte samples unpacked, values as stored, not rescaled), uint16 for
 * 16-bit. Greyscale stays one channel (two with alpha); palettes become RGB, or RGBA when the
 * file has tRNS; a grey/RGB tRNS colour key is not applied. Every CRC is checked; corrupt,
 * truncated or oversized input is a FormatError naming `fileName` and the byte offset.
 */
export function decodePng(bytes: Uint8Array, fileName?: string): DecodedPng {
  const structure = readPngStructure(bytes, fileName);
  const { header } = structure;
  const rawChannels = SAMPLES_PER_PIXEL[header.colorType] ?? 1;
  const channels =
    header.colorType === 3 ? (structure.transparency === undefined ? 3 : 4) : rawChannels;
  const outputBytes = header.width * header.height * channels * (header.bitDepth === 16 ? 2 : 1);
  if (outputBytes > PNG_MAX_PIXEL_BYTES) {
    throw new FormatError("PNG", {
      file: fileName,
      offset: 16,
      expected: `an image of at most ${PNG_MAX_PIXEL_BYTES} bytes`,
      found: `${header.width} x ${header.height} x ${channels} samples of ${header.bitDepth} bits`,
    });
  }
  const samples = decodeSamples(structure, fileName);
  const shape = [header.height, header.width, channels];
  const text: Record<string, string> = {};
  for (const chunk of structure.text) text[chunk.keyword] = chunk.text;
  const facts = {
    text,
    bitDepth: header.bitDepth,
    colorType: header.colorType,
    interlaced: header.interlaced,
  };
  if (samples instanceof Uint16Array) return { dtype: "uint16", shape, data: samples, ...facts };
  const data = header.colorType === 3 ? expandPalette(samples, structure, fileName).data : samples;
  return { dtype: "uint8", shape, data, ...facts };
}
