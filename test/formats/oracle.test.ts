import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, it } from "vitest";
import type { InspectReport } from "../../src/formats/inspect.js";
import { describeWithFixtures } from "../support/describe-fixtures.js";
import { fixturesDir, haveFixtures, readOracle } from "../support/fixtures.js";
import { expectedArrays, shapesAgree } from "../support/oracle-expectations.js";
import { runCli } from "../support/run-cli.js";

function oracleFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return oracleFiles(path);
    return name.endsWith(".oracle.json") ? [path] : [];
  });
}

const oracles = haveFixtures ? oracleFiles(fixturesDir) : [];

// Oracle: every `*.oracle.json` under the fixtures, written by an independent reader (cdflib,
// scipy.io.readsav, h5py, PIL, a separate Python PGM parser). SHA-256 comparisons are exact.
describeWithFixtures("aurorakit inspect --json against independent readers", () => {
  it("finds the oracle files (one per real fixture that has one)", () => {
    expect(oracles.length).toBeGreaterThanOrEqual(10);
  });

  for (const oraclePath of oracles) {
    const dataPath = oraclePath.slice(0, -".oracle.json".length);
    it(`reproduces ${relative(fixturesDir, dataPath)}`, async () => {
      const result = await runCli("inspect", dataPath, "--json");
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as InspectReport;
      const byPath = new Map(report.arrays.map((a) => [a.path, a]));
      const expected = expectedArrays(readOracle(relative(fixturesDir, dataPath)));
      expect(expected.length).toBeGreaterThan(0);
      for (const want of expected) {
        const got = byPath.get(want.path);
        expect(got, `array ${want.path} missing from inspect output`).toBeDefined();
        if (got === undefined) continue;
        expect(got.dtype, `${want.path} dtype`).toBe(want.dtype);
        if (want.shape !== undefined) {
          expect(
            shapesAgree(got.shape, want.shape),
            `${want.path} shape ${JSON.stringify(got.shape)} vs ${JSON.stringify(want.shape)}`,
          ).toBe(true);
        }
        if (want.sha256 !== undefined) expect(got.sha256, `${want.path} sha256`).toBe(want.sha256);
        if (want.stringValue !== undefined) {
          expect(got.values, `${want.path} value`).toEqual([want.stringValue]);
        }
      }
    });
  }
});
