/**
 * Reader problems that files from the extended writer exposed, fixed in the reader (see the
 * report): each test is the reproduction. Oracles: the bits written (invariant read(write(x))
 * = x), and this project's rule that corrupt input gives a FormatError (naming file and offset)
 * without allocations the file size does not justify.
 */
import { describe, expect, test } from "vitest";
import { memorySource } from "../../../../src/core/byte-source.js";
import { FormatError } from "../../../../src/core/errors.js";
import { openCdf } from "../../../../src/formats/cdf/cdf-file.js";
import { CdfWriter } from "../../../../src/formats/cdf/write/index.js";
import { expectSameValues } from "../../../support/cdf-features.js";

/** float32 bit patterns: signalling NaN, NaN with payload, -NaN, -0 (IEEE 754 binary32). */
const FLOAT_BITS = new Uint32Array([0x7f800001, 0x7fc00123, 0xffc00000, 0x80000000]);

/** Offset of the first zVDR: GDR offset at CDR+12, zVDRhead at GDR+20 (IFD 3.9, CDR and GDR). */
function firstZvdr(view: DataView): number {
  const gdr = Number(view.getBigInt64(8 + 12));
  return Number(view.getBigInt64(gdr + 20));
}

describe("reader regressions found with the extended writer", () => {
  test("reordered float32 values keep their bits (column-major, DimVarys false)", () => {
    for (const majority of ["row", "column"] as const) {
      const values = new Float32Array(FLOAT_BITS.buffer.slice(0));
      const w = new CdfWriter({ majority });
      w.addZVariable({ name: "x", dataType: "REAL4", dims: [2, 2] }).appendRecords(values);
      w.addZVariable({ name: "y", dataType: "REAL4", dims: [2], dimVarys: [false] }).appendRecords(
        values.subarray(0, 1),
      );
      const cdf = openCdf(memorySource(w.toBytes(), `${majority}.cdf`, "CDF"));
      expectSameValues(cdf.readVariable("x"), values, `x ${majority}`);
      expectSameValues(
        cdf.readVariable("y"),
        // Built from bits: a signalling NaN passed through a JS number would be quieted.
        new Float32Array(new Uint32Array([FLOAT_BITS[0]!, FLOAT_BITS[0]!]).buffer),
        `y ${majority}`,
      );
    }
  });

  test("absurd dimensions of a column-major variable are a FormatError, before allocating", () => {
    for (const [d0, d1] of [
      [0x10000000, 0x10000000],
      [10000, 10000],
    ] as const) {
      const w = new CdfWriter({ majority: "column" });
      w.addZVariable({ name: "m", dataType: "INT4", dims: [2, 3] }).appendRecords(
        new Int32Array(6),
      );
      const bytes = w.toBytes();
      const view = new DataView(bytes.buffer);
      // zDimSizes follow zNumDims at VDR + 340 (IFD 3.9, VDR).
      const vdr = firstZvdr(view);
      view.setInt32(vdr + 344, d0);
      view.setInt32(vdr + 348, d1);
      const cdf = openCdf(memorySource(bytes, "m.cdf", "CDF"));
      expect(() => cdf.readVariable("m"), `${d0}x${d1}`).toThrow(FormatError);
    }
  });

  test("an absurd CHAR NumElems is a FormatError at open", () => {
    const w = new CdfWriter();
    w.addZVariable({ name: "c", dataType: "CHAR", numElems: 3 }).appendRecords(["abc"]);
    const bytes = w.toBytes();
    const view = new DataView(bytes.buffer);
    // NumElems at VDR + 64 (IFD 3.9, VDR).
    view.setInt32(firstZvdr(view) + 64, 0x7fffffff);
    expect(() => openCdf(memorySource(bytes, "c.cdf", "CDF"))).toThrow(FormatError);
  });
});
