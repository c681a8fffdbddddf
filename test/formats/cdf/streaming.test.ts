import { expect, it } from "vitest";
import { type ByteSource, memorySource } from "../../../src/core/byte-source.js";
import type { NDArray } from "../../../src/core/ndarray.js";
import { openCdf } from "../../../src/formats/cdf/cdf-file.js";
import { readTimeVariableUnixMs } from "../../../src/formats/cdf/epoch-arrays.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { readFixture } from "../../support/fixtures.js";

const ASF = "thg_l1_asf_gako_2011010617_v01.cdf";
const FRAME = 256 * 256;

function counted(bytes: Uint8Array): { source: ByteSource; reads: [number, number][] } {
  const inner = memorySource(bytes, ASF, "CDF");
  const reads: [number, number][] = [];
  return {
    reads,
    source: {
      ...inner,
      read: (offset, length) => {
        reads.push([offset, length]);
        return inner.read(offset, length);
      },
    },
  };
}

describeWithFixtures("record ranges and streaming on the real THEMIS ASF file", () => {
  const bytes = readFixture("themis", ASF);

  it("lists the four GZIP CVVRs of the image variable (7 records each, blocking factor 7)", () => {
    const cdf = openCdf(memorySource(bytes, ASF));
    // Oracle: the file's VXR (read with an independent Python parser while writing these tests)
    // lists records 0-6, 7-13, 14-20, 21-22.
    expect(
      cdf.blocks("thg_asf_gako").map((b) => [b.firstRecord, b.lastRecord, b.compressed]),
    ).toEqual([
      [0, 6, true],
      [7, 13, true],
      [14, 20, true],
      [21, 22, true],
    ]);
    expect(cdf.variable("thg_asf_gako")).toMatchObject({
      compression: { type: "GZIP", level: 6 },
      blockingFactor: 7,
      padValue: 65534,
      sparseRecords: "none",
    });
  });

  it("reads records 8-15 from blocks 7-13 and 14-20 only, equal to the same slice of a full read", () => {
    const full = openCdf(memorySource(bytes, ASF)).readVariable(
      "thg_asf_gako",
    ) as NDArray<"uint16">;
    const { source, reads } = counted(bytes);
    const cdf = openCdf(source);
    const blocks = cdf.blocks("thg_asf_gako");
    reads.length = 0;
    const part = cdf.readVariable("thg_asf_gako", {
      firstRecord: 8,
      lastRecord: 15,
    }) as NDArray<"uint16">;
    expect(part.shape).toEqual([8, 256, 256]);
    // Invariant: a record range equals the same records of the whole variable, bit for bit.
    expect(
      Buffer.from(part.data.buffer).equals(
        Buffer.from(full.data.buffer, 8 * FRAME * 2, 8 * FRAME * 2),
      ),
    ).toBe(true);
    const touched = blocks.filter((b) =>
      reads.some(([o, n]) => o < b.fileOffset + b.storedBytes && o + n > b.fileOffset),
    );
    expect(touched.map((b) => b.firstRecord)).toEqual([7, 14]);
  });

  it("streams 5-record batches that inflate each block once and concatenate to the full read", () => {
    const full = openCdf(memorySource(bytes, ASF)).readVariable(
      "thg_asf_gako",
    ) as NDArray<"uint16">;
    const { source, reads } = counted(bytes);
    const cdf = openCdf(source);
    const blocks = cdf.blocks("thg_asf_gako");
    reads.length = 0;
    const out = new Uint16Array(full.data.length);
    const firsts: number[] = [];
    for (const { firstRecord, array } of cdf.records("thg_asf_gako", { recordsPerBatch: 5 })) {
      firsts.push(firstRecord);
      out.set(array.data as Uint16Array, firstRecord * FRAME);
    }
    expect(firsts).toEqual([0, 5, 10, 15, 20]);
    expect(Buffer.from(out.buffer).equals(Buffer.from(full.data.buffer))).toBe(true);
    for (const block of blocks) {
      expect(
        reads.filter(([o]) => o === block.fileOffset).length,
        `block ${block.firstRecord}`,
      ).toBe(1);
    }
  });

  it("converts the CDF_EPOCH variable to Unix ms matching cdflib's ISO strings", () => {
    const cdf = openCdf(memorySource(bytes, ASF));
    const timesMs = readTimeVariableUnixMs(cdf, "thg_asf_gako_epoch");
    // Oracle: thg_l1_asf_gako_2011010617_v01.cdf.oracle.json "iso" (cdflib), exact to the ms.
    expect(timesMs.length).toBe(23);
    expect(timesMs[0]).toBe(Date.parse("2011-01-06T17:00:00.053Z"));
    expect(timesMs[1]).toBe(Date.parse("2011-01-06T17:00:03.038Z"));
    expect(timesMs[2]).toBe(Date.parse("2011-01-06T17:00:06.018Z"));
    expect(timesMs[22]).toBe(Date.parse("2011-01-06T17:01:06.020Z"));
  });
});
