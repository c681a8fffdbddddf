import { createHash } from "node:crypto";
import type { DType } from "../core/dtype.js";
import { type AnyNDArray, elementCount } from "../core/ndarray.js";

/** What `inspect --json` reports for one array; field names follow the JSON shape. */
export interface ArraySummary {
  readonly path: string;
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly min: number | string | null;
  readonly max: number | string | null;
  readonly sum: number | null;
  readonly nanCount: number;
  /** SHA-256 of the values as little-endian bytes in row-major order; null for strings. */
  readonly sha256: string | null;
  /** For string arrays: the first STRING_VALUES_SHOWN values, in row-major order. */
  readonly values?: readonly string[];
}

/** String arrays are short in practice (names, dates, paths); longer ones are cut in reports. */
export const STRING_VALUES_SHOWN = 64;

const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Summarises an array the way the oracle files do (numpy: min, max and sum over all values,
 * NaNs excluded from min/max by counting them apart; complex summarised over the real parts).
 * 64-bit integers are summed exactly as bigint and reported as a number (rounded only if huge).
 */
export function summarize(path: string, array: AnyNDArray): ArraySummary {
  if (array.dtype === "string") {
    return {
      path,
      dtype: "string",
      shape: array.shape,
      min: null,
      max: null,
      sum: null,
      nanCount: 0,
      sha256: null,
      values: array.data.slice(0, STRING_VALUES_SHOWN),
    };
  }
  const data = array.data;
  const stride = array.dtype === "complex64" || array.dtype === "complex128" ? 2 : 1;
  const count = elementCount(array.shape);
  let min: number | undefined;
  let max: number | undefined;
  let sum = 0;
  let nanCount = 0;
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
    let bigSum = 0n;
    let bigMin: bigint | undefined;
    let bigMax: bigint | undefined;
    for (const v of data) {
      bigSum += v;
      if (bigMin === undefined || v < bigMin) bigMin = v;
      if (bigMax === undefined || v > bigMax) bigMax = v;
    }
    sum = Number(bigSum);
    min = bigMin === undefined ? undefined : Number(bigMin);
    max = bigMax === undefined ? undefined : Number(bigMax);
  } else {
    for (let i = 0; i < count * stride; i += stride) {
      const v = data[i] as number;
      if (Number.isNaN(v)) {
        nanCount++;
        continue;
      }
      sum += v;
      if (min === undefined || v < min) min = v;
      if (max === undefined || v > max) max = v;
    }
  }
  return {
    path,
    dtype: array.dtype,
    shape: array.shape,
    min: min ?? null,
    max: max ?? null,
    sum,
    nanCount,
    sha256: sha256LittleEndian(data),
  };
}

/** SHA-256 of a typed array's values serialised little-endian, whatever the host order. */
export function sha256LittleEndian(data: ArrayBufferView): string {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const hash = createHash("sha256");
  const width = (data as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1;
  if (littleEndianHost || width === 1) {
    hash.update(bytes);
  } else {
    const swapped = new Uint8Array(bytes.byteLength);
    for (let i = 0; i < bytes.byteLength; i += width) {
      for (let b = 0; b < width; b++) swapped[i + b] = bytes[i + width - 1 - b] as number;
    }
    hash.update(swapped);
  }
  return hash.digest("hex");
}
