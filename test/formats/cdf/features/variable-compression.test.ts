/**
 * Per-variable compression (CPR cType 1 RLE, 2 HUFF, 3 AHUFF, 5 GZIP; IFD 3.9, CPR). Every data
 * type is written compressed with every method in both encodings. Oracles: jcdf (independent
 * Java reader) must list exactly the values written; our reader (openCdf) must return them
 * bit-exact, for whole variables and for record ranges that start and end inside blocks, and
 * report the method and its CPR parameter. Data shaped to stress each codec (zero runs longer
 * than one RLE pair covers, all 256 byte values, incompressible noise) is included.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { memorySource } from "../../../../src/core/byte-source.js";
import { openCdf } from "../../../../src/formats/cdf/cdf-file.js";
import { describeCdf } from "../../../../src/formats/cdf/describe.js";
import type { CdfCompressionType } from "../../../../src/formats/cdf/write/index.js";
import { CdfWriter } from "../../../../src/formats/cdf/write/index.js";
import {
  expectSameValues,
  jcdfRecordKeys,
  jcdfVariable,
  keysByRecord,
  listBytes,
  recordSlice,
} from "../../../support/cdf-features.js";
import { dumpNumbers, jcdfDumpRecords, jcdfMissingReason } from "../../../support/cdf-jcdf.js";
import type { SampleVariable } from "../../../support/cdf-write-samples.js";
import { sampleVariables, writeSample } from "../../../support/cdf-write-samples.js";

const METHODS: readonly CdfCompressionType[] = ["rle", "huff", "ahuff", "gzip"];
/** CPR cType codes (IFD 3.9, CPR). */
const EXPECTED_CTYPE: Record<CdfCompressionType, number> = { rle: 1, huff: 2, ahuff: 3, gzip: 5 };
/** CPR cParms[0] the writer states: RLE 0 = runs of zeros, HUFF/AHUFF 0 = optimal trees, GZIP level (IFD 3.9, CPR). */
const EXPECTED_PARAMETER: Record<CdfCompressionType, number> = {
  rle: 0,
  huff: 0,
  ahuff: 0,
  gzip: 6,
};

/** Codec stress data: 1000 zeros (4 RLE pairs), every byte value, and noise. */
function stressValues(): Uint8Array {
  const out = new Uint8Array(4096);
  for (let i = 1000; i < 1256; i++) out[i] = i - 1000;
  let x = 12345;
  for (let i = 1256; i < out.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const jcdfSuite = jcdfMissingReason === undefined ? describe : describe.skip;
if (jcdfMissingReason !== undefined) {
  console.warn(`SKIPPED "per-variable compression vs jcdf": ${jcdfMissingReason}`);
}

function writeFile(
  encoding: "ibmpc" | "network",
  method: CdfCompressionType,
): { bytes: Uint8Array; variables: SampleVariable[] } {
  const writer = new CdfWriter({ encoding });
  const variables = sampleVariables({ type: method });
  writeSample(writer, variables);
  const stress: SampleVariable = {
    spec: {
      name: "stress",
      dataType: "UINT1",
      dims: [64],
      compression: { type: method },
      recordsPerBlock: 7,
    },
    values: stressValues(),
    recordCount: 64,
  };
  writer.addZVariable(stress.spec).appendRecords(stress.values);
  return { bytes: writer.toBytes(), variables: [...variables, stress] };
}

describe("per-variable compression through our reader", () => {
  for (const encoding of ["ibmpc", "network"] as const) {
    for (const method of METHODS) {
      test(`${encoding}, ${method}: every type reads back bit-exact`, () => {
        const { bytes, variables } = writeFile(encoding, method);
        const cdf = openCdf(memorySource(bytes, `${method}.cdf`, "CDF"));
        for (const sample of variables) {
          const name = sample.spec.name;
          const info = cdf.variable(name);
          // Oracle: the CPR the writer was asked for.
          expect(info.compression?.type, name).toBe(method.toUpperCase());
          expect(info.compression?.level, name).toBe(EXPECTED_PARAMETER[method]);
          expect(info.recordCount, name).toBe(sample.recordCount);
          if (sample.recordCount === 0) continue;
          expectSameValues(cdf.readVariable(name), sample.values, name);
          const perRecord = sample.values.length / sample.recordCount;
          if (sample.recordCount > 4) {
            // Starts and ends inside blocks (blocks of 2..7 records, or one block).
            const last = sample.recordCount - 2;
            expectSameValues(
              cdf.readVariable(name, { firstRecord: 1, lastRecord: last }),
              recordSlice(sample.values, perRecord, 1, last),
              `${name}[1..${last}]`,
            );
          }
          // Every block decodes to exactly its records (invariant of the VXR entries).
          for (const block of cdf.blocks(name)) expect(block.compressed, name).toBe(true);
        }
        const description = describeCdf(memorySource(bytes, `${method}.cdf`, "CDF"));
        const stress = description.arrays.find((a) => a.path === "stress")!;
        expect(stress.details?.compression).toBe(method.toUpperCase());
        expect(stress.array.shape).toEqual([64, 64]);
      });
    }
  }
});

jcdfSuite("per-variable compression vs jcdf", () => {
  const dir = mkdtempSync(join(tmpdir(), "aurorakit-cdf-cpr-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const method of METHODS) {
    test(`${method}: blocks of 320 kB (adaptive model rescaling, long streams)`, () => {
      // 2 records of 400 x 400 UINT2 in one block: smooth ramps plus 4 bits of noise.
      let x = 1;
      const values = new Uint16Array(2 * 400 * 400).map((_, i) => {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        return (i % 400) * 3 + (x >>> 28);
      });
      const writer = new CdfWriter({ encoding: "network" });
      writer
        .addZVariable({
          name: "img",
          dataType: "UINT2",
          dims: [400, 400],
          compression: { type: method },
        })
        .appendRecords(values);
      const bytes = writer.toBytes();
      expectSameValues(
        openCdf(memorySource(bytes, "big.cdf", "CDF")).readVariable("img"),
        values,
        `${method} through our reader`,
      );
      const listing = listBytes(dir, `big-${method}.cdf`, bytes);
      const listed = jcdfVariable(listing, "img").records.flat().map(Number);
      expect(listed.length).toBe(values.length);
      // Exact, element by element (first mismatch reported).
      const mismatch = listed.findIndex((v, i) => v !== values[i]);
      expect(mismatch, `${method}: first value jcdf lists differently`).toBe(-1);
    });
  }

  for (const encoding of ["ibmpc", "network"] as const) {
    for (const method of METHODS) {
      test(`${encoding}, ${method}: jcdf lists every value written`, () => {
        const { bytes, variables } = writeFile(encoding, method);
        const listing = listBytes(dir, `${encoding}-${method}.cdf`, bytes);
        for (const sample of variables) {
          const v = jcdfVariable(listing, sample.spec.name);
          const type = sample.spec.dataType;
          expect(v.records.length, sample.spec.name).toBe(sample.recordCount);
          expect(v.virtualRecords.size, sample.spec.name).toBe(0);
          expect(jcdfRecordKeys(v, type), sample.spec.name).toEqual(
            keysByRecord(type, sample.values, sample.recordCount),
          );
        }
        // jcdf's sequential walk finds only compressed blocks, and one CPR per variable with
        // the method's cType and parameter (IFD 3.9, CPR).
        const records = jcdfDumpRecords(join(dir, `${encoding}-${method}.cdf`));
        expect(records.filter((r) => r.type === "VVR")).toEqual([]);
        const cprs = records.filter((r) => r.type === "CPR");
        expect(cprs.length).toBe(variables.length);
        for (const cpr of cprs) {
          expect(dumpNumbers(cpr, "cType")).toEqual([EXPECTED_CTYPE[method]]);
          expect(dumpNumbers(cpr, "pCount")).toEqual([1]);
          expect(dumpNumbers(cpr, "cParms")).toEqual([EXPECTED_PARAMETER[method]]);
        }
      });
    }
  }
});
