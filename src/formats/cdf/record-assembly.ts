import { allocate, type NumericDType } from "../../core/dtype.js";
import type { AnyNDArray } from "../../core/ndarray.js";
import { defaultPadValue, numericDType } from "./data-types.js";
import { type CdfCompressionInfo, decompressCdf } from "./decompress.js";
import type { RecordGeometry } from "./geometry.js";
import type { StoredBlock } from "./index-tree.js";
import { CDF_FORMAT, type CdfLayout, formatError } from "./record-io.js";
import { byteView, decodeCharValue, needsSwap, swapInPlace } from "./values.js";
import type { VariableDescriptor } from "./vdr.js";

/** Everything needed to read records of one variable. */
export interface VariableReader {
  readonly layout: CdfLayout;
  readonly vdr: VariableDescriptor;
  readonly geometry: RecordGeometry;
  readonly blocks: readonly StoredBlock[];
  readonly compression: CdfCompressionInfo | undefined;
  readonly fileLittleEndian: boolean;
}

/** The last decompressed block, so that batches that split a block inflate it only once. */
export interface BlockCache {
  recordOffset: number;
  bytes: Uint8Array | undefined;
}

/** One stored value of the pad, in the file's byte order. */
function padValueBytes(reader: VariableReader): Uint8Array {
  const { vdr } = reader;
  if (vdr.padBytes !== undefined) return vdr.padBytes;
  const value = defaultPadValue(vdr.type);
  const dtype = numericDType(vdr.type);
  if (dtype === undefined) return new Uint8Array(vdr.numElements).fill(0x20);
  const one = allocate(dtype, 1);
  if (one instanceof BigInt64Array) one[0] = value as bigint;
  else if (!(one instanceof BigUint64Array)) one[0] = value as number;
  const bytes = byteView(one);
  if (needsSwap(reader.fileLittleEndian)) swapInPlace(bytes, vdr.type.swapUnitBytes);
  return bytes;
}

/** Stored bytes of records [from, to] of one block (a view into a read or a decompression). */
function blockRecords(
  reader: VariableReader,
  block: StoredBlock,
  from: number,
  to: number,
  cache: BlockCache | undefined,
): Uint8Array {
  const { layout, geometry, vdr } = reader;
  const recordBytes = geometry.storedRecordBytes;
  const blockBytes = (block.lastRecord - block.firstRecord + 1) * recordBytes;
  const skip = (from - block.firstRecord) * recordBytes;
  const length = (to - from + 1) * recordBytes;
  if (!block.compressed) {
    if (blockBytes > block.storedBytes) {
      throw formatError(
        layout,
        block.recordOffset,
        `a VVR of ${vdr.name} holding records ${block.firstRecord}-${block.lastRecord} (${blockBytes} bytes)`,
        `${block.storedBytes} bytes`,
      );
    }
    return layout.source.read(block.dataOffset + skip, length);
  }
  if (reader.compression === undefined) {
    throw formatError(
      layout,
      block.recordOffset,
      `a VVR for ${vdr.name}, whose VDR declares no compression`,
      "a CVVR",
    );
  }
  let bytes =
    cache !== undefined && cache.recordOffset === block.recordOffset ? cache.bytes : undefined;
  if (bytes === undefined) {
    bytes = decompressCdf(
      reader.compression,
      layout.source.read(block.dataOffset, block.storedBytes),
      blockBytes,
      {
        format: CDF_FORMAT,
        file: layout.source.name,
        offset: block.dataOffset,
        what: `${reader.compression.type} block of records ${block.firstRecord}-${block.lastRecord} of variable ${vdr.name}`,
      },
    );
    if (cache !== undefined) {
      cache.recordOffset = block.recordOffset;
      cache.bytes = bytes;
    }
  }
  return bytes.subarray(skip, skip + length);
}

/** Index of the first block whose last record is >= `record` (blocks sorted by first record). */
function firstBlockEnding(blocks: readonly StoredBlock[], record: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((blocks[mid]?.lastRecord ?? 0) < record) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The latest stored record before `record`, for sparse "previous" records. */
function previousStored(
  reader: VariableReader,
  record: number,
  cache: BlockCache | undefined,
): Uint8Array | undefined {
  let best: StoredBlock | undefined;
  let bestRecord = -1;
  for (const block of reader.blocks) {
    if (block.firstRecord >= record) continue;
    const last = Math.min(block.lastRecord, record - 1, reader.vdr.maxRecord);
    if (last >= block.firstRecord && last > bestRecord) {
      best = block;
      bestRecord = last;
    }
  }
  return best === undefined ? undefined : blockRecords(reader, best, bestRecord, bestRecord, cache);
}

/** Repeats `record` (already at `at`) over `count` record slots starting at `at`. */
function repeatRecord(target: Uint8Array, at: number, recordBytes: number, count: number): void {
  let filled = recordBytes;
  const total = count * recordBytes;
  while (filled < total) {
    const chunk = Math.min(filled, total - filled);
    target.copyWithin(at + filled, at, at + chunk);
    filled += chunk;
  }
}

/**
 * Fills `target` with the stored bytes (file byte order) of records first..first+count-1:
 * stored records from the blocks overlapping the range only, the pad value for records never
 * written, and for sparse "previous" variables a copy of the last record written before a gap
 * (CDF User's Guide 3.9, section 2.3.13 "Sparse records").
 */
export function assembleStored(
  reader: VariableReader,
  first: number,
  count: number,
  target: Uint8Array,
  cache: BlockCache | undefined,
): void {
  const recordBytes = reader.geometry.storedRecordBytes;
  if (count === 0 || recordBytes === 0) return;
  const end = first + count;
  const { blocks, vdr } = reader;
  const fillGap = (from: number, to: number): void => {
    const at = (from - first) * recordBytes;
    let source: Uint8Array | undefined;
    if (vdr.sparse === "previous") {
      source =
        from > first ? target.subarray(at - recordBytes, at) : previousStored(reader, first, cache);
    }
    if (source === undefined) {
      const pad = padValueBytes(reader);
      target.set(pad, at);
      repeatRecord(target, at, pad.byteLength, recordBytes / pad.byteLength);
    } else {
      target.set(source, at);
    }
    repeatRecord(target, at, recordBytes, to - from + 1);
  };
  let cursor = first;
  for (let i = firstBlockEnding(blocks, first); i < blocks.length; i++) {
    const block = blocks[i];
    if (block === undefined || block.firstRecord >= end) break;
    const from = Math.max(block.firstRecord, cursor);
    const to = Math.min(block.lastRecord, end - 1);
    if (to < from) continue;
    if (from > cursor) fillGap(cursor, from - 1);
    target.set(blockRecords(reader, block, from, to, cache), (from - first) * recordBytes);
    cursor = to + 1;
  }
  if (cursor < end) fillGap(cursor, end - 1);
}

/** Reads `count` records from `first` into a row-major array of shape [count, ...dims]. */
export function readRecordRange(
  reader: VariableReader,
  first: number,
  count: number,
  shape: readonly number[],
  cache: BlockCache | undefined,
): AnyNDArray {
  const { geometry, vdr } = reader;
  const dtype = numericDType(vdr.type);
  if (dtype !== undefined && geometry.remap === undefined) {
    const data = allocate(dtype, count * geometry.outputValues);
    const bytes = byteView(data);
    assembleStored(reader, first, count, bytes, cache);
    if (needsSwap(reader.fileLittleEndian)) swapInPlace(bytes, vdr.type.swapUnitBytes);
    return { dtype, shape, data };
  }
  const stored = new Uint8Array(count * geometry.storedRecordBytes);
  assembleStored(reader, first, count, stored, cache);
  if (dtype === undefined)
    return { dtype: "string", shape, data: decodeStrings(stored, geometry, count) };
  if (needsSwap(reader.fileLittleEndian)) swapInPlace(stored, vdr.type.swapUnitBytes);
  return { dtype, shape, data: remapNumeric(stored, dtype, geometry, count) };
}

function decodeStrings(stored: Uint8Array, geometry: RecordGeometry, count: number): string[] {
  const out = new Array<string>(count * geometry.outputValues);
  const { valueBytes, storedValues, outputValues, remap } = geometry;
  for (let r = 0; r < count; r++) {
    for (let o = 0; o < outputValues; o++) {
      const s = r * storedValues + (remap === undefined ? o : (remap[o] ?? 0));
      out[r * outputValues + o] = decodeCharValue(
        stored.subarray(s * valueBytes, (s + 1) * valueBytes),
      );
    }
  }
  return out;
}

/**
 * Reorders host-order stored values into the output layout by copying bytes, so that every
 * bit pattern (float32 signalling NaNs included) survives unchanged.
 */
function remapNumeric(
  stored: Uint8Array,
  dtype: NumericDType,
  geometry: RecordGeometry,
  count: number,
) {
  const out = allocate(dtype, count * geometry.outputValues);
  const outBytes = byteView(out);
  const remap = geometry.remap ?? new Int32Array(0);
  const { valueBytes, storedValues, outputValues } = geometry;
  for (let r = 0; r < count; r++) {
    for (let o = 0; o < outputValues; o++) {
      const s = (r * storedValues + (remap[o] ?? 0)) * valueBytes;
      const d = (r * outputValues + o) * valueBytes;
      for (let k = 0; k < valueBytes; k++) outBytes[d + k] = stored[s + k] ?? 0;
    }
  }
  return out;
}
