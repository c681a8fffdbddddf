/** The CDF writer's public surface. */
export type { CdfAttributeEntry } from "./attribute-entry.js";

export { CdfWriter } from "./cdf-writer.js";
export type { CdfCompressionSpec, CdfCompressionType } from "./compression.js";
export type { CdfTypeName } from "./data-types.js";
export type { CdfNumericValues, CdfValues } from "./encode-values.js";
export { cdfEpochFromUnixMs, tt2000FromUnixMs } from "./epoch.js";
export type { IstpGlobalOptions, IstpValue, IstpVariableOptions, IstpVarType } from "./istp.js";
export { istpGlobalAttributes, istpVariableAttributes } from "./istp.js";
export type { CdfSparseRecordsName } from "./variable-checks.js";
export type {
  CdfRVariableSpec,
  CdfVariableSpec,
  CdfZVariableSpec,
} from "./variable-writer.js";
export { CdfVariableWriter } from "./variable-writer.js";
export type { VxrLayout } from "./vxr-tree.js";
export type { CdfEncodingName, CdfWriterOptions } from "./writer-options.js";
