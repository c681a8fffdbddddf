import { AdaptiveHuffmanModel, END_OF_STREAM, ESCAPE } from "./adaptive-huffman-model.js";
import { BitWriter } from "./bit-writer.js";

/** Bits of the byte that follows an ESCAPE code. */
const LITERAL_BITS = 8;

/**
 * Writes the code of `symbol` (or of ESCAPE plus the byte, adding it) from the current tree:
 * the path from the leaf up, where an even-numbered node is a 1 bit (children sit at odd
 * `child` and even `child + 1`), as Nelson's EncodeSymbol does. Depth stays below 24 because
 * the root weight stays below 0x8000 (Fibonacci bound), so the code fits one writeBits call.
 */
function encodeSymbol(model: AdaptiveHuffmanModel, writer: BitWriter, symbol: number): void {
  const known = model.leaf[symbol]! !== -1;
  let node = known ? model.leaf[symbol]! : model.leaf[ESCAPE]!;
  let code = 0;
  let length = 0;
  while (node !== 0) {
    if ((node & 1) === 0) code |= 1 << length;
    length++;
    node = model.parent[node]!;
  }
  writer.writeBits(code, length);
  if (!known) {
    writer.writeBits(symbol, LITERAL_BITS);
    model.add(symbol);
  }
}

/** Encodes bytes as a CDF_AHUFF block (what cdfhuff.c's CompressAHUFF0 writes). */
export function encodeAdaptiveHuffman(input: Uint8Array): Uint8Array {
  const model = new AdaptiveHuffmanModel();
  const writer = new BitWriter(Math.ceil(input.length * 0.75) + 16);
  for (let i = 0; i < input.length; i++) {
    const symbol = input[i]!;
    encodeSymbol(model, writer, symbol);
    model.update(symbol);
  }
  encodeSymbol(model, writer, END_OF_STREAM);
  return writer.finish();
}
