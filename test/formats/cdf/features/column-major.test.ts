/**
 * Column-major files (CDR Flags bit 0 clear; CDF User's Guide 3.9, "Variable Majority": within a
 * record the FIRST dimension varies fastest). The writer takes row-major values. Oracles: jcdf
 * lists each record in stored order, which must be the column-major permutation of the values
 * written (computed here from the definition, independently of the writer); our reader must
 * return the row-major values written, identical to what it returns for a row-major file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { memorySource } from "../../../../src/core/byte-source.js";
import { openCdf } from "../../../../src/formats/cdf/cdf-file.js";
import { describeCdf } from "../../../../src/formats/cdf/describe.js";
import type {
  CdfCompressionSpec,
  CdfTypeName,
  CdfValues,
} from "../../../../src/formats/cdf/write/index.js";
import { CdfWriter } from "../../../../src/formats/cdf/write/index.js";
import {
  expectSameValues,
  jcdfRecordKeys,
  jcdfVariable,
  keysByRecord,
  listBytes,
  recordSlice,
  rowMajorIndexOfColumnPosition,
} from "../../../support/cdf-features.js";
import { jcdfMissingReason } from "../../../support/cdf-jcdf.js";

interface Case {
  name: string;
  dataType: CdfTypeName;
  dims: number[];
  numElems?: number;
  records: number;
  values: CdfValues;
  compression: CdfCompressionSpec;
  recordsPerBlock?: number;
}

const count = (dims: number[], records: number) => dims.reduce((a, b) => a * b, 1) * records;

const CASES: Case[] = [
  {
    name: "int4_2x3x4",
    dataType: "INT4",
    dims: [2, 3, 4],
    records: 5,
    // Value = 1000 * record + 100 * i + 10 * j + k: each value names its row-major position.
    values: new Int32Array(count([2, 3, 4], 5)).map((_, n) => {
      const [r, rest] = [Math.floor(n / 24), n % 24];
      return 1000 * r + 100 * Math.floor(rest / 12) + 10 * Math.floor((rest % 12) / 4) + (rest % 4);
    }),
    compression: { type: "rle" },
    recordsPerBlock: 2,
  },
  {
    name: "real8_3",
    dataType: "REAL8",
    dims: [3],
    records: 4,
    values: new Float64Array(12).map((_, n) => n + 0.5),
    compression: "none",
  },
  {
    name: "uint2_4x5",
    dataType: "UINT2",
    dims: [4, 5],
    records: 3,
    values: new Uint16Array(60).map((_, n) => 65535 - n * 7),
    compression: { type: "huff" },
  },
  {
    name: "char_2x2",
    dataType: "CHAR",
    dims: [2, 2],
    numElems: 3,
    records: 2,
    values: ["a00", "a01", "a10", "a11", "b00", "b01", "b10", "b1"],
    compression: { type: "ahuff" },
  },
  {
    name: "epoch16_2x2",
    dataType: "EPOCH16",
    dims: [2, 2],
    records: 2,
    // (seconds, picoseconds) pairs in 2001..2008, distinct per position.
    values: new Float64Array(16).map((_, n) =>
      n % 2 === 0 ? 63145526400 + (n / 2) * 31_536_000 : (n - 1) * 1_000_000_007,
    ),
    compression: { type: "gzip" },
  },
];

function write(encoding: "ibmpc" | "network", majority: "row" | "column"): Uint8Array {
  const writer = new CdfWriter({ encoding, majority });
  for (const c of CASES) {
    writer
      .addZVariable({
        name: c.name,
        dataType: c.dataType,
        dims: c.dims,
        compression: c.compression,
        ...(c.numElems === undefined ? {} : { numElems: c.numElems }),
        ...(c.recordsPerBlock === undefined ? {} : { recordsPerBlock: c.recordsPerBlock }),
      })
      .appendRecords(c.values);
  }
  return writer.toBytes();
}

describe("column-major files through our reader", () => {
  for (const encoding of ["ibmpc", "network"] as const) {
    test(`${encoding}: row-major values back, as from a row-major file`, () => {
      const bytes = write(encoding, "column");
      const cdf = openCdf(memorySource(bytes, "column.cdf", "CDF"));
      const rowFile = openCdf(memorySource(write(encoding, "row"), "row.cdf", "CDF"));
      expect(cdf.majority).toBe("column");
      expect(rowFile.majority).toBe("row");
      // The CDR Flags word (CDR offset 32, IFD 3.9 CDR): bit 0 clear, bit 1 (single file) set.
      expect(new DataView(bytes.buffer, bytes.byteOffset).getInt32(8 + 32)).toBe(2);
      for (const c of CASES) {
        const array = cdf.readVariable(c.name);
        expect(array.shape, c.name).toEqual([c.records, ...c.dims]);
        expectSameValues(array, c.values, c.name);
        expectSameValues(array, rowFile.readVariable(c.name).data as CdfValues, `${c.name} row`);
        const per = c.values.length / c.records;
        expectSameValues(
          cdf.readVariable(c.name, { firstRecord: 1, lastRecord: 1 }),
          recordSlice(c.values, per, 1, 1),
          `${c.name}[1]`,
        );
        // Streaming in batches of 2 records returns the same values (invariant).
        for (const batch of cdf.records(c.name, { recordsPerBatch: 2 })) {
          const last = Math.min(c.records, batch.firstRecord + 2) - 1;
          expectSameValues(
            batch.array,
            recordSlice(c.values, per, batch.firstRecord, last),
            `${c.name} batch at ${batch.firstRecord}`,
          );
        }
      }
      const described = describeCdf(memorySource(bytes, "column.cdf", "CDF"));
      expect(described.attributes["cdf.majority"]).toBe("column");
    });
  }
});

const jcdfSuite = jcdfMissingReason === undefined ? describe : describe.skip;
if (jcdfMissingReason !== undefined) {
  console.warn(`SKIPPED "column-major files vs jcdf": ${jcdfMissingReason}`);
}

jcdfSuite("column-major files vs jcdf", () => {
  const dir = mkdtempSync(join(tmpdir(), "aurorakit-cdf-column-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const encoding of ["ibmpc", "network"] as const) {
    test(`${encoding}: jcdf lists each record in column-major order`, () => {
      const listing = listBytes(dir, `column-${encoding}.cdf`, write(encoding, "column"));
      for (const c of CASES) {
        const v = jcdfVariable(listing, c.name);
        expect(v.dims, c.name).toEqual(c.dims);
        const rowMajor = keysByRecord(c.dataType, c.values, c.records);
        const columnMajor = rowMajor.map((record) =>
          record.map((_, stored) => record[rowMajorIndexOfColumnPosition(c.dims, stored)]!),
        );
        expect(jcdfRecordKeys(v, c.dataType), c.name).toEqual(columnMajor);
      }
    });
  }
});
