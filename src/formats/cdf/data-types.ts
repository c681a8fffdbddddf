import type { DType, NumericDType } from "../../core/dtype.js";
import { CdfDataType } from "./constants.js";

/** What the reader needs to know about one CDF data type. */
export interface CdfDataTypeInfo {
  readonly code: number;
  /** Name as the CDF User's Guide spells it, e.g. "CDF_UINT2". */
  readonly name: string;
  /** Bytes of one element (CDF IFD 3.9, section 2.6; EPOCH16 is two 8-byte doubles). */
  readonly elementBytes: number;
  /** Bytes reversed as one unit when the file's byte order differs from the host's. */
  readonly swapUnitBytes: 1 | 2 | 4 | 8;
  readonly dtype: DType;
}

function info(
  code: number,
  name: string,
  elementBytes: number,
  swapUnitBytes: 1 | 2 | 4 | 8,
  dtype: DType,
): CdfDataTypeInfo {
  return { code, name, elementBytes, swapUnitBytes, dtype };
}

/**
 * Type code -> layout and numpy dtype (CDF User's Guide 3.9, section 2.5 "Data types"). EPOCH is
 * a float64 of ms since 0000-01-01, EPOCH16 a (seconds, picoseconds) pair reported as complex128
 * like cdflib does, TT2000 an int64 of ns since J2000 that stays bigint until converted.
 */
const TYPES: ReadonlyMap<number, CdfDataTypeInfo> = new Map(
  [
    info(CdfDataType.CDF_INT1, "CDF_INT1", 1, 1, "int8"),
    info(CdfDataType.CDF_INT2, "CDF_INT2", 2, 2, "int16"),
    info(CdfDataType.CDF_INT4, "CDF_INT4", 4, 4, "int32"),
    info(CdfDataType.CDF_INT8, "CDF_INT8", 8, 8, "int64"),
    info(CdfDataType.CDF_UINT1, "CDF_UINT1", 1, 1, "uint8"),
    info(CdfDataType.CDF_UINT2, "CDF_UINT2", 2, 2, "uint16"),
    info(CdfDataType.CDF_UINT4, "CDF_UINT4", 4, 4, "uint32"),
    info(CdfDataType.CDF_REAL4, "CDF_REAL4", 4, 4, "float32"),
    info(CdfDataType.CDF_REAL8, "CDF_REAL8", 8, 8, "float64"),
    info(CdfDataType.CDF_EPOCH, "CDF_EPOCH", 8, 8, "float64"),
    info(CdfDataType.CDF_EPOCH16, "CDF_EPOCH16", 16, 8, "complex128"),
    info(CdfDataType.CDF_TIME_TT2000, "CDF_TIME_TT2000", 8, 8, "int64"),
    info(CdfDataType.CDF_BYTE, "CDF_BYTE", 1, 1, "int8"),
    info(CdfDataType.CDF_FLOAT, "CDF_FLOAT", 4, 4, "float32"),
    info(CdfDataType.CDF_DOUBLE, "CDF_DOUBLE", 8, 8, "float64"),
    info(CdfDataType.CDF_CHAR, "CDF_CHAR", 1, 1, "string"),
    info(CdfDataType.CDF_UCHAR, "CDF_UCHAR", 1, 1, "string"),
  ].map((t) => [t.code, t]),
);

/** The type with this code, or undefined for a code the format does not define. */
export function cdfDataType(code: number): CdfDataTypeInfo | undefined {
  return TYPES.get(code);
}

export function isStringType(type: CdfDataTypeInfo): boolean {
  return type.dtype === "string";
}

export function numericDType(type: CdfDataTypeInfo): NumericDType | undefined {
  return type.dtype === "string" ? undefined : type.dtype;
}

/**
 * Pad value used when a variable defines none, in host representation (CDF User's Guide 3.9,
 * section 2.3.20 "Pad values", default pad value table for CDF 3.x).
 */
export function defaultPadValue(type: CdfDataTypeInfo): number | bigint | string {
  switch (type.code) {
    case CdfDataType.CDF_INT1:
    case CdfDataType.CDF_BYTE:
      return -127;
    case CdfDataType.CDF_INT2:
      return -32767;
    case CdfDataType.CDF_INT4:
      return -2147483647;
    case CdfDataType.CDF_INT8:
    case CdfDataType.CDF_TIME_TT2000:
      return -9223372036854775807n;
    case CdfDataType.CDF_UINT1:
      return 254;
    case CdfDataType.CDF_UINT2:
      return 65534;
    case CdfDataType.CDF_UINT4:
      return 4294967294;
    case CdfDataType.CDF_REAL4:
    case CdfDataType.CDF_FLOAT:
    case CdfDataType.CDF_REAL8:
    case CdfDataType.CDF_DOUBLE:
      return -1e30;
    case CdfDataType.CDF_CHAR:
    case CdfDataType.CDF_UCHAR:
      return " ";
    default:
      // EPOCH (0.0 = 0000-01-01T00:00:00.000) and EPOCH16 ((0.0, 0.0)): zero.
      return 0;
  }
}
