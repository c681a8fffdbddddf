import { describe, expect, it } from "vitest";
import { CdfDataType } from "../../../src/formats/cdf/constants.js";
import { storedBytes, text } from "./support/build-cdf.js";
import { openSynthetic as open } from "./support/synthetic.js";

// Oracle for this file: the values each synthetic CDF was assembled from (invariant: what is
// written is what is read), with layouts per the CDF Internal Format Description 3.9.

describe("attributes", () => {
  it("decodes global gEntries and variable r/z entries with their types", () => {
    const cdf = open({
      rDims: [],
      variables: [
        { name: "z0", type: CdfDataType.CDF_UINT1, maxRecord: -1, blocks: [] },
        { name: "r0", kind: "r", type: CdfDataType.CDF_UINT1, maxRecord: -1, blocks: [] },
      ],
      attributes: [
        {
          name: "Project",
          scope: "global",
          grEntries: [
            { entry: 1, type: CdfDataType.CDF_CHAR, numElements: 3, bytes: text("two") },
            { entry: 0, type: CdfDataType.CDF_CHAR, numElements: 3, bytes: text("one") },
          ],
        },
        {
          name: "Numbers",
          scope: "global",
          grEntries: [
            {
              entry: 0,
              type: CdfDataType.CDF_INT8,
              numElements: 2,
              bytes: storedBytes(new BigInt64Array([5n, -6n]), 8, false),
            },
          ],
        },
        {
          name: "VALIDMAX",
          scope: "variable",
          grEntries: [
            {
              entry: 0,
              type: CdfDataType.CDF_REAL4,
              numElements: 1,
              bytes: storedBytes(new Float32Array([1.5]), 4, false),
            },
          ],
          zEntries: [
            {
              entry: 0,
              type: CdfDataType.CDF_UINT2,
              numElements: 2,
              bytes: storedBytes(new Uint16Array([3, 4]), 2, false),
            },
          ],
        },
      ],
    });
    expect(Object.keys(cdf.globalAttributes)).toEqual(["Project", "Numbers"]);
    expect(cdf.globalAttributes.Project?.map((e) => [e.entry, e.value])).toEqual([
      [0, "one"],
      [1, "two"],
    ]);
    expect(Array.from(cdf.globalAttributes.Numbers?.[0]?.value as BigInt64Array)).toEqual([
      5n,
      -6n,
    ]);
    expect(cdf.variable("r0").attributes.VALIDMAX).toMatchObject({
      dataType: { name: "CDF_REAL4" },
      value: new Float32Array([1.5]),
    });
    expect(cdf.variable("z0").attributes.VALIDMAX).toMatchObject({
      dataType: { name: "CDF_UINT2" },
      value: new Uint16Array([3, 4]),
    });
    // No records written: an empty record-varying read.
    expect(cdf.readVariable("z0")).toMatchObject({ shape: [0] });
  });
});
