import { crc32 as zlibCrc32 } from "node:zlib";
import { decode as fastPngDecode } from "fast-png";
import { describe, expect, it } from "vitest";
import { crc32, tableCrc32 } from "../../../src/formats/png/crc32.js";
import { decodePng } from "../../../src/formats/png/decode.js";
import { ADAM7 } from "../../../src/formats/png/scanlines.js";
import { buildPng, idat, iend, ihdr, lcgSamples } from "../../support/png-builder.js";

// The Adam7 pass table is shared with the decoder; fast-png, the oracle of the 8- and 16-bit
// interlaced cases below, decodes with its own table, so an error in ours still fails here.

/** PNG spec 11.2.1, table 11: samples per pixel by colour type (palette left out here). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/**
 * A filtered stream of pseudo-random bytes in which row r of each pass uses filter type r % 5
 * (PNG spec 9.2), so every filter meets every bytes-per-pixel, first rows included.
 */
function filteredStream(width: number, height: number, bitsPerPixel: number, interlaced: boolean) {
  const passes = interlaced ? ADAM7 : [[0, 0, 1, 1] as const];
  const rows: Uint8Array[] = [];
  let seed = 11;
  for (const [x0, y0, dx, dy] of passes) {
    const passWidth = Math.ceil(Math.max(0, width - x0) / dx);
    const passHeight = Math.ceil(Math.max(0, height - y0) / dy);
    if (passWidth === 0) continue;
    const rowBytes = Math.ceil((passWidth * bitsPerPixel) / 8);
    for (let row = 0; row < passHeight; row++) {
      rows.push(Uint8Array.of(row % 5, ...lcgSamples(rowBytes, 255, seed++)));
    }
  }
  return Uint8Array.from(rows.flatMap((row) => Array.from(row)));
}

/** fast-png keeps sub-byte samples packed MSB first, one byte-aligned row per image row. */
function unpackRows(packed: ArrayLike<number>, width: number, height: number, depth: number) {
  const rowBytes = Math.ceil((width * depth) / 8);
  const values: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = x * depth;
      const byte = packed[y * rowBytes + (bit >>> 3)] as number;
      values.push((byte >>> (8 - depth - (bit & 7))) & ((1 << depth) - 1));
    }
  }
  return values;
}

describe("scanline unfiltering against fast-png (an independent decoder)", () => {
  const layouts: [colorType: number, bitDepth: number][] = [
    [0, 1],
    [0, 2],
    [0, 4],
    [0, 8],
    [0, 16],
    [2, 8],
    [2, 16],
    [4, 8],
    [4, 16],
    [6, 8],
    [6, 16],
  ];

  it("reconstructs every filter type at every bytes-per-pixel, interlaced or not", () => {
    // Widths give rows that end mid-word and mid-12-byte group; 1 x 1 leaves Adam7 passes empty.
    for (const [width, height] of [
      [37, 9],
      [13, 6],
      [1, 1],
    ] as const) {
      for (const [colorType, bitDepth] of layouts) {
        const channels = CHANNELS[colorType] as number;
        // fast-png's Adam7 reader does not handle sub-byte depths; those are checked below.
        for (const interlace of bitDepth < 8 ? [0] : [0, 1]) {
          const stream = filteredStream(width, height, channels * bitDepth, interlace === 1);
          const png = buildPng(
            ihdr({ width, height, bitDepth, colorType, interlace }),
            idat(stream),
            iend(),
          );
          const label = `${width}x${height} type ${colorType} depth ${bitDepth} interlace ${interlace}`;
          const ours = decodePng(png, "filters.png");
          const theirs = fastPngDecode(png, { checkCrc: true });
          const expected =
            bitDepth < 8
              ? unpackRows(theirs.data, width, height, bitDepth)
              : Array.from(theirs.data);
          // Oracle: fast-png's samples of the same file; exact.
          expect(Array.from(ours.data), label).toEqual(expected);
          expect(ours.shape, label).toEqual([height, width, channels]);
        }
      }
    }
  });
});

describe("Adam7 at sub-byte depths", () => {
  it("places every packed sample of every pass at its pixel", () => {
    const width = 19;
    const height = 10;
    for (const depth of [1, 2, 4]) {
      const values = lcgSamples(width * height, 2 ** depth - 1, depth + 20);
      // Each pass: rows of filter type 0 and samples packed MSB first (PNG spec 7.2, 8.2).
      const stream: number[] = [];
      for (const [x0, y0, dx, dy] of ADAM7) {
        for (let y = y0; y < height; y += dy) {
          if (x0 >= width) break;
          const row: number[] = [];
          let bit = 0;
          for (let x = x0; x < width; x += dx, bit += depth) {
            if ((bit & 7) === 0) row.push(0);
            const sample = values[y * width + x] as number;
            row[row.length - 1] =
              (row[row.length - 1] as number) | (sample << (8 - depth - (bit & 7)));
          }
          stream.push(0, ...row);
        }
      }
      const png = buildPng(
        ihdr({ width, height, bitDepth: depth, interlace: 1 }),
        idat(Uint8Array.from(stream)),
        iend(),
      );
      // Oracle: the samples packed by hand above; exact.
      expect(Array.from(decodePng(png, "adam7-sub-byte.png").data)).toEqual(values);
    }
  });
});

describe("CRC-32", () => {
  it("the table fallback agrees with zlib's native CRC-32", () => {
    const bytes = Uint8Array.from(lcgSamples(4099, 255, 5));
    for (const length of [0, 1, 3, 4, 17, 4099]) {
      const part = bytes.subarray(0, length);
      // Oracle: zlib's crc32 (ISO 3309 polynomial, as PNG Annex D); exact.
      expect(tableCrc32(part)).toBe(zlibCrc32(part));
      expect(crc32(part)).toBe(zlibCrc32(part));
    }
    // Analytic: the CRC-32 check value of "123456789" (PNG Annex D's algorithm).
    expect(tableCrc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });
});
