/**
 * Multi-level variable index trees: more than 16 x 16 blocks, so the writer's 16-entry VXRs form
 * three levels (leaves pointing at VVRs/CVVRs, upper VXRs pointing at VXRs; IFD 3.9, VXR), one
 * dense and one sparse with gaps between runs, compressed. Oracles: jcdf's own parse of every
 * record (CdfDump -fields) shows the tree (depth, entry ranges that span their children, leaves
 * pointing at value records) and its listing shows the values and gaps; our reader returns the
 * values for ranges that cross leaf and upper-level boundaries. The same variables are also
 * written with the CDF library's other layout, a chain of 5-entry VXRs linked by VXRnext from
 * VXRhead to VXRtail.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { memorySource } from "../../../../src/core/byte-source.js";
import { openCdf } from "../../../../src/formats/cdf/cdf-file.js";
import { CdfWriter } from "../../../../src/formats/cdf/write/index.js";
import {
  expectSameValues,
  jcdfRecordKeys,
  jcdfVariable,
  keysByRecord,
  listBytes,
} from "../../../support/cdf-features.js";
import type { JcdfDumpRecord } from "../../../support/cdf-jcdf.js";
import { dumpNumbers, jcdfDumpRecords, jcdfMissingReason } from "../../../support/cdf-jcdf.js";

/** Sparse variable: runs of 4 records every 6 (records 6k..6k+3), 2 records per block. */
const RUNS = 150;
const SPARSE_PAD = -1n;
const DENSE_RECORDS = 257;

function sparseValue(record: number): bigint {
  return BigInt(record) * 1_000_000_007n - 2n ** 62n;
}

function write(encoding: "ibmpc" | "network", layout: "tree" | "chain" = "tree"): Uint8Array {
  const w =
    layout === "tree"
      ? new CdfWriter({ encoding })
      : new CdfWriter({ encoding, vxrLayout: "chain", vxrEntries: 5 });
  const sparse = w.addZVariable({
    name: "tree_int8",
    dataType: "INT8",
    sparseRecords: "pad",
    padValue: SPARSE_PAD,
    recordsPerBlock: 2,
    compression: { type: "ahuff" },
  });
  for (let k = 0; k < RUNS; k++) {
    const first = 6 * k;
    sparse.writeRecords(
      first,
      new BigInt64Array(4).map((_, i) => sparseValue(first + i)),
    );
  }
  w.addZVariable({
    name: "tree_uint2",
    dataType: "UINT2",
    dims: [3],
    recordsPerBlock: 1,
  }).appendRecords(new Uint16Array(3 * DENSE_RECORDS).map((_, n) => (n * 977) % 65536));
  return w.toBytes();
}

/** Expected values of records first..last of the sparse variable (pad in gaps). */
function sparseExpected(first: number, last: number): BigInt64Array {
  const out = new BigInt64Array(last - first + 1);
  for (let r = first; r <= last; r++) out[r - first] = r % 6 < 4 ? sparseValue(r) : SPARSE_PAD;
  return out;
}

describe("multi-level VXR trees and VXR chains through our reader", () => {
  for (const [encoding, layout] of [
    ["ibmpc", "tree"],
    ["network", "tree"],
    ["ibmpc", "chain"],
    ["network", "chain"],
  ] as const) {
    test(`${encoding}, ${layout}`, () => {
      const cdf = openCdf(memorySource(write(encoding, layout), "tree.cdf", "CDF"));
      const last = 6 * (RUNS - 1) + 3;
      expect(cdf.variable("tree_int8").maxRecord).toBe(last);
      expect(cdf.blocks("tree_int8").length).toBe(2 * RUNS);
      expectSameValues(cdf.readVariable("tree_int8"), sparseExpected(0, last), "tree_int8");
      // Deterministic ranges over the whole variable: in blocks, in gaps, across subtrees.
      let seed = 7;
      for (let i = 0; i < 200; i++) {
        seed = (seed * 48271) % 2147483647;
        const first = seed % (last + 1);
        seed = (seed * 48271) % 2147483647;
        const end = Math.min(last, first + (seed % 200));
        expectSameValues(
          cdf.readVariable("tree_int8", { firstRecord: first, lastRecord: end }),
          sparseExpected(first, end),
          `tree_int8[${first}..${end}]`,
        );
      }
      const dense = new Uint16Array(3 * DENSE_RECORDS).map((_, n) => (n * 977) % 65536);
      expectSameValues(cdf.readVariable("tree_uint2"), dense, "tree_uint2");
      // Leaf boundary (record 16) and upper-level boundary (record 256).
      for (const [first, end] of [
        [15, 16],
        [255, 256],
        [0, 256],
        [256, 256],
      ] as const) {
        expectSameValues(
          cdf.readVariable("tree_uint2", { firstRecord: first, lastRecord: end }),
          dense.slice(3 * first, 3 * (end + 1)),
          `tree_uint2[${first}..${end}]`,
        );
      }
    });
  }
});

const jcdfSuite = jcdfMissingReason === undefined ? describe : describe.skip;
if (jcdfMissingReason !== undefined) {
  console.warn(`SKIPPED "multi-level VXR trees vs jcdf": ${jcdfMissingReason}`);
}

/** Walks the VXR tree from `offset`; returns its depth and its leaf entries [first, last]. */
function walk(
  byOffset: Map<number, JcdfDumpRecord>,
  offset: number,
): { depth: number; leaves: [number, number][] } {
  const vxr = byOffset.get(offset);
  expect(vxr?.type, `record at ${offset}`).toBe("VXR");
  const firsts = dumpNumbers(vxr!, "first");
  const lasts = dumpNumbers(vxr!, "last");
  const offsets = dumpNumbers(vxr!, "offset");
  expect(firsts.length).toBeLessThanOrEqual(16);
  expect(dumpNumbers(vxr!, "nUsedEntries")).toEqual([firsts.length]);
  const leaves: [number, number][] = [];
  let depth = 1;
  offsets.forEach((child, i) => {
    const target = byOffset.get(child)!;
    if (target.type === "VXR") {
      const sub = walk(byOffset, child);
      // An upper entry spans exactly its subtree's records.
      expect([firsts[i], lasts[i]]).toEqual([sub.leaves[0]![0], sub.leaves.at(-1)![1]]);
      depth = Math.max(depth, sub.depth + 1);
      leaves.push(...sub.leaves);
    } else {
      expect(["VVR", "CVVR"]).toContain(target.type);
      leaves.push([firsts[i]!, lasts[i]!]);
    }
  });
  return { depth, leaves };
}

jcdfSuite("multi-level VXR trees vs jcdf", () => {
  const dir = mkdtempSync(join(tmpdir(), "aurorakit-cdf-vxr-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const encoding of ["ibmpc", "network"] as const) {
    test(encoding, () => {
      const bytes = write(encoding);
      const listing = listBytes(dir, `tree-${encoding}.cdf`, bytes);
      const records = jcdfDumpRecords(join(dir, `tree-${encoding}.cdf`));
      const byOffset = new Map(records.map((r) => [r.offset, r]));
      const vdr = (name: string) => records.find((r) => r.fields.get("name") === name)!;

      const sparseTree = walk(byOffset, dumpNumbers(vdr("tree_int8"), "vxrHead")[0]!);
      expect(sparseTree.depth).toBe(3);
      const expectedLeaves: [number, number][] = [];
      for (let k = 0; k < RUNS; k++)
        expectedLeaves.push([6 * k, 6 * k + 1], [6 * k + 2, 6 * k + 3]);
      expect(sparseTree.leaves).toEqual(expectedLeaves);
      const denseTree = walk(byOffset, dumpNumbers(vdr("tree_uint2"), "vxrHead")[0]!);
      expect(denseTree.depth).toBe(3);
      expect(denseTree.leaves).toEqual(
        Array.from({ length: DENSE_RECORDS }, (_, r): [number, number] => [r, r]),
      );

      const last = 6 * (RUNS - 1) + 3;
      const sparse = jcdfVariable(listing, "tree_int8");
      expect(sparse.records.length).toBe(last + 1);
      expect([...sparse.virtualRecords].sort((a, b) => a - b)).toEqual(
        Array.from({ length: last + 1 }, (_, r) => r).filter((r) => r % 6 >= 4),
      );
      expect(jcdfRecordKeys(sparse, "INT8")).toEqual(
        keysByRecord("INT8", sparseExpected(0, last), last + 1),
      );
      const dense = new Uint16Array(3 * DENSE_RECORDS).map((_, n) => (n * 977) % 65536);
      expect(jcdfRecordKeys(jcdfVariable(listing, "tree_uint2"), "UINT2")).toEqual(
        keysByRecord("UINT2", dense, DENSE_RECORDS),
      );
    });
  }

  test("a VXR chain: jcdf follows VXRnext from VXRhead to VXRtail", () => {
    const path = join(dir, "chain.cdf");
    const listing = listBytes(dir, "chain.cdf", write("network", "chain"));
    const records = jcdfDumpRecords(path);
    const byOffset = new Map(records.map((r) => [r.offset, r]));
    const vdr = records.find((r) => r.fields.get("name") === "tree_uint2")!;
    const leaves: [number, number][] = [];
    let at = dumpNumbers(vdr, "vxrHead")[0]!;
    let last = at;
    while (at !== 0) {
      const vxr = byOffset.get(at)!;
      expect(vxr.type).toBe("VXR");
      const firsts = dumpNumbers(vxr, "first");
      const lasts = dumpNumbers(vxr, "last");
      expect(firsts.length).toBeLessThanOrEqual(5);
      for (const child of dumpNumbers(vxr, "offset")) expect(byOffset.get(child)?.type).toBe("VVR");
      for (let i = 0; i < firsts.length; i++) leaves.push([firsts[i]!, lasts[i]!]);
      last = at;
      at = dumpNumbers(vxr, "vxrNext")[0]!;
    }
    expect(dumpNumbers(vdr, "vxrTail")).toEqual([last]);
    expect(leaves).toEqual(Array.from({ length: DENSE_RECORDS }, (_, r) => [r, r]));
    const dense = new Uint16Array(3 * DENSE_RECORDS).map((_, n) => (n * 977) % 65536);
    expect(jcdfRecordKeys(jcdfVariable(listing, "tree_uint2"), "UINT2")).toEqual(
      keysByRecord("UINT2", dense, DENSE_RECORDS),
    );
    const sparse = jcdfVariable(listing, "tree_int8");
    const lastRecord = 6 * (RUNS - 1) + 3;
    expect(jcdfRecordKeys(sparse, "INT8")).toEqual(
      keysByRecord("INT8", sparseExpected(0, lastRecord), lastRecord + 1),
    );
  });
});
