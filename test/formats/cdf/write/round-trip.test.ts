/**
 * Round trip through our own CDF reader (openCdf): every value written comes back bit-exact
 * (compared as bytes, so NaN payloads and -0 count), with the same types, dims, record counts,
 * compression, blocking factor, pad values and attribute entries. Oracle: the values written
 * (invariant: read(write(x)) = x); jcdf checks the same files independently in
 * jcdf-independent-reader.test.ts.
 */
import { describe, expect, test } from "vitest";
import { memorySource } from "../../../../src/core/byte-source.js";
import type { AnyNDArray } from "../../../../src/core/ndarray.js";
import { openCdf } from "../../../../src/formats/cdf/cdf-file.js";
import type { CdfValues } from "../../../../src/formats/cdf/write/index.js";
import { CdfWriter } from "../../../../src/formats/cdf/write/index.js";
import type { SampleVariable } from "../../../support/cdf-write-samples.js";
import { SAMPLE_GLOBALS, writeSampleBytes } from "../../../support/cdf-write-samples.js";

function bytesOf(values: ArrayBufferView): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

/** Compares what the reader returned with the values written, exactly. */
function expectSameValues(array: AnyNDArray, values: CdfValues, label: string): void {
  if (array.dtype === "string") {
    expect(array.data, label).toEqual(values);
    return;
  }
  expect(ArrayBuffer.isView(values), label).toBe(true);
  expect(Buffer.compare(bytesOf(array.data), bytesOf(values as ArrayBufferView)), label).toBe(0);
}

function sliceRecords(sample: SampleVariable, first: number, last: number): CdfValues {
  const per = sample.values.length / sample.recordCount;
  const values = sample.values as unknown as { slice(a: number, b: number): CdfValues };
  return values.slice(first * per, (last + 1) * per);
}

describe("CDF writer -> openCdf round trip", () => {
  for (const encoding of ["ibmpc", "network"] as const) {
    for (const compression of ["none", "gzip"] as const) {
      test(`${encoding}, ${compression}`, () => {
        const { bytes, variables } = writeSampleBytes({ encoding, compression });
        const cdf = openCdf(memorySource(bytes, "sample.cdf", "CDF"));
        expect(cdf.encoding.littleEndian).toBe(encoding === "ibmpc");
        expect(cdf.majority).toBe("row");
        for (const [name, entries] of Object.entries(SAMPLE_GLOBALS)) {
          const got = cdf.globalAttributes[name]!;
          expect(got.length, name).toBe(entries.length);
          entries.forEach((entry, i) => {
            if (typeof entry === "string") expect(got[i]!.value, `${name}[${i}]`).toBe(entry);
          });
        }
        for (const sample of variables) {
          const name = sample.spec.name;
          const info = cdf.variable(name);
          expect(info.dataType.name, name).toBe(`CDF_${sample.spec.dataType}`);
          expect(info.dims).toEqual(sample.spec.dims);
          expect(info.recordVarying).toBe(sample.spec.recordVarying ?? true);
          expect(info.recordCount).toBe(sample.recordCount);
          expect(info.compression?.type ?? "none").toBe(compression === "gzip" ? "GZIP" : "none");
          if (compression === "gzip") expect(info.compression?.level).toBe(6);
          if (sample.spec.recordsPerBlock !== undefined) {
            expect(info.blockingFactor).toBe(sample.spec.recordsPerBlock);
          }
          if (sample.spec.padValue !== undefined) expect(info.padValue).toBe(sample.spec.padValue);
          if (sample.recordCount === 0) continue;
          expectSameValues(cdf.readVariable(name), sample.values, name);
          if (sample.recordCount > 4) {
            // A range that starts and ends inside blocks.
            const last = sample.recordCount - 2;
            const part = cdf.readVariable(name, { firstRecord: 1, lastRecord: last });
            expectSameValues(part, sliceRecords(sample, 1, last), `${name}[1..${last}]`);
          }
          expect(info.attributes.FIELDNAM?.value).toBe(name);
        }
        // The FILLVAL of a UINT2 variable is typed like the variable (ISTP).
        const fill = cdf.variable("v_uint2").attributes.FILLVAL!;
        expect(fill.dataType.name).toBe("CDF_UINT2");
        expect([...(fill.value as Uint16Array)]).toEqual([65535]);
        const tt2000Fill = cdf.variable("v_time_tt2000").attributes.FILLVAL!;
        expect([...(tt2000Fill.value as BigInt64Array)]).toEqual([-(2n ** 63n)]);
      });
    }
  }

  test("a file with no variables and no attributes", () => {
    const cdf = openCdf(memorySource(new CdfWriter().toBytes(), "empty.cdf", "CDF"));
    expect(cdf.variables).toEqual([]);
    expect(cdf.attributes).toEqual([]);
  });

  test("appending one record at a time equals appending all at once", () => {
    const write = (chunked: boolean) => {
      const w = new CdfWriter({ encoding: "network" });
      const v = w.addZVariable({
        name: "img",
        dataType: "UINT2",
        dims: [8, 8],
        compression: { type: "gzip", level: 6 },
        recordsPerBlock: 3,
      });
      const data = new Uint16Array(10 * 64).map((_, i) => (i * 2654435761) >>> 16);
      if (chunked)
        for (let r = 0; r < 10; r++) v.appendRecords(data.subarray(r * 64, (r + 1) * 64));
      else v.appendRecords(data);
      return w.toBytes();
    };
    // Invariant: block boundaries depend on recordsPerBlock, not on how records arrive.
    expect(Buffer.compare(write(true), write(false))).toBe(0);
  });
});
