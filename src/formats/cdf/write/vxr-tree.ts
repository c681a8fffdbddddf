/**
 * Variable index (VXR) trees. Leaf VXRs point at VVR/CVVR blocks; when one VXR would need more
 * than `entriesPerVxr` entries, the leaves are grouped under upper-level VXRs whose entries span
 * their children's record ranges (CDF IFD 3.9, VXR: an entry's offset may point to a
 * lower-level VXR).
 */
import type { ByteSink } from "./byte-sink.js";
import type { VxrEntry } from "./internal-records.js";
import { vxrRecord } from "./internal-records.js";

/** Entries per VXR; the CDF library's own trees use a handful to a few dozen. */
export const DEFAULT_VXR_ENTRIES = 16;

/**
 * Writes the tree for `blocks` (in record order) and returns the offset of its single top VXR,
 * or 0 when there are no blocks.
 */
export function writeVxrTree(
  sink: ByteSink,
  blocks: readonly VxrEntry[],
  entriesPerVxr = DEFAULT_VXR_ENTRIES,
): number {
  if (blocks.length === 0) return 0;
  let level: readonly VxrEntry[] = blocks;
  for (;;) {
    const parents: VxrEntry[] = [];
    for (let i = 0; i < level.length; i += entriesPerVxr) {
      const group = level.slice(i, i + entriesPerVxr);
      const offset = sink.append(vxrRecord(0, group));
      parents.push({
        firstRecord: group[0]!.firstRecord,
        lastRecord: group[group.length - 1]!.lastRecord,
        offset,
      });
    }
    if (parents.length === 1) return parents[0]!.offset;
    level = parents;
  }
}
