import { describe, expect, it } from "vitest";
import { memorySource } from "../../../src/core/byte-source.js";
import { UnsupportedError } from "../../../src/core/errors.js";
import { openCdf } from "../../../src/formats/cdf/cdf-file.js";
import { encodeAdaptiveHuffman } from "../../../src/formats/cdf/codecs/adaptive-huffman-encoder.js";
import { encodeHuffman } from "../../../src/formats/cdf/codecs/huffman-encoder.js";
import { CdfDataType, CdfEncoding } from "../../../src/formats/cdf/constants.js";
import { buildCdf, encodeZeroRle, storedBytes } from "./support/build-cdf.js";
import { list, openSynthetic as open } from "./support/synthetic.js";

// Oracle for this file: the values each synthetic CDF was assembled from (invariant: what is
// written is what is read), with layouts per the CDF Internal Format Description 3.9.

describe("indexes, compression and streaming", () => {
  const frames = Array.from({ length: 10 }, (_, r) =>
    Array.from({ length: 6 }, (_, i) => r * 100 + i),
  );
  const block = (first: number, last: number) => ({
    first,
    last,
    bytes: storedBytes(new Uint16Array(frames.slice(first, last + 1).flat()), 2, false),
  });
  const expected = frames.flat();
  const blocks = [block(0, 2), block(3, 5), block(6, 8), block(9, 9)];

  for (const index of ["flat", "chain", "tree"] as const) {
    for (const gzipLevel of [undefined, 6]) {
      it(`reads a ${index} VXR index of ${gzipLevel === undefined ? "VVRs" : "GZIP CVVRs"}`, () => {
        const cdf = open({
          variables: [
            {
              name: "f",
              type: CdfDataType.CDF_UINT2,
              dims: [2, 3],
              maxRecord: 9,
              blocks,
              index,
              gzipLevel,
              blockingFactor: 3,
            },
          ],
        });
        expect(list(cdf.readVariable("f"))).toEqual(expected);
        expect(list(cdf.readVariable("f", { firstRecord: 4, lastRecord: 7 }))).toEqual(
          frames.slice(4, 8).flat(),
        );
        expect(cdf.blocks("f").map((b) => [b.firstRecord, b.lastRecord, b.compressed])).toEqual(
          blocks.map((b) => [b.first, b.last, gzipLevel !== undefined]),
        );
      });
    }
  }

  it("streams batches that concatenate to the whole variable", () => {
    const cdf = open({
      variables: [
        {
          name: "f",
          type: CdfDataType.CDF_UINT2,
          dims: [2, 3],
          maxRecord: 9,
          blocks,
          gzipLevel: 1,
          blockingFactor: 3,
        },
      ],
    });
    const batches = [...cdf.records("f", { recordsPerBatch: 4 })];
    expect(batches.map((b) => [b.firstRecord, b.array.shape[0]])).toEqual([
      [0, 4],
      [4, 4],
      [8, 2],
    ]);
    expect(batches.flatMap((b) => Array.from(b.array.data as Uint16Array))).toEqual(expected);
    // Default batch = blocking factor (3 records).
    expect(
      [...cdf.records("f", { firstRecord: 2, lastRecord: 7 })].map((b) => b.firstRecord),
    ).toEqual([2, 5]);
  });

  it("decodes only the blocks a record range overlaps", () => {
    const bytes = buildCdf({
      variables: [
        {
          name: "f",
          type: CdfDataType.CDF_UINT2,
          dims: [2, 3],
          maxRecord: 9,
          blocks,
          gzipLevel: 9,
        },
      ],
    });
    const inner = memorySource(bytes, "counted.cdf", "CDF");
    const reads: [number, number][] = [];
    const cdf = openCdf({
      ...inner,
      read: (offset, length) => {
        reads.push([offset, length]);
        return inner.read(offset, length);
      },
    });
    const dataBlocks = cdf.blocks("f");
    reads.length = 0;
    expect(list(cdf.readVariable("f", { firstRecord: 3, lastRecord: 5 }))).toEqual(
      frames.slice(3, 6).flat(),
    );
    const touched = dataBlocks.filter((b) =>
      reads.some(([o, n]) => o < b.fileOffset + b.storedBytes && o + n > b.fileOffset),
    );
    expect(touched.map((b) => b.firstRecord)).toEqual([3]);
  });

  for (const [label, codec] of [
    ["RLE", { cType: 1, param: 0, encode: encodeZeroRle }],
    ["HUFF", { cType: 2, param: 0, encode: encodeHuffman }],
    ["AHUFF", { cType: 3, param: 0, encode: encodeAdaptiveHuffman }],
  ] as const) {
    it(`dispatches ${label} CVVRs to the ${label} codec`, () => {
      const cdf = open({
        variables: [
          { name: "f", type: CdfDataType.CDF_UINT2, dims: [2, 3], maxRecord: 9, blocks, codec },
        ],
      });
      expect(cdf.variable("f").compression?.type).toBe(label);
      expect(list(cdf.readVariable("f"))).toEqual(expected);
    });
  }

  it("reports a VAX-encoded file (non-IEEE floats) as unsupported", () => {
    expect(() => open({ encoding: CdfEncoding.VAX })).toThrow(UnsupportedError);
  });

  it("reads a whole-file GZIP-compressed CDF (CCR + CPR)", () => {
    const cdf = open({
      wholeFileGzip: true,
      variables: [{ name: "f", type: CdfDataType.CDF_UINT2, dims: [2, 3], maxRecord: 9, blocks }],
    });
    expect(cdf.compressed).toMatchObject({ type: "GZIP", level: 9 });
    expect(list(cdf.readVariable("f"))).toEqual(expected);
  });

  it("reads a V2 whole-file-compressed CDF with a GZIP rVariable (4-byte offsets throughout)", () => {
    const cdf = open({
      v3: false,
      wholeFileGzip: true,
      rDims: [2, 3],
      variables: [
        {
          name: "r",
          kind: "r",
          type: CdfDataType.CDF_UINT2,
          maxRecord: 9,
          blocks,
          gzipLevel: 4,
          index: "tree",
        },
      ],
    });
    expect(cdf.version).toBe("2.7.2");
    expect(cdf.variable("r")).toMatchObject({
      kind: "r",
      dims: [2, 3],
      compression: { type: "GZIP", level: 4 },
    });
    expect(list(cdf.readVariable("r", { firstRecord: 2, lastRecord: 9 }))).toEqual(
      frames.slice(2).flat(),
    );
  });
});
