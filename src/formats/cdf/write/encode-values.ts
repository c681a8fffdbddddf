/**
 * Turns caller values (typed arrays, number/bigint lists, strings) into the bytes a CDF stores,
 * in the file's byte order.
 */
import { InvalidArgumentError } from "../../../core/errors.js";
import { HOST_LITTLE_ENDIAN } from "../encoding.js";
import type { CdfTypeInfo, CdfValueArrayKind } from "./data-types.js";
import { scalarsPerCdfElement } from "./data-types.js";

/** Numeric values of one CDF type: the matching typed array, or a plain list. */
export type CdfNumericValues =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | Float32Array
  | Float64Array
  | readonly number[]
  | readonly bigint[];

export type CdfValues = CdfNumericValues | readonly string[];

const CONSTRUCTORS = {
  int8: Int8Array,
  uint8: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  float32: Float32Array,
  float64: Float64Array,
} as const;

type NumberKind = keyof typeof CONSTRUCTORS;

/** Reverses the byte order of every `unitBytes`-wide unit of `bytes`, in place. */
export function swapBytesInPlace(bytes: Uint8Array, unitBytes: 1 | 2 | 4 | 8): void {
  if (unitBytes === 1) return;
  // Node's native swaps: an hour of images is 157 MB, too much for a byte loop in JS.
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (unitBytes === 2) view.swap16();
  else if (unitBytes === 4) view.swap32();
  else view.swap64();
}

/**
 * Returns the host-order bytes of numeric `values` for `info` without copying when the caller
 * already passed the matching typed array.
 */
export function hostBytesOf(info: CdfTypeInfo, values: CdfValues, argument: string): Uint8Array {
  const kind = info.kind;
  if (kind === "string") {
    throw new InvalidArgumentError(argument, `CDF_${info.name} takes a string[], not numbers`);
  }
  const typed = toTypedArray(kind, values, argument, info);
  return new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
}

function toTypedArray(
  kind: Exclude<CdfValueArrayKind, "string">,
  values: CdfValues,
  argument: string,
  info: CdfTypeInfo,
): ArrayBufferView & { length: number } {
  const expected = kind === "int64" ? "BigInt64Array" : CONSTRUCTORS[kind].name;
  if (ArrayBuffer.isView(values)) {
    const matches =
      kind === "int64" ? values instanceof BigInt64Array : values instanceof CONSTRUCTORS[kind];
    if (!matches) {
      throw new InvalidArgumentError(
        argument,
        `CDF_${info.name} values must be a ${expected}, got ${values.constructor.name}`,
      );
    }
    return values;
  }
  if (!Array.isArray(values)) {
    throw new InvalidArgumentError(argument, `expected a ${expected} or an array of values`);
  }
  if (kind === "int64") return bigintArray(values, argument, info);
  return numberArray(kind, values, argument, info);
}

function bigintArray(values: readonly unknown[], argument: string, info: CdfTypeInfo) {
  const out = new BigInt64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const item = values[i];
    // Safe integers are accepted as a convenience; anything else must already be a bigint.
    const v = typeof item === "number" && Number.isSafeInteger(item) ? BigInt(item) : item;
    if (typeof v !== "bigint" || BigInt.asIntN(64, v) !== v) {
      throw new InvalidArgumentError(
        argument,
        `CDF_${info.name} values must be 64-bit signed integers; item ${i} is ${String(item)}`,
      );
    }
    out[i] = v;
  }
  return out;
}

function numberArray(
  kind: NumberKind,
  values: readonly unknown[],
  argument: string,
  info: CdfTypeInfo,
) {
  const out = new CONSTRUCTORS[kind](values.length);
  const isFloat = kind === "float32" || kind === "float64";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number") {
      throw new InvalidArgumentError(argument, `item ${i} of CDF_${info.name} is not a number`);
    }
    out[i] = v;
    // Integers must survive the store unchanged: no silent wrap-around or truncation.
    if (!isFloat && out[i] !== v) {
      throw new InvalidArgumentError(
        argument,
        `item ${i} (${v}) does not fit CDF_${info.name}; pass an in-range integer`,
      );
    }
  }
  return out;
}

/** Numeric elements in `values` (EPOCH16 counts one element per (s, ps) pair). */
export function elementCountOf(info: CdfTypeInfo, values: CdfValues): number {
  return values.length / scalarsPerCdfElement(info);
}

/** Bytes of numeric values in the file's byte order (always a fresh copy). */
export function encodeNumbers(
  info: CdfTypeInfo,
  values: CdfValues,
  littleEndian: boolean,
  argument: string,
): Uint8Array {
  const bytes = hostBytesOf(info, values, argument).slice();
  if (littleEndian !== HOST_LITTLE_ENDIAN) swapBytesInPlace(bytes, info.swapUnitBytes);
  return bytes;
}

/**
 * Latin-1 bytes of `values`, each padded with NULs to `numElems` characters (CDF strings are
 * fixed-width character arrays: CDF User's Guide 3.9, "Data Types").
 */
export function encodeStrings(
  values: readonly string[],
  numElems: number,
  argument: string,
): Uint8Array {
  const out = new Uint8Array(values.length * numElems);
  for (let i = 0; i < values.length; i++) {
    const s = values[i];
    if (typeof s !== "string") {
      throw new InvalidArgumentError(argument, `item ${i} is not a string`);
    }
    if (s.length > numElems) {
      throw new InvalidArgumentError(
        argument,
        `item ${i} has ${s.length} characters but the variable holds ${numElems}; raise numElems`,
      );
    }
    for (let c = 0; c < s.length; c++) {
      const code = s.charCodeAt(c);
      if (code > 0xff) {
        throw new InvalidArgumentError(
          argument,
          `item ${i} has a character outside Latin-1 at index ${c}; CDF strings are 8-bit`,
        );
      }
      out[i * numElems + c] = code;
    }
  }
  return out;
}
