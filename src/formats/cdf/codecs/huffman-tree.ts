/*
 * The static Huffman tree of CDF_HUFF, shared by the decoder and the encoder.
 *
 * CDF_HUFF is the "huff" program of Mark Nelson's The Data Compression Book (1992, chapter 3),
 * taken into the CDF library's cdfhuff.c (CDF User's Guide 3.9, chapter 2, "Compression"). The
 * codes are not canonical: they are whatever the tree-building loop below produces, so the tie
 * breaking must be exactly the library's or every code after the first tie differs. The loop
 * (as described by NASA's CDF Java port, class CDFHuffman, and by jcdf's HuffmanInputStream):
 * scan nodes 0..nextFree-1, skip weight 0, keep the lightest and second lightest using strict
 * "<" (so on a tie the lower-numbered node wins), join them as node nextFree with the lightest
 * on the 0 branch, zero both weights, repeat until fewer than two nodes remain.
 */

/** Symbol 256 ends every stream; it always has weight 1 (Nelson's END_OF_STREAM). */
export const END_OF_STREAM = 256;
/** Leaves are the 256 byte values and END_OF_STREAM. */
export const LEAF_COUNT = 257;
/** 257 leaves, at most 256 joined nodes numbered 257..512, and slot 513 as the sentinel. */
const NODE_SLOTS = 514;
const SENTINEL = 513;
/** The sentinel's weight in cdfhuff.c; real sums never reach it (at most 256 * 255 + 1). */
const SENTINEL_WEIGHT = 0xffff;

export interface HuffmanTree {
  /** Node reached on a 0 bit, for joined nodes 257..512. */
  readonly child0: Int16Array;
  /** Node reached on a 1 bit. */
  readonly child1: Int16Array;
  /** The root: a joined node (> END_OF_STREAM) unless fewer than two leaves have weight. */
  readonly root: number;
}

/** Builds the tree from the 257 leaf weights (index 256 is END_OF_STREAM). */
export function buildHuffmanTree(leafWeights: Int32Array): HuffmanTree {
  const weight = new Int32Array(NODE_SLOTS);
  weight.set(leafWeights.subarray(0, LEAF_COUNT));
  weight[SENTINEL] = SENTINEL_WEIGHT;
  const child0 = new Int16Array(NODE_SLOTS);
  const child1 = new Int16Array(NODE_SLOTS);
  let nextFree = LEAF_COUNT;
  for (;;) {
    let lightest = SENTINEL;
    let second = SENTINEL;
    for (let node = 0; node < nextFree; node++) {
      const w = weight[node]!;
      if (w === 0) continue;
      if (w < weight[lightest]!) {
        second = lightest;
        lightest = node;
      } else if (w < weight[second]!) {
        second = node;
      }
    }
    if (second === SENTINEL) break;
    weight[nextFree] = weight[lightest]! + weight[second]!;
    weight[lightest] = 0;
    weight[second] = 0;
    child0[nextFree] = lightest;
    child1[nextFree] = second;
    nextFree++;
  }
  return { child0, child1, root: nextFree - 1 };
}

export interface HuffmanCodes {
  /** The code of each leaf, right-aligned, first bit most significant. */
  readonly codes: Int32Array;
  /** Its length in bits (0 for a leaf not in the tree). */
  readonly lengths: Uint8Array;
  /** The longest code. */
  readonly maxLength: number;
}

/**
 * Walks the tree to list every leaf's code. Depth is at most 22: leaf weights are 1..255 and
 * sum to at most 65281, below F(25) = 75025, the least total weight of a Huffman tree of depth
 * 23 (Fibonacci bound), so codes fit a 32-bit integer.
 */
export function huffmanCodes(tree: HuffmanTree): HuffmanCodes {
  const codes = new Int32Array(LEAF_COUNT);
  const lengths = new Uint8Array(LEAF_COUNT);
  let maxLength = 0;
  // Explicit stack of (node, code, length); a tree has at most 513 nodes.
  const stackNode = new Int32Array(NODE_SLOTS);
  const stackCode = new Int32Array(NODE_SLOTS);
  const stackLength = new Int32Array(NODE_SLOTS);
  stackNode[0] = tree.root;
  let top = 1;
  while (top > 0) {
    top--;
    const node = stackNode[top]!;
    const code = stackCode[top]!;
    const length = stackLength[top]!;
    if (node <= END_OF_STREAM) {
      codes[node] = code;
      lengths[node] = length;
      if (length > maxLength) maxLength = length;
      continue;
    }
    stackNode[top] = tree.child0[node]!;
    stackCode[top] = code << 1;
    stackLength[top] = length + 1;
    top++;
    stackNode[top] = tree.child1[node]!;
    stackCode[top] = (code << 1) | 1;
    stackLength[top] = length + 1;
    top++;
  }
  return { codes, lengths, maxLength };
}
