import type { NumericDType, TypedArrayByDType } from "./dtype.js";

/**
 * A dense array in row-major (C) order: the last index varies fastest. Readers of
 * column-major formats (IDL, Fortran-ordered CDF) reverse or transpose into this layout.
 */
export interface NDArray<D extends NumericDType = NumericDType> {
  readonly dtype: D;
  readonly shape: readonly number[];
  readonly data: TypedArrayByDType[D];
}

/** Strings in row-major order (CDF_CHAR arrays, IDL string arrays, HDF5 string datasets). */
export interface StringNDArray {
  readonly dtype: "string";
  readonly shape: readonly number[];
  readonly data: readonly string[];
}

export type AnyNDArray = NDArray | StringNDArray;

/** Number of elements an array of this shape holds (1 for a scalar, shape []). */
export function elementCount(shape: readonly number[]): number {
  let count = 1;
  for (const extent of shape) count *= extent;
  return count;
}
