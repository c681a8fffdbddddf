import { ByteReader } from "../../core/byte-reader.js";
import { RecordType } from "./constants.js";
import {
  CDF_FORMAT,
  type CdfLayout,
  formatError,
  offsetBytes,
  readOffsetField,
  readRecord,
  readRecordHeader,
  recordHeaderBytes,
} from "./record-io.js";

/** One run of stored records: a VVR (plain) or a CVVR (compressed). */
export interface StoredBlock {
  readonly firstRecord: number;
  readonly lastRecord: number;
  /** Offset of the VVR/CVVR record itself. */
  readonly recordOffset: number;
  /** Offset of the stored (possibly compressed) bytes of the records. */
  readonly dataOffset: number;
  readonly storedBytes: number;
  readonly compressed: boolean;
}

/** VXR trees deeper than this are not written by any CDF library; deeper means corruption. */
const MAX_VXR_DEPTH = 32;

function readLeaf(
  layout: CdfLayout,
  offset: number,
  first: number,
  last: number,
  type: number,
  size: number,
): StoredBlock {
  const headerBytes = recordHeaderBytes(layout);
  if (type === RecordType.VVR) {
    return {
      firstRecord: first,
      lastRecord: last,
      recordOffset: offset,
      dataOffset: offset + headerBytes,
      storedBytes: size - headerBytes,
      compressed: false,
    };
  }
  // CVVR: header, rfuA (4 bytes), cSize, then the compressed bytes (CDF IFD 3.9, section 2.12).
  const fixedBytes = headerBytes + 4 + offsetBytes(layout);
  if (size < fixedBytes)
    throw formatError(layout, offset, `a CVVR of at least ${fixedBytes} bytes`, `${size}`);
  const reader = new ByteReader(
    layout.source.read(offset + headerBytes, 4 + offsetBytes(layout)),
    CDF_FORMAT,
    layout.source.name,
    offset + headerBytes,
  );
  reader.skip(4, "the CVVR's rfuA");
  const cSizeAt = reader.position;
  const cSize = readOffsetField(reader, layout, "the CVVR's cSize");
  if (cSize < 0 || cSize > size - fixedBytes)
    reader.fail(`a cSize within the ${size}-byte CVVR`, `${cSize}`, cSizeAt);
  return {
    firstRecord: first,
    lastRecord: last,
    recordOffset: offset,
    dataOffset: offset + fixedBytes,
    storedBytes: cSize,
    compressed: true,
  };
}

/**
 * Walks the Variable Index Records from `head` (CDF IFD 3.9, section 2.10): a chain of VXRs
 * whose entries point at VVRs, CVVRs or lower-level VXRs. Returns the leaf blocks sorted by
 * first record. Loops, absurd entry counts and too-deep trees are FormatErrors.
 */
export function readBlocks(layout: CdfLayout, head: number, variable: string): StoredBlock[] {
  const blocks: StoredBlock[] = [];
  const seen = new Set<number>();
  const offBytes = offsetBytes(layout);
  const visit = (chainHead: number, depth: number): void => {
    if (depth > MAX_VXR_DEPTH)
      throw formatError(
        layout,
        chainHead,
        `a VXR tree of at most ${MAX_VXR_DEPTH} levels for ${variable}`,
      );
    let offset = chainHead;
    while (offset > 0) {
      if (seen.has(offset))
        throw formatError(
          layout,
          offset,
          `a VXR of ${variable} that is not already in its index`,
          "a loop",
        );
      seen.add(offset);
      const { reader } = readRecord(
        layout,
        offset,
        [RecordType.VXR],
        `a Variable Index Record (VXR) of ${variable}`,
      );
      const next = readOffsetField(reader, layout, "the VXR's VXRnext");
      const countAt = reader.position;
      const entries = reader.i32("the VXR's Nentries");
      const used = reader.i32("the VXR's NusedEntries");
      if (
        entries < 0 ||
        used < 0 ||
        used > entries ||
        entries * (8 + offBytes) > reader.remaining
      ) {
        reader.fail(
          "0 <= NusedEntries <= Nentries, all entries inside the VXR",
          `Nentries ${entries}, NusedEntries ${used}`,
          countAt,
        );
      }
      const firstAt = reader.position;
      const lastAt = firstAt + 4 * entries;
      const offsetAt = lastAt + 4 * entries;
      for (let i = 0; i < used; i++) {
        reader.seek(firstAt + 4 * i, "a VXR First entry");
        const first = reader.i32("a VXR First entry");
        reader.seek(lastAt + 4 * i, "a VXR Last entry");
        const last = reader.i32("a VXR Last entry");
        reader.seek(offsetAt + offBytes * i, "a VXR Offset entry");
        const child = readOffsetField(reader, layout, "a VXR Offset entry");
        if (first < 0 || last < first)
          reader.fail(
            "a VXR entry with 0 <= First <= Last",
            `First ${first}, Last ${last}`,
            firstAt + 4 * i,
          );
        const header = readRecordHeader(
          layout,
          child,
          [RecordType.VXR, RecordType.VVR, RecordType.CVVR],
          `the record a VXR entry of ${variable} points to`,
        );
        if (header.type === RecordType.VXR) visit(child, depth + 1);
        else blocks.push(readLeaf(layout, child, first, last, header.type, header.size));
      }
      offset = next;
    }
  };
  visit(head, 0);
  return blocks.sort((a, b) => a.firstRecord - b.firstRecord);
}
