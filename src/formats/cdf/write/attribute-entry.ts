/**
 * Attribute entries as callers give them, and their encoded form (data type, element count and
 * value bytes in the file's byte order).
 */
import { InvalidArgumentError } from "../../../core/errors.js";
import type { CdfTypeName } from "./data-types.js";
import { cdfTypeInfo } from "./data-types.js";
import type { CdfValues } from "./encode-values.js";
import { elementCountOf, encodeNumbers, encodeStrings } from "./encode-values.js";

/**
 * One attribute entry: a string (stored as CDF_CHAR), a number (stored as CDF_DOUBLE), or an
 * explicitly typed value: `{dataType: "UINT2", value: 65535}` or
 * `{dataType: "EPOCH", value: [63461552400053]}`.
 */
export type CdfAttributeEntry =
  | string
  | number
  | {
      dataType: CdfTypeName | `CDF_${CdfTypeName}`;
      value: string | number | bigint | CdfValues;
    };

export interface EncodedEntry {
  dataType: number;
  numElems: number;
  numStrings: number;
  value: Uint8Array;
}

export function encodeAttributeEntry(
  entry: CdfAttributeEntry,
  littleEndian: boolean,
  argument: string,
): EncodedEntry {
  if (typeof entry === "string") return encodeText("CHAR", entry, argument);
  if (typeof entry === "number") return encodeTyped("DOUBLE", [entry], littleEndian, argument);
  if (typeof entry !== "object" || entry === null || !("dataType" in entry)) {
    throw new InvalidArgumentError(argument, "expected a string, a number or {dataType, value}");
  }
  const info = cdfTypeInfo(entry.dataType, `${argument}.dataType`);
  const value = entry.value;
  if (info.kind === "string") {
    if (typeof value !== "string") {
      throw new InvalidArgumentError(argument, `CDF_${info.name} entries take one string`);
    }
    return encodeText(info.name, value, argument);
  }
  if (typeof value === "string") {
    throw new InvalidArgumentError(argument, `CDF_${info.name} entries take numbers, not text`);
  }
  const values: CdfValues =
    typeof value === "number" ? [value] : typeof value === "bigint" ? [value] : value;
  return encodeTyped(info.name, values, littleEndian, argument);
}

function encodeText(name: CdfTypeName, text: string, argument: string): EncodedEntry {
  if (text.length === 0) {
    throw new InvalidArgumentError(argument, "an empty string cannot be stored; omit the entry");
  }
  const info = cdfTypeInfo(name);
  return {
    dataType: info.code,
    numElems: text.length,
    // One string per entry (IFD 3.9, AEDR field NumStrings).
    numStrings: 1,
    value: encodeStrings([text], text.length, argument),
  };
}

function encodeTyped(
  name: CdfTypeName,
  values: CdfValues,
  littleEndian: boolean,
  argument: string,
): EncodedEntry {
  const info = cdfTypeInfo(name);
  const numElems = elementCountOf(info, values);
  if (!Number.isInteger(numElems) || numElems < 1) {
    throw new InvalidArgumentError(argument, `CDF_${name} entry needs at least one whole value`);
  }
  return {
    dataType: info.code,
    numElems,
    numStrings: 0,
    value: encodeNumbers(info, values, littleEndian, argument),
  };
}
