import type { ByteSource } from "../../core/byte-source.js";
import { InvalidArgumentError, NotFoundError } from "../../core/errors.js";
import { type AnyNDArray, elementCount } from "../../core/ndarray.js";
import { DEFLATE_MAX_RATIO } from "../compression/inflate.js";
import { type CdfAttribute, type CdfAttributeEntry, readAttributes } from "./attributes.js";
import { type CdfCompressionInfo, readCpr } from "./decompress.js";
import { type CdfEncodingInfo, cdfEncoding } from "./encoding.js";
import { recordGeometry } from "./geometry.js";
import { readCdr, readGdr, readMagic } from "./header.js";
import { readBlocks } from "./index-tree.js";
import { type BlockCache, readRecordRange, type VariableReader } from "./record-assembly.js";
import { type CdfLayout, formatError } from "./record-io.js";
import type {
  CdfBatchOptions,
  CdfBlockInfo,
  CdfRecordBatch,
  CdfRecordRange,
  CdfVariableInfo,
} from "./types.js";
import { variableInfo } from "./variable-info.js";
import { readVdrChain, type VariableDescriptor } from "./vdr.js";
import { decompressWholeFile } from "./whole-file.js";

/** Output bytes one read may produce beyond what the file's bytes can justify (virtual records). */
const UNBACKED_OUTPUT_BYTES = 64 * 1024 * 1024;
/** Default batch size for `records()` when the variable has no blocking factor. */
const DEFAULT_BATCH_BYTES = 8 * 1024 * 1024;

interface VariableState {
  readonly info: CdfVariableInfo;
  readonly vdr: VariableDescriptor;
  readonly compression: CdfCompressionInfo | undefined;
  reader: VariableReader | undefined;
}

/**
 * An open NASA CDF (versions 2.x and 3.x, row- or column-major, any IEEE encoding, per-variable
 * or whole-file compression). Only the descriptor records are read up front; variable data is
 * read, per record range, from the blocks that hold it.
 */
export class CdfFile {
  /** "3.6.1": Version.Release.Increment of the library that wrote the file. */
  readonly version: string;
  readonly encoding: CdfEncodingInfo;
  readonly majority: "row" | "column";
  /** Whole-file compression (CCR), null when the file is not compressed as a whole. */
  readonly compressed: CdfCompressionInfo | null;
  /** YYYYMMDD of the last leap second in the writer's table (GDR, V3 only). */
  readonly leapSecondLastUpdated: number | undefined;
  /** Every attribute, global and variable scope, in ADR order. */
  readonly attributes: readonly CdfAttribute[];
  /** Global attributes: name -> gEntries in entry-number order. */
  readonly globalAttributes: Readonly<Record<string, readonly CdfAttributeEntry[]>>;
  readonly variables: readonly CdfVariableInfo[];
  private readonly layout: CdfLayout;
  private readonly byName = new Map<string, VariableState>();

  constructor(private readonly source: ByteSource) {
    const magic = readMagic(source);
    let layout: CdfLayout = { source, v3: magic.v3, pre25: false };
    let compressed: CdfCompressionInfo | null = null;
    if (magic.compressed) {
      const image = decompressWholeFile(layout, magic.magic1);
      layout = { source: image.source, v3: magic.v3, pre25: false };
      compressed = image.compression;
    }
    const cdr = readCdr(layout);
    layout = {
      ...layout,
      pre25: !magic.v3 && (cdr.version < 2 || (cdr.version === 2 && cdr.release < 5)),
    };
    this.layout = layout;
    this.version = `${cdr.version}.${cdr.release}.${cdr.increment}`;
    this.encoding =
      cdfEncoding(cdr.encoding) ??
      (() => {
        throw formatError(
          layout,
          8,
          "a CDF data encoding code (CDF User's Guide 3.9, 2.2.8)",
          `${cdr.encoding}`,
        );
      })();
    this.majority = cdr.rowMajor ? "row" : "column";
    this.compressed = compressed;
    const gdr = readGdr(layout, cdr.gdrOffset);
    this.leapSecondLastUpdated = gdr.leapSecondLastUpdated;
    const littleEndian = this.encoding.littleEndian;
    this.attributes = readAttributes(layout, gdr.adrHead, gdr.attributeCount, littleEndian);
    const globals: Record<string, CdfAttributeEntry[]> = {};
    for (const attribute of this.attributes) {
      if (attribute.scope !== "global") continue;
      globals[attribute.name] = [...attribute.grEntries].sort((a, b) => a.entry - b.entry);
    }
    this.globalAttributes = globals;
    const vdrs = [
      ...readVdrChain(layout, gdr.rVdrHead, gdr.rVariableCount, gdr.rDimSizes, "r"),
      ...readVdrChain(layout, gdr.zVdrHead, gdr.zVariableCount, gdr.rDimSizes, "z"),
    ];
    const variables: CdfVariableInfo[] = [];
    for (const vdr of vdrs) {
      const compression = vdr.cprOffset === undefined ? undefined : readCpr(layout, vdr.cprOffset);
      const info = variableInfo(vdr, compression, this.attributes, littleEndian);
      variables.push(info);
      this.byName.set(vdr.name, { info, vdr, compression, reader: undefined });
    }
    this.variables = variables;
  }

  /** The variable called `name`; NotFoundError lists the names the file has. */
  variable(name: string): CdfVariableInfo {
    return this.state(name).info;
  }

  /**
   * Reads records firstRecord..lastRecord (default: all written) as a row-major array of shape
   * [records, ...dims]; a non-record-varying variable returns its single record, shape dims.
   */
  readVariable(name: string, range: CdfRecordRange = {}): AnyNDArray {
    const state = this.state(name);
    const reader = this.reader(state);
    if (!state.info.recordVarying) return readRecordRange(reader, 0, 1, state.info.dims, undefined);
    const { first, count } = this.resolveRange(state, reader, range);
    this.checkReadSize(reader, first, count);
    return readRecordRange(reader, first, count, [count, ...state.info.dims], undefined);
  }

  /**
   * Streams records in batches of `recordsPerBatch`, decoding only the blocks each batch
   * overlaps and keeping at most one decompressed block between batches.
   */
  *records(
    name: string,
    options: CdfBatchOptions = {},
  ): Generator<CdfRecordBatch, void, undefined> {
    const state = this.state(name);
    const reader = this.reader(state);
    if (!state.info.recordVarying) {
      yield { firstRecord: 0, array: readRecordRange(reader, 0, 1, state.info.dims, undefined) };
      return;
    }
    const { first, count } = this.resolveRange(state, reader, options);
    const perBatch = options.recordsPerBatch ?? this.defaultBatch(state, reader);
    if (!Number.isSafeInteger(perBatch) || perBatch < 1) {
      throw new InvalidArgumentError(
        "recordsPerBatch",
        `must be a positive integer, got ${perBatch}`,
      );
    }
    const cache: BlockCache = { recordOffset: -1, bytes: undefined };
    for (let at = first; at < first + count; at += perBatch) {
      const n = Math.min(perBatch, first + count - at);
      this.checkReadSize(reader, at, n);
      yield {
        firstRecord: at,
        array: readRecordRange(reader, at, n, [n, ...state.info.dims], cache),
      };
    }
  }

  /** The variable's stored blocks (VVRs and CVVRs) in record order. */
  blocks(name: string): CdfBlockInfo[] {
    return this.reader(this.state(name)).blocks.map((b) => ({
      firstRecord: b.firstRecord,
      lastRecord: b.lastRecord,
      fileOffset: b.dataOffset,
      recordOffset: b.recordOffset,
      storedBytes: b.storedBytes,
      compressed: b.compressed,
    }));
  }

  close(): void {
    this.source.close();
  }

  private state(name: string): VariableState {
    const state = this.byName.get(name);
    if (state === undefined) {
      throw new NotFoundError(
        `CDF variable "${name}" in ${this.source.name}`,
        `the file has: ${[...this.byName.keys()].join(", ")}`,
      );
    }
    return state;
  }

  private reader(state: VariableState): VariableReader {
    if (state.reader === undefined) {
      const { vdr } = state;
      // Checked before recordGeometry, whose reordering table has one entry per output value.
      const recordBytes = elementCount(vdr.dims) * vdr.type.elementBytes * vdr.numElements;
      if (!Number.isSafeInteger(recordBytes) || recordBytes > this.justifiedOutputBytes()) {
        throw formatError(
          this.layout,
          vdr.offset,
          `record dimensions of ${vdr.name} that fit in memory`,
          vdr.dims.join("x"),
        );
      }
      const geometry = recordGeometry(vdr, this.majority === "row");
      state.reader = {
        layout: this.layout,
        vdr,
        geometry,
        blocks: vdr.vxrHead > 0 ? readBlocks(this.layout, vdr.vxrHead, vdr.name) : [],
        compression: state.compression,
        fileLittleEndian: this.encoding.littleEndian,
      };
    }
    return state.reader;
  }

  /**
   * Output bytes one read may produce: what the file's bytes could inflate to (deflate's ratio
   * bound) plus a fixed allowance for pad-filled virtual records.
   */
  private justifiedOutputBytes(): number {
    return this.layout.source.byteLength * DEFLATE_MAX_RATIO + UNBACKED_OUTPUT_BYTES;
  }

  private outputRecordBytes(reader: VariableReader): number {
    return reader.geometry.outputValues * reader.geometry.valueBytes;
  }

  /** Validates a record range; a default range is checked against what the file can hold. */
  private resolveRange(
    state: VariableState,
    reader: VariableReader,
    range: CdfRecordRange,
  ): { first: number; count: number } {
    const first = range.firstRecord ?? 0;
    const last = range.lastRecord ?? state.info.maxRecord;
    if (!Number.isSafeInteger(first) || first < 0) {
      throw new InvalidArgumentError("firstRecord", `must be an integer >= 0, got ${first}`);
    }
    if (!Number.isSafeInteger(last) || last < first - 1) {
      throw new InvalidArgumentError(
        "lastRecord",
        `must be an integer >= firstRecord - 1 (${first - 1}), got ${last}`,
      );
    }
    const count = last - first + 1;
    if (
      range.lastRecord === undefined &&
      count * this.outputRecordBytes(reader) > this.justifiedOutputBytes()
    ) {
      throw formatError(
        this.layout,
        state.vdr.offset,
        `a MaxRec for ${state.vdr.name} whose records the file can hold`,
        `${state.info.maxRecord} records of ${this.outputRecordBytes(reader)} bytes`,
      );
    }
    return { first, count };
  }

  /** Refuses a single read larger than the file can justify (the caller asked for it). */
  private checkReadSize(reader: VariableReader, first: number, count: number): void {
    const bytes = count * this.outputRecordBytes(reader);
    if (bytes > this.justifiedOutputBytes()) {
      throw new InvalidArgumentError(
        "lastRecord",
        `records ${first}-${first + count - 1} of ${reader.vdr.name} would need ${bytes} bytes; stream them with records()`,
      );
    }
  }

  /** The blocking factor (records per stored block) when sane, else about 8 MiB of records. */
  private defaultBatch(state: VariableState, reader: VariableReader): number {
    const recordBytes = Math.max(1, this.outputRecordBytes(reader));
    const factor = state.vdr.blockingFactor;
    if (factor > 0 && factor * recordBytes <= 8 * DEFAULT_BATCH_BYTES) return factor;
    return Math.max(1, Math.floor(DEFAULT_BATCH_BYTES / recordBytes));
  }
}

/** Opens a CDF, reading its descriptor records; variable data is read on demand. */
export function openCdf(source: ByteSource): CdfFile {
  return new CdfFile(source);
}
