import type { NumericDType } from "../../core/dtype.js";
import { TypeCode } from "./constants.js";
import type { IdlTypeName } from "./types.js";

/** What one IDL type code becomes, and how its values are stored in the data stream. */
export interface IdlTypeInfo {
  readonly name: IdlTypeName;
  /** Native dtype of decoded values (numpy's name, as scipy.io.readsav's DTYPE_DICT). */
  readonly dtype: NumericDType | undefined;
  /**
   * Bytes one element occupies in VARDATA. INT and UINT are widened to a 32-bit LONG
   * ("Signed or Unsigned INT (16-bit): (U)LONG (32-bit)", Markwardt node22); BYTE arrays are
   * packed one byte per element after a LONG length (BYTE_DATA, Markwardt node22).
   */
  readonly storedBytes: number;
}

const TYPES: ReadonlyMap<number, IdlTypeInfo> = new Map<number, IdlTypeInfo>([
  [TypeCode.BYTE, { name: "byte", dtype: "uint8", storedBytes: 1 }],
  [TypeCode.INT, { name: "int", dtype: "int16", storedBytes: 4 }],
  [TypeCode.LONG, { name: "long", dtype: "int32", storedBytes: 4 }],
  [TypeCode.FLOAT, { name: "float", dtype: "float32", storedBytes: 4 }],
  [TypeCode.DOUBLE, { name: "double", dtype: "float64", storedBytes: 8 }],
  [TypeCode.COMPLEX, { name: "complex", dtype: "complex64", storedBytes: 8 }],
  [TypeCode.STRING, { name: "string", dtype: undefined, storedBytes: 4 }],
  [TypeCode.STRUCT, { name: "struct", dtype: undefined, storedBytes: 0 }],
  [TypeCode.DCOMPLEX, { name: "dcomplex", dtype: "complex128", storedBytes: 16 }],
  // Heap pointers and object references are stored as LONG heap indices (Markwardt node22).
  [TypeCode.POINTER, { name: "pointer", dtype: undefined, storedBytes: 4 }],
  [TypeCode.OBJREF, { name: "objref", dtype: undefined, storedBytes: 4 }],
  [TypeCode.UINT, { name: "uint", dtype: "uint16", storedBytes: 4 }],
  [TypeCode.ULONG, { name: "ulong", dtype: "uint32", storedBytes: 4 }],
  [TypeCode.LONG64, { name: "long64", dtype: "int64", storedBytes: 8 }],
  [TypeCode.ULONG64, { name: "ulong64", dtype: "uint64", storedBytes: 8 }],
]);

/** Type facts for a code already validated to be 1..15. */
export function idlType(code: number): IdlTypeInfo {
  const info = TYPES.get(code);
  if (info === undefined) throw new RangeError(`IDL type code ${code} was not validated`);
  return info;
}

/**
 * Fewest bytes `count` values of a non-structure type occupy in VARDATA (exact for all but
 * strings, whose characters come on top of a 4-byte length). Used to refuse, before any
 * allocation, counts the remaining bytes cannot hold.
 */
export function minimumStoredBytes(code: number, count: number): number {
  if (code === TypeCode.UNDEFINED) return 0;
  if (code === TypeCode.BYTE) return 4 + Math.ceil(count / 4) * 4;
  return count * idlType(code).storedBytes;
}
