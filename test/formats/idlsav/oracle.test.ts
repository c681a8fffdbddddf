import { expect, it } from "vitest";
import { fileSource, memorySource } from "../../../src/core/byte-source.js";
import { describeIdlSave } from "../../../src/formats/idlsav/describe.js";
import { readIdlSave } from "../../../src/formats/idlsav/read.js";
import { summarize } from "../../../src/formats/summary.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { fixture, readFixture } from "../../support/fixtures.js";
import { readSaveOracle } from "../../support/idlsav-oracle.js";

const FIXTURES = [
  ["themis", "themis_skymap_gako_20110305-+_vXX.sav"],
  ["calibration", "REGO_Rayleighs_15651_20210908-+_v02.sav"],
] as const;

/**
 * Sums are accumulated in a different order than numpy's pairwise summation; 1e-12 relative
 * (a few float64 ulps per thousand terms) separates that from a wrong value.
 */
const SUM_RELATIVE_TOLERANCE = 1e-12;

describeWithFixtures("IDL save reader against scipy.io.readsav oracles", () => {
  for (const parts of FIXTURES) {
    it(`${parts[1]}: every leaf's dtype, shape, SHA-256, statistics and strings`, () => {
      // Oracle: the *.oracle.json written by scipy.io.readsav beside the fixture.
      const oracle = readSaveOracle(...parts);
      const described = describeIdlSave(memorySource(readFixture(...parts), parts[1]));
      expect(described.format).toBe("idl-save");
      expect(described.arrays.map((a) => a.path)).toEqual([...oracle.keys()]);
      for (const { path, array } of described.arrays) {
        const expected = oracle.get(path);
        if (expected === undefined) throw new Error(`no oracle entry for ${path}`);
        if ("string" in expected) {
          expect(array.dtype, path).toBe("string");
          expect(array.shape, path).toEqual([]);
          expect(array.data[0], path).toBe(expected.string);
          continue;
        }
        const summary = summarize(path, array);
        expect(summary.dtype, path).toBe(expected.dtype);
        expect(summary.shape, path).toEqual(expected.shape);
        expect(summary.sha256, path).toBe(expected.sha256_le);
        expect(summary.nanCount, path).toBe(expected.nan_count);
        expect(summary.min, path).toBe(expected.min);
        expect(summary.max, path).toBe(expected.max);
        const scale = Math.max(1, Math.abs(expected.sum));
        expect(Math.abs((summary.sum ?? Number.NaN) - expected.sum) / scale, path).toBeLessThan(
          SUM_RELATIVE_TOLERANCE,
        );
      }
    });
  }

  it("reports the preamble records of the THEMIS skymap", () => {
    // Oracle: the TIMESTAMP and VERSION records as printed by scipy.io.readsav(verbose=True).
    const file = readIdlSave(memorySource(readFixture(...FIXTURES[0]), FIXTURES[0][1]));
    expect(file.timestamp).toEqual({
      date: "Thu May 03 12:01:42 2012",
      user: "mcguffin",
      host: "EPSILON",
    });
    expect(file.version).toEqual({ format: 10, arch: "x86_64", os: "Win32", release: "8.0" });
    expect(file.notice).toContain("NOTICE");
    expect(file.compressed).toBe(false);
    expect(file.promote64).toBe(false);
    expect(file.warnings).toEqual([]);
    expect([...file.variables.keys()]).toEqual(["skymap"]);
    const skymap = file.variables.get("skymap");
    expect(skymap?.kind === "struct" ? skymap.shape : undefined).toEqual([1]);
  });

  it("decodes the same values through positioned file reads as from memory", () => {
    // Invariant: the ByteSource implementation does not change the decoded values.
    const path = fixture(...FIXTURES[0]);
    const source = fileSource(path, "IDL save");
    try {
      const fromFile = describeIdlSave(source);
      const fromMemory = describeIdlSave(memorySource(readFixture(...FIXTURES[0]), path));
      expect(fromFile.arrays.map((a) => summarize(a.path, a.array))).toEqual(
        fromMemory.arrays.map((a) => summarize(a.path, a.array)),
      );
    } finally {
      source.close();
    }
  });
});
