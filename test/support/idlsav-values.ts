/** Narrowing helpers for tests of the IDL save reader: fail loudly on the wrong kind. */
import type {
  IdlHeapReferences,
  IdlNumeric,
  IdlStrings,
  IdlStruct,
  IdlValue,
} from "../../src/formats/idlsav/types.js";

function expectKind<K extends IdlValue["kind"]>(
  value: IdlValue | null | undefined,
  kind: K,
): Extract<IdlValue, { kind: K }> {
  if (value === null || value === undefined || value.kind !== kind) {
    throw new Error(`expected an IDL ${kind} value, got ${value === null ? "null" : value?.kind}`);
  }
  return value as Extract<IdlValue, { kind: K }>;
}

export const asNumeric = (v: IdlValue | null | undefined): IdlNumeric => expectKind(v, "numeric");
export const asStrings = (v: IdlValue | null | undefined): IdlStrings => expectKind(v, "string");
export const asStruct = (v: IdlValue | null | undefined): IdlStruct => expectKind(v, "struct");
export const asPointer = (v: IdlValue | null | undefined): IdlHeapReferences =>
  expectKind(v, "pointer");
export const asObjref = (v: IdlValue | null | undefined): IdlHeapReferences =>
  expectKind(v, "objref");

/** A numeric value as [dtype, shape, plain array of its scalars]. */
export function numericParts(v: IdlValue | null | undefined): [string, number[], unknown[]] {
  const { array } = asNumeric(v);
  return [array.dtype, [...array.shape], Array.from(array.data as ArrayLike<unknown>)];
}
