import type { ByteReader } from "../../core/byte-reader.js";
import { allocate, type NumericDType, type NumericTypedArray } from "../../core/dtype.js";
import { elementCount } from "../../core/ndarray.js";
import { TypeCode } from "./constants.js";
import { copyBigEndian, copyWidened16, type WideTypedArray } from "./convert.js";
import type { StructDesc, TypeDesc } from "./descriptors.js";
import { idlType, minimumStoredBytes } from "./idl-types.js";
import { alignTo4, readStringData } from "./strings.js";
import type { IdlHeapReferences, IdlValue } from "./types.js";

/** Decoded values of one tag (or one whole variable) across all elements, before wrapping. */
type Column =
  | {
      readonly kind: "numeric";
      readonly code: number;
      readonly dtype: NumericDType;
      readonly data: NumericTypedArray;
    }
  | { readonly kind: "string"; readonly data: string[] }
  | { readonly kind: "heap"; readonly code: number; readonly data: Int32Array }
  | { readonly kind: "struct"; readonly desc: StructDesc; readonly columns: readonly Column[] };

/** Heap references created while decoding, with their still-empty target lists. */
export interface PendingReferences {
  readonly value: IdlHeapReferences;
  readonly targets: (IdlValue | null)[];
}

/**
 * Decodes VARDATA described by `type` (Markwardt node22) at the reader's position. Every count
 * is checked against the bytes left in the record before anything is allocated.
 */
export function readVarData(
  reader: ByteReader,
  type: TypeDesc,
  what: string,
  pending: PendingReferences[],
): IdlValue {
  const at = reader.position;
  const count = type.array?.elementCount ?? 1;
  const shape = type.array?.shape ?? [];
  const needed =
    type.struct === undefined
      ? minimumStoredBytes(type.typeCode, count)
      : count * type.struct.minimumElementBytes;
  if (needed > reader.remaining) {
    reader.fail(
      `${what}: ${count} element(s) needing at least ${needed} bytes`,
      `only ${reader.remaining} bytes left in the record`,
      at,
    );
  }
  const column = allocateColumn(type.typeCode, type.struct, count);
  if (column.kind === "struct") {
    for (let i = 0; i < count; i++) readStructElement(reader, column, i);
  } else {
    readValues(reader, column, 0, count, what);
  }
  return wrapColumn(column, shape, pending);
}

function allocateColumn(code: number, struct: StructDesc | undefined, total: number): Column {
  if (struct !== undefined) {
    const columns = struct.tags.map((tag) =>
      allocateColumn(tag.typeCode, tag.struct, total * (tag.array?.elementCount ?? 1)),
    );
    return { kind: "struct", desc: struct, columns };
  }
  if (code === TypeCode.STRING) return { kind: "string", data: new Array<string>(total).fill("") };
  if (code === TypeCode.POINTER || code === TypeCode.OBJREF) {
    return { kind: "heap", code, data: new Int32Array(total) };
  }
  const dtype = idlType(code).dtype;
  if (dtype === undefined) throw new RangeError(`IDL type code ${code} has no dtype`);
  return { kind: "numeric", code, dtype, data: allocate(dtype, total) };
}

function readStructElement(
  reader: ByteReader,
  column: Extract<Column, { kind: "struct" }>,
  index: number,
): void {
  column.desc.tags.forEach((tag, t) => {
    const tagColumn = column.columns[t] as Column;
    const count = tag.array?.elementCount ?? 1;
    if (tagColumn.kind === "struct") {
      for (let k = 0; k < count; k++) readStructElement(reader, tagColumn, index * count + k);
    } else {
      readValues(reader, tagColumn, index * count, count, `tag ${tag.name}`);
    }
  });
}

/** Reads `count` non-structure values into `column` at element index `at`, then aligns. */
function readValues(
  reader: ByteReader,
  column: Exclude<Column, { kind: "struct" }>,
  at: number,
  count: number,
  what: string,
): void {
  if (column.kind === "string") {
    for (let i = 0; i < count; i++)
      column.data[at + i] = readStringData(reader, `a string of ${what}`);
    return;
  }
  const code = column.kind === "heap" ? TypeCode.LONG : column.code;
  if (code === TypeCode.BYTE) {
    // BYTE_DATA: a LONG byte count, the bytes, padding to 32 bits (Markwardt node22). The
    // count is not trusted: IDL 8.0 writes 0 for byte-array tags of structures (seen in the
    // THEMIS skymap fixture) and scipy.io.readsav, too, sizes the data from the descriptor.
    reader.skip(4, `the byte count of ${what}`);
    (column.data as Uint8Array).set(reader.bytesView(count, `the bytes of ${what}`), at);
    alignTo4(reader, what);
    return;
  }
  const bytes = reader.bytesView(count * idlType(code).storedBytes, `the values of ${what}`);
  if (code === TypeCode.INT || code === TypeCode.UINT) {
    copyWidened16(bytes, column.data as Int16Array | Uint16Array, at, count);
    return;
  }
  const scalars = code === TypeCode.COMPLEX || code === TypeCode.DCOMPLEX ? 2 : 1;
  copyBigEndian(bytes, column.data as WideTypedArray, at * scalars, count * scalars);
}

function wrapColumn(
  column: Column,
  shape: readonly number[],
  pending: PendingReferences[],
): IdlValue {
  switch (column.kind) {
    case "numeric":
      return {
        kind: "numeric",
        idlType: idlType(column.code).name,
        array: { dtype: column.dtype, shape, data: column.data },
      };
    case "string":
      return { kind: "string", array: { dtype: "string", shape, data: column.data } };
    case "heap": {
      const targets = new Array<IdlValue | null>(column.data.length).fill(null);
      const value: IdlHeapReferences = {
        kind: column.code === TypeCode.POINTER ? "pointer" : "objref",
        shape,
        heapIndices: column.data,
        targets,
      };
      pending.push({ value, targets });
      return value;
    }
    case "struct": {
      // A one-element structure's fields keep their own shape; otherwise the structure's
      // dimensions come first (IdlStruct documentation).
      const prefix = elementCount(shape) === 1 ? [] : shape;
      const fields = new Map<string, IdlValue>();
      column.desc.tags.forEach((tag, t) => {
        const own = tag.array?.shape ?? (tag.struct === undefined ? [] : [1]);
        fields.set(tag.name, wrapColumn(column.columns[t] as Column, [...prefix, ...own], pending));
      });
      const { name, className, superclasses } = column.desc;
      return {
        kind: "struct",
        name,
        shape,
        fields,
        ...(className === undefined ? {} : { className }),
        ...(superclasses === undefined ? {} : { superclasses }),
      };
    }
  }
}
