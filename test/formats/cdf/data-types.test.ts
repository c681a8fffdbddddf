import { describe, expect, it } from "vitest";
import { CdfDataType, CdfEncoding } from "../../../src/formats/cdf/constants.js";
import { text } from "./support/build-cdf.js";
import { list, oneBlock, openSynthetic as open } from "./support/synthetic.js";

// Oracle for this file: the values each synthetic CDF was assembled from (invariant: what is
// written is what is read), with layouts per the CDF Internal Format Description 3.9.

describe("every CDF data type, in both byte orders and both format versions", () => {
  for (const [label, v3, encoding, littleEndian] of [
    ["V3 NETWORK (big-endian)", true, CdfEncoding.NETWORK, false],
    ["V3 IBMPC (little-endian)", true, CdfEncoding.IBMPC, true],
    ["V2.7 SUN (big-endian, 4-byte offsets)", false, CdfEncoding.SUN, false],
  ] as const) {
    it(label, () => {
      const cdf = open({
        v3,
        encoding,
        variables: [
          oneBlock("i1", CdfDataType.CDF_INT1, new Int8Array([-128, 0, 127]), 1, littleEndian),
          oneBlock("i2", CdfDataType.CDF_INT2, new Int16Array([-32768, 1, 32767]), 2, littleEndian),
          oneBlock(
            "i4",
            CdfDataType.CDF_INT4,
            new Int32Array([-2147483648, 2, 2147483647]),
            4,
            littleEndian,
          ),
          oneBlock(
            "i8",
            CdfDataType.CDF_INT8,
            new BigInt64Array([-(2n ** 63n), 3n, 2n ** 63n - 1n]),
            8,
            littleEndian,
          ),
          oneBlock("u1", CdfDataType.CDF_UINT1, new Uint8Array([0, 4, 255]), 1, littleEndian),
          oneBlock("u2", CdfDataType.CDF_UINT2, new Uint16Array([0, 5, 65535]), 2, littleEndian),
          oneBlock(
            "u4",
            CdfDataType.CDF_UINT4,
            new Uint32Array([0, 6, 4294967295]),
            4,
            littleEndian,
          ),
          oneBlock(
            "r4",
            CdfDataType.CDF_REAL4,
            new Float32Array([-1.5, 0.25, 3e38]),
            4,
            littleEndian,
          ),
          oneBlock(
            "r8",
            CdfDataType.CDF_REAL8,
            new Float64Array([-1e300, Math.PI, Number.NaN]),
            8,
            littleEndian,
          ),
          oneBlock("f", CdfDataType.CDF_FLOAT, new Float32Array([1, 2, 3]), 4, littleEndian),
          oneBlock("d", CdfDataType.CDF_DOUBLE, new Float64Array([4, 5, 6]), 8, littleEndian),
          oneBlock("b", CdfDataType.CDF_BYTE, new Int8Array([-1, -2, -3]), 1, littleEndian),
          oneBlock(
            "ep",
            CdfDataType.CDF_EPOCH,
            new Float64Array([63461552400053, 0, -1e31]),
            8,
            littleEndian,
          ),
          oneBlock(
            "ep16",
            CdfDataType.CDF_EPOCH16,
            new Float64Array([63461552400, 53e9, 1, 2]),
            8,
            littleEndian,
          ),
          oneBlock(
            "tt",
            CdfDataType.CDF_TIME_TT2000,
            new BigInt64Array([536500869184000000n, 0n, -1n]),
            8,
            littleEndian,
          ),
          {
            name: "c",
            type: CdfDataType.CDF_CHAR,
            numElements: 4,
            maxRecord: 2,
            blocks: [{ first: 0, last: 2, bytes: text("ab\0\0cd  wxyz") }],
          },
          {
            name: "uc",
            type: CdfDataType.CDF_UCHAR,
            numElements: 2,
            maxRecord: 1,
            blocks: [{ first: 0, last: 1, bytes: text("hi\0\0") }],
          },
        ],
      });
      expect(cdf.encoding.littleEndian).toBe(littleEndian);
      const data = (name: string) => list(cdf.readVariable(name));
      expect(data("i1")).toEqual([-128, 0, 127]);
      expect(data("i2")).toEqual([-32768, 1, 32767]);
      expect(data("i4")).toEqual([-2147483648, 2, 2147483647]);
      expect(data("i8")).toEqual([-(2n ** 63n), 3n, 2n ** 63n - 1n]);
      expect(data("u1")).toEqual([0, 4, 255]);
      expect(data("u2")).toEqual([0, 5, 65535]);
      expect(data("u4")).toEqual([0, 6, 4294967295]);
      expect(data("r4")).toEqual([-1.5, 0.25, Math.fround(3e38)]);
      expect(data("r8")).toEqual([-1e300, Math.PI, Number.NaN]);
      expect(data("f")).toEqual([1, 2, 3]);
      expect(data("d")).toEqual([4, 5, 6]);
      expect(data("b")).toEqual([-1, -2, -3]);
      expect(data("ep")).toEqual([63461552400053, 0, -1e31]);
      expect(cdf.readVariable("ep16")).toMatchObject({ dtype: "complex128", shape: [2] });
      expect(data("ep16")).toEqual([63461552400, 53e9, 1, 2]);
      expect(cdf.readVariable("tt").dtype).toBe("int64");
      expect(data("tt")).toEqual([536500869184000000n, 0n, -1n]);
      // Trailing NULs are dropped (numpy fixed-width bytes semantics), spaces kept.
      expect(cdf.readVariable("c")).toEqual({
        dtype: "string",
        shape: [3],
        data: ["ab", "cd  ", "wxyz"],
      });
      expect(data("uc")).toEqual(["hi", ""]);
      expect(cdf.variable("u2")).toMatchObject({
        dataType: { code: 12, name: "CDF_UINT2" },
        dtype: "uint16",
        recordCount: 3,
        compression: null,
        padValue: 65534,
      });
    });
  }
});
