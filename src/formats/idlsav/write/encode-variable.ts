import { ARRSTART_32, MAX_DIMS, STRUCTSTART, TypeCode, VARSTART, VarFlag } from "../constants.js";
import type {
  IdlWriteNumeric,
  IdlWriteNumericType,
  IdlWriteStruct,
  IdlWriteValue,
} from "./write-value.js";
import type { XdrSink } from "./xdr-sink.js";

/** Type code (Markwardt node19) and bytes per element in IDL memory (Markwardt node20: NBYTES_EL). */
const NUMERIC: Readonly<Record<IdlWriteNumericType, { code: number; memoryBytes: number }>> = {
  byte: { code: TypeCode.BYTE, memoryBytes: 1 },
  int: { code: TypeCode.INT, memoryBytes: 2 },
  long: { code: TypeCode.LONG, memoryBytes: 4 },
  float: { code: TypeCode.FLOAT, memoryBytes: 4 },
  double: { code: TypeCode.DOUBLE, memoryBytes: 8 },
  uint: { code: TypeCode.UINT, memoryBytes: 2 },
  ulong: { code: TypeCode.ULONG, memoryBytes: 4 },
  long64: { code: TypeCode.LONG64, memoryBytes: 8 },
  ulong64: { code: TypeCode.ULONG64, memoryBytes: 8 },
};
/** NBYTES_EL of a string array is 12 (Markwardt node20, ARRAY_DESC). */
const STRING_MEMORY_BYTES = 12;
/** NBYTES is a LONG: larger arrays are written with it saturated (readers ignore it, Markwardt node20). */
const MAX_LONG = 0x7fffffff;

function typeCode(value: IdlWriteValue): number {
  if (value.kind === "numeric") return NUMERIC[value.idlType].code;
  return value.kind === "string" ? TypeCode.STRING : TypeCode.STRUCT;
}

/** Bytes of one element in IDL memory, used for NBYTES_EL, NBYTES and tag offsets. */
function memoryBytes(value: IdlWriteValue): number {
  if (value.kind === "numeric") return NUMERIC[value.idlType].memoryBytes * value.data.length;
  if (value.kind === "string") return STRING_MEMORY_BYTES * value.data.length;
  let total = 0;
  for (const [, field] of value.fields) total += memoryBytes(field);
  return total;
}

/** Arrays, and structures (always stored as one-element arrays), carry an ARRAY_DESC. */
function isArray(value: IdlWriteValue): boolean {
  return value.kind === "struct" || value.shape.length > 0;
}

function flags(value: IdlWriteValue): number {
  if (value.kind === "struct") return VarFlag.ARRAY | VarFlag.STRUCTURE;
  return isArray(value) ? VarFlag.ARRAY : 0;
}

/**
 * ARRAY_DESC (Markwardt node20): ARRSTART = 8, NBYTES_EL, NBYTES, NELEMENTS, NDIMS, two zero
 * LONGs, NMAX = 8, then DIMS in IDL order (first dimension varies fastest, i.e. the row-major
 * shape reversed), padded with 1s.
 */
function writeArrayDesc(sink: XdrSink, value: IdlWriteValue): void {
  const shape = value.kind === "struct" ? [1] : value.shape;
  const count = shape.reduce((a, b) => a * b, 1);
  const elementBytes = value.kind === "struct" ? memoryBytes(value) : memoryBytes(value) / count;
  sink.i32(ARRSTART_32);
  sink.i32(Math.min(elementBytes, MAX_LONG));
  sink.i32(Math.min(elementBytes * count, MAX_LONG));
  sink.i32(count);
  sink.i32(shape.length);
  sink.i32(0);
  sink.i32(0);
  sink.i32(MAX_DIMS);
  for (let i = 0; i < MAX_DIMS; i++)
    sink.i32(i < shape.length ? (shape[shape.length - 1 - i] as number) : 1);
}

/**
 * STRUCT_DESC (Markwardt, "Structures"): STRUCTSTART = 9, the name, PREDEF = 0 (the full
 * definition is always written), NTAGS, the byte size, one TAG_DESC (offset, type code,
 * flags) per tag, the tag names, then the ARRAY_DESCs of array tags and the STRUCT_DESCs of
 * structure tags, each in tag order.
 */
function writeStructDesc(sink: XdrSink, struct: IdlWriteStruct): void {
  sink.i32(STRUCTSTART);
  sink.recordString(struct.name.toUpperCase());
  sink.i32(0);
  sink.i32(struct.fields.length);
  sink.i32(Math.min(memoryBytes(struct), MAX_LONG));
  let offset = 0;
  for (const [, field] of struct.fields) {
    sink.i32(Math.min(offset, MAX_LONG));
    sink.i32(typeCode(field));
    sink.i32(flags(field));
    offset += memoryBytes(field);
  }
  for (const [tag] of struct.fields) sink.recordString(tag.toUpperCase());
  for (const [, field] of struct.fields) if (isArray(field)) writeArrayDesc(sink, field);
  for (const [, field] of struct.fields) if (field.kind === "struct") writeStructDesc(sink, field);
}

/** TYPEDESC (Markwardt node19/node20): type code, VARFLAGS, then the descriptors it calls for. */
export function writeTypeDesc(sink: XdrSink, value: IdlWriteValue): void {
  sink.i32(typeCode(value));
  sink.i32(flags(value));
  if (isArray(value)) writeArrayDesc(sink, value);
  if (value.kind === "struct") writeStructDesc(sink, value);
}

function writeNumericData(sink: XdrSink, value: IdlWriteNumeric): void {
  const count = value.data.length;
  // Stored widths per type: Markwardt node22 (INT and UINT widened to 32 bits; BYTE packed).
  switch (value.idlType) {
    case "byte":
      // BYTE_DATA: LONG count, the bytes, padding to 32 bits.
      sink.i32(count);
      sink.raw(value.data);
      sink.align4();
      return;
    case "int":
    case "long": {
      const data = value.data;
      sink.values(count, 4, (view, at, i) => view.setInt32(at, data[i] as number));
      return;
    }
    case "uint":
    case "ulong": {
      const data = value.data;
      sink.values(count, 4, (view, at, i) => view.setUint32(at, data[i] as number));
      return;
    }
    case "float": {
      const data = value.data;
      sink.values(count, 4, (view, at, i) => view.setFloat32(at, data[i] as number));
      return;
    }
    case "double": {
      const data = value.data;
      sink.values(count, 8, (view, at, i) => view.setFloat64(at, data[i] as number));
      return;
    }
    case "long64": {
      const data = value.data;
      sink.values(count, 8, (view, at, i) => view.setBigInt64(at, data[i] as bigint));
      return;
    }
    case "ulong64": {
      const data = value.data;
      sink.values(count, 8, (view, at, i) => view.setBigUint64(at, data[i] as bigint));
      return;
    }
  }
}

/**
 * VARDATA (Markwardt node22): numeric values at their stored widths; each string as STRING_DATA
 * (LONG length and, when non-empty, the length again and the characters padded to 32 bits);
 * a structure as its tags' data in order.
 */
export function writeVarData(sink: XdrSink, value: IdlWriteValue): void {
  if (value.kind === "numeric") {
    writeNumericData(sink, value);
  } else if (value.kind === "string") {
    for (const text of value.data) {
      sink.i32(text.length);
      if (text.length === 0) continue;
      sink.i32(text.length);
      sink.latin1(text);
    }
  } else {
    for (const [, field] of value.fields) writeVarData(sink, field);
  }
}

/** A VARIABLE record body: the name, TYPEDESC, VARSTART = 7, VARDATA (Markwardt node15). */
export function writeVariableBody(sink: XdrSink, name: string, value: IdlWriteValue): void {
  sink.recordString(name.toUpperCase());
  writeTypeDesc(sink, value);
  sink.i32(VARSTART);
  writeVarData(sink, value);
}
