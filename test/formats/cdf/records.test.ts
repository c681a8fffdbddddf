import { describe, expect, it } from "vitest";
import { CdfDataType } from "../../../src/formats/cdf/constants.js";
import { storedBytes, text } from "./support/build-cdf.js";
import { list, openSynthetic as open } from "./support/synthetic.js";

// Oracle for this file: the values each synthetic CDF was assembled from (invariant: what is
// written is what is read), with layouts per the CDF Internal Format Description 3.9.

describe("record layout", () => {
  it("transposes column-major records to row-major", () => {
    // Record [[1,2,3],[4,5,6]] stored column-major: 1,4,2,5,3,6.
    const cdf = open({
      rowMajor: false,
      variables: [
        {
          name: "m",
          type: CdfDataType.CDF_INT2,
          dims: [2, 3],
          maxRecord: 1,
          blocks: [
            {
              first: 0,
              last: 1,
              bytes: storedBytes(
                new Int16Array([1, 4, 2, 5, 3, 6, 10, 40, 20, 50, 30, 60]),
                2,
                false,
              ),
            },
          ],
        },
      ],
    });
    expect(cdf.majority).toBe("column");
    const m = cdf.readVariable("m");
    expect(m.shape).toEqual([2, 2, 3]);
    expect(list(m)).toEqual([1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60]);
  });

  it("repeats the single stored value along a non-varying dimension", () => {
    const cdf = open({
      variables: [
        {
          name: "nv",
          type: CdfDataType.CDF_UINT1,
          dims: [2, 3],
          dimVarys: [false, true],
          maxRecord: 0,
          blocks: [{ first: 0, last: 0, bytes: new Uint8Array([7, 8, 9]) }],
        },
      ],
    });
    expect(list(cdf.readVariable("nv"))).toEqual([7, 8, 9, 7, 8, 9]);
  });

  it("returns a non-record-varying variable with shape dims, and an rVariable with the GDR's dims", () => {
    const cdf = open({
      rDims: [2],
      variables: [
        {
          name: "nrv",
          type: CdfDataType.CDF_REAL8,
          recordVarying: false,
          maxRecord: 0,
          blocks: [{ first: 0, last: 0, bytes: storedBytes(new Float64Array([2.5]), 8, false) }],
        },
        {
          name: "rv",
          kind: "r",
          type: CdfDataType.CDF_INT4,
          maxRecord: 1,
          blocks: [
            { first: 0, last: 1, bytes: storedBytes(new Int32Array([1, 2, 3, 4]), 4, false) },
          ],
        },
      ],
    });
    expect(cdf.readVariable("nrv")).toMatchObject({ shape: [] });
    expect(list(cdf.readVariable("nrv"))).toEqual([2.5]);
    expect(cdf.variable("rv")).toMatchObject({ kind: "r", dims: [2] });
    expect(cdf.readVariable("rv")).toMatchObject({ shape: [2, 2] });
    expect(list(cdf.readVariable("rv"))).toEqual([1, 2, 3, 4]);
  });
});

describe("unwritten, sparse and virtual records", () => {
  const u2 = (values: number[]) => storedBytes(new Uint16Array(values), 2, false);
  const blocks = [
    { first: 1, last: 1, bytes: u2([11, 12]) },
    { first: 4, last: 4, bytes: u2([41, 42]) },
  ];

  it("pad-sparse variables read the VDR's pad value for records never written", () => {
    const cdf = open({
      variables: [
        {
          name: "p",
          type: CdfDataType.CDF_UINT2,
          dims: [2],
          maxRecord: 4,
          sparse: 1,
          padBytes: u2([9]),
          blocks,
        },
      ],
    });
    expect(list(cdf.readVariable("p"))).toEqual([9, 9, 11, 12, 9, 9, 9, 9, 41, 42]);
  });

  it("without a VDR pad value, the type's default pad (CDF UG: UINT2 65534) fills the gaps", () => {
    const cdf = open({
      variables: [
        { name: "p", type: CdfDataType.CDF_UINT2, dims: [2], maxRecord: 4, sparse: 1, blocks },
      ],
    });
    expect(list(cdf.readVariable("p", { firstRecord: 2, lastRecord: 3 }))).toEqual([
      65534, 65534, 65534, 65534,
    ]);
  });

  it("previous-sparse variables repeat the last record written before a gap, also across a range start", () => {
    const cdf = open({
      variables: [
        {
          name: "p",
          type: CdfDataType.CDF_UINT2,
          dims: [2],
          maxRecord: 4,
          sparse: 2,
          padBytes: u2([9]),
          blocks,
        },
      ],
    });
    expect(list(cdf.readVariable("p"))).toEqual([9, 9, 11, 12, 11, 12, 11, 12, 41, 42]);
    expect(list(cdf.readVariable("p", { firstRecord: 3, lastRecord: 3 }))).toEqual([11, 12]);
    // Virtual records past MaxRec: the last written record for "previous" ...
    expect(list(cdf.readVariable("p", { firstRecord: 5, lastRecord: 6 }))).toEqual([
      41, 42, 41, 42,
    ]);
  });

  it("virtual records of a non-sparse variable read as pad values", () => {
    const cdf = open({
      variables: [
        {
          name: "n",
          type: CdfDataType.CDF_UINT2,
          dims: [2],
          maxRecord: 1,
          padBytes: u2([7]),
          blocks: [{ first: 0, last: 1, bytes: u2([1, 2, 3, 4]) }],
        },
      ],
    });
    expect(list(cdf.readVariable("n", { firstRecord: 1, lastRecord: 3 }))).toEqual([
      3, 4, 7, 7, 7, 7,
    ]);
  });

  it("CHAR pad defaults to spaces", () => {
    const cdf = open({
      variables: [
        {
          name: "s",
          type: CdfDataType.CDF_CHAR,
          numElements: 3,
          maxRecord: 1,
          sparse: 1,
          blocks: [{ first: 1, last: 1, bytes: text("abc") }],
        },
      ],
    });
    expect(cdf.readVariable("s").data).toEqual(["   ", "abc"]);
  });

  it("reads a V2.4 file, whose VDRs carry 128 more reserved bytes", () => {
    const cdf = open({
      v3: false,
      version: [2, 4, 0],
      variables: [
        {
          name: "old",
          type: CdfDataType.CDF_INT4,
          maxRecord: 1,
          blocks: [{ first: 0, last: 1, bytes: storedBytes(new Int32Array([-7, 8]), 4, false) }],
        },
      ],
    });
    expect(cdf.version).toBe("2.4.0");
    expect(list(cdf.readVariable("old"))).toEqual([-7, 8]);
  });
});
