import { expect, it } from "vitest";
import { FormatError } from "../../../../src/core/errors.js";
import { decodeAdaptiveHuffman } from "../../../../src/formats/cdf/codecs/adaptive-huffman.js";
import { encodeAdaptiveHuffman } from "../../../../src/formats/cdf/codecs/adaptive-huffman-encoder.js";
import { decodeHuffman } from "../../../../src/formats/cdf/codecs/huffman.js";
import { encodeHuffman } from "../../../../src/formats/cdf/codecs/huffman-encoder.js";
import { decodeRle, encodeRle } from "../../../../src/formats/cdf/codecs/rle.js";
import type { InflateContext } from "../../../../src/formats/compression/inflate.js";
import { describeWithFixtures } from "../../../support/describe-fixtures.js";
import {
  context,
  expectFormatError,
  expectSameBytes,
  realImageBytes,
  realSaveFileBytes,
  sha256,
} from "./codec-test-support.js";

type Decode = (input: Uint8Array, maxOutputBytes: number, context: InflateContext) => Uint8Array;

const CODECS: ReadonlyArray<readonly [string, (input: Uint8Array) => Uint8Array, Decode]> = [
  ["rle", encodeRle, decodeRle],
  ["huff", encodeHuffman, decodeHuffman],
  ["ahuff", encodeAdaptiveHuffman, decodeAdaptiveHuffman],
];

/**
 * Oracle: SHA-256 of the streams our encoders write for the real bytes. Each stream was checked
 * on 2026-11-22 by decoding it with the decompression code of NASA's CDF Java library
 * (gov.nasa.gsfc.spdf.cdfj CDFRLE.decompress, CDFHuffman.decompress, CDFAHuffman.decompress,
 * run standalone outside this repository): all six decoded to exactly the input bytes. So a
 * stream with these hashes is one the CDF library reads back correctly; the adaptive streams
 * cover hundreds of tree rebuilds.
 */
const VALIDATED_STREAM_SHA256: Record<string, Record<string, string>> = {
  image: {
    rle: "bf647299eeec58a8f5c416ee6c25989e1cdd009990a457720382816617353875",
    huff: "01b56c959e03677c22df87dce89e960d388ffbe16c582a4e5ae6f010d506b8ce",
    ahuff: "527bc87c313fb10aec0a2ca6fe2fad0f38330c82f408bf90fcce64c31a3d3d8d",
  },
  save: {
    rle: "8950e607220601dd6f8200cef1dd05762592148915c07e35697cb929e1a9149f",
    huff: "d81221f8b288c7835b75e33d63880e612039dcbd24f611f190251bc93548e425",
    ahuff: "d9fa5a8d5d279c7a74393ae890d110b63195119cfddf31bd19462b20ac893e87",
  },
};

describeWithFixtures("CDF codecs on real bytes", () => {
  const inputs: ReadonlyArray<readonly [string, () => Uint8Array]> = [
    ["image", realImageBytes],
    ["save", realSaveFileBytes],
  ];
  for (const [inputName, load] of inputs) {
    for (const [codecName, encode, decode] of CODECS) {
      it(`${codecName} writes the NASA-validated stream for the ${inputName} bytes and reads it back`, () => {
        const input = load();
        const stream = encode(input);
        expect(sha256(stream)).toBe(VALIDATED_STREAM_SHA256[inputName]?.[codecName]);
        // Invariant: decoding restores the input exactly, with the exact size as the cap ...
        expectSameBytes(decode(stream, input.length, context), input);
        // ... and one byte less is a decompression bomb.
        expectFormatError(() => decode(stream, input.length - 1, context));
      });
    }
  }

  it("never fails other than with a FormatError on corrupted real streams", () => {
    const input = realImageBytes().subarray(0, 64 * 1024);
    for (const [, encode, decode] of CODECS) {
      const stream = encode(input);
      let state = 12345;
      for (let trial = 0; trial < 60; trial++) {
        const corrupt = stream.slice();
        // Linear congruential choice of position and value (Numerical Recipes constants).
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        const position = state % corrupt.length;
        corrupt[position] = corrupt[position]! ^ (1 + ((state >>> 24) % 255));
        try {
          const output = decode(corrupt, input.length * 2, context);
          // Invariant: whatever decodes stays within the cap.
          expect(output.length).toBeLessThanOrEqual(input.length * 2);
        } catch (error) {
          expect(error).toBeInstanceOf(FormatError);
        }
      }
    }
  });
});
