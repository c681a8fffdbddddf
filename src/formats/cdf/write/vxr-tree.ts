/**
 * Variable index (VXR) layouts. Leaf VXRs point at VVR/CVVR blocks. As a "tree", when one VXR
 * would need more than `entriesPerVxr` entries, the leaves are grouped under upper-level VXRs
 * whose entries span their children's record ranges (CDF IFD 3.9, VXR: an entry's offset may
 * point to a lower-level VXR). As a "chain", the leaves are linked by VXRnext from the VDR's
 * VXRhead to its VXRtail, the way the CDF library grows an index while records are appended.
 */
import type { ByteSink } from "./byte-sink.js";
import type { VxrEntry } from "./internal-records.js";
import { vxrRecord } from "./internal-records.js";
import type { CdfFormat } from "./record-bytes.js";

/** Entries per VXR; the CDF library's own trees use a handful to a few dozen. */
export const DEFAULT_VXR_ENTRIES = 16;

export type VxrLayout = "tree" | "chain";

/** Offsets of the first and last top-level VXR (VDR VXRhead, VXRtail); 0 when no blocks. */
export interface VxrEnds {
  readonly head: number;
  readonly tail: number;
}

function groups(entries: readonly VxrEntry[], size: number): VxrEntry[][] {
  const out: VxrEntry[][] = [];
  for (let i = 0; i < entries.length; i += size) out.push(entries.slice(i, i + size));
  return out;
}

/** Writes the index for `blocks` (in record order) in the given layout. */
export function writeVxrIndex(
  sink: ByteSink,
  format: CdfFormat,
  blocks: readonly VxrEntry[],
  layout: VxrLayout = "tree",
  entriesPerVxr = DEFAULT_VXR_ENTRIES,
): VxrEnds {
  if (blocks.length === 0) return { head: 0, tail: 0 };
  if (layout === "chain") {
    const chain = groups(blocks, entriesPerVxr);
    // Sizes are known up front (vxrRecord's size depends only on its entry count).
    const sizes = chain.map((group) => vxrRecord(format, 0, group).length);
    const head = sink.position;
    let offset = head;
    let tail = head;
    chain.forEach((group, i) => {
      const next = i + 1 < chain.length ? offset + sizes[i]! : 0;
      tail = sink.append(vxrRecord(format, next, group));
      offset += sizes[i]!;
    });
    return { head, tail };
  }
  let level: readonly VxrEntry[] = blocks;
  for (;;) {
    const parents = groups(level, entriesPerVxr).map((group) => ({
      firstRecord: group[0]!.firstRecord,
      lastRecord: group[group.length - 1]!.lastRecord,
      offset: sink.append(vxrRecord(format, 0, group)),
    }));
    if (parents.length === 1) return { head: parents[0]!.offset, tail: parents[0]!.offset };
    level = parents;
  }
}
