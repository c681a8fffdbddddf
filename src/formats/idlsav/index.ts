/** Public surface of the IDL save-file reader. */
export { describeIdlSave } from "./describe.js";
export { lookupIdlValue, requireIdlArray } from "./lookup.js";
export { type ReadIdlSaveOptions, readIdlSave } from "./read.js";
export type {
  IdlCommonBlock,
  IdlHeapReferences,
  IdlIdentification,
  IdlNumeric,
  IdlSaveFile,
  IdlStrings,
  IdlStruct,
  IdlTimestamp,
  IdlTypeName,
  IdlUndefined,
  IdlValue,
  IdlVersion,
} from "./types.js";
