/** Public surface of the IDL save-file writer. */
export { idlDateText, type WriteIdlSaveOptions, writeIdlSave } from "./write-idl-save.js";
export {
  type IdlWriteNumeric,
  type IdlWriteNumericType,
  type IdlWriteStrings,
  type IdlWriteStruct,
  type IdlWriteValue,
  idlNumeric,
  idlString,
  idlStruct,
} from "./write-value.js";
