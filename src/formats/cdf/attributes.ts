import type { NumericTypedArray } from "../../core/dtype.js";
import { AttributeScope, RecordType } from "./constants.js";
import { cdfDataType, numericDType } from "./data-types.js";
import { readRecordChain } from "./record-chain.js";
import { type CdfLayout, nameFieldBytes, readOffsetField, readRecord } from "./record-io.js";
import { decodeCharValue, decodeNumeric } from "./values.js";

/** A CDF data type as files and users name it. */
export interface CdfTypeRef {
  readonly code: number;
  readonly name: string;
}

/**
 * One attribute entry's value: text for CDF_CHAR/UCHAR (a list when the entry holds several
 * strings, CDF 3.8+), otherwise the elements in their native typed array (BigInt64Array for
 * INT8 and TT2000, interleaved (seconds, picoseconds) Float64Array for EPOCH16).
 */
export type CdfAttributeValue = string | readonly string[] | NumericTypedArray;

export interface CdfAttributeEntry {
  /** Entry number: the gEntry index for global attributes, the variable number otherwise. */
  readonly entry: number;
  readonly dataType: CdfTypeRef;
  readonly numElements: number;
  readonly value: CdfAttributeValue;
}

export interface CdfAttribute {
  readonly name: string;
  readonly number: number;
  readonly scope: "global" | "variable";
  /** gEntries of a global attribute, rEntries (for rVariables) of a variable attribute. */
  readonly grEntries: readonly CdfAttributeEntry[];
  /** zEntries (for zVariables) of a variable attribute. */
  readonly zEntries: readonly CdfAttributeEntry[];
}

/** Separator between the strings of a multi-string CHAR entry (CDF User's Guide 3.9, 2.4.2). */
const MULTI_STRING_SEPARATOR = "\\N ";

function readAedr(
  layout: CdfLayout,
  offset: number,
  littleEndian: boolean,
  kind: number,
): { entry: CdfAttributeEntry; next: number } {
  const what = kind === RecordType.AzEDR ? "an AzEDR" : "an AgrEDR";
  const { reader } = readRecord(layout, offset, [kind], what);
  const next = readOffsetField(reader, layout, `${what}'s AEDRnext`);
  reader.skip(4, `${what}'s AttrNum`);
  const typeAt = reader.position;
  const typeCode = reader.i32(`${what}'s DataType`);
  const type = cdfDataType(typeCode) ?? reader.fail("a CDF data type code", `${typeCode}`, typeAt);
  const entry = reader.i32(`${what}'s Num`);
  const countAt = reader.position;
  const numElements = reader.i32(`${what}'s NumElems`);
  if (numElements < 0) reader.fail("NumElems of 0 or more", `${numElements}`, countAt);
  // NumStrings in V3.8+ (rfuA before), then rfuB..rfuE (CDF IFD 3.9, section 2.7).
  const numStrings = reader.i32(`${what}'s NumStrings`);
  reader.skip(16, `${what}'s reserved fields`);
  const bytes = reader.bytesView(numElements * type.elementBytes, `${what}'s Value`);
  const dtype = numericDType(type);
  let value: CdfAttributeValue;
  if (dtype === undefined) {
    const text = decodeCharValue(bytes);
    value = layout.v3 && numStrings > 1 ? text.split(MULTI_STRING_SEPARATOR) : text;
  } else {
    value = decodeNumeric(bytes, type, dtype, numElements, littleEndian);
  }
  return {
    entry: { entry, dataType: { code: type.code, name: type.name }, numElements, value },
    next,
  };
}

function readEntryChain(
  layout: CdfLayout,
  head: number,
  count: number,
  littleEndian: boolean,
  kind: number,
): CdfAttributeEntry[] {
  return readRecordChain(layout, head, count, "attribute entries", (offset) => {
    const { entry, next } = readAedr(layout, offset, littleEndian, kind);
    return { item: entry, next };
  });
}

function readAdr(
  layout: CdfLayout,
  offset: number,
  littleEndian: boolean,
): { attribute: CdfAttribute; next: number } {
  const { reader } = readRecord(
    layout,
    offset,
    [RecordType.ADR],
    "an Attribute Descriptor Record (ADR)",
  );
  const next = readOffsetField(reader, layout, "the ADR's ADRnext");
  const grHead = readOffsetField(reader, layout, "the ADR's AgrEDRhead");
  const scopeAt = reader.position;
  const scopeCode = reader.i32("the ADR's Scope");
  const number = reader.i32("the ADR's Num");
  const grCountAt = reader.position;
  const grCount = reader.i32("the ADR's NgrEntries");
  reader.skip(8, "the ADR's MAXgrEntry and rfuA");
  const zHead = readOffsetField(reader, layout, "the ADR's AzEDRhead");
  const zCountAt = reader.position;
  const zCount = reader.i32("the ADR's NzEntries");
  reader.skip(8, "the ADR's MAXzEntry and rfuE");
  const name = reader.latin1(nameFieldBytes(layout), "the ADR's Name");
  const global = scopeCode === AttributeScope.GLOBAL || scopeCode === AttributeScope.GLOBAL_ASSUMED;
  if (
    !global &&
    scopeCode !== AttributeScope.VARIABLE &&
    scopeCode !== AttributeScope.VARIABLE_ASSUMED
  ) {
    reader.fail("an attribute Scope 1 to 4", `${scopeCode}`, scopeAt);
  }
  // Each entry needs an AEDR of at least 48 bytes.
  const fileBytes = layout.source.byteLength;
  if (grCount < 0 || grCount * 48 > fileBytes)
    reader.fail("NgrEntries the file can hold", `${grCount}`, grCountAt);
  if (zCount < 0 || zCount * 48 > fileBytes)
    reader.fail("NzEntries the file can hold", `${zCount}`, zCountAt);
  const attribute: CdfAttribute = {
    name,
    number,
    scope: global ? "global" : "variable",
    grEntries: readEntryChain(layout, grHead, grCount, littleEndian, RecordType.AgrEDR),
    zEntries: readEntryChain(layout, zHead, zCount, littleEndian, RecordType.AzEDR),
  };
  return { attribute, next };
}

/** Reads the ADR chain from the GDR's ADRhead: exactly `count` attributes, without loops. */
export function readAttributes(
  layout: CdfLayout,
  head: number,
  count: number,
  littleEndian: boolean,
): CdfAttribute[] {
  return readRecordChain(layout, head, count, "ADRs", (offset) => {
    const { attribute, next } = readAdr(layout, offset, littleEndian);
    return { item: attribute, next };
  });
}
