/**
 * Helpers for the CDF feature tests: write bytes where jcdf can read them, compare jcdf's
 * listing and our reader's arrays with the values written, and an independent statement of
 * column-major order used as the expected storage order.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { AnyNDArray } from "../../src/core/ndarray.js";
import type { CdfTypeName, CdfValues } from "../../src/formats/cdf/write/index.js";
import { expectedKeys, jcdfTextKey } from "./cdf-expected-text.js";
import type { JcdfListing, JcdfVariable } from "./cdf-jcdf.js";
import { jcdfDumpWarnings, jcdfList } from "./cdf-jcdf.js";

/**
 * Writes `bytes` to `dir/name` and lists it (with data) in jcdf, after checking that jcdf's
 * record-by-record walk (CdfDump) reports no field past or short of its RecordSize.
 */
export function listBytes(dir: string, name: string, bytes: Uint8Array): JcdfListing {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  expect(jcdfDumpWarnings(path), `${name}: jcdf CdfDump warnings`).toEqual([]);
  return jcdfList(path);
}

export function jcdfVariable(listing: JcdfListing, name: string): JcdfVariable {
  const v = listing.variables.get(name);
  if (v === undefined) throw new Error(`jcdf did not list variable ${name}`);
  return v;
}

/** jcdf's value texts of records first..last, as canonical keys, one list per record. */
export function jcdfRecordKeys(
  v: JcdfVariable,
  type: CdfTypeName,
  first = 0,
  last = v.records.length - 1,
): string[][] {
  const out: string[][] = [];
  for (let r = first; r <= last; r++) {
    const texts = v.records[r];
    if (texts === undefined) throw new Error(`jcdf listed no record ${r} of ${v.name}`);
    out.push(texts.map((t) => jcdfTextKey(type, t)));
  }
  return out;
}

/** Canonical keys of `values`, split into records of `perRecord` keys. */
export function keysByRecord(type: CdfTypeName, values: CdfValues, records: number): string[][] {
  const keys = expectedKeys(type, values);
  const per = keys.length / Math.max(1, records);
  return Array.from({ length: records }, (_, r) => keys.slice(r * per, (r + 1) * per));
}

export function bytesOf(values: ArrayBufferView): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

/** Exact comparison (as bytes: NaN payloads and -0 count) of a read array with values written. */
export function expectSameValues(array: AnyNDArray, values: CdfValues, label: string): void {
  if (array.dtype === "string") {
    expect(array.data, label).toEqual([...(values as readonly string[])]);
    return;
  }
  expect(ArrayBuffer.isView(values), `${label}: typed values`).toBe(true);
  const got = bytesOf(array.data);
  const want = bytesOf(values as ArrayBufferView);
  expect(got.length, `${label}: bytes`).toBe(want.length);
  expect(Buffer.compare(got, want), label).toBe(0);
}

/** Values of records first..last of row-major `values` holding `perRecord` values each. */
export function recordSlice(
  values: CdfValues,
  perRecord: number,
  first: number,
  last: number,
): CdfValues {
  const sliceable = values as unknown as { slice(a: number, b: number): CdfValues };
  return sliceable.slice(first * perRecord, (last + 1) * perRecord);
}

/**
 * Row-major index of the value stored at position `stored` of a column-major record of
 * `dims` (the first dimension varies fastest: CDF User's Guide 3.9, "Variable Majority").
 */
export function rowMajorIndexOfColumnPosition(dims: readonly number[], stored: number): number {
  let rest = stored;
  const coordinate = dims.map((size) => {
    const c = rest % size;
    rest = Math.floor(rest / size);
    return c;
  });
  return coordinate.reduce((index, c, d) => index * dims[d]! + c, 0);
}
