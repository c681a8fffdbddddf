import { BitWriter } from "./bit-writer.js";
import { buildHuffmanTree, END_OF_STREAM, huffmanCodes, LEAF_COUNT } from "./huffman-tree.js";

/*
 * CDF_HUFF encoder, following the steps of cdfhuff.c's CompressHUFF0 (after Nelson's huff.c;
 * described by NASA's CDF Java port, class CDFHuffman) so that its output is byte-for-byte what
 * the CDF library writes: count the bytes, scale the counts to one byte each, write them as
 * runs, build the tree, write each byte's code and then END_OF_STREAM's.
 */

/** Largest weight a header byte can hold (scale_counts). */
const MAX_WEIGHT = 255;
/** output_counts starts a new run only when more than this many zero weights separate two. */
const MAX_ZERO_GAP = 3;

/**
 * scale_counts: divide every count by floor(max / 255) + 1, keeping any nonzero count at least
 * 1. An empty input counts one byte 0 so that the tree has two leaves.
 */
function scaleCounts(input: Uint8Array): Int32Array {
  const counts = new Float64Array(256);
  for (let i = 0; i < input.length; i++) counts[input[i]!]!++;
  let maxCount = 0;
  for (let symbol = 0; symbol < 256; symbol++) maxCount = Math.max(maxCount, counts[symbol]!);
  if (maxCount === 0) {
    counts[0] = 1;
    maxCount = 1;
  }
  const divisor = Math.floor(maxCount / MAX_WEIGHT) + 1;
  const weights = new Int32Array(LEAF_COUNT);
  for (let symbol = 0; symbol < 256; symbol++) {
    const count = counts[symbol]!;
    const weight = Math.floor(count / divisor);
    weights[symbol] = weight === 0 && count !== 0 ? 1 : weight;
  }
  weights[END_OF_STREAM] = 1;
  return weights;
}

/**
 * output_counts: runs of weights that bridge gaps of up to three zero weights, each written as
 * first, last, weights; then a 0 byte. The first run starts at the first weighted symbol.
 */
function weightRuns(weights: Int32Array): number[] {
  const header: number[] = [];
  let first = 0;
  while (first < 255 && weights[first] === 0) first++;
  let next = 256;
  for (; first < 256; first = next) {
    let last = first + 1;
    for (;;) {
      while (last < 256 && weights[last] !== 0) last++;
      last--;
      next = last + 1;
      while (next < 256 && weights[next] === 0) next++;
      if (next > 255 || next - last > MAX_ZERO_GAP) break;
      last = next;
    }
    header.push(first, last);
    for (let symbol = first; symbol <= last; symbol++) header.push(weights[symbol]!);
  }
  header.push(0);
  return header;
}

/** Encodes bytes as a CDF_HUFF block. */
export function encodeHuffman(input: Uint8Array): Uint8Array {
  const weights = scaleCounts(input);
  const header = weightRuns(weights);
  const { codes, lengths } = huffmanCodes(buildHuffmanTree(weights));
  let bodyBits = lengths[END_OF_STREAM]!;
  for (let i = 0; i < input.length; i++) bodyBits += lengths[input[i]!]!;
  const writer = new BitWriter(header.length + Math.ceil(bodyBits / 8));
  writer.writeBytes(header);
  for (let i = 0; i < input.length; i++) {
    const symbol = input[i]!;
    writer.writeBits(codes[symbol]!, lengths[symbol]!);
  }
  writer.writeBits(codes[END_OF_STREAM]!, lengths[END_OF_STREAM]!);
  return writer.finish();
}
