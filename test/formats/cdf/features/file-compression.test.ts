/**
 * Whole-file compression (magic2 0xCCCC0001, a CCR at offset 8 whose payload is the
 * uncompressed file minus its 8 magic bytes, then a CPR; IFD 3.9, CCR and CPR), with each of the
 * four methods, in both encodings, with and without compressed variables inside. Oracles: jcdf
 * lists the values written; Node's zlib (independent inflater) expands a GZIP CCR to exactly the
 * uncompressed file the same writer produces without fileCompression; our reader returns the
 * values bit-exact and names the method.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, test } from "vitest";
import { memorySource } from "../../../../src/core/byte-source.js";
import { openCdf } from "../../../../src/formats/cdf/cdf-file.js";
import { describeCdf } from "../../../../src/formats/cdf/describe.js";
import type {
  CdfCompressionSpec,
  CdfCompressionType,
} from "../../../../src/formats/cdf/write/index.js";
import { CdfWriter } from "../../../../src/formats/cdf/write/index.js";
import {
  expectSameValues,
  jcdfRecordKeys,
  jcdfVariable,
  keysByRecord,
  listBytes,
} from "../../../support/cdf-features.js";
import { jcdfMissingReason } from "../../../support/cdf-jcdf.js";
import type { SampleVariable } from "../../../support/cdf-write-samples.js";
import {
  SAMPLE_GLOBALS,
  sampleVariables,
  writeSample,
} from "../../../support/cdf-write-samples.js";

const METHODS: readonly CdfCompressionType[] = ["rle", "huff", "ahuff", "gzip"];

function write(
  encoding: "ibmpc" | "network",
  fileCompression: CdfCompressionSpec,
  inner: "none" | "gzip",
): { bytes: Uint8Array; variables: SampleVariable[] } {
  const writer = new CdfWriter({ encoding, fileCompression });
  const variables = sampleVariables(inner);
  writeSample(writer, variables);
  return { bytes: writer.toBytes(), variables };
}

const jcdfSuite = jcdfMissingReason === undefined ? describe : describe.skip;
if (jcdfMissingReason !== undefined) {
  console.warn(`SKIPPED "whole-file compression vs jcdf": ${jcdfMissingReason}`);
}

describe("whole-file compression: layout and our reader", () => {
  test("a GZIP CCR holds exactly the uncompressed file minus its magic numbers", () => {
    for (const encoding of ["ibmpc", "network"] as const) {
      const plain = write(encoding, "none", "none").bytes;
      const packed = write(encoding, { type: "gzip", level: 9 }, "none").bytes;
      const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
      // Magic numbers (IFD 3.9): 0xCDF30001 then 0xCCCC0001 for a compressed file.
      expect(view.getUint32(0)).toBe(0xcdf30001);
      expect(view.getUint32(4)).toBe(0xcccc0001);
      // CCR at 8: RecordSize, RecordType 10, CPRoffset, uSize, rfuA (IFD 3.9, CCR).
      const ccrSize = Number(view.getBigInt64(8));
      expect(view.getInt32(16)).toBe(10);
      const cprOffset = Number(view.getBigInt64(20));
      expect(cprOffset).toBe(8 + ccrSize);
      expect(Number(view.getBigInt64(28))).toBe(plain.length - 8);
      expect(view.getInt32(36)).toBe(0);
      // CPR: RecordType 11, cType 5 (GZIP), pCount 1, level 9 (IFD 3.9, CPR).
      expect(view.getInt32(cprOffset + 8)).toBe(11);
      expect(view.getInt32(cprOffset + 12)).toBe(5);
      expect(view.getInt32(cprOffset + 20)).toBe(1);
      expect(view.getInt32(cprOffset + 24)).toBe(9);
      expect(cprOffset + 28).toBe(packed.length);
      // Oracle: Node's zlib inflates the CCR payload to the uncompressed file image.
      const payload = gunzipSync(packed.subarray(40, 8 + ccrSize));
      expect(Buffer.compare(payload, plain.subarray(8)), encoding).toBe(0);
    }
  });

  for (const encoding of ["ibmpc", "network"] as const) {
    for (const method of METHODS) {
      for (const inner of ["none", "gzip"] as const) {
        test(`${encoding}, file ${method}, variables ${inner}`, () => {
          const { bytes, variables } = write(encoding, { type: method }, inner);
          const cdf = openCdf(memorySource(bytes, `${method}.cdf`, "CDF"));
          expect(cdf.compressed?.type).toBe(method.toUpperCase());
          expect(cdf.encoding.littleEndian).toBe(encoding === "ibmpc");
          expect(Object.keys(cdf.globalAttributes)).toEqual(Object.keys(SAMPLE_GLOBALS));
          for (const sample of variables) {
            const name = sample.spec.name;
            expect(cdf.variable(name).compression?.type ?? "none", name).toBe(
              inner === "gzip" ? "GZIP" : "none",
            );
            expect(cdf.variable(name).recordCount, name).toBe(sample.recordCount);
            if (sample.recordCount > 0)
              expectSameValues(cdf.readVariable(name), sample.values, name);
          }
          const description = describeCdf(memorySource(bytes, `${method}.cdf`, "CDF"));
          expect(description.attributes["cdf.compression"]).toBe(method.toUpperCase());
        });
      }
    }
  }

  test("a streamed compressed file equals the in-memory one", () => {
    const dir = mkdtempSync(join(tmpdir(), "aurorakit-cdf-ccr-stream-"));
    try {
      const path = join(dir, "streamed.cdf");
      const writer = CdfWriter.create(path, { fileCompression: { type: "ahuff" } });
      writeSample(writer, sampleVariables("none"));
      writer.close();
      const { bytes } = write("ibmpc", { type: "ahuff" }, "none");
      const streamed = readFileSync(path);
      // Invariant: the sink changes where bytes go, never what they are.
      expect(Buffer.compare(streamed, bytes)).toBe(0);
      expect(openCdf(memorySource(streamed, path, "CDF")).compressed?.type).toBe("AHUFF");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

jcdfSuite("whole-file compression vs jcdf", () => {
  const dir = mkdtempSync(join(tmpdir(), "aurorakit-cdf-ccr-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const encoding of ["ibmpc", "network"] as const) {
    for (const method of METHODS) {
      const inner = method === "rle" || method === "ahuff" ? "gzip" : "none";
      test(`${encoding}, file ${method}, variables ${inner}: jcdf lists every value`, () => {
        const { bytes, variables } = write(encoding, { type: method }, inner);
        const listing = listBytes(dir, `${encoding}-${method}.cdf`, bytes);
        expect([...listing.globalAttributes.keys()]).toEqual(Object.keys(SAMPLE_GLOBALS));
        for (const sample of variables) {
          const v = jcdfVariable(listing, sample.spec.name);
          const type = sample.spec.dataType;
          expect(v.records.length, sample.spec.name).toBe(sample.recordCount);
          expect(jcdfRecordKeys(v, type), sample.spec.name).toEqual(
            keysByRecord(type, sample.values, sample.recordCount),
          );
        }
      });
    }
  }
});
