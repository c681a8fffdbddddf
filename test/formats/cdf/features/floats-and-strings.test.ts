/**
 * Float special values and fixed-width strings, in both byte orders and both majorities.
 * Floats: NaN (quiet, with payloads, signalling), -0, +-Infinity, subnormals and extremes must
 * survive bit-exact (compared as bytes: the invariant read(write(x)) = x). Strings: CHAR/UCHAR
 * with numElems > 1, multi-dimensional, empty, full-width, with inner spaces. Oracles: jcdf lists
 * the same numbers (NaN, -0.0, Infinity as Java prints them) and strings; our reader returns the
 * bytes written.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { memorySource } from "../../../../src/core/byte-source.js";
import { openCdf } from "../../../../src/formats/cdf/cdf-file.js";
import type { CdfTypeName, CdfValues } from "../../../../src/formats/cdf/write/index.js";
import { CdfWriter } from "../../../../src/formats/cdf/write/index.js";
import {
  expectSameValues,
  jcdfRecordKeys,
  jcdfVariable,
  keysByRecord,
  listBytes,
  rowMajorIndexOfColumnPosition,
} from "../../../support/cdf-features.js";
import { jcdfMissingReason } from "../../../support/cdf-jcdf.js";

/** Float64 values from raw IEEE 754 bit patterns (so NaN payloads are exact). */
function doubles(bits: bigint[]): Float64Array {
  return new Float64Array(new BigUint64Array(bits).buffer);
}

function floats(bits: number[]): Float32Array {
  return new Float32Array(new Uint32Array(bits).buffer);
}

/** IEEE 754 binary64 patterns: quiet NaN, NaN payloads, signalling NaN, -NaN, -0, +-Inf, min subnormal, max, 1. */
const DOUBLE_BITS = [
  0x7ff8000000000000n,
  0x7ff8000000000123n,
  0x7ff0000000000001n,
  0xfff8000000000000n,
  0x8000000000000000n,
  0x7ff0000000000000n,
  0xfff0000000000000n,
  0x0000000000000001n,
  0x7fefffffffffffffn,
  0x3ff0000000000000n,
  0x800fffffffffffffn,
  0x0000000000000000n,
];
/** IEEE 754 binary32 patterns, the same kinds. */
const FLOAT_BITS = [
  0x7fc00000, 0x7fc00123, 0x7f800001, 0xffc00000, 0x80000000, 0x7f800000, 0xff800000, 0x00000001,
  0x7f7fffff, 0x3f800000, 0x807fffff, 0x00000000,
];

interface Case {
  name: string;
  dataType: CdfTypeName;
  dims: number[];
  numElems?: number;
  records: number;
  values: CdfValues;
}

const CASES: Case[] = [
  { name: "real8", dataType: "REAL8", dims: [2, 3], records: 2, values: doubles(DOUBLE_BITS) },
  { name: "double", dataType: "DOUBLE", dims: [], records: 12, values: doubles(DOUBLE_BITS) },
  { name: "real4", dataType: "REAL4", dims: [3, 2], records: 2, values: floats(FLOAT_BITS) },
  { name: "float", dataType: "FLOAT", dims: [4], records: 3, values: floats(FLOAT_BITS) },
  {
    name: "char_2x3",
    dataType: "CHAR",
    dims: [2, 3],
    numElems: 4,
    records: 2,
    values: ["abcd", "", "a b", " x", "zz  ", "q", "1234", "5", "", "six", "7 8", "9"],
  },
  {
    name: "uchar_3",
    dataType: "UCHAR",
    dims: [3],
    numElems: 7,
    records: 2,
    values: ["seven.7", "a", "b c d", "", "end", "x y z"],
  },
  {
    name: "char_scalar",
    dataType: "CHAR",
    dims: [],
    numElems: 10,
    records: 3,
    values: ["2011-01-06", "T17:00:00Z", "z"],
  },
];

function write(encoding: "ibmpc" | "network", majority: "row" | "column"): Uint8Array {
  const w = new CdfWriter({ encoding, majority });
  for (const c of CASES) {
    w.addZVariable({
      name: c.name,
      dataType: c.dataType,
      dims: c.dims,
      recordsPerBlock: 1,
      ...(c.numElems === undefined ? {} : { numElems: c.numElems }),
    }).appendRecords(c.values);
  }
  return w.toBytes();
}

const LAYOUTS = [
  ["ibmpc", "row"],
  ["network", "row"],
  ["ibmpc", "column"],
  ["network", "column"],
] as const;

describe("float specials and strings through our reader", () => {
  for (const [encoding, majority] of LAYOUTS) {
    test(`${encoding}, ${majority}-major: bit-exact`, () => {
      const cdf = openCdf(memorySource(write(encoding, majority), "specials.cdf", "CDF"));
      for (const c of CASES) {
        const array = cdf.readVariable(c.name);
        expect(array.shape, c.name).toEqual([c.records, ...c.dims]);
        expectSameValues(array, c.values, `${c.name} (${encoding}, ${majority})`);
      }
    });
  }
});

const jcdfSuite = jcdfMissingReason === undefined ? describe : describe.skip;
if (jcdfMissingReason !== undefined) {
  console.warn(`SKIPPED "float specials and strings vs jcdf": ${jcdfMissingReason}`);
}

jcdfSuite("float specials and strings vs jcdf", () => {
  const dir = mkdtempSync(join(tmpdir(), "aurorakit-cdf-specials-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const [encoding, majority] of LAYOUTS) {
    test(`${encoding}, ${majority}-major: jcdf lists the same values`, () => {
      const listing = listBytes(dir, `${encoding}-${majority}.cdf`, write(encoding, majority));
      for (const c of CASES) {
        const rowMajor = keysByRecord(c.dataType, c.values, c.records);
        const stored =
          majority === "row"
            ? rowMajor
            : rowMajor.map((r) => r.map((_, s) => r[rowMajorIndexOfColumnPosition(c.dims, s)]!));
        expect(jcdfRecordKeys(jcdfVariable(listing, c.name), c.dataType), c.name).toEqual(stored);
      }
    });
  }
});
