/**
 * rVariables (rVDRs sharing the GDR's rNumDims/rDimSizes, rMaxRec in the GDR, rEntries of
 * variable attributes in the AgrEDR chain; IFD 3.9, GDR, VDR, ADR) next to zVariables, with
 * DimVarys false on some dimensions, a non-record-varying one, a sparse one, in both majorities.
 * Oracles: jcdf lists each rVariable as "(r)" with the shared dimensions, its stored values (only
 * the varying dimensions) and its attribute entries; our reader returns every dimension, the
 * stored values repeated along the non-varying ones (CDF User's Guide 3.9, "Dimension Variance"),
 * computed here from the definition.
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
  jcdfRecordKeys,
  jcdfVariable,
  keysByRecord,
  listBytes,
  rowMajorIndexOfColumnPosition,
} from "../../../support/cdf-features.js";
import { jcdfMissingReason } from "../../../support/cdf-jcdf.js";

const R_DIMS = [3, 2];

interface RCase {
  name: string;
  dataType: CdfTypeName;
  dimVarys: boolean[];
  recordVarying: boolean;
  /** Stored values: the varying dimensions only, row-major, all records. */
  values: CdfValues;
  records: number;
  catdesc?: string;
}

const CASES: RCase[] = [
  {
    name: "r_uint1",
    dataType: "UINT1",
    dimVarys: [true, true],
    recordVarying: true,
    values: new Uint8Array(24).map((_, n) => 250 - n),
    records: 4,
    catdesc: "all dimensions vary",
  },
  {
    name: "r_int4_rows",
    dataType: "INT4",
    dimVarys: [true, false],
    recordVarying: true,
    values: new Int32Array([-1, -2, -3, 10, 20, 30]),
    records: 2,
  },
  {
    name: "r_real4_nrv",
    dataType: "REAL4",
    dimVarys: [false, true],
    recordVarying: false,
    values: new Float32Array([0.25, -0.75]),
    records: 1,
    catdesc: "one record, varies along the second dimension only",
  },
];

/** Row-major values over all of R_DIMS, repeating stored values along non-varying dims. */
function expand(c: RCase): number[] {
  const storedDims = R_DIMS.filter((_, d) => c.dimVarys[d]);
  const storedPerRecord = storedDims.reduce((a, b) => a * b, 1);
  const out: number[] = [];
  for (let r = 0; r < c.records; r++) {
    for (let i = 0; i < R_DIMS[0]!; i++) {
      for (let j = 0; j < R_DIMS[1]!; j++) {
        const coordinate = [i, j].filter((_, d) => c.dimVarys[d]);
        const index = coordinate.reduce((acc, x, d) => acc * storedDims[d]! + x, 0);
        out.push(Number(c.values[r * storedPerRecord + index]));
      }
    }
  }
  return out;
}

function write(majority: "row" | "column", encoding: "ibmpc" | "network"): Uint8Array {
  const writer = new CdfWriter({ rDims: R_DIMS, majority, encoding });
  writer.addVariableAttribute("CATDESC");
  for (const c of CASES) {
    const v = writer.addRVariable({
      name: c.name,
      dataType: c.dataType,
      dimVarys: c.dimVarys,
      recordVarying: c.recordVarying,
    });
    if (c.catdesc !== undefined) v.setAttribute("CATDESC", c.catdesc);
    v.appendRecords(c.values);
  }
  const sparse = writer.addRVariable({ name: "r_sparse", dataType: "INT2", sparseRecords: "pad" });
  sparse.writeRecords(5, new Int16Array([1, 2, 3, 4, 5, 6]));
  writer
    .addZVariable({ name: "z_scalar", dataType: "INT4", attributes: { CATDESC: "a zVariable" } })
    .appendRecords(new Int32Array([7, 8, 9]));
  return writer.toBytes();
}

describe("rVariables through our reader", () => {
  for (const majority of ["row", "column"] as const) {
    for (const encoding of ["ibmpc", "network"] as const) {
      test(`${majority}-major, ${encoding}`, () => {
        const bytes = write(majority, encoding);
        const cdf = openCdf(memorySource(bytes, "r.cdf", "CDF"));
        expect(cdf.variables.map((v) => `${v.kind}${v.number}:${v.name}`)).toEqual([
          "r0:r_uint1",
          "r1:r_int4_rows",
          "r2:r_real4_nrv",
          "r3:r_sparse",
          "z0:z_scalar",
        ]);
        for (const c of CASES) {
          const info = cdf.variable(c.name);
          expect(info.dims, c.name).toEqual(R_DIMS);
          expect(info.dimVarys, c.name).toEqual(c.dimVarys);
          expect(info.recordVarying, c.name).toBe(c.recordVarying);
          expect(info.attributes.CATDESC?.value, c.name).toBe(c.catdesc);
          const array = cdf.readVariable(c.name);
          expect(array.shape, c.name).toEqual(c.recordVarying ? [c.records, ...R_DIMS] : R_DIMS);
          // Oracle: the User's Guide dimension-variance rule, applied in expand().
          expect(Array.from(array.data as ArrayLike<number>), c.name).toEqual(expand(c));
        }
        expect(cdf.variable("z_scalar").attributes.CATDESC?.value).toBe("a zVariable");
        const sparse = cdf.readVariable("r_sparse", { firstRecord: 4, lastRecord: 5 });
        // Record 4 is a gap: the pad value -32767 (CDF 3.x default for INT2, see sparse test).
        expect([...(sparse.data as Int16Array)]).toEqual([
          -32767, -32767, -32767, -32767, -32767, -32767, 1, 2, 3, 4, 5, 6,
        ]);
        expect(cdf.variable("r_sparse").maxRecord).toBe(5);
        // GDR fields (IFD 3.9, GDR): NrVars at +44, rMaxRec at +52 (the highest rVariable
        // record, r_sparse's 5), rNumDims at +56, rDimSizes from +84.
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        const gdr = Number(view.getBigInt64(8 + 12));
        expect(view.getInt32(gdr + 44)).toBe(4);
        expect(view.getInt32(gdr + 52)).toBe(5);
        expect(view.getInt32(gdr + 56)).toBe(2);
        expect([view.getInt32(gdr + 84), view.getInt32(gdr + 88)]).toEqual(R_DIMS);
      });
    }
  }
});

const jcdfSuite = jcdfMissingReason === undefined ? describe : describe.skip;
if (jcdfMissingReason !== undefined) {
  console.warn(`SKIPPED "rVariables vs jcdf": ${jcdfMissingReason}`);
}

jcdfSuite("rVariables vs jcdf", () => {
  const dir = mkdtempSync(join(tmpdir(), "aurorakit-cdf-r-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const majority of ["row", "column"] as const) {
    test(`${majority}-major: jcdf lists rVariables, their stored values and entries`, () => {
      const listing = listBytes(dir, `r-${majority}.cdf`, write(majority, "network"));
      for (const c of CASES) {
        const v = jcdfVariable(listing, c.name);
        expect(v.name, c.name).toBe(c.name);
        expect(v.dims, c.name).toEqual(R_DIMS);
        expect(v.recordVarying, c.name).toBe(c.recordVarying);
        expect(v.attributes.get("CATDESC"), c.name).toBe(c.catdesc);
        const storedDims = R_DIMS.filter((_, d) => c.dimVarys[d]);
        const rowMajor = keysByRecord(c.dataType, c.values, c.records);
        const stored =
          majority === "row"
            ? rowMajor
            : rowMajor.map((record) =>
                record.map((_, s) => record[rowMajorIndexOfColumnPosition(storedDims, s)]!),
              );
        expect(jcdfRecordKeys(v, c.dataType), c.name).toEqual(stored);
      }
      const sparse = jcdfVariable(listing, "r_sparse");
      expect([...sparse.virtualRecords].sort()).toEqual([0, 1, 2, 3, 4]);
      expect(jcdfRecordKeys(sparse, "INT2", 5, 5)).toEqual([
        majority === "row" ? ["1", "2", "3", "4", "5", "6"] : ["1", "3", "5", "2", "4", "6"],
      ]);
      expect(jcdfVariable(listing, "z_scalar").attributes.get("CATDESC")).toBe("a zVariable");
    });
  }
});
