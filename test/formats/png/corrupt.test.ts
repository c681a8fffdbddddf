import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { FormatError } from "../../../src/core/errors.js";
import { decodePng } from "../../../src/formats/png/decode.js";
import { encodePng } from "../../../src/formats/png/encode.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { readFixture } from "../../support/fixtures.js";
import { buildPng, idat, iend, ihdr, pngChunk } from "../../support/png-builder.js";

const NAME = "bad.png";

function formatError(bytes: Uint8Array): FormatError {
  try {
    decodePng(bytes, NAME);
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).message).toContain(NAME);
    return error as FormatError;
  }
  throw new Error("decodePng accepted bad input");
}

/** A valid 4 x 3 greyscale image: rows of filter byte 0 and four samples. */
const GOOD_ROWS = Uint8Array.of(0, 1, 2, 3, 4, 0, 5, 6, 7, 8, 0, 9, 10, 11, 12);
const good = () => buildPng(ihdr({ width: 4, height: 3 }), idat(GOOD_ROWS), iend());

describe("decodePng on hand-built bad input", () => {
  it("decodes the hand-built good image (so the failures below are the edits)", () => {
    // Oracle: the samples written into GOOD_ROWS.
    expect(Array.from(decodePng(good(), NAME).data)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
  });

  it("rejects a wrong signature and truncation at every byte of the stream", () => {
    const bytes = good();
    expect(formatError(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0)).offset).toBe(0);
    for (let cut = 0; cut < bytes.length; cut++) formatError(bytes.slice(0, cut));
  });

  it("rejects a corrupt CRC in any chunk, naming the CRC's offset", () => {
    const bytes = good();
    // Offsets of the CRC fields: IHDR at 8 + 8 + 13, then IDAT, then IEND (last 4 bytes).
    const ihdrCrcAt = 8 + 8 + 13;
    for (const at of [ihdrCrcAt, bytes.length - 16, bytes.length - 4]) {
      const copy = bytes.slice();
      copy[at] = (copy[at] ?? 0) ^ 0x01;
      expect(formatError(copy).offset).toBe(at);
    }
    // A flipped data byte: the stored CRC no longer matches.
    const copy = bytes.slice();
    copy[20] = (copy[20] ?? 0) ^ 0x40;
    expect(formatError(copy).expected).toContain("CRC");
  });

  it("rejects absurd IHDR dimensions before allocating anything", () => {
    const maxSide = 0x7fffffff;
    const huge = formatError(
      buildPng(ihdr({ width: maxSide, height: maxSide, colorType: 6 }), idat(GOOD_ROWS), iend()),
    );
    expect(huge.expected).toContain("at most");
    // Under the pixel cap, but 12 KB of zlib data cannot expand to 300 MB of scanlines.
    const unjustified = formatError(
      buildPng(ihdr({ width: 10_000, height: 10_000, colorType: 2 }), idat(GOOD_ROWS), iend()),
    );
    expect(unjustified.expected).toContain("expand");
    formatError(buildPng(ihdr({ width: 0, height: 3 }), idat(GOOD_ROWS), iend()));
    formatError(buildPng(ihdr({ width: 2 ** 31, height: 1 }), idat(GOOD_ROWS), iend()));
  });

  it("rejects invalid IHDR fields and chunk order", () => {
    const rows = idat(GOOD_ROWS);
    for (const fields of [
      { bitDepth: 3 },
      { colorType: 5 },
      { colorType: 2, bitDepth: 4 },
      { compression: 1 },
      { filter: 1 },
      { interlace: 2 },
    ]) {
      formatError(buildPng(ihdr({ width: 4, height: 3, ...fields }), rows, iend()));
    }
    formatError(buildPng(rows, ihdr({ width: 4, height: 3 }), iend()));
    formatError(buildPng(ihdr({ width: 4, height: 3 }), iend()));
    formatError(
      buildPng(ihdr({ width: 4, height: 3 }), ihdr({ width: 4, height: 3 }), rows, iend()),
    );
    const split = deflateSync(GOOD_ROWS);
    const text = pngChunk("tEXt", Uint8Array.of(0x41, 0, 0x42));
    formatError(
      buildPng(
        ihdr({ width: 4, height: 3 }),
        pngChunk("IDAT", split.subarray(0, 5)),
        text,
        pngChunk("IDAT", split.subarray(5)),
        iend(),
      ),
    );
    formatError(
      buildPng(ihdr({ width: 4, height: 3 }), pngChunk("ABCD", new Uint8Array(2)), rows, iend()),
    );
  });

  it("rejects palette problems: missing PLTE, oversized PLTE, index past the palette", () => {
    const indexRows = Uint8Array.of(0, 0, 1, 2, 3, 0, 0, 1, 2, 3, 0, 0, 1, 2, 3);
    const palette2 = pngChunk("PLTE", Uint8Array.of(1, 2, 3, 4, 5, 6));
    formatError(buildPng(ihdr({ width: 4, height: 3, colorType: 3 }), idat(indexRows), iend()));
    const pixel = formatError(
      buildPng(ihdr({ width: 4, height: 3, colorType: 3 }), palette2, idat(indexRows), iend()),
    );
    expect(pixel.expected).toContain("palette indices below 2");
    formatError(
      buildPng(
        ihdr({ width: 4, height: 3, colorType: 3, bitDepth: 1 }),
        pngChunk("PLTE", new Uint8Array(9)),
        idat(indexRows),
        iend(),
      ),
    );
    formatError(buildPng(ihdr({ width: 4, height: 3 }), palette2, idat(GOOD_ROWS), iend()));
  });

  it("rejects bad scanline data: filter type, short stream, broken zlib, decompression bomb", () => {
    const badFilter = GOOD_ROWS.slice();
    badFilter[5] = 7;
    const filterError = formatError(
      buildPng(ihdr({ width: 4, height: 3 }), idat(badFilter), iend()),
    );
    expect(filterError.found).toContain("7 at row 1");
    const short = formatError(
      buildPng(ihdr({ width: 4, height: 3 }), idat(GOOD_ROWS.subarray(0, 10)), iend()),
    );
    expect(short.found).toContain("truncated");
    const broken = deflateSync(GOOD_ROWS);
    broken[3] = (broken[3] ?? 0) ^ 0xff;
    formatError(buildPng(ihdr({ width: 4, height: 3 }), pngChunk("IDAT", broken), iend()));
    // 1 x 1 declared, 10 MB of zeros inside: inflation stops at the 2 bytes the IHDR allows.
    const bomb = formatError(
      buildPng(ihdr({ width: 1, height: 1 }), idat(new Uint8Array(10_000_000)), iend()),
    );
    expect(bomb.expected).toContain("at most 2 bytes");
  });

  it("rejects malformed text chunks but reads good ones", () => {
    const rows = idat(GOOD_ROWS);
    const noNul = pngChunk("tEXt", Uint8Array.of(0x41, 0x42));
    formatError(buildPng(ihdr({ width: 4, height: 3 }), noNul, rows, iend()));
    const badZtxt = pngChunk("zTXt", Uint8Array.of(0x41, 0, 0, 1, 2, 3));
    formatError(buildPng(ihdr({ width: 4, height: 3 }), badZtxt, rows, iend()));
    const ztxt = pngChunk(
      "zTXt",
      Uint8Array.of(0x4b, 0, 0, ...deflateSync(Buffer.from("value", "latin1"))),
    );
    expect(
      decodePng(buildPng(ihdr({ width: 4, height: 3 }), ztxt, rows, iend()), NAME).text,
    ).toEqual({ K: "value" });
  });
});

describeWithFixtures("decodePng on damaged copies of the real TREx PNG", () => {
  const original = readFixture("trex", "20200508_060500_122643_gill_rgb-04_320ms_full.png");

  it("rejects every truncation and every flipped byte (CRC-protected) with a FormatError", () => {
    // Deterministic spread of cut points and flipped bytes over the whole file.
    for (let i = 0; i < 40; i++) {
      const at = Math.floor((i * original.length) / 40) + (i % 7);
      formatError(original.slice(0, at));
      const flipped = original.slice();
      flipped[at] = (flipped[at] ?? 0) ^ 0x10;
      formatError(flipped);
    }
  });

  it("re-encodes the real image losslessly", () => {
    const image = decodePng(original, "trex.png");
    const again = decodePng(encodePng(image), "again.png");
    // Oracle: the decoded original (whose SHA-256 matches PIL in decode.test.ts); exact.
    expect(Buffer.compare(Buffer.from(again.data.buffer), Buffer.from(image.data.buffer))).toBe(0);
  });
});
