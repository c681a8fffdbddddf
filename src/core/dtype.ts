/**
 * Element types, named as numpy names them so that `inspect --json` output lines up with the
 * independent readers (cdflib, scipy, h5py) the tests compare against.
 */

export type NumericDType =
  | "int8"
  | "uint8"
  | "int16"
  | "uint16"
  | "int32"
  | "uint32"
  | "int64"
  | "uint64"
  | "float32"
  | "float64"
  | "complex64"
  | "complex128";

export type DType = NumericDType | "string";

export interface TypedArrayByDType {
  int8: Int8Array;
  uint8: Uint8Array;
  int16: Int16Array;
  uint16: Uint16Array;
  int32: Int32Array;
  uint32: Uint32Array;
  int64: BigInt64Array;
  uint64: BigUint64Array;
  /** Interleaved (re, im) pairs: length is twice the element count. */
  complex64: Float32Array;
  /** Interleaved (re, im) pairs: length is twice the element count. */
  complex128: Float64Array;
  float32: Float32Array;
  float64: Float64Array;
}

export type NumericTypedArray = TypedArrayByDType[NumericDType];

/** Bytes one element occupies (a complex element counts both parts). */
export const BYTES_PER_ELEMENT: Readonly<Record<NumericDType, number>> = {
  int8: 1,
  uint8: 1,
  int16: 2,
  uint16: 2,
  int32: 4,
  uint32: 4,
  int64: 8,
  uint64: 8,
  float32: 4,
  float64: 8,
  complex64: 8,
  complex128: 16,
};

/** Typed-array scalars per element: 2 for complex (re, im), otherwise 1. */
export function scalarsPerElement(dtype: NumericDType): number {
  return dtype === "complex64" || dtype === "complex128" ? 2 : 1;
}

/** Allocates a zero-filled typed array holding `count` elements of `dtype`. */
export function allocate<D extends NumericDType>(dtype: D, count: number): TypedArrayByDType[D] {
  const n = count * scalarsPerElement(dtype);
  const arrays: { [K in NumericDType]: () => TypedArrayByDType[K] } = {
    int8: () => new Int8Array(n),
    uint8: () => new Uint8Array(n),
    int16: () => new Int16Array(n),
    uint16: () => new Uint16Array(n),
    int32: () => new Int32Array(n),
    uint32: () => new Uint32Array(n),
    int64: () => new BigInt64Array(n),
    uint64: () => new BigUint64Array(n),
    float32: () => new Float32Array(n),
    float64: () => new Float64Array(n),
    complex64: () => new Float32Array(n),
    complex128: () => new Float64Array(n),
  };
  return arrays[dtype]();
}
