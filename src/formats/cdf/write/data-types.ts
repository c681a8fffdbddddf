/**
 * The CDF data types the writer accepts, by name, with the layout the reader's type table
 * (`../data-types.ts`) gives them and the typed array that carries their values in memory.
 */
import { InvalidArgumentError } from "../../../core/errors.js";
import { CdfDataType } from "../constants.js";
import { cdfDataType } from "../data-types.js";

/** Data type names as the CDF User's Guide spells them, without the `CDF_` prefix. */
export type CdfTypeName =
  | "INT1"
  | "INT2"
  | "INT4"
  | "INT8"
  | "UINT1"
  | "UINT2"
  | "UINT4"
  | "REAL4"
  | "REAL8"
  | "FLOAT"
  | "DOUBLE"
  | "BYTE"
  | "EPOCH"
  | "EPOCH16"
  | "TIME_TT2000"
  | "CHAR"
  | "UCHAR";

/** The in-memory carrier of a type's values; strings are handled apart. */
export type CdfValueArrayKind =
  | "int8"
  | "uint8"
  | "int16"
  | "uint16"
  | "int32"
  | "uint32"
  | "int64"
  | "float32"
  | "float64"
  | "string";

export interface CdfTypeInfo {
  readonly name: CdfTypeName;
  readonly code: number;
  readonly elementBytes: number;
  /** Bytes swapped as one unit when the encoding's byte order differs from the host's. */
  readonly swapUnitBytes: 1 | 2 | 4 | 8;
  readonly kind: CdfValueArrayKind;
}

function unknownType(name: string, argument: string): InvalidArgumentError {
  const known = Object.keys(CdfDataType).map((key) => key.slice(4));
  return new InvalidArgumentError(
    argument,
    `unknown CDF data type ${JSON.stringify(name)}; use one of ${known.join(", ")}`,
  );
}

/** Looks up a type by name (with or without the `CDF_` prefix); unknown → InvalidArgumentError. */
export function cdfTypeInfo(name: string, argument = "dataType"): CdfTypeInfo {
  if (typeof name !== "string") throw unknownType(String(name), argument);
  const bare = name.startsWith("CDF_") ? name.slice(4) : name;
  const key = `CDF_${bare}`;
  if (!Object.hasOwn(CdfDataType, key)) throw unknownType(name, argument);
  const code = CdfDataType[key as keyof typeof CdfDataType];
  const layout = cdfDataType(code);
  if (layout === undefined) throw unknownType(name, argument);
  // EPOCH16 is read back as complex128; the writer takes its (s, ps) pairs as a Float64Array.
  const dtype = layout.dtype === "complex128" ? "float64" : layout.dtype;
  if (dtype === "complex64" || dtype === "uint64") throw unknownType(name, argument);
  return {
    name: bare as CdfTypeName,
    code,
    elementBytes: layout.elementBytes,
    swapUnitBytes: layout.swapUnitBytes,
    kind: dtype,
  };
}

/** Typed-array scalars per element: EPOCH16 carries (seconds, picoseconds) pairs. */
export function scalarsPerCdfElement(info: CdfTypeInfo): number {
  return info.name === "EPOCH16" ? 2 : 1;
}

/**
 * Types a CDF 2.7 file cannot hold: CDF_EPOCH16 came with CDF 3.0, CDF_INT8 and CDF_TIME_TT2000
 * with CDF 3.4 (CDF User's Guide 3.9, "Data Types").
 */
const V3_ONLY_CODES: ReadonlySet<number> = new Set([
  CdfDataType.CDF_EPOCH16,
  CdfDataType.CDF_INT8,
  CdfDataType.CDF_TIME_TT2000,
]);

/** Refuses a V3-only data type (by code) in a V2 file. */
export function checkTypeInVersion(code: number, v3: boolean, argument: string): void {
  if (v3 || !V3_ONLY_CODES.has(code)) return;
  const name = Object.entries(CdfDataType).find(([, c]) => c === code)?.[0] ?? String(code);
  throw new InvalidArgumentError(argument, `${name} needs a CDF 3 file; write with version 3`);
}
