/**
 * Damaged copies of files that use the new features (whole-file RLE/HUFF/AHUFF/GZIP, per-variable
 * RLE/HUFF/AHUFF CVVRs, sparse records, rVariables with DimVarys false, column-major records,
 * multi-level VXRs) must make our reader either decode or throw a FormatError, never another
 * exception (rules of this project: bad input -> FormatError naming file and offset).
 * Deterministic mutations, bounded count.
 */
import { describe, expect, test } from "vitest";
import { memorySource } from "../../../../src/core/byte-source.js";
import { FormatError } from "../../../../src/core/errors.js";
import { describeCdf } from "../../../../src/formats/cdf/describe.js";
import type { CdfCompressionType } from "../../../../src/formats/cdf/write/index.js";
import { CdfWriter } from "../../../../src/formats/cdf/write/index.js";
import { sampleVariables, writeSample } from "../../../support/cdf-write-samples.js";
import { mutate, seededRandom } from "../../../support/mutate.js";

const METHODS: readonly CdfCompressionType[] = ["rle", "huff", "ahuff", "gzip"];
const MUTATIONS_PER_FILE = 250;

function featureFiles(): [string, Uint8Array][] {
  const files: [string, Uint8Array][] = [];
  for (const method of METHODS) {
    const whole = new CdfWriter({ fileCompression: { type: method } });
    writeSample(whole, sampleVariables("none"));
    files.push([`file-${method}.cdf`, whole.toBytes()]);
    const perVariable = new CdfWriter({
      encoding: "network",
      majority: "column",
      rDims: [3, 2],
      vxrEntries: 2,
    });
    writeSample(perVariable, sampleVariables({ type: method }));
    perVariable
      .addRVariable({
        name: "r",
        dataType: "INT2",
        dimVarys: [true, false],
        sparseRecords: "previous",
        recordsPerBlock: 1,
      })
      .writeRecords(3, new Int16Array([1, 2, 3]))
      .writeRecords(9, new Int16Array([4, 5, 6, 7, 8, 9]));
    files.push([`var-${method}.cdf`, perVariable.toBytes()]);
  }
  return files;
}

describe("damaged feature files", () => {
  for (const [name, bytes] of featureFiles()) {
    test(`${name}: FormatError or a decode, ${MUTATIONS_PER_FILE} mutations`, () => {
      const random = seededRandom(name.length * 7919 + bytes.length);
      for (let i = 0; i < MUTATIONS_PER_FILE; i++) {
        const mutated = mutate(bytes, random);
        try {
          describeCdf(memorySource(mutated.bytes, name, "CDF"));
        } catch (error) {
          if (!(error instanceof FormatError)) {
            expect.fail(`${name} ${mutated.description}: ${String(error)}`);
          }
        }
      }
    });
  }
});
