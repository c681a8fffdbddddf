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
