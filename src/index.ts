// The public entry of the aurorakit library. A test snapshots this export list: every change
// to it is a reviewed change to the API. (Biome keeps the statements sorted by module path.)

export type { PercentileBounds } from "./analysis/scale-intensity.js";
export { percentileBoundsU16, scaleToU8 } from "./analysis/scale-intensity.js";
export type { SyntheticArcOptions } from "./arrays/synthetic/arc-frames.js";
export { syntheticArcFrames } from "./arrays/synthetic/arc-frames.js";
export type { SampleCdfOptions } from "./arrays/synthetic/write-sample-cdf.js";
export { writeSampleImagerCdf } from "./arrays/synthetic/write-sample-cdf.js";
export type { ByteSource } from "./core/byte-source.js";
export { fileSource, memorySource } from "./core/byte-source.js";
export type { DType, NumericDType, NumericTypedArray, TypedArrayByDType } from "./core/dtype.js";
export { allocate, BYTES_PER_ELEMENT, scalarsPerElement } from "./core/dtype.js";
export type { AurorakitErrorTag, FormatErrorDetails } from "./core/errors.js";
export {
  AurorakitError,
  FormatError,
  InvalidArgumentError,
  isAurorakitError,
  NotFoundError,
  UnsupportedError,
} from "./core/errors.js";
export type { AnyNDArray, NDArray, StringNDArray } from "./core/ndarray.js";
export { elementCount } from "./core/ndarray.js";
export {
  CDF_EPOCH_FILL,
  CDF_EPOCH_OF_UNIX_EPOCH_MS,
  cdfEpoch16ToUnixMs,
  cdfEpochToUnixMs,
  TT2000_FILL,
  TT2000_PAD,
  tt2000ToUnixMs,
  unixMsToCdfEpoch,
  unixMsToTt2000,
} from "./core/time/cdf-epochs.js";
export type { LeapSecondEntry } from "./core/time/leap-seconds.js";
export { LEAP_SECOND_TABLE, taiMinusUtcS } from "./core/time/leap-seconds.js";
export { formatIsoMicroseconds, parseUcalgaryTimestamp } from "./core/time/ucalgary-timestamp.js";
export type {
  CdfAttribute,
  CdfAttributeEntry,
  CdfAttributeValue,
  CdfTypeRef,
} from "./formats/cdf/attributes.js";
export { CdfFile, openCdf } from "./formats/cdf/cdf-file.js";
export type { CdfCompressionInfo, CdfCompressionName } from "./formats/cdf/decompress.js";
export { attributeEntryValue, describeCdf } from "./formats/cdf/describe.js";
export type { CdfEncodingInfo } from "./formats/cdf/encoding.js";
export { epochValuesToUnixMs, readTimeVariableUnixMs } from "./formats/cdf/epoch-arrays.js";
export type {
  CdfBatchOptions,
  CdfBlockInfo,
  CdfPadValue,
  CdfRecordBatch,
  CdfRecordRange,
  CdfVariableInfo,
} from "./formats/cdf/types.js";
export type { CdfSparseMode } from "./formats/cdf/vdr.js";
export type { CdfAttributeEntry as CdfWriteAttributeEntry } from "./formats/cdf/write/index.js";
// The writer's barrel is its curated list; its CdfAttributeEntry is shadowed by the reader's
// (explicit exports win over `export *`) and published as CdfWriteAttributeEntry (the line above).
export * from "./formats/cdf/write/index.js";
export { describeFile } from "./formats/describe-file.js";
export type {
  AttributeValue,
  DescribedArray,
  FileDescription,
  FileFormat,
} from "./formats/description.js";
export type { Detection, Wrapper } from "./formats/detect.js";
export { detectFormat } from "./formats/detect.js";
export { describeHdf5 } from "./formats/hdf5/describe.js";
export type { Hdf5Input } from "./formats/hdf5/h5wasm-session.js";
export type { UcalgaryHdf5Data, UcalgaryHdf5Options } from "./formats/hdf5/ucalgary.js";
export { readUcalgaryHdf5 } from "./formats/hdf5/ucalgary.js";
export * from "./formats/idlsav/index.js";
export type { InspectedArray, InspectReport } from "./formats/inspect.js";
export { inspectDescription, inspectFile } from "./formats/inspect.js";
export type { PgmCompression } from "./formats/pgm/decompress.js";
export { detectPgmCompression } from "./formats/pgm/decompress.js";
export { describePgm } from "./formats/pgm/describe.js";
export type { PgmFrame, PgmReadOptions } from "./formats/pgm/frames.js";
export { pgmFrames } from "./formats/pgm/frames.js";
export type { PgmInput } from "./formats/pgm/input.js";
export type { PgmMetadataEntry } from "./formats/pgm/metadata.js";
export type { PgmFrameInfo, PgmStack } from "./formats/pgm/read.js";
export { readPgm, readPgmFrames } from "./formats/pgm/read.js";
export type { DecodedPng } from "./formats/png/decode.js";
export { decodePng, PNG_MAX_PIXEL_BYTES } from "./formats/png/decode.js";
export { describePng } from "./formats/png/describe.js";
export type { EncodePngOptions } from "./formats/png/encode.js";
export { encodePng } from "./formats/png/encode.js";
export type { ArraySummary } from "./formats/summary.js";
export { sha256LittleEndian, summarize } from "./formats/summary.js";
