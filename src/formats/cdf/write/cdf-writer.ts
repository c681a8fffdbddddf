/**
 * Writes CDF v3 files (single file, row-major, zVariables only). Data blocks go to the sink as
 * soon as they fill, right after the CDR; descriptors (GDR, ADRs, AEDRs, zVDRs, VXRs, CPRs) are
 * written at the end, and the CDR is patched with the GDR offset. Internal records are linked
 * by offsets, so this order is as valid as the CDF library's own (CDF IFD 3.9, chapter 2
 * "dotCDF File").
 */
import { InvalidArgumentError } from "../../../core/errors.js";
import {
  CDF_MAGIC_V3,
  CDF_MAGIC2_UNCOMPRESSED,
  CdfCompression,
  CdfEncoding,
  VDR_FLAG_COMPRESSION,
  VDR_FLAG_PAD_VALUE,
  VDR_FLAG_RECORD_VARIANCE,
} from "../constants.js";
import { writeAttributeChain } from "./attribute-chain.js";
import type { CdfAttributeEntry, EncodedEntry } from "./attribute-entry.js";
import { encodeAttributeEntry } from "./attribute-entry.js";
import type { ByteSink } from "./byte-sink.js";
import { FileSink, MemorySink } from "./byte-sink.js";
import {
  CDR_BYTES,
  cdrRecord,
  cprRecord,
  GDR_BYTES,
  gdrRecord,
  zvdrRecord,
} from "./internal-records.js";
import { writeVxrTree } from "./vxr-tree.js";
import type { CdfZVariableSpec } from "./z-variable.js";
import { CdfZVariableWriter, checkName } from "./z-variable.js";

export type CdfEncodingName = "ibmpc" | "network";

export interface CdfWriterOptions {
  /** Byte order of the data: "ibmpc" (little-endian, default) or "network" (big-endian). */
  encoding?: CdfEncodingName;
  /**
   * GDR LeapSecondLastUpdated, YYYYMMDD. Default 20170101: the last leap second so far was
   * inserted at the end of 2016-12-31 (IERS Bulletin C 52).
   */
  leapSecondLastUpdated?: number;
}

/** Offset of the CDR: right after the two 4-byte magic numbers (IFD 3.9, CDR). */
const CDR_OFFSET = 8;
const DEFAULT_LEAP_SECOND_LAST_UPDATED = 20170101;

interface AttributeDraft {
  name: string;
  scope: "global" | "variable";
  globalEntries: EncodedEntry[];
}

export class CdfWriter {
  readonly encoding: CdfEncodingName;
  private readonly littleEndian: boolean;
  private readonly leapSecondLastUpdated: number;
  private readonly attributes = new Map<string, AttributeDraft>();
  private readonly variables: CdfZVariableWriter[] = [];
  private finished = false;

  /** An in-memory writer: finish it with `toBytes()`. For a file, use `CdfWriter.create`. */
  constructor(
    options: CdfWriterOptions = {},
    private readonly sink: ByteSink = new MemorySink(),
  ) {
    const encoding = options.encoding ?? "ibmpc";
    if (encoding !== "ibmpc" && encoding !== "network") {
      throw new InvalidArgumentError("encoding", `${String(encoding)} is not "ibmpc" or "network"`);
    }
    this.encoding = encoding;
    this.littleEndian = encoding === "ibmpc";
    this.leapSecondLastUpdated = options.leapSecondLastUpdated ?? DEFAULT_LEAP_SECOND_LAST_UPDATED;
    if (!Number.isInteger(this.leapSecondLastUpdated) || this.leapSecondLastUpdated < 0) {
      throw new InvalidArgumentError("leapSecondLastUpdated", "must be a YYYYMMDD integer");
    }
    const magic = new Uint8Array(CDR_OFFSET + CDR_BYTES);
    const view = new DataView(magic.buffer);
    // Magic numbers are big-endian (IFD 3.9, "Magic Numbers").
    view.setUint32(0, CDF_MAGIC_V3, false);
    view.setUint32(4, CDF_MAGIC2_UNCOMPRESSED, false);
    // The CDR bytes are a placeholder until the GDR offset is known.
    sink.append(magic);
  }

  /** A writer that streams data blocks to `path` as records are appended; finish with `close()`. */
  static create(path: string, options: CdfWriterOptions = {}): CdfWriter {
    return new CdfWriter(options, new FileSink(path));
  }

  /** Adds a global attribute; `entries[i]` becomes gEntry i. */
  addGlobalAttribute(
    name: string,
    entries: CdfAttributeEntry | readonly CdfAttributeEntry[],
  ): this {
    this.assertOpen();
    checkName(name, "attribute name");
    const existing = this.attributes.get(name);
    if (existing !== undefined) {
      throw new InvalidArgumentError(
        "attribute name",
        `${name} is already a ${existing.scope} attribute`,
      );
    }
    const list: readonly CdfAttributeEntry[] = Array.isArray(entries) ? entries : [entries];
    const globalEntries = list.map((entry, i) =>
      encodeAttributeEntry(entry, this.littleEndian, `${name}[${i}]`),
    );
    this.attributes.set(name, { name, scope: "global", globalEntries });
    return this;
  }

  /**
   * Declares a variable-scope attribute before any variable uses it, fixing its attribute number
   * (attributes are numbered in the order they are first declared or used). An attribute no
   * variable sets is still written, with no entries, as the CDF library does.
   */
  addVariableAttribute(name: string): this {
    this.assertOpen();
    checkName(name, "attribute name");
    this.useVariableAttribute(name);
    return this;
  }

  /** Adds several global attributes, in the object's key order. */
  addGlobalAttributes(attributes: Readonly<Record<string, readonly CdfAttributeEntry[]>>): this {
    for (const [name, entries] of Object.entries(attributes))
      this.addGlobalAttribute(name, entries);
    return this;
  }

  /** Declares a zVariable; append its records through the returned writer. */
  addZVariable(spec: CdfZVariableSpec): CdfZVariableWriter {
    this.assertOpen();
    if (this.variables.some((v) => v.name === spec.name)) {
      throw new InvalidArgumentError("variable name", `${spec.name} is already declared`);
    }
    const variable = new CdfZVariableWriter(
      spec,
      this.variables.length,
      this.sink,
      this.littleEndian,
      (name) => this.useVariableAttribute(name),
    );
    this.variables.push(variable);
    return variable;
  }

  private useVariableAttribute(name: string): void {
    const existing = this.attributes.get(name);
    if (existing === undefined) {
      this.attributes.set(name, { name, scope: "variable", globalEntries: [] });
    } else if (existing.scope !== "variable") {
      throw new InvalidArgumentError("attribute name", `${name} is already a global attribute`);
    }
  }

  /** Finishes an in-memory writer and returns the file's bytes. */
  toBytes(): Uint8Array {
    if (!(this.sink instanceof MemorySink)) {
      throw new InvalidArgumentError("writer", "this writer streams to a file; call close()");
    }
    this.finish();
    return this.sink.toBytes();
  }

  /** Finishes the file: writes the descriptors and closes the sink. */
  close(): void {
    this.finish();
  }

  private assertOpen(): void {
    if (this.finished) throw new InvalidArgumentError("writer", "the file is already finished");
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    try {
      for (const v of this.variables) v.finish();
      const trailer = this.writeIndexes();
      const adrHead = this.writeAttributes();
      const zVdrHead = this.writeVdrs(trailer);
      const gdrOffset = this.sink.position;
      this.sink.append(
        gdrRecord({
          zVdrHead,
          adrHead,
          eofOffset: gdrOffset + GDR_BYTES,
          attributeCount: this.attributes.size,
          zVariableCount: this.variables.length,
          leapSecondLastUpdated: this.leapSecondLastUpdated,
        }),
      );
      const encoding = this.littleEndian ? CdfEncoding.IBMPC : CdfEncoding.NETWORK;
      this.sink.patch(CDR_OFFSET, cdrRecord({ gdrOffset, encoding }));
    } finally {
      this.sink.close();
    }
  }

  /** VXR trees and CPRs; returns per-variable {vxrHead, cprOffset}. */
  private writeIndexes(): { vxrHead: number; cprOffset: number }[] {
    return this.variables.map((v) => ({
      vxrHead: writeVxrTree(this.sink, v.blocks),
      cprOffset:
        v.gzipLevel === undefined
          ? -1
          : this.sink.append(cprRecord(CdfCompression.GZIP, v.gzipLevel)),
    }));
  }

  private writeVdrs(indexes: readonly { vxrHead: number; cprOffset: number }[]): number {
    const records = this.variables.map((v, i) => {
      const index = indexes[i]!;
      const flags =
        (v.recordVarying ? VDR_FLAG_RECORD_VARIANCE : 0) |
        (v.padValue === undefined ? 0 : VDR_FLAG_PAD_VALUE) |
        (v.gzipLevel === undefined ? 0 : VDR_FLAG_COMPRESSION);
      return (next: number) =>
        zvdrRecord({
          next,
          dataType: v.type.code,
          maxRec: v.recordCount - 1,
          vxrHead: index.vxrHead,
          vxrTail: index.vxrHead,
          flags,
          numElems: v.numElems,
          num: v.num,
          cprOffset: index.cprOffset,
          // Records per block: the most any stored block holds, which a reader may size its
          // decompression buffer by (IFD 3.9, VDR field BlockingFactor).
          blockingFactor: Math.min(v.recordsPerBlock, Math.max(1, v.recordCount)),
          name: v.name,
          dims: v.dims,
          padValue: v.padValue,
        });
    });
    return this.writeChain(records);
  }

  /** Writes records linked by their `next` field, each pointing to the one after it. */
  private writeChain(builders: readonly ((next: number) => Uint8Array)[]): number {
    if (builders.length === 0) return 0;
    // Sizes do not depend on `next`, so build once with 0 to learn the offsets.
    const sizes = builders.map((b) => b(0).length);
    const start = this.sink.position;
    let offset = start;
    builders.forEach((build, i) => {
      const next = i + 1 < builders.length ? offset + sizes[i]! : 0;
      this.sink.append(build(next));
      offset += sizes[i]!;
    });
    return start;
  }

  /** ADRs with their entries; returns the ADR head offset. */
  private writeAttributes(): number {
    const attributes = [...this.attributes.values()].map((draft) => ({
      name: draft.name,
      scope: draft.scope,
      globalEntries: draft.globalEntries,
      zEntries: this.variables.flatMap((v) => {
        const entry = v.attributes.get(draft.name);
        return entry === undefined ? [] : [{ ...entry, entryNum: v.num }];
      }),
    }));
    return writeAttributeChain(this.sink, attributes);
  }
}
