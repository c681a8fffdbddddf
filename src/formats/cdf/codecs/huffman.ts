import type { InflateContext } from "../../compression/inflate.js";
import {
  checkMaxOutputBytes,
  codecError,
  finishOutput,
  growOutput,
  initialOutput,
} from "./codec-support.js";
import {
  buildHuffmanTree,
  END_OF_STREAM,
  type HuffmanTree,
  huffmanCodes,
  LEAF_COUNT,
} from "./huffman-tree.js";

/*
 * CDF_HUFF block layout (cdfhuff.c after Nelson's huff.c; see huffman-tree.ts for sources):
 *   header: runs of leaf weights, each run = first symbol (1 byte), last symbol (1 byte), then
 *           one weight byte per symbol first..last; after each run one byte: 0 ends the header,
 *           anything else is the next run's first symbol (so only the first run may start at
 *           symbol 0). Symbols without a weight have weight 0; END_OF_STREAM has weight 1.
 *   body:   the code of each byte, then the code of END_OF_STREAM, bits packed most significant
 *           first, the last byte padded with zero bits. Nothing after END_OF_STREAM is read.
 */

/** Bits resolved by one table lookup; longer codes finish with a walk down the tree. */
const TABLE_BITS = 12;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
/** Table entries for leaves hold (symbol << 8) | code length; subtrees hold -node. */
const LENGTH_MASK = 0xff;

/** Reads the weight runs; returns the leaf weights and where the bit stream starts. */
function readWeights(
  input: Uint8Array,
  context: InflateContext,
): { weights: Int32Array; bodyOffset: number } {
  const weights = new Int32Array(LEAF_COUNT);
  const need = (pos: number, bytes: number, what: string): void => {
    if (pos + bytes > input.length) {
      throw codecError(context, pos, `${what} of the Huffman header`, "the end of the block");
    }
  };
  need(0, 2, "the first symbol run");
  let first = input[0]!;
  let last = input[1]!;
  let pos = 2;
  let previousLast = -1;
  let weighted = 0;
  for (;;) {
    if (first <= previousLast || last < first) {
      throw codecError(
        context,
        pos - 2,
        `a run of weights that starts after symbol ${previousLast} and does not end before it starts`,
        `the run ${first}..${last} (a malformed Huffman header)`,
      );
    }
    const runBytes = last - first + 1;
    need(pos, runBytes, `${runBytes} weights`);
    for (let symbol = first; symbol <= last; symbol++) {
      const weight = input[pos++]!;
      weights[symbol] = weight;
      if (weight !== 0) weighted++;
    }
    previousLast = last;
    need(pos, 1, "the end marker or next run");
    first = input[pos++]!;
    if (first === 0) break;
    need(pos, 1, "the last symbol of a run");
    last = input[pos++]!;
  }
  if (weighted === 0) {
    // Only END_OF_STREAM would be in the tree: it would have no code. cdfhuff.c gives an empty
    // input a weight for byte 0, so no encoder writes this.
    throw codecError(context, pos - 1, "at least one byte value with a weight", "none");
  }
  weights[END_OF_STREAM] = 1;
  return { weights, bodyOffset: pos };
}

/**
 * Fills the lookup table: every TABLE_BITS-bit prefix maps to a leaf (symbol << 8 | length) or,
 * for codes longer than TABLE_BITS, to minus the subtree root the prefix leads to.
 */
function buildTable(tree: HuffmanTree): Int32Array {
  const table = new Int32Array(1 << TABLE_BITS);
  const { codes, lengths } = huffmanCodes(tree);
  for (let symbol = 0; symbol <= END_OF_STREAM; symbol++) {
    const length = lengths[symbol]!;
    if (length === 0) continue;
    const code = codes[symbol]!;
    if (length <= TABLE_BITS) {
      const start = code << (TABLE_BITS - length);
      table.fill((symbol << 8) | length, start, start + (1 << (TABLE_BITS - length)));
      continue;
    }
    // Several long codes share a prefix; walking it from the root once per leaf is cheap
    // (at most 257 leaves x TABLE_BITS steps) and keeps one tree walk in the codebase.
    const prefix = code >>> (length - TABLE_BITS);
    let node = tree.root;
    for (let bit = TABLE_BITS - 1; bit >= 0; bit--) {
      node = (prefix >>> bit) & 1 ? tree.child1[node]! : tree.child0[node]!;
    }
    table[prefix] = -node;
  }
  return table;
}

/** Decodes a CDF_HUFF block into at most `maxOutputBytes` bytes. */
export function decodeHuffman(
  input: Uint8Array,
  maxOutputBytes: number,
  context: InflateContext,
): Uint8Array {
  checkMaxOutputBytes(maxOutputBytes);
  const { weights, bodyOffset } = readWeights(input, context);
  const tree = buildHuffmanTree(weights);
  const table = buildTable(tree);
  const { child0, child1 } = tree;
  const inputBytes = input.length;
  const inputBits = inputBytes * 8;
  // Every code is at least one bit long, so the body cannot expand more than 8 times.
  const limit = Math.min(maxOutputBytes, (inputBytes - bodyOffset) * 8);
  let output = initialOutput(maxOutputBytes, limit);
  let outPos = 0;
  // Bit buffer: the low `bitCount` bits of `bits` are unread, most significant first. Past the
  // end of the input zero bits are fed in; the check after each symbol turns reading them into
  // a truncation error.
  let bits = 0;
  let bitCount = 0;
  let pos = bodyOffset;
  for (;;) {
    if (bitCount < TABLE_BITS) {
      if (pos + 2 <= inputBytes) {
        // At most 11 unread bits + 16 new ones: fits the 32-bit buffer.
        bits = (bits << 16) | (input[pos]! << 8) | input[pos + 1]!;
        pos += 2;
        bitCount += 16;
      } else {
        while (bitCount <= 24) {
          bits = (bits << 8) | (pos < inputBytes ? input[pos]! : 0);
          pos++;
          bitCount += 8;
        }
      }
    }
    const entry = table[(bits >>> (bitCount - TABLE_BITS)) & TABLE_MASK]!;
    let symbol: number;
    if (entry >= 0) {
      bitCount -= entry & LENGTH_MASK;
      symbol = entry >>> 8;
    } else {
      bitCount -= TABLE_BITS;
      let node = -entry;
      while (node > END_OF_STREAM) {
        if (bitCount === 0) {
          bits = pos < inputBytes ? input[pos]! : 0;
          pos++;
          bitCount = 8;
        }
        bitCount--;
        node = (bits >>> bitCount) & 1 ? child1[node]! : child0[node]!;
      }
      symbol = node;
    }
    if (pos > inputBytes && pos * 8 - bitCount > inputBits) {
      throw codecError(
        context,
        inputBytes,
        "more Huffman codes before the end-of-stream code",
        "the end of the block (truncated)",
      );
    }
    if (symbol === END_OF_STREAM) break;
    if (outPos === output.length) {
      output = growOutput(
        output,
        outPos,
        limit,
        context,
        pos - ((bitCount + 7) >> 3),
        "Huffman block",
      );
    }
    output[outPos++] = symbol;
  }
  return finishOutput(output, outPos);
}
