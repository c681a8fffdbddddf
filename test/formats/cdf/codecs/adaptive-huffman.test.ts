import { describe, expect, it } from "vitest";
import { decodeAdaptiveHuffman } from "../../../../src/formats/cdf/codecs/adaptive-huffman.js";
import { encodeAdaptiveHuffman } from "../../../../src/formats/cdf/codecs/adaptive-huffman-encoder.js";
import {
  ascii,
  context,
  expectFormatError,
  expectSameBytes,
  fromHex,
  pseudoRandomBytes,
  sha256,
  toHex,
} from "./codec-test-support.js";

/**
 * Oracle: streams written by the CDF 2.7 library's own CompressAHUFF0 (cdfhuff.c, compiled and
 * run by the authors of an independent Rust CDF reader, whose `cdfhuff` codec tests publish
 * them as hex). Input, CDF_AHUFF stream.
 */
const LIBRARY_STREAMS: ReadonlyArray<readonly [Uint8Array, string]> = [
  [new Uint8Array(0), "00"],
  [ascii("A"), "a0c0"],
  [ascii("abracadabra, abracadabra"), "b08c4395b1bb20a025824026300b7000"],
  [fromHex("00000000000000000138"), "80304039c4"],
];

describe("CDF_AHUFF", () => {
  it("decodes what the CDF library wrote, and encodes to the same bytes", () => {
    for (const [plain, stream] of LIBRARY_STREAMS) {
      expectSameBytes(decodeAdaptiveHuffman(fromHex(stream), plain.length, context), plain);
      expect(toHex(encodeAdaptiveHuffman(plain))).toBe(stream);
    }
  });

  it("ignores bytes after the end-of-stream code (room left in the record)", () => {
    for (const [plain, stream] of LIBRARY_STREAMS) {
      expectSameBytes(
        decodeAdaptiveHuffman(fromHex(`${stream}deadbeef`), plain.length, context),
        plain,
      );
    }
  });

  it("matches a stream derived by hand", () => {
    // Start: root 0 over node 1 = END_OF_STREAM (bit 0) and node 2 = ESCAPE (bit 1).
    // "A" is new: ESCAPE's code 1, then 0x41 = 01000001. Node 2 splits into 3 = ESCAPE and
    // 4 = A (weight 0). Updating A: node 4 -> 1 (node 3 also weighs 1: no swap); its parent
    // node 2 -> 2 outweighs node 1 (1), so they swap: node 1 = the joined node, node 2 = EOS.
    // END_OF_STREAM is now node 2: code 1. Bits 1 01000001 1 -> 10100000 11000000 = a0 c0.
    expect(toHex(encodeAdaptiveHuffman(ascii("A")))).toBe("a0c0");
    // A second "A": its leaf is node 4 (even: 1) under node 1 (odd: 0), code 01. Updating
    // A: node 4 -> 2 outweighs nodes 3 and 2 (weight 1) but not node 1 (2), so it swaps with
    // node 2: A = node 2, END_OF_STREAM = node 4 under node 1, code 01.
    // Bits 1 01000001 01 01 -> 10100000 10101000 = a0 a8.
    expect(toHex(encodeAdaptiveHuffman(ascii("AA")))).toBe("a0a8");
  });

  it("round-trips edge cases", () => {
    const distinct = Uint8Array.from({ length: 256 }, (_, i) => (i * 37) & 0xff);
    const cases = [new Uint8Array(0), fromHex("00"), new Uint8Array(70_000), distinct];
    for (const input of cases) {
      // Invariant: decode(encode(x)) == x.
      const stream = encodeAdaptiveHuffman(input);
      expectSameBytes(decodeAdaptiveHuffman(stream, input.length, context), input);
    }
  });

  it("writes the NASA-validated stream across tree rebuilds (root weight 0x8000)", () => {
    // 100 000 skewed bytes: the root reaches 0x8000 about five times (first after 32 766
    // bytes, then about every 16 384), so the tree is halved and rebuilt each time. Oracle: this stream's SHA-256, whose stream NASA's CDF Java library
    // (cdfj CDFAHuffman.decompress, run standalone on 2026-11-22) decoded to exactly the input.
    const skewed = pseudoRandomBytes(100_000, 99).map((b, i) => (i % 3 === 0 ? b : b & 7));
    const stream = encodeAdaptiveHuffman(skewed);
    expect(sha256(stream)).toBe("4226aa80feef7377ef95df79bedbcecc7eab6662f9c6b700be5385b91d447457");
    expectSameBytes(decodeAdaptiveHuffman(stream, skewed.length, context), skewed);
  });

  it("rejects a byte escaped twice", () => {
    // 'A' sent through the escape (1 01000001), then the escape's new code 00 and 'A' again.
    expectFormatError(() => decodeAdaptiveHuffman(fromHex("a08820"), 100, context));
  });

  it("rejects every truncation of a valid stream", () => {
    const streams = LIBRARY_STREAMS.map(([, hex]) => fromHex(hex));
    streams.push(encodeAdaptiveHuffman(pseudoRandomBytes(3000, 5)));
    for (const stream of streams) {
      const step = Math.max(1, Math.floor(stream.length / 200));
      for (let cut = 0; cut < stream.length; cut += step) {
        expectFormatError(() => decodeAdaptiveHuffman(stream.subarray(0, cut), 1 << 20, context));
      }
    }
  });

  it("rejects output beyond maxOutputBytes (decompression bomb)", () => {
    const stream = encodeAdaptiveHuffman(new Uint8Array(100_000));
    expectFormatError(() => decodeAdaptiveHuffman(stream, 99_999, context));
    expectSameBytes(
      decodeAdaptiveHuffman(stream, Number.MAX_SAFE_INTEGER, context),
      new Uint8Array(100_000),
    );
  });
});
