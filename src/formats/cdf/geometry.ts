import { elementCount } from "../../core/ndarray.js";
import type { VariableDescriptor } from "./vdr.js";

/**
 * How one record of a variable is stored versus how it is returned. A stored record holds only
 * the dimensions whose DimVarys is TRUE, in the file's majority (CDF User's Guide 3.9, sections
 * 2.3.11-2.3.12); the returned record always has every dimension, row-major.
 */
export interface RecordGeometry {
  /** Bytes of one stored value (NumElems characters for CHAR/UCHAR). */
  readonly valueBytes: number;
  readonly storedValues: number;
  readonly storedRecordBytes: number;
  readonly outputValues: number;
  /** For each output value of a record, the index of the stored value it copies; undefined when identity. */
  readonly remap: Int32Array | undefined;
}

export function recordGeometry(vdr: VariableDescriptor, rowMajor: boolean): RecordGeometry {
  const valueBytes = vdr.type.elementBytes * vdr.numElements;
  const storedDims = vdr.dims.filter((_, i) => vdr.dimVarys[i]);
  const storedValues = elementCount(storedDims);
  const outputValues = elementCount(vdr.dims);
  const identity = storedDims.length === vdr.dims.length && (rowMajor || storedDims.length <= 1);
  return {
    valueBytes,
    storedValues,
    storedRecordBytes: storedValues * valueBytes,
    outputValues,
    remap: identity ? undefined : buildRemap(vdr.dims, vdr.dimVarys, rowMajor, outputValues),
  };
}

/**
 * Output (row-major, all dims) -> stored (varying dims only, row- or column-major) value index.
 * A non-varying dimension repeats its single stored value along its whole extent.
 */
function buildRemap(
  dims: readonly number[],
  varys: readonly boolean[],
  rowMajor: boolean,
  outputValues: number,
): Int32Array {
  const storedStride = new Array<number>(dims.length).fill(0);
  let stride = 1;
  const order = dims.map((_, i) => i);
  if (rowMajor) order.reverse();
  for (const i of order) {
    if (!varys[i]) continue;
    storedStride[i] = stride;
    stride *= dims[i] ?? 1;
  }
  const remap = new Int32Array(outputValues);
  const coordinate = new Array<number>(dims.length).fill(0);
  let storedIndex = 0;
  for (let o = 0; o < outputValues; o++) {
    remap[o] = storedIndex;
    // Advance the row-major coordinate (last dimension fastest), updating the stored index.
    for (let d = dims.length - 1; d >= 0; d--) {
      const c = (coordinate[d] ?? 0) + 1;
      const s = storedStride[d] ?? 0;
      if (c < (dims[d] ?? 1)) {
        coordinate[d] = c;
        storedIndex += s;
        break;
      }
      storedIndex -= s * (c - 1);
      coordinate[d] = 0;
    }
  }
  return remap;
}
