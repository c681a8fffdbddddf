import type { InflateContext } from "../../compression/inflate.js";
import { AdaptiveHuffmanModel, END_OF_STREAM, ESCAPE } from "./adaptive-huffman-model.js";
import {
  checkMaxOutputBytes,
  codecError,
  finishOutput,
  growOutput,
  initialOutput,
} from "./codec-support.js";

/*
 * CDF_AHUFF block layout (cdfhuff.c after Nelson's ahuff.c; see adaptive-huffman-model.ts):
 * no header; each byte is its code in the current tree, or ESCAPE's code followed by the byte
 * in 8 bits when the byte is new; then END_OF_STREAM's code. Bits are packed most significant
 * first and the last byte is padded with zero bits.
 */

/** Bits of the byte that follows an ESCAPE code. */
const LITERAL_BITS = 8;

/** Decodes a CDF_AHUFF block into at most `maxOutputBytes` bytes. */
export function decodeAdaptiveHuffman(
  input: Uint8Array,
  maxOutputBytes: number,
  context: InflateContext,
): Uint8Array {
  checkMaxOutputBytes(maxOutputBytes);
  const model = new AdaptiveHuffmanModel();
  const { child, isLeaf } = model;
  const inputBytes = input.length;
  const inputBits = inputBytes * 8;
  // Every code is at least one bit long (the root is never a leaf).
  const limit = Math.min(maxOutputBytes, inputBits);
  let output = initialOutput(maxOutputBytes, limit);
  let outPos = 0;
  // The low `bitCount` bits of `bits` are unread, most significant first; zero bits are fed in
  // past the end and the check after each symbol turns reading them into a truncation error.
  let bits = 0;
  let bitCount = 0;
  let pos = 0;
  for (;;) {
    let node = 0;
    while (isLeaf[node] === 0) {
      if (bitCount === 0) {
        bits = pos < inputBytes ? input[pos]! : 0;
        pos++;
        bitCount = 8;
      }
      bitCount--;
      node = child[node]! + ((bits >>> bitCount) & 1);
    }
    let symbol = child[node]!;
    if (symbol === ESCAPE) {
      while (bitCount < LITERAL_BITS) {
        bits = (bits << 8) | (pos < inputBytes ? input[pos]! : 0);
        pos++;
        bitCount += 8;
      }
      bitCount -= LITERAL_BITS;
      symbol = (bits >>> bitCount) & 0xff;
      if (!model.canAdd(symbol)) {
        throw codecError(
          context,
          pos - 1,
          "an escaped byte value not yet in the adaptive Huffman tree",
          `byte ${symbol} escaped again (a corrupt stream)`,
        );
      }
      model.add(symbol);
    }
    if (pos > inputBytes && pos * 8 - bitCount > inputBits) {
      throw codecError(
        context,
        inputBytes,
        "more adaptive Huffman codes before the end-of-stream code",
        "the end of the block (truncated)",
      );
    }
    if (symbol === END_OF_STREAM) break;
    if (outPos === output.length) {
      output = growOutput(output, outPos, limit, context, pos - 1, "adaptive Huffman block");
    }
    output[outPos++] = symbol;
    model.update(symbol);
  }
  return finishOutput(output, outPos);
}
