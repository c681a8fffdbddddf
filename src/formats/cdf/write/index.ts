/** The CDF writer's public surface. */
export type { CdfAttributeEntry } from "./attribute-entry.js";
export type { CdfEncodingName, CdfWriterOptions } from "./cdf-writer.js";
export { CdfWriter } from "./cdf-writer.js";
export type { CdfTypeName } from "./data-types.js";
export type { CdfNumericValues, CdfValues } from "./encode-values.js";
export { cdfEpochFromUnixMs, tt2000FromUnixMs } from "./epoch.js";
export type { IstpGlobalOptions, IstpValue, IstpVariableOptions, IstpVarType } from "./istp.js";
export { istpGlobalAttributes, istpVariableAttributes } from "./istp.js";
export type { CdfCompressionSpec, CdfZVariableSpec } from "./z-variable.js";
export { CdfZVariableWriter } from "./z-variable.js";
