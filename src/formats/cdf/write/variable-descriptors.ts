/**
 * The descriptor part of each variable: its VXR tree and CPR, and the chain of VDRs (rVDRs or
 * zVDRs) linked by VDRnext (CDF IFD 3.9, VDR, VXR and CPR).
 */
import {
  SparseRecords,
  VDR_FLAG_COMPRESSION,
  VDR_FLAG_PAD_VALUE,
  VDR_FLAG_RECORD_VARIANCE,
} from "../constants.js";
import type { ByteSink } from "./byte-sink.js";
import { cprRecord, vdrRecord } from "./internal-records.js";
import type { CdfFormat } from "./record-bytes.js";
import type { CdfVariableWriter } from "./variable-writer.js";
import type { VxrLayout } from "./vxr-tree.js";
import { writeVxrIndex } from "./vxr-tree.js";

/** Where a variable's index and compression parameters were written. */
export interface VariableIndex {
  /** Offsets of the first and last top-level VXR, 0 when no record is stored. */
  readonly vxrHead: number;
  readonly vxrTail: number;
  /** Offset of the CPR, -1 when the variable is not compressed. */
  readonly cprOffset: number;
}

/** VDR SRecords codes by name (IFD 3.9, VDR). */
const SPARSE_CODES = {
  none: SparseRecords.NONE,
  pad: SparseRecords.PAD,
  previous: SparseRecords.PREVIOUS,
} as const;

/** Writes a finished variable's VXR index and CPR. */
export function writeVariableIndex(
  sink: ByteSink,
  format: CdfFormat,
  v: CdfVariableWriter,
  layout: VxrLayout,
  entriesPerVxr: number,
): VariableIndex {
  const c = v.compression;
  const ends = writeVxrIndex(sink, format, v.blocks, layout, entriesPerVxr);
  return {
    vxrHead: ends.head,
    vxrTail: ends.tail,
    cprOffset: c === undefined ? -1 : sink.append(cprRecord(format, c.code, c.parameter)),
  };
}

/** Writes the VDRs of `variables` as one chain and returns its head, 0 when empty. */
export function writeVdrChain(
  sink: ByteSink,
  format: CdfFormat,
  variables: readonly CdfVariableWriter[],
  indexes: ReadonlyMap<CdfVariableWriter, VariableIndex>,
): number {
  const builders = variables.map((v) => {
    const index = indexes.get(v) ?? { vxrHead: 0, vxrTail: 0, cprOffset: -1 };
    const flags =
      (v.recordVarying ? VDR_FLAG_RECORD_VARIANCE : 0) |
      (v.padValue === undefined ? 0 : VDR_FLAG_PAD_VALUE) |
      (v.compression === undefined ? 0 : VDR_FLAG_COMPRESSION);
    const mostPerBlock = v.blocks.reduce(
      (most, b) => Math.max(most, b.lastRecord - b.firstRecord + 1),
      1,
    );
    return (next: number) =>
      vdrRecord(format, {
        kind: v.kind,
        next,
        dataType: v.type.code,
        maxRec: v.recordCount - 1,
        vxrHead: index.vxrHead,
        vxrTail: index.vxrTail,
        flags,
        sparseRecords: SPARSE_CODES[v.sparseRecords],
        numElems: v.numElems,
        num: v.num,
        cprOffset: index.cprOffset,
        // Records per block: the most any stored block holds, which a reader may size its
        // decompression buffer by (IFD 3.9, VDR field BlockingFactor).
        blockingFactor: mostPerBlock,
        name: v.name,
        dims: v.dims,
        dimVarys: v.dimVarys,
        padValue: v.padValue,
      });
  });
  return writeLinkedChain(sink, builders);
}

/** Writes records linked by their `next` field, each pointing to the one after it. */
function writeLinkedChain(
  sink: ByteSink,
  builders: readonly ((next: number) => Uint8Array)[],
): number {
  if (builders.length === 0) return 0;
  // Sizes do not depend on `next`, so build once with 0 to learn the offsets.
  const sizes = builders.map((b) => b(0).length);
  const start = sink.position;
  let offset = start;
  builders.forEach((build, i) => {
    const next = i + 1 < builders.length ? offset + sizes[i]! : 0;
    sink.append(build(next));
    offset += sizes[i]!;
  });
  return start;
}
