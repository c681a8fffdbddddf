import type { ByteReader } from "../../core/byte-reader.js";
import {
  ARRSTART_32,
  ARRSTART_64,
  MAX_DIMS,
  STRUCTSTART,
  StructFlag,
  TAG_OFFSET_64_MARKER,
  TypeCode,
  VarFlag,
} from "./constants.js";
import { minimumStoredBytes } from "./idl-types.js";
import { readRecordString } from "./strings.js";

/** ARRAY_DESC (Markwardt node20), reduced to what decoding needs. */
export interface ArrayDesc {
  readonly elementCount: number;
  /** Row-major shape: IDL's dimensions (first varies fastest) reversed, as scipy reports. */
  readonly shape: readonly number[];
}

export interface TagDesc {
  readonly name: string;
  readonly typeCode: number;
  /** Present for array tags and structure tags. */
  readonly array: ArrayDesc | undefined;
  /** Present for structure tags. */
  readonly struct: StructDesc | undefined;
}

/** STRUCT_DESC (Markwardt, "Structures"; scipy.io.readsav for the class fields). */
export interface StructDesc {
  readonly name: string;
  readonly tags: readonly TagDesc[];
  readonly className: string | undefined;
  readonly superclasses: readonly string[] | undefined;
  /** Fewest bytes one element can occupy in the data stream (every tag takes 4 or more). */
  readonly minimumElementBytes: number;
}

/** TYPEDESC (Markwardt node19/node20). */
export interface TypeDesc {
  readonly typeCode: number;
  readonly array: ArrayDesc | undefined;
  readonly struct: StructDesc | undefined;
}

/** Structure definitions seen so far in one file, for PREDEF references by name. */
export type StructRegistry = Map<string, StructDesc>;

/** Deeper nesting than this is taken as corruption (it would only exhaust the stack). */
const MAX_STRUCT_DEPTH = 64;

export function readTypeDesc(reader: ByteReader, registry: StructRegistry): TypeDesc {
  const at = reader.position;
  const typeCode = reader.i32("a type code");
  const flags = reader.i32("VARFLAGS");
  if (typeCode < TypeCode.UNDEFINED || typeCode > TypeCode.ULONG64) {
    reader.fail("an IDL type code from 0 to 15", `${typeCode}`, at);
  }
  const isStruct = (flags & VarFlag.STRUCTURE) !== 0;
  if (isStruct !== (typeCode === TypeCode.STRUCT)) {
    reader.fail(
      "the structure flag set exactly for type code 8",
      `type ${typeCode}, flags ${flags}`,
      at,
    );
  }
  if (isStruct) {
    const array = readArrayDesc(reader);
    return { typeCode, array, struct: readStructDesc(reader, registry, 0) };
  }
  const array = (flags & VarFlag.ARRAY) !== 0 ? readArrayDesc(reader) : undefined;
  return { typeCode, array, struct: undefined };
}

export function readArrayDesc(reader: ByteReader): ArrayDesc {
  const at = reader.position;
  const arrstart = reader.i32("ARRSTART");
  let elementCount: number;
  let ndims: number;
  const dims: number[] = [];
  if (arrstart === ARRSTART_32) {
    reader.skip(4, "NBYTES_EL");
    reader.skip(4, "NBYTES");
    elementCount = reader.i32("NELEMENTS");
    ndims = reader.i32("NDIMS");
    reader.skip(8, "two unknown LONGs");
    const nmax = reader.i32("NMAX");
    if (nmax < 0 || nmax > MAX_DIMS || ndims < 0 || ndims > nmax) {
      reader.fail(`0 <= NDIMS <= NMAX <= ${MAX_DIMS}`, `NDIMS ${ndims}, NMAX ${nmax}`, at);
    }
    for (let i = 0; i < nmax; i++) dims.push(reader.i32("a dimension"));
  } else if (arrstart === ARRSTART_64) {
    reader.skip(8, "NBYTES_EL");
    reader.skip(8, "NBYTES");
    elementCount = reader.safeI64("NELEMENTS (64-bit)");
    ndims = reader.i32("NDIMS");
    reader.skip(8, "two unknown LONGs");
    if (ndims < 0 || ndims > MAX_DIMS) reader.fail(`0 <= NDIMS <= ${MAX_DIMS}`, `${ndims}`, at);
    for (let i = 0; i < MAX_DIMS; i++) dims.push(reader.safeI64("a 64-bit dimension"));
  } else {
    return reader.fail(`ARRSTART ${ARRSTART_32} or ${ARRSTART_64}`, `${arrstart}`, at);
  }
  const used = dims.slice(0, ndims);
  let product = 1;
  for (const extent of used) {
    if (extent < 1) reader.fail("array dimensions of at least 1", `[${used.join(", ")}]`, at);
    product *= extent;
  }
  if (product !== elementCount) {
    reader.fail(
      `NELEMENTS equal to the product of the dimensions [${used.join(", ")}] (${product})`,
      `${elementCount}`,
      at,
    );
  }
  // scipy.io.readsav reshapes only when NDIMS > 1: one dimension or none gives [NELEMENTS].
  const shape = ndims > 1 ? used.reverse() : [elementCount];
  return { elementCount, shape };
}

export function readStructDesc(
  reader: ByteReader,
  registry: StructRegistry,
  depth: number,
): StructDesc {
  const at = reader.position;
  if (depth > MAX_STRUCT_DEPTH) {
    reader.fail(`structures nested at most ${MAX_STRUCT_DEPTH} deep`, "deeper nesting", at);
  }
  const start = reader.i32("STRUCTSTART");
  if (start !== STRUCTSTART) reader.fail(`STRUCTSTART = ${STRUCTSTART}`, `${start}`, at);
  const name = readRecordString(reader, "a structure name");
  const flags = reader.i32("the structure PREDEF flags");
  const tagCount = reader.i32("NTAGS");
  reader.skip(4, "the structure byte size");
  if ((flags & StructFlag.PREDEF) !== 0) {
    const known = registry.get(name);
    if (known === undefined) {
      reader.fail(`an earlier definition of predefined structure "${name}"`, "none", at);
    }
    return known;
  }
  // Each TAG_DESC takes at least 12 bytes: check before allocating the tag table.
  if (tagCount < 1 || tagCount * 12 > reader.remaining) {
    reader.fail(
      `a tag count from 1 to ${Math.floor(reader.remaining / 12)} (what the record holds)`,
      `${tagCount}`,
      at,
    );
  }
  const codes: number[] = [];
  const tagFlags: number[] = [];
  for (let i = 0; i < tagCount; i++) {
    if (reader.i32("a tag offset") === TAG_OFFSET_64_MARKER) reader.skip(8, "a 64-bit tag offset");
    const codeAt = reader.position;
    const code = reader.i32("a tag type code");
    if (code < TypeCode.BYTE || code > TypeCode.ULONG64) {
      reader.fail("a tag type code from 1 to 15", `${code}`, codeAt);
    }
    codes.push(code);
    tagFlags.push(reader.i32("TAGFLAGS"));
  }
  const names: string[] = [];
  for (let i = 0; i < tagCount; i++) names.push(readRecordString(reader, "a tag name"));
  const arrays = codes.map((_, i) =>
    ((tagFlags[i] ?? 0) & VarFlag.ARRAY) !== 0 ? readArrayDesc(reader) : undefined,
  );
  const structs = codes.map((code, i) => {
    const isStruct = ((tagFlags[i] ?? 0) & VarFlag.STRUCTURE) !== 0;
    if (isStruct !== (code === TypeCode.STRUCT)) {
      reader.fail(`the structure flag set exactly for type code 8 on tag ${names[i]}`, `${code}`);
    }
    return isStruct ? readStructDesc(reader, registry, depth + 1) : undefined;
  });
  let className: string | undefined;
  let superclasses: string[] | undefined;
  if ((flags & (StructFlag.INHERITS | StructFlag.IS_SUPER)) !== 0) {
    className = readRecordString(reader, "a class name");
    const superAt = reader.position;
    const superCount = reader.i32("NSUPCLASS");
    // Each superclass takes a name (4+ bytes) and a STRUCT_DESC (4+ bytes).
    if (superCount < 0 || superCount * 8 > reader.remaining) {
      reader.fail("a superclass count the record can hold", `${superCount}`, superAt);
    }
    superclasses = [];
    for (let i = 0; i < superCount; i++) {
      superclasses.push(readRecordString(reader, "a superclass name"));
    }
    for (let i = 0; i < superCount; i++) readStructDesc(reader, registry, depth + 1);
  }
  const tags: TagDesc[] = names.map((tagName, i) => ({
    name: tagName,
    typeCode: codes[i] ?? TypeCode.UNDEFINED,
    array: arrays[i],
    struct: structs[i],
  }));
  let minimumElementBytes = 0;
  for (const tag of tags) minimumElementBytes += minimumTagBytes(tag);
  const desc: StructDesc = { name, tags, className, superclasses, minimumElementBytes };
  registry.set(name, desc);
  return desc;
}

function minimumTagBytes(tag: TagDesc): number {
  const count = tag.array?.elementCount ?? 1;
  if (tag.struct !== undefined) return count * tag.struct.minimumElementBytes;
  return minimumStoredBytes(tag.typeCode, count);
}
