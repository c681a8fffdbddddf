import { memorySource } from "../../../../src/core/byte-source.js";
import type { AnyNDArray } from "../../../../src/core/ndarray.js";
import { type CdfFile, openCdf } from "../../../../src/formats/cdf/cdf-file.js";
import { CdfDataType } from "../../../../src/formats/cdf/constants.js";
import { buildCdf, storedBytes, type TestCdf, type TestVariable } from "./build-cdf.js";

/** An array's values as a plain list, for comparisons. */
export function list(array: AnyNDArray): unknown[] {
  return Array.from(array.data as ArrayLike<unknown>);
}

/** Assembles and opens a synthetic CDF. */
export function openSynthetic(spec: TestCdf): CdfFile {
  return openCdf(memorySource(buildCdf(spec), "synthetic.cdf", "CDF"));
}

/** A variable whose values (host order) are stored in one block, one value per record. */
export function oneBlock(
  name: string,
  type: number,
  values: ArrayBufferView,
  unit: number,
  littleEndian: boolean,
  extra: Partial<TestVariable> = {},
): TestVariable {
  const count =
    (values as unknown as { length: number }).length / (type === CdfDataType.CDF_EPOCH16 ? 2 : 1);
  return {
    name,
    type,
    maxRecord: count - 1,
    blocks: [{ first: 0, last: count - 1, bytes: storedBytes(values, unit, littleEndian) }],
    ...extra,
  };
}
