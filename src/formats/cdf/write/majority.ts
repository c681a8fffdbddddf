/**
 * Column-major storage. In a column-major CDF (CDR Flags bit 0 clear) the values of one record
 * are stored with the FIRST dimension varying fastest; records themselves stay in record order
 * (CDF User's Guide 3.9, 2.3.12 "Variable Majority"). The writer takes row-major input, as every
 * array in aurorakit is, and reorders each record here.
 */

/**
 * For each stored (column-major) value index of one record, the row-major index of the value it
 * holds; undefined when both orders coincide (fewer than two dimensions).
 */
export function columnMajorOrder(dims: readonly number[]): Int32Array | undefined {
  if (dims.length < 2) return undefined;
  const count = dims.reduce((a, b) => a * b, 1);
  // Row-major strides: the last dimension has stride 1.
  const strides = new Array<number>(dims.length);
  let stride = 1;
  for (let d = dims.length - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= dims[d]!;
  }
  const order = new Int32Array(count);
  const coordinate = new Array<number>(dims.length).fill(0);
  let rowMajorIndex = 0;
  for (let stored = 0; stored < count; stored++) {
    order[stored] = rowMajorIndex;
    // Advance the column-major coordinate: the first dimension fastest.
    for (let d = 0; d < dims.length; d++) {
      const next = coordinate[d]! + 1;
      if (next < dims[d]!) {
        coordinate[d] = next;
        rowMajorIndex += strides[d]!;
        break;
      }
      rowMajorIndex -= strides[d]! * (next - 1);
      coordinate[d] = 0;
    }
  }
  return order;
}

/** Copies whole records from row-major `bytes` into a new buffer in column-major order. */
export function toColumnMajor(
  bytes: Uint8Array,
  order: Int32Array,
  valueBytes: number,
): Uint8Array {
  const out = new Uint8Array(bytes.length);
  const recordBytes = order.length * valueBytes;
  for (let record = 0; record < bytes.length; record += recordBytes) {
    for (let stored = 0; stored < order.length; stored++) {
      const from = record + order[stored]! * valueBytes;
      const to = record + stored * valueBytes;
      for (let b = 0; b < valueBytes; b++) out[to + b] = bytes[from + b]!;
    }
  }
  return out;
}
