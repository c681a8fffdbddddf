import type { CdfAttribute, CdfAttributeEntry } from "./attributes.js";
import { defaultPadValue, numericDType } from "./data-types.js";
import type { CdfCompressionInfo } from "./decompress.js";
import type { CdfPadValue, CdfVariableInfo } from "./types.js";
import { decodeCharValue, decodeNumeric } from "./values.js";
import type { VariableDescriptor } from "./vdr.js";

function padValue(vdr: VariableDescriptor, littleEndian: boolean): CdfPadValue {
  if (vdr.padBytes === undefined) {
    const value = defaultPadValue(vdr.type);
    if (typeof value === "string") return value.repeat(vdr.numElements);
    return vdr.type.dtype === "complex128" ? [0, 0] : value;
  }
  const dtype = numericDType(vdr.type);
  if (dtype === undefined) return decodeCharValue(vdr.padBytes);
  const decoded = decodeNumeric(vdr.padBytes, vdr.type, dtype, 1, littleEndian);
  if (decoded instanceof BigInt64Array || decoded instanceof BigUint64Array)
    return decoded[0] ?? 0n;
  if (dtype === "complex128") return [decoded[0] ?? 0, decoded[1] ?? 0];
  return decoded[0] ?? 0;
}

function variableAttributes(
  attributes: readonly CdfAttribute[],
  vdr: VariableDescriptor,
): Record<string, CdfAttributeEntry> {
  const out: Record<string, CdfAttributeEntry> = {};
  for (const attribute of attributes) {
    if (attribute.scope !== "variable") continue;
    const entries = vdr.kind === "z" ? attribute.zEntries : attribute.grEntries;
    const entry = entries.find((e) => e.entry === vdr.number);
    if (entry !== undefined) out[attribute.name] = entry;
  }
  return out;
}

/** The public description of a variable, from its VDR, CPR and the variable attributes. */
export function variableInfo(
  vdr: VariableDescriptor,
  compression: CdfCompressionInfo | undefined,
  attributes: readonly CdfAttribute[],
  littleEndian: boolean,
): CdfVariableInfo {
  return {
    name: vdr.name,
    kind: vdr.kind,
    number: vdr.number,
    dataType: { code: vdr.type.code, name: vdr.type.name },
    dtype: vdr.type.dtype,
    numElements: vdr.numElements,
    dims: vdr.dims,
    dimVarys: vdr.dimVarys,
    recordVarying: vdr.recordVarying,
    maxRecord: vdr.maxRecord,
    recordCount: vdr.maxRecord + 1,
    compression: compression ?? null,
    padValue: padValue(vdr, littleEndian),
    sparseRecords: vdr.sparse,
    blockingFactor: vdr.blockingFactor,
    attributes: variableAttributes(attributes, vdr),
  };
}
