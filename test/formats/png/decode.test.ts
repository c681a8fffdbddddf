import { decode as fastPngDecode, encode as fastPngEncode } from "fast-png";
import { describe, expect, it } from "vitest";
import { decodePng } from "../../../src/formats/png/decode.js";
import { describePng } from "../../../src/formats/png/describe.js";
import { summarize } from "../../../src/formats/summary.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { readFixture, readOracle } from "../../support/fixtures.js";
import { lcgSamples } from "../../support/png-builder.js";

const TREX_PNG = "20200508_060500_122643_gill_rgb-04_320ms_full.png";

interface PngOracle {
  mode: string;
  size_wh: [number, number];
  pixels: {
    dtype: string;
    shape: number[];
    sum: number;
    min: number;
    max: number;
    sha256_le: string;
  };
  text: Record<string, string>;
}

describeWithFixtures("decodePng on the real TREx RGB burst frame", () => {
  // Oracle: the .oracle.json written by PIL (numpy array of the RGB image).
  const oracle = readOracle<PngOracle>("trex", TREX_PNG);
  const bytes = readFixture("trex", TREX_PNG);

  it("matches PIL's pixels bit for bit", () => {
    const image = decodePng(bytes, TREX_PNG);
    expect(image.dtype).toBe(oracle.pixels.dtype);
    expect(image.shape).toEqual(oracle.pixels.shape);
    expect(image.shape).toEqual([oracle.size_wh[1], oracle.size_wh[0], 3]);
    const summary = summarize("pixels", image);
    expect(summary.sha256).toBe(oracle.pixels.sha256_le);
    // Exact: integer sums far below 2^53.
    expect(summary.sum).toBe(oracle.pixels.sum);
    expect(summary.min).toBe(oracle.pixels.min);
    expect(summary.max).toBe(oracle.pixels.max);
    expect(image.text).toEqual(oracle.text);
  });

  it("agrees with fast-png, an independent decoder, on every byte", () => {
    const ours = decodePng(bytes, TREX_PNG);
    const theirs = fastPngDecode(bytes, { checkCrc: true });
    expect(Buffer.compare(Buffer.from(ours.data.buffer), Buffer.from(theirs.data.buffer))).toBe(0);
  });

  it("describes the file as one array named pixels", () => {
    const description = describePng(bytes, TREX_PNG);
    expect(description.format).toBe("png");
    expect(description.arrays.map((entry) => entry.path)).toEqual(["pixels"]);
    const pixels = description.arrays[0]?.array;
    if (pixels === undefined) throw new Error("no pixels array");
    // Oracle: PIL's SHA-256 of the pixels.
    expect(summarize("pixels", pixels).sha256).toBe(oracle.pixels.sha256_le);
    expect(description.arrays[0]?.details).toEqual({
      bitDepth: 8,
      colorType: 2,
      interlaced: false,
    });
  });
});

describe("decodePng on layouts written by fast-png (an independent encoder)", () => {
  const width = 13;
  const height = 11;

  it("de-interlaces Adam7 8-bit RGB and 16-bit grey exactly", () => {
    const rgb = Uint8Array.from(lcgSamples(width * height * 3, 255, 7));
    const rgbPng = fastPngEncode(
      { width, height, data: rgb, channels: 3, depth: 8 },
      { interlace: "Adam7" },
    );
    const rgbImage = decodePng(rgbPng, "adam7-rgb.png");
    expect(rgbImage.interlaced).toBe(true);
    expect(rgbImage.shape).toEqual([height, width, 3]);
    // Oracle: the samples handed to the independent encoder.
    expect(Array.from(rgbImage.data)).toEqual(Array.from(rgb));
    const grey = Uint16Array.from(lcgSamples(width * height, 65535, 9));
    const greyPng = fastPngEncode(
      { width, height, data: grey, channels: 1, depth: 16 },
      { interlace: "Adam7" },
    );
    const greyImage = decodePng(greyPng, "adam7-grey16.png");
    expect(greyImage.dtype).toBe("uint16");
    expect(Array.from(greyImage.data)).toEqual(Array.from(grey));
  });

  it("expands palettes to RGB, or RGBA when tRNS is present", () => {
    const indices = Uint8Array.from(lcgSamples(width * height, 2, 3));
    const palette = [
      [10, 20, 30],
      [40, 50, 60],
      [70, 80, 90],
    ];
    const image = decodePng(
      fastPngEncode({ width, height, data: indices, channels: 1, depth: 8, palette }),
      "palette.png",
    );
    expect(image.shape).toEqual([height, width, 3]);
    // Oracle: palette lookup of the indices handed to the encoder.
    expect(Array.from(image.data)).toEqual(
      Array.from(indices).flatMap((index) => palette[index] ?? []),
    );
    const alphaPalette = palette.map((entry, index) => [...entry, index * 100]);
    const withAlpha = decodePng(
      fastPngEncode({ width, height, data: indices, channels: 1, depth: 8, palette: alphaPalette }),
      "palette-trns.png",
    );
    expect(withAlpha.shape).toEqual([height, width, 4]);
    expect(Array.from(withAlpha.data)).toEqual(
      Array.from(indices).flatMap((index) => alphaPalette[index] ?? []),
    );
  });

  it("unpacks 1-, 2- and 4-bit greyscale MSB first, values as stored", () => {
    for (const depth of [1, 2, 4] as const) {
      const values = lcgSamples(width * height, 2 ** depth - 1, depth);
      const rowBytes = Math.ceil((width * depth) / 8);
      const packed = new Uint8Array(rowBytes * height);
      values.forEach((value, index) => {
        const row = Math.floor(index / width);
        const bit = (index % width) * depth;
        const at = row * rowBytes + (bit >>> 3);
        packed[at] = (packed[at] ?? 0) | (value << (8 - depth - (bit & 7)));
      });
      const image = decodePng(
        fastPngEncode({ width, height, data: packed, channels: 1, depth }),
        `grey${depth}.png`,
      );
      expect(image.shape).toEqual([height, width, 1]);
      // Oracle: the values packed by hand above.
      expect(Array.from(image.data)).toEqual(values);
    }
  });
});
