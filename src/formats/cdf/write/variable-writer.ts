/**
 * One variable (zVariable, or rVariable sharing the file's rDimensions) being written: its
 * description, and its records, in increasing record number with gaps allowed for sparse
 * variables, handed to a block buffer in the file's majority and byte order.
 */
import { InvalidArgumentError } from "../../../core/errors.js";
import { HOST_LITTLE_ENDIAN } from "../encoding.js";
import type { CdfAttributeEntry, EncodedEntry } from "./attribute-entry.js";
import { encodeAttributeEntry } from "./attribute-entry.js";
import type { ByteSink } from "./byte-sink.js";
import type { CdfCompressionSpec, ResolvedCompression } from "./compression.js";
import { resolveCompression } from "./compression.js";
import type { CdfTypeInfo, CdfTypeName } from "./data-types.js";
import { cdfTypeInfo, checkTypeInVersion, scalarsPerCdfElement } from "./data-types.js";
import type { CdfValues } from "./encode-values.js";
import { encodeNumbers, encodeStrings, hostBytesOf, swapBytesInPlace } from "./encode-values.js";
import type { VxrEntry } from "./internal-records.js";
import { columnMajorOrder, toColumnMajor } from "./majority.js";
import { RecordBlocks } from "./record-blocks.js";
import type { CdfFormat } from "./record-bytes.js";
import { nameFieldBytes } from "./record-bytes.js";
import type { CdfSparseRecordsName } from "./variable-checks.js";
import {
  checkDims,
  checkDimVarys,
  checkName,
  checkNumElems,
  checkRecordsPerBlock,
  checkSparseRecords,
  MAX_BLOCK_BYTES,
} from "./variable-checks.js";

export interface CdfVariableSpec {
  name: string;
  dataType: CdfTypeName | `CDF_${CdfTypeName}`;
  /** Dimension sizes of one record, row-major; [] for a scalar per record. */
  dims?: readonly number[];
  /**
   * Per dimension, whether values vary along it (default all true). Records then hold only the
   * varying dimensions' values (row-major over those); readers repeat them along the others.
   */
  dimVarys?: readonly boolean[];
  /** Characters per string for CHAR/UCHAR (required there); must be 1 otherwise. */
  numElems?: number;
  /** False for a variable with one record that holds for all records (ISTP "NRV"). */
  recordVarying?: boolean;
  compression?: CdfCompressionSpec;
  /** Records per VVR/CVVR block; default: as many as fit in about 1 MiB. */
  recordsPerBlock?: number;
  /**
   * How records never written read back (VDR SRecords): "pad" (the pad value) or "previous"
   * (the last record written before them). With "none" (default) records must be contiguous.
   */
  sparseRecords?: CdfSparseRecordsName;
  /** Stored in the VDR as the variable's pad value. */
  padValue?: number | bigint | string | CdfValues;
  attributes?: Readonly<Record<string, CdfAttributeEntry>>;
}

export type CdfZVariableSpec = CdfVariableSpec;
/** rVariables take their dimensions from the writer's `rDims`. */
export type CdfRVariableSpec = Omit<CdfVariableSpec, "dims">;

/** VDR MaxRec is a signed 32-bit record number (IFD 3.9, VDR). */
const MAX_RECORDS = 0x7fffffff;

/** How the file stores values: record layout generation, byte order and majority. */
export interface StorageLayout {
  readonly format: CdfFormat;
  readonly littleEndian: boolean;
  readonly rowMajor: boolean;
}

export class CdfVariableWriter {
  readonly name: string;
  readonly type: CdfTypeInfo;
  readonly dims: readonly number[];
  readonly dimVarys: readonly boolean[];
  readonly numElems: number;
  readonly recordVarying: boolean;
  readonly compression: ResolvedCompression | undefined;
  readonly sparseRecords: CdfSparseRecordsName;
  readonly recordsPerBlock: number;
  /** Bytes of one stored record. */
  readonly recordBytes: number;
  /** Values (typed-array scalars, or strings) in one record as the caller passes it. */
  readonly valuesPerRecord: number;
  readonly padValue: Uint8Array | undefined;
  /** Variable-scope attribute entries, encoded when set so errors surface at the call. */
  readonly attributes = new Map<string, EncodedEntry>();

  private readonly store: RecordBlocks;
  /** Column-major reordering of one record, when the file is column-major. */
  private readonly order: Int32Array | undefined;
  private closed = false;

  constructor(
    spec: CdfVariableSpec,
    readonly kind: "r" | "z",
    readonly num: number,
    sink: ByteSink,
    private readonly layout: StorageLayout,
    private readonly onAttribute: (name: string) => void,
  ) {
    this.name = checkName(spec.name, "variable name", nameFieldBytes(layout.format));
    this.type = cdfTypeInfo(spec.dataType, `${this.name}.dataType`);
    checkTypeInVersion(this.type.code, layout.format.v3, `${this.name}.dataType`);
    this.dims = checkDims(spec.dims ?? [], `${this.name}.dims`);
    this.dimVarys = checkDimVarys(spec.dimVarys, this.dims, this.name);
    this.numElems = checkNumElems(this.type, spec.numElems, this.name);
    this.recordVarying = spec.recordVarying ?? true;
    this.compression = resolveCompression(spec.compression ?? "none", `${this.name}.compression`);
    this.sparseRecords = checkSparseRecords(spec.sparseRecords, this.name);
    const storedDims = this.dims.filter((_, i) => this.dimVarys[i]);
    const elements = storedDims.reduce((a, b) => a * b, 1);
    const valueBytes = this.numElems * this.type.elementBytes;
    this.recordBytes = elements * valueBytes;
    this.valuesPerRecord =
      this.type.kind === "string" ? elements : elements * scalarsPerCdfElement(this.type);
    if (this.recordBytes > MAX_BLOCK_BYTES) {
      throw new InvalidArgumentError(
        `${this.name}.dims`,
        `one record would take ${this.recordBytes} bytes (limit ${MAX_BLOCK_BYTES}); split it`,
      );
    }
    // A non-record-varying variable has one record: its block never holds more.
    this.recordsPerBlock = this.recordVarying
      ? checkRecordsPerBlock(spec.recordsPerBlock, this.recordBytes, this.name)
      : 1;
    this.padValue =
      spec.padValue === undefined
        ? undefined
        : this.encodePad(spec.padValue, `${this.name}.padValue`);
    this.order = layout.rowMajor ? undefined : columnMajorOrder(storedDims);
    const swapUnit = this.type.swapUnitBytes;
    const swap = this.type.kind !== "string" && layout.littleEndian !== HOST_LITTLE_ENDIAN;
    this.store = new RecordBlocks(
      sink,
      layout.format,
      this.recordBytes,
      this.recordsPerBlock,
      this.compression,
      // Strings need no swapping; numbers are buffered in host order and stored in file order.
      (bytes) => {
        if (swap) swapBytesInPlace(bytes, swapUnit);
      },
    );
    for (const [attrName, entry] of Object.entries(spec.attributes ?? {})) {
      this.setAttribute(attrName, entry);
    }
  }

  /** Sets (or replaces) this variable's entry of a variable-scope attribute. */
  setAttribute(name: string, entry: CdfAttributeEntry): this {
    checkName(name, "attribute name", nameFieldBytes(this.layout.format));
    const label = `${this.name}.${name}`;
    const encoded = encodeAttributeEntry(entry, this.layout.littleEndian, label);
    checkTypeInVersion(encoded.dataType, this.layout.format.v3, label);
    this.onAttribute(name);
    this.attributes.set(name, encoded);
    return this;
  }

  /** MaxRec + 1: one past the highest record number written. */
  get recordCount(): number {
    return this.store.recordEnd;
  }

  /** Blocks written so far, in record order (all of them once the file is finished). */
  get blocks(): readonly VxrEntry[] {
    return this.store.blocks;
  }

  /**
   * Appends whole records after the last one written: a typed array of the variable's type
   * (row-major, `valuesPerRecord` values per record), or a string[] for CHAR/UCHAR.
   */
  appendRecords(values: CdfValues): this {
    return this.writeRecords(this.recordCount, values);
  }

  /**
   * Writes whole records starting at record number `firstRecord`, which must not be below
   * `recordCount` (records go in increasing order). Skipping records leaves a gap, allowed for
   * variables declared with `sparseRecords` "pad" or "previous".
   */
  writeRecords(firstRecord: number, values: CdfValues): this {
    const argument = `${this.name} records`;
    if (this.closed) throw new InvalidArgumentError(argument, "the writer is already finished");
    if (!Number.isSafeInteger(firstRecord) || firstRecord < this.recordCount) {
      throw new InvalidArgumentError(
        `${this.name} firstRecord`,
        `${firstRecord} must be an integer >= ${this.recordCount}: records are written in increasing record number`,
      );
    }
    if (!this.recordVarying && firstRecord !== 0) {
      throw new InvalidArgumentError(
        `${this.name} firstRecord`,
        "a non-record-varying variable holds exactly one record, record 0",
      );
    }
    if (firstRecord > this.recordCount && this.sparseRecords === "none") {
      throw new InvalidArgumentError(
        `${this.name} firstRecord`,
        `record ${firstRecord} would leave records ${this.recordCount}-${firstRecord - 1} unwritten; declare the variable with sparseRecords "pad" or "previous"`,
      );
    }
    if (values.length % this.valuesPerRecord !== 0 || values.length === 0) {
      throw new InvalidArgumentError(
        argument,
        `got ${values.length} values; expected a positive multiple of ${this.valuesPerRecord} ` +
          `(one record of the varying dims of [${this.dims.join(", ")}])`,
      );
    }
    const records = values.length / this.valuesPerRecord;
    const limit = this.recordVarying ? MAX_RECORDS : 1;
    if (firstRecord + records > limit) {
      throw new InvalidArgumentError(
        argument,
        this.recordVarying
          ? `more than ${MAX_RECORDS} records do not fit a CDF variable`
          : "a non-record-varying variable holds exactly one record, record 0",
      );
    }
    const bytes =
      this.type.kind === "string"
        ? encodeStrings(values as readonly string[], this.numElems, argument)
        : hostBytesOf(this.type, values, argument);
    const stored =
      this.order === undefined
        ? bytes
        : toColumnMajor(bytes, this.order, this.numElems * this.type.elementBytes);
    this.store.write(firstRecord, stored);
    return this;
  }

  /** Writes the partly filled last block; no records may be written afterwards. */
  finish(): void {
    if (this.closed) return;
    this.store.finish();
    this.closed = true;
  }

  private encodePad(value: NonNullable<CdfVariableSpec["padValue"]>, argument: string) {
    if (this.type.kind === "string") {
      if (typeof value !== "string") {
        throw new InvalidArgumentError(argument, `CDF_${this.type.name} pad value is a string`);
      }
      return encodeStrings([value], this.numElems, argument);
    }
    if (typeof value === "string") {
      throw new InvalidArgumentError(argument, `CDF_${this.type.name} pad value is numeric`);
    }
    const values: CdfValues =
      typeof value === "number" ? [value] : typeof value === "bigint" ? [value] : value;
    if (values.length !== scalarsPerCdfElement(this.type)) {
      throw new InvalidArgumentError(
        argument,
        "the pad value is one element of the variable's type",
      );
    }
    return encodeNumbers(this.type, values, this.layout.littleEndian, argument);
  }
}
