import { InvalidArgumentError } from "../../../core/errors.js";

/** IDL numeric types the writer stores, with the typed array that holds each. */
export interface IdlWriteNumericTypes {
  byte: Uint8Array;
  int: Int16Array;
  long: Int32Array;
  float: Float32Array;
  double: Float64Array;
  uint: Uint16Array;
  ulong: Uint32Array;
  long64: BigInt64Array;
  ulong64: BigUint64Array;
}

export type IdlWriteNumericType = keyof IdlWriteNumericTypes;

/** A numeric scalar (shape []) or array (row-major `shape`, up to 8 dimensions). */
export type IdlWriteNumeric = {
  [K in IdlWriteNumericType]: {
    readonly kind: "numeric";
    readonly idlType: K;
    readonly shape: readonly number[];
    readonly data: IdlWriteNumericTypes[K];
  };
}[IdlWriteNumericType];

/** A string scalar (shape []) or array of Latin-1 strings. */
export interface IdlWriteStrings {
  readonly kind: "string";
  readonly shape: readonly number[];
  readonly data: readonly string[];
}

/** A one-element (scalar) structure: tag names and values in declaration order. */
export interface IdlWriteStruct {
  readonly kind: "struct";
  /** Structure name; "" for an anonymous structure (Markwardt, STRUCT_DESC). */
  readonly name: string;
  readonly fields: readonly (readonly [tag: string, value: IdlWriteValue])[];
}

export type IdlWriteValue = IdlWriteNumeric | IdlWriteStrings | IdlWriteStruct;

/** IDL arrays have at most 8 dimensions (Markwardt node20: NMAX = 8). */
export const IDL_MAX_DIMS = 8;

/** A numeric value; `shape` defaults to [] (scalar) for one value and [n] otherwise. */
export function idlNumeric<K extends IdlWriteNumericType>(
  idlType: K,
  data: IdlWriteNumericTypes[K],
  shape?: readonly number[],
): IdlWriteNumeric {
  return {
    kind: "numeric",
    idlType,
    data,
    shape: shape ?? (data.length === 1 ? [] : [data.length]),
  } as IdlWriteNumeric;
}

/** A scalar string, or a string array with the given shape. */
export function idlString(
  data: string | readonly string[],
  shape?: readonly number[],
): IdlWriteStrings {
  const values = typeof data === "string" ? [data] : data;
  return {
    kind: "string",
    data: values,
    shape: shape ?? (typeof data === "string" ? [] : [values.length]),
  };
}

/** A scalar structure from [tag, value] pairs. */
export function idlStruct(
  name: string,
  fields: readonly (readonly [string, IdlWriteValue])[],
): IdlWriteStruct {
  return { kind: "struct", name, fields };
}

/** Checks shapes, lengths, names and text before anything is encoded. */
export function checkWriteValue(value: IdlWriteValue, path: string): void {
  if (value.kind === "struct") {
    if (value.fields.length === 0)
      throw new InvalidArgumentError(path, "a structure needs at least one tag");
    const seen = new Set<string>();
    for (const [tag, field] of value.fields) {
      checkIdlName(tag, `${path}.${tag}`);
      if (seen.has(tag.toUpperCase()))
        throw new InvalidArgumentError(path, `tag ${tag} appears twice`);
      seen.add(tag.toUpperCase());
      checkWriteValue(field, `${path}.${tag}`);
    }
    return;
  }
  const { shape } = value;
  if (shape.length > IDL_MAX_DIMS || shape.some((d) => !Number.isSafeInteger(d) || d < 1)) {
    throw new InvalidArgumentError(
      path,
      `shape [${shape.join(", ")}] must have 0 to 8 dimensions of at least 1`,
    );
  }
  const count = shape.reduce((a, b) => a * b, 1);
  if (value.data.length !== count) {
    throw new InvalidArgumentError(
      path,
      `shape [${shape.join(", ")}] needs ${count} values, got ${value.data.length}`,
    );
  }
  if (value.kind === "string") {
    for (const text of value.data) {
      if (!isLatin1(text)) throw new InvalidArgumentError(path, "strings must be Latin-1 text");
    }
  }
}

/** IDL identifiers: a letter or underscore, then letters, digits, _ or $. */
export function checkIdlName(name: string, what: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_$]*$/.test(name)) {
    throw new InvalidArgumentError(what, `${JSON.stringify(name)} is not an IDL identifier`);
  }
}

/** True when every character fits in one Latin-1 byte (code point below 256). */
function isLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}
