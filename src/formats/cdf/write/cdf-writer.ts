/**
 * Writes single-file CDFs in the V3 (default) or V2.7 layout: row- or column-major, zVariables
 * and rVariables, per-variable or whole-file compression, sparse records, VXR trees or chains.
 * Data blocks go to the sink as soon as they fill,
 * right after the CDR; descriptors (GDR, ADRs, AEDRs, VDRs, VXRs, CPRs) are written at the end,
 * and the CDR is patched with the GDR offset. Internal records are linked by offsets, so this
 * order is as valid as the CDF library's own (CDF IFD 3.9, chapter 2 "dotCDF File"). A
 * whole-file compressed CDF is assembled in memory and compressed when finished.
 */
import { InvalidArgumentError } from "../../../core/errors.js";
import { CDF_MAGIC_V3, CDF_MAGIC_V26, CDF_MAGIC2_UNCOMPRESSED, CdfEncoding } from "../constants.js";
import { writeAttributeChain } from "./attribute-chain.js";
import type { CdfAttributeEntry, EncodedEntry } from "./attribute-entry.js";
import { encodeAttributeEntry } from "./attribute-entry.js";
import type { ByteSink } from "./byte-sink.js";
import { FileSink, MemorySink } from "./byte-sink.js";
import { checkTypeInVersion } from "./data-types.js";
import { compressWholeFile } from "./file-compression.js";
import { cdrBytes, cdrRecord, gdrBytes, gdrRecord } from "./internal-records.js";
import { nameFieldBytes } from "./record-bytes.js";
import { checkName } from "./variable-checks.js";
import { writeVariableIndex, writeVdrChain } from "./variable-descriptors.js";
import type { CdfRVariableSpec, CdfZVariableSpec } from "./variable-writer.js";
import { CdfVariableWriter } from "./variable-writer.js";
import type { CdfEncodingName, CdfWriterOptions, ResolvedWriterOptions } from "./writer-options.js";
import { resolveWriterOptions } from "./writer-options.js";

/** Offset of the CDR: right after the two 4-byte magic numbers (IFD 3.9, CDR). */
const CDR_OFFSET = 8;

interface AttributeDraft {
  name: string;
  scope: "global" | "variable";
  globalEntries: EncodedEntry[];
}

export class CdfWriter {
  readonly encoding: CdfEncodingName;
  readonly majority: "row" | "column";
  readonly rDims: readonly number[];
  private readonly options: ResolvedWriterOptions;
  private readonly attributes = new Map<string, AttributeDraft>();
  private readonly zVariables: CdfVariableWriter[] = [];
  private readonly rVariables: CdfVariableWriter[] = [];
  /** Where the uncompressed file goes: the target, or memory when it is compressed at the end. */
  private readonly sink: ByteSink;
  private finished = false;

  /** An in-memory writer: finish it with `toBytes()`. For a file, use `CdfWriter.create`. */
  constructor(
    options: CdfWriterOptions = {},
    private readonly target: ByteSink = new MemorySink(),
  ) {
    this.options = resolveWriterOptions(options);
    this.encoding = this.options.encoding;
    this.majority = this.options.majority;
    this.rDims = this.options.rDims;
    this.sink = this.options.fileCompression === undefined ? target : new MemorySink();
    const magic = new Uint8Array(CDR_OFFSET + cdrBytes(this.options.format));
    const view = new DataView(magic.buffer);
    // Magic numbers are big-endian (IFD 3.9 / 2.7, "Magic Numbers").
    view.setUint32(0, this.options.format.v3 ? CDF_MAGIC_V3 : CDF_MAGIC_V26, false);
    view.setUint32(4, CDF_MAGIC2_UNCOMPRESSED, false);
    // The CDR bytes are a placeholder until the GDR offset is known.
    this.sink.append(magic);
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
    checkName(name, "attribute name", nameFieldBytes(this.options.format));
    const existing = this.attributes.get(name);
    if (existing !== undefined) {
      throw new InvalidArgumentError(
        "attribute name",
        `${name} is already a ${existing.scope} attribute`,
      );
    }
    const list: readonly CdfAttributeEntry[] = Array.isArray(entries) ? entries : [entries];
    const globalEntries = list.map((entry, i) => {
      const encoded = encodeAttributeEntry(entry, this.options.littleEndian, `${name}[${i}]`);
      checkTypeInVersion(encoded.dataType, this.options.format.v3, `${name}[${i}]`);
      return encoded;
    });
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
    checkName(name, "attribute name", nameFieldBytes(this.options.format));
    this.useVariableAttribute(name);
    return this;
  }

  /** Adds several global attributes, in the object's key order. */
  addGlobalAttributes(attributes: Readonly<Record<string, readonly CdfAttributeEntry[]>>): this {
    for (const [name, entries] of Object.entries(attributes))
      this.addGlobalAttribute(name, entries);
    return this;
  }

  /** Declares a zVariable; write its records through the returned writer. */
  addZVariable(spec: CdfZVariableSpec): CdfVariableWriter {
    return this.addVariable(spec, "z", this.zVariables);
  }

  /** Declares an rVariable, whose dimensions are the writer's `rDims`. */
  addRVariable(spec: CdfRVariableSpec): CdfVariableWriter {
    if ("dims" in spec) {
      throw new InvalidArgumentError(
        `${spec.name}.dims`,
        "rVariables share the file's rDims; set rDims in the writer options",
      );
    }
    return this.addVariable({ ...spec, dims: this.rDims }, "r", this.rVariables);
  }

  private addVariable(
    spec: CdfZVariableSpec,
    kind: "r" | "z",
    list: CdfVariableWriter[],
  ): CdfVariableWriter {
    this.assertOpen();
    if ([...this.rVariables, ...this.zVariables].some((v) => v.name === spec.name)) {
      throw new InvalidArgumentError("variable name", `${spec.name} is already declared`);
    }
    const variable = new CdfVariableWriter(
      spec,
      kind,
      list.length,
      this.sink,
      {
        format: this.options.format,
        littleEndian: this.options.littleEndian,
        rowMajor: this.majority === "row",
      },
      (name) => this.useVariableAttribute(name),
    );
    list.push(variable);
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
    if (!(this.target instanceof MemorySink)) {
      throw new InvalidArgumentError("writer", "this writer streams to a file; call close()");
    }
    this.finish();
    return this.target.toBytes();
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
    const format = this.options.format;
    try {
      const variables = [...this.rVariables, ...this.zVariables];
      for (const v of variables) v.finish();
      const indexes = new Map(
        variables.map((v) => [
          v,
          writeVariableIndex(this.sink, format, v, this.options.vxrLayout, this.options.vxrEntries),
        ]),
      );
      const adrHead = this.writeAttributes();
      const rVdrHead = writeVdrChain(this.sink, format, this.rVariables, indexes);
      const zVdrHead = writeVdrChain(this.sink, format, this.zVariables, indexes);
      const gdrOffset = this.sink.position;
      this.sink.append(
        gdrRecord(format, {
          rVdrHead,
          zVdrHead,
          adrHead,
          eofOffset: gdrOffset + gdrBytes(format, this.rDims.length),
          attributeCount: this.attributes.size,
          rVariableCount: this.rVariables.length,
          // rMaxRec: the highest record number of any rVariable (IFD 3.9, GDR).
          rMaxRec: this.rVariables.reduce((most, v) => Math.max(most, v.recordCount - 1), -1),
          rDims: this.rDims,
          zVariableCount: this.zVariables.length,
          leapSecondLastUpdated: this.options.leapSecondLastUpdated,
        }),
      );
      const encoding = this.options.littleEndian ? CdfEncoding.IBMPC : CdfEncoding.NETWORK;
      const rowMajor = this.majority === "row";
      this.sink.patch(CDR_OFFSET, cdrRecord(format, { gdrOffset, encoding, rowMajor }));
      const fileCompression = this.options.fileCompression;
      if (this.sink instanceof MemorySink && fileCompression !== undefined) {
        for (const part of compressWholeFile(format, this.sink.toBytes(), fileCompression)) {
          this.target.append(part);
        }
      }
    } finally {
      this.target.close();
    }
  }

  /** ADRs with their entries; returns the ADR head offset. */
  private writeAttributes(): number {
    const attributes = [...this.attributes.values()].map((draft) => ({
      name: draft.name,
      scope: draft.scope,
      globalEntries: draft.globalEntries,
      rEntries: this.entriesOf(this.rVariables, draft.name),
      zEntries: this.entriesOf(this.zVariables, draft.name),
    }));
    return writeAttributeChain(this.sink, this.options.format, attributes);
  }

  private entriesOf(variables: readonly CdfVariableWriter[], attribute: string) {
    return variables.flatMap((v) => {
      const entry = v.attributes.get(attribute);
      return entry === undefined ? [] : [{ ...entry, entryNum: v.num }];
    });
  }
}
