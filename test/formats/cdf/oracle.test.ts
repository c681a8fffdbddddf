import { expect, it } from "vitest";
import { memorySource } from "../../../src/core/byte-source.js";
import { describeCdf } from "../../../src/formats/cdf/describe.js";
import { summarize } from "../../../src/formats/summary.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { readFixture } from "../../support/fixtures.js";
import { readCdfOracle } from "./support/cdf-oracle.js";

interface OracleVariable {
  cdf_type: string;
  dims: number[];
  records: number;
  compression: number;
  dtype: string;
  shape: number[];
  sum: number;
  min: number;
  max: number;
  sha256_le: string;
  attrs: Record<string, unknown>;
}

interface CdfOracle {
  version: string;
  majority: string;
  encoding: number;
  variables: Record<string, OracleVariable>;
  global_attrs: Record<string, unknown[]>;
}

const FILES = ["thg_l1_asf_gako_2011010617_v01.cdf", "thg_l1_ast_gako_20110505_v01.cdf"];

// Oracle: `*.cdf.oracle.json`, written by cdflib (an independent CDF reader) beside each file.
describeWithFixtures("CDF reader against the cdflib oracle (THEMIS ASI files)", () => {
  for (const file of FILES) {
    it(`${file}: every variable's dtype, shape, sha256, cdf type, records and attributes`, () => {
      const oracle = readCdfOracle<CdfOracle>("themis", file);
      const description = describeCdf(memorySource(readFixture("themis", file), file, "CDF"));
      expect(description.arrays.map((a) => a.path).sort()).toEqual(
        Object.keys(oracle.variables).sort(),
      );
      for (const described of description.arrays) {
        const expected = oracle.variables[described.path];
        if (expected === undefined) throw new Error(`oracle lacks ${described.path}`);
        const summary = summarize(described.path, described.array);
        expect({
          path: described.path,
          dtype: summary.dtype,
          shape: summary.shape,
          sha256: summary.sha256,
        }).toEqual({
          path: described.path,
          dtype: expected.dtype,
          shape: expected.shape,
          sha256: expected.sha256_le,
        });
        // Exact: min, max and sum of integer-valued data (float64 sums of < 2^53 are exact here).
        expect(summary.min).toBe(expected.min);
        expect(summary.max).toBe(expected.max);
        expect(described.details?.cdfType).toBe(expected.cdf_type);
        expect(described.details?.records).toBe(expected.records);
        expect(described.details?.dims).toEqual(expected.dims);
        // cdflib reports the GZIP level as "compression" (0 when uncompressed).
        expect(described.details?.compressionLevel).toBe(expected.compression);
        expect(described.attributes).toEqual(expected.attrs);
      }
      expect(description.attributes["cdf.version"]).toBe(oracle.version);
      expect(description.attributes["cdf.majority"]).toBe(
        oracle.majority === "Row_major" ? "row" : "column",
      );
      // Encoding 1 = NETWORK (CDF User's Guide 3.9, section 2.2.8).
      expect(oracle.encoding).toBe(1);
      expect(description.attributes["cdf.encoding"]).toBe("NETWORK");
      expect(description.attributes["cdf.encodingCode"]).toBe(oracle.encoding);
      const globals = Object.fromEntries(
        Object.entries(description.attributes).filter(([k]) => !k.startsWith("cdf.")),
      );
      expect(globals).toEqual(oracle.global_attrs);
    });
  }
});
