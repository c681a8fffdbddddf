/*
 * The adaptive Huffman tree of CDF_AHUFF, shared by the decoder and the encoder.
 *
 * CDF_AHUFF is the "ahuff" program of Mark Nelson's The Data Compression Book (1992, chapter 4),
 * taken into the CDF library's cdfhuff.c (CDF User's Guide 3.9, chapter 2, "Compression"; the
 * steps below as described by NASA's CDF Java port, class CDFAHuffman, and by jcdf's
 * AdaptiveHuffmanInputStream). Both ends start from a root with two leaves, END_OF_STREAM then
 * ESCAPE, weight 1 each. Nodes live in one list kept sorted heaviest first; a joined node's
 * children are the adjacent pair (child, child + 1), reached on bit 0 and bit 1. After each byte
 * its leaf and every ancestor gain 1, each first trading places with the frontmost node it now
 * outweighs. A byte not yet in the tree is sent as ESCAPE's code plus its 8 bits and then added
 * beside the lightest node. When the root reaches 0x8000 every leaf weight is halved (rounding
 * up) and the joined nodes are rebuilt from the leaves.
 */

/** Ends every stream (Nelson's END_OF_STREAM). */
export const END_OF_STREAM = 256;
/** Announces a byte value not yet in the tree (Nelson's ESCAPE). */
export const ESCAPE = 257;
/** 256 bytes + END_OF_STREAM + ESCAPE. */
const SYMBOL_COUNT = 258;
/** A full binary tree over 258 leaves has 515 nodes (Nelson's NODE_TABLE_COUNT). */
const NODE_COUNT = SYMBOL_COUNT * 2 - 1;
const ROOT = 0;
/** Root weight at which the tree is scaled down (Nelson's MAX_WEIGHT). */
const MAX_ROOT_WEIGHT = 0x8000;

/** One tree; all state in typed arrays so updating it allocates nothing. */
export class AdaptiveHuffmanModel {
  readonly weight = new Int32Array(NODE_COUNT);
  /** Parent node, -1 for the root. */
  readonly parent = new Int32Array(NODE_COUNT);
  /** A leaf's symbol, or a joined node's first child (the second is child + 1). */
  readonly child = new Int32Array(NODE_COUNT);
  readonly isLeaf = new Uint8Array(NODE_COUNT);
  /** The node holding each symbol, -1 while the symbol is not in the tree. */
  readonly leaf = new Int32Array(SYMBOL_COUNT).fill(-1);
  private nextFree = 3;

  constructor() {
    this.setNode(ROOT, 2, -1, 1, 0);
    this.setNode(1, 1, ROOT, END_OF_STREAM, 1);
    this.setNode(2, 1, ROOT, ESCAPE, 1);
    this.leaf[END_OF_STREAM] = 1;
    this.leaf[ESCAPE] = 2;
  }

  /**
   * Whether `symbol` can be added: it is not in the tree yet, there is room, and the lightest
   * node is a leaf (always true for a stream an encoder wrote).
   */
  canAdd(symbol: number): boolean {
    return (
      this.leaf[symbol] === -1 &&
      this.nextFree + 2 <= NODE_COUNT &&
      this.isLeaf[this.nextFree - 1] === 1
    );
  }

  /** Splits the lightest leaf into itself and a new weight-0 leaf for `symbol`. */
  add(symbol: number): void {
    const lightest = this.nextFree - 1;
    const moved = this.nextFree;
    const added = this.nextFree + 1;
    this.nextFree += 2;
    this.setNode(moved, this.weight[lightest]!, lightest, this.child[lightest]!, 1);
    this.leaf[this.child[moved]!] = moved;
    this.child[lightest] = moved;
    this.isLeaf[lightest] = 0;
    this.setNode(added, 0, lightest, symbol, 1);
    this.leaf[symbol] = added;
  }

  /** Counts one more `symbol` (which must be in the tree). */
  update(symbol: number): void {
    const { weight, parent, child, isLeaf, leaf } = this;
    if (weight[ROOT] === MAX_ROOT_WEIGHT) this.rebuild();
    let node = leaf[symbol]!;
    while (node !== -1) {
      const w = weight[node]! + 1;
      weight[node] = w;
      // Nelson scans back from `node` while the node in front weighs less than w. The list
      // is sorted heaviest first, so that run is the tail of [0, node) and a search back in
      // growing steps finds its start; the root outweighs every other node, so it is >= 1.
      if (node > ROOT && weight[node - 1]! < w) {
        let high = node - 1;
        let step = 1;
        let low = high - step;
        while (low > ROOT && weight[low]! < w) {
          high = low;
          step <<= 1;
          low = Math.max(ROOT, high - step);
        }
        // Now weight[low] >= w (the root's always is) and weight[high] < w.
        while (high - low > 1) {
          const mid = (low + high) >>> 1;
          if (weight[mid]! >= w) low = mid;
          else high = mid;
        }
        // Swap `node` and `high`: each keeps the parent of its place, and whatever hangs
        // from each is pointed at the other place.
        const childNode = child[node]!;
        const childHigh = child[high]!;
        const leafNode = isLeaf[node]!;
        const leafHigh = isLeaf[high]!;
        if (leafNode === 1) leaf[childNode] = high;
        else parent[childNode] = parent[childNode + 1] = high;
        if (leafHigh === 1) leaf[childHigh] = node;
        else parent[childHigh] = parent[childHigh + 1] = node;
        weight[node] = weight[high]!;
        child[node] = childHigh;
        isLeaf[node] = leafHigh;
        weight[high] = w;
        child[high] = childNode;
        isLeaf[high] = leafNode;
        node = high;
      }
      node = parent[node]!;
    }
  }

  /** Halves the leaf weights and rebuilds the joined nodes (Nelson's RebuildTree). */
  private rebuild(): void {
    const { weight, child, isLeaf, parent, leaf } = this;
    const used = this.nextFree;
    // Gather the leaves at the end of the list, keeping their order.
    let j = used - 1;
    for (let i = j; i >= ROOT; i--) {
      if (isLeaf[i] === 1) {
        weight[j] = (weight[i]! + 1) >> 1;
        child[j] = child[i]!;
        isLeaf[j] = 1;
        j--;
      }
    }
    // Join adjacent pairs from the end; insert each new node where the order stays sorted.
    for (let i = used - 2; j >= ROOT; i -= 2, j--) {
      const w = weight[i]! + weight[i + 1]!;
      let k = j + 1;
      while (k < used && w < weight[k]!) k++;
      k--;
      weight.copyWithin(j, j + 1, k + 1);
      child.copyWithin(j, j + 1, k + 1);
      isLeaf.copyWithin(j, j + 1, k + 1);
      weight[k] = w;
      child[k] = i;
      isLeaf[k] = 0;
    }
    for (let i = used - 1; i >= ROOT; i--) {
      const c = child[i]!;
      if (isLeaf[i] === 1) {
        leaf[c] = i;
      } else {
        parent[c] = i;
        parent[c + 1] = i;
      }
    }
  }

  private setNode(node: number, weight: number, parent: number, child: number, isLeaf: 0 | 1) {
    this.weight[node] = weight;
    this.parent[node] = parent;
    this.child[node] = child;
    this.isLeaf[node] = isLeaf;
  }
}
