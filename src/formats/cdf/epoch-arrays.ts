import { InvalidArgumentError } from "../../core/errors.js";
import type { AnyNDArray } from "../../core/ndarray.js";
import {
  cdfEpoch16ToUnixMs,
  cdfEpochToUnixMs,
  tt2000ToUnixMs,
} from "../../core/time/cdf-epochs.js";
import type { CdfFile } from "./cdf-file.js";
import { CdfDataType } from "./constants.js";
import type { CdfRecordRange } from "./types.js";

/**
 * Converts the values of a CDF_EPOCH, CDF_EPOCH16 or CDF_TIME_TT2000 array to Unix ms (UTC),
 * one per element, in the array's row-major order. Fill and default pad values become NaN.
 */
export function epochValuesToUnixMs(array: AnyNDArray, typeCode: number): Float64Array {
  const { data } = array;
  if (typeCode === CdfDataType.CDF_TIME_TT2000 && data instanceof BigInt64Array) {
    const out = new Float64Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = tt2000ToUnixMs(data[i] ?? 0n);
    return out;
  }
  if (typeCode === CdfDataType.CDF_EPOCH && data instanceof Float64Array) {
    const out = new Float64Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = cdfEpochToUnixMs(data[i] ?? 0);
    return out;
  }
  if (typeCode === CdfDataType.CDF_EPOCH16 && data instanceof Float64Array) {
    const out = new Float64Array(data.length / 2);
    for (let i = 0; i < out.length; i++)
      out[i] = cdfEpoch16ToUnixMs(data[2 * i] ?? 0, data[2 * i + 1] ?? 0);
    return out;
  }
  throw new InvalidArgumentError(
    "array",
    `expected CDF_EPOCH, CDF_EPOCH16 or CDF_TIME_TT2000 values (type ${typeCode}, dtype ${array.dtype})`,
  );
}

/** Reads a time variable (EPOCH, EPOCH16 or TT2000) as Unix ms (UTC), one per value. */
export function readTimeVariableUnixMs(
  cdf: CdfFile,
  name: string,
  range: CdfRecordRange = {},
): Float64Array {
  const info = cdf.variable(name);
  return epochValuesToUnixMs(cdf.readVariable(name, range), info.dataType.code);
}
