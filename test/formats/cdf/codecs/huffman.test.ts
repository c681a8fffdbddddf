import { describe, expect, it } from "vitest";
import { decodeHuffman } from "../../../../src/formats/cdf/codecs/huffman.js";
import { encodeHuffman } from "../../../../src/formats/cdf/codecs/huffman-encoder.js";
import {
  buildHuffmanTree,
  huffmanCodes,
  LEAF_COUNT,
} from "../../../../src/formats/cdf/codecs/huffman-tree.js";
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
 * Oracle: streams written by the CDF 2.7 library's own CompressHUFF0 (cdfhuff.c, compiled and
 * run by the authors of an independent Rust CDF reader, whose `cdfhuff` codec tests publish
 * them as hex). Input, CDF_HUFF stream.
 */
const LIBRARY_STREAMS: ReadonlyArray<readonly [Uint8Array, string]> = [
  [new Uint8Array(0), "0000010080"],
  [ascii("A"), "4141010040"],
  [ascii("abracadabra, abracadabra"), "2020012c2c0161640a040202727204005c972e7fcb92e5c8"],
  [fromHex("00000000000000000138"), "0001080138380100ff4c"],
];

describe("CDF_HUFF", () => {
  it("decodes what the CDF library wrote, and encodes to the same bytes", () => {
    for (const [plain, stream] of LIBRARY_STREAMS) {
      expectSameBytes(decodeHuffman(fromHex(stream), plain.length, context), plain);
      expect(toHex(encodeHuffman(plain))).toBe(stream);
    }
  });

  it("ignores bytes after the end-of-stream code (room left in the record)", () => {
    for (const [plain, stream] of LIBRARY_STREAMS) {
      expectSameBytes(decodeHuffman(fromHex(`${stream}deadbeef`), plain.length, context), plain);
    }
  });

  it("matches a stream derived by hand", () => {
    // Input 00 x8, 01, 38. Header: run 00..01 weights 08 01, run 38..38 weight 01, end 00.
    // Tree (strict < scan, lower number wins ties): join 01(1)+38(1) -> 257(2); join
    // EOS(1)+257(2) -> 258(3); join 258(3)+00(8) -> 259(11) = root.
    // Codes: 00 = 1, EOS = 00, 01 = 010, 38 = 011.
    // Bits: 11111111 | 010 011 00 -> ff 4c.
    const input = fromHex("00000000000000000138");
    expect(toHex(encodeHuffman(input))).toBe("0001080138380100" + "ff4c");
    // "A": one run 41..41 weight 1; leaves A(1), EOS(1) tie, A is lower so takes bit 0.
    // Bits: 0 (A) 1 (EOS), padded: 01000000 = 40.
    expect(toHex(encodeHuffman(ascii("A")))).toBe("414101" + "00" + "40");
  });

  it("scales counts above 255 the way cdfhuff.c does", () => {
    // 1000 zeros and one 07: divisor floor(1000 / 255) + 1 = 4, weights 00 -> 250 (fa) and
    // 07 -> 1 (a nonzero count never scales to 0). The gap 01..06 is longer than 3, so two
    // runs: 00 00 fa | 07 07 01 | 00. Tree: 07(1)+EOS(1) -> 257(2); 257(2)+00(250) -> root,
    // so 00 = 1, 07 = 00, EOS = 01: 1000 + 2 + 2 = 1004 bits = 126 bytes after the header.
    const input = new Uint8Array(1001);
    input[500] = 7;
    const stream = encodeHuffman(input);
    expect(toHex(stream.subarray(0, 7))).toBe("0000fa07070100");
    expect(stream.length).toBe(7 + 126);
    expectSameBytes(decodeHuffman(stream, input.length, context), input);
  });

  it("round-trips edge cases: empty, one byte, all zeros, 256 distinct symbols", () => {
    const distinct = Uint8Array.from({ length: 256 }, (_, i) => 255 - i);
    const cases = [new Uint8Array(0), fromHex("ff"), new Uint8Array(70_000), distinct];
    for (const input of cases) {
      // Invariant: decode(encode(x)) == x.
      expectSameBytes(decodeHuffman(encodeHuffman(input), input.length, context), input);
    }
  });

  it("writes the NASA-validated stream for skewed bytes", () => {
    // Oracle: this stream's SHA-256, whose stream NASA's CDF Java library (cdfj
    // CDFHuffman.decompress, run standalone on 2026-11-22) decoded to exactly the input.
    const skewed = pseudoRandomBytes(100_000, 99).map((b, i) => (i % 3 === 0 ? b : b & 7));
    const stream = encodeHuffman(skewed);
    expect(sha256(stream)).toBe("c38559968ed341884e340005d6f23c6274c18d19b3605890df1126deaa84c4ad");
    expectSameBytes(decodeHuffman(stream, skewed.length, context), skewed);
  });

  it("decodes codes longer than the 12-bit lookup table", () => {
    // Fibonacci counts (with END_OF_STREAM's 1 in front) chain each leaf one level deeper;
    // the pairs of 189 and the 250s push the chain below further subtrees. All counts are
    // under 255, so they are the header weights unscaled.
    const counts = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 189, 189, ...Array(8).fill(250)];
    const parts: number[] = [];
    const weights = new Int32Array(LEAF_COUNT);
    counts.forEach((count, index) => {
      weights[index + 1] = count;
      for (let i = 0; i < count; i++) parts.push(index + 1);
    });
    weights[256] = 1;
    // Invariant: the test really exercises the slow path (some code exceeds 12 bits).
    expect(huffmanCodes(buildHuffmanTree(weights)).maxLength).toBeGreaterThan(12);
    // Interleave the symbols so long codes straddle refills at many bit positions.
    const input = Uint8Array.from(parts);
    // 7919 is prime and does not divide the length, so this is a permutation.
    const shuffled = input.map((_, i) => input[(i * 7919) % input.length]!);
    expectSameBytes(Uint8Array.from(shuffled).sort(), input);
    expectSameBytes(decodeHuffman(encodeHuffman(shuffled), shuffled.length, context), shuffled);
  });

  it("rejects malformed headers", () => {
    // Counts that end before the list does.
    expectFormatError(() => decodeHuffman(fromHex("2021"), 100, context));
    // A run whose last symbol is before its first.
    expectFormatError(() => decodeHuffman(fromHex("05030100ff"), 100, context));
    // Runs out of order (the second starts below the first's end).
    expectFormatError(() => decodeHuffman(fromHex("41410130300100ff"), 100, context));
    // Every weight zero: only END_OF_STREAM would be in the tree.
    expectFormatError(() => decodeHuffman(fromHex("000100000000"), 100, context));
    // A header and no codes at all.
    expectFormatError(() => decodeHuffman(fromHex("20200100"), 100, context));
    expectFormatError(() => decodeHuffman(new Uint8Array(0), 100, context));
  });

  it("rejects every truncation of a valid stream", () => {
    // The last byte always holds part of the END_OF_STREAM code, so no proper prefix is valid.
    const streams = LIBRARY_STREAMS.map(([, hex]) => fromHex(hex));
    streams.push(encodeHuffman(pseudoRandomBytes(3000, 7)));
    for (const stream of streams) {
      const step = Math.max(1, Math.floor(stream.length / 200));
      for (let cut = 0; cut < stream.length; cut += step) {
        expectFormatError(() => decodeHuffman(stream.subarray(0, cut), 1 << 20, context));
      }
    }
  });

  it("rejects output beyond maxOutputBytes (decompression bomb)", () => {
    const stream = encodeHuffman(new Uint8Array(100_000));
    expectFormatError(() => decodeHuffman(stream, 99_999, context));
    // A loose cap decodes the same bytes (the buffer grows instead).
    expectSameBytes(
      decodeHuffman(stream, Number.MAX_SAFE_INTEGER, context),
      new Uint8Array(100_000),
    );
  });
});
