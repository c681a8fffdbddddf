/**
 * One zVariable being written: its description, and its records buffered into blocks that go
 * to the sink (as a VVR, or a GZIP CVVR) as soon as a block is full.
 */
import { gzipSync } from "node:zlib";
import { InvalidArgumentError } from "../../../core/errors.js";
import { HOST_LITTLE_ENDIAN } from "../encoding.js";
import type { CdfAttributeEntry, EncodedEntry } from "./attribute-entry.js";
import { encodeAttributeEntry } from "./attribute-entry.js";
import type { ByteSink } from "./byte-sink.js";
import type { CdfTypeInfo, CdfTypeName } from "./data-types.js";
import { cdfTypeInfo, scalarsPerCdfElement } from "./data-types.js";
import type { CdfValues } from "./encode-values.js";
import { encodeNumbers, encodeStrings, hostBytesOf, swapBytesInPlace } from "./encode-values.js";
import type { VxrEntry } from "./internal-records.js";
import { CDF_NAME_FIELD_BYTES, cvvrHeader, vvrHeader } from "./internal-records.js";

export type CdfCompressionSpec = "none" | { type: "gzip"; level?: number };

export interface CdfZVariableSpec {
  name: string;
  dataType: CdfTypeName | `CDF_${CdfTypeName}`;
  /** Dimension sizes of one record, row-major; [] for a scalar per record. */
  dims?: readonly number[];
  /** Characters per string for CHAR/UCHAR (required there); must be 1 otherwise. */
  numElems?: number;
  /** False for a variable with one record that holds for all records (ISTP "NRV"). */
  recordVarying?: boolean;
  compression?: CdfCompressionSpec;
  /** Records per VVR/CVVR block; default: as many as fit in about 1 MiB. */
  recordsPerBlock?: number;
  /** Stored in the zVDR as the variable's pad value. */
  padValue?: number | bigint | string | CdfValues;
  attributes?: Readonly<Record<string, CdfAttributeEntry>>;
}

/** Default uncompressed block size: bounds buffer memory and keeps blocks seekable. */
const DEFAULT_BLOCK_BYTES = 1 << 20;
/** Largest block the writer buffers; larger ones risk exhausting memory. */
const MAX_BLOCK_BYTES = 256 << 20;
/** zVDR MaxRec is a signed 32-bit record number (IFD 3.9, VDR). */
const MAX_RECORDS = 0x7fffffff;
/** Default GZIP level: the one the THEMIS ASI files use (their CPR parameter is 6). */
const DEFAULT_GZIP_LEVEL = 6;

export class CdfZVariableWriter {
  readonly name: string;
  readonly type: CdfTypeInfo;
  readonly dims: readonly number[];
  readonly numElems: number;
  readonly recordVarying: boolean;
  /** GZIP level, or undefined when uncompressed. */
  readonly gzipLevel: number | undefined;
  readonly recordsPerBlock: number;
  /** Bytes of one record. */
  readonly recordBytes: number;
  /** Values (typed-array scalars, or strings) in one record. */
  readonly valuesPerRecord: number;
  readonly padValue: Uint8Array | undefined;
  /** Variable-scope attribute entries, encoded when set so errors surface at the call. */
  readonly attributes = new Map<string, EncodedEntry>();
  /** Blocks already written, in record order. */
  readonly blocks: VxrEntry[] = [];

  private recordsWritten = 0;
  /** Grows (doubling) up to one full block, so small variables stay small in memory. */
  private block = new Uint8Array(0);
  private blockRecords = 0;
  private closed = false;

  constructor(
    spec: CdfZVariableSpec,
    readonly num: number,
    private readonly sink: ByteSink,
    private readonly littleEndian: boolean,
    private readonly onAttribute: (name: string) => void,
  ) {
    this.name = checkName(spec.name, "variable name");
    this.type = cdfTypeInfo(spec.dataType, `${this.name}.dataType`);
    this.dims = checkDims(spec.dims ?? [], this.name);
    this.numElems = checkNumElems(this.type, spec.numElems, this.name);
    this.recordVarying = spec.recordVarying ?? true;
    this.gzipLevel = checkCompression(spec.compression ?? "none", this.name);
    const elements = this.dims.reduce((a, b) => a * b, 1);
    this.recordBytes = elements * this.numElems * this.type.elementBytes;
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
    for (const [attrName, entry] of Object.entries(spec.attributes ?? {})) {
      this.setAttribute(attrName, entry);
    }
  }

  /** Sets (or replaces) this variable's entry of a variable-scope attribute. */
  setAttribute(name: string, entry: CdfAttributeEntry): this {
    checkName(name, "attribute name");
    const encoded = encodeAttributeEntry(entry, this.littleEndian, `${this.name}.${name}`);
    this.onAttribute(name);
    this.attributes.set(name, encoded);
    return this;
  }

  get recordCount(): number {
    return this.recordsWritten + this.blockRecords;
  }

  /**
   * Appends whole records: a typed array of the variable's type (row-major, `valuesPerRecord`
   * values per record), or a string[] for CHAR/UCHAR.
   */
  appendRecords(values: CdfValues): this {
    const argument = `${this.name} records`;
    if (this.closed) throw new InvalidArgumentError(argument, "the writer is already finished");
    if (values.length % this.valuesPerRecord !== 0 || values.length === 0) {
      throw new InvalidArgumentError(
        argument,
        `got ${values.length} values; expected a positive multiple of ${this.valuesPerRecord} ` +
          `(one record of dims [${this.dims.join(", ")}])`,
      );
    }
    const records = values.length / this.valuesPerRecord;
    const limit = this.recordVarying ? MAX_RECORDS : 1;
    if (this.recordCount + records > limit) {
      throw new InvalidArgumentError(
        argument,
        this.recordVarying
          ? `more than ${MAX_RECORDS} records do not fit a CDF variable`
          : "a non-record-varying variable holds exactly one record",
      );
    }
    const bytes =
      this.type.kind === "string"
        ? encodeStrings(values as readonly string[], this.numElems, argument)
        : hostBytesOf(this.type, values, argument);
    let at = 0;
    while (at < bytes.length) {
      const room = (this.recordsPerBlock - this.blockRecords) * this.recordBytes;
      const take = Math.min(room, bytes.length - at);
      this.reserve(this.blockRecords * this.recordBytes + take);
      this.block.set(bytes.subarray(at, at + take), this.blockRecords * this.recordBytes);
      this.blockRecords += take / this.recordBytes;
      at += take;
      if (this.blockRecords === this.recordsPerBlock) this.flushBlock();
    }
    return this;
  }

  /** Writes the partly filled last block; no records may be appended afterwards. */
  finish(): void {
    if (this.closed) return;
    if (this.blockRecords > 0) this.flushBlock();
    this.closed = true;
  }

  private reserve(bytes: number): void {
    if (bytes <= this.block.length) return;
    const full = this.recordsPerBlock * this.recordBytes;
    const grown = new Uint8Array(Math.min(full, Math.max(bytes, 2 * this.block.length)));
    grown.set(this.block);
    this.block = grown;
  }

  private flushBlock(): void {
    const data = this.block.subarray(0, this.blockRecords * this.recordBytes);
    // Strings need no swapping; numbers are buffered in host order and stored in file order.
    if (this.type.kind !== "string" && this.littleEndian !== HOST_LITTLE_ENDIAN) {
      swapBytesInPlace(data, this.type.swapUnitBytes);
    }
    let offset: number;
    if (this.gzipLevel === undefined) {
      offset = this.sink.append(vvrHeader(data.length));
      this.sink.append(data);
    } else {
      const compressed = gzipSync(data, { level: this.gzipLevel });
      offset = this.sink.append(cvvrHeader(compressed.length));
      this.sink.append(compressed);
    }
    this.blocks.push({
      firstRecord: this.recordsWritten,
      lastRecord: this.recordsWritten + this.blockRecords - 1,
      offset,
    });
    this.recordsWritten += this.blockRecords;
    this.blockRecords = 0;
  }

  private encodePad(value: NonNullable<CdfZVariableSpec["padValue"]>, argument: string) {
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
    return encodeNumbers(this.type, values, this.littleEndian, argument);
  }
}

/** Names fill a 256-byte field (IFD 3.9, ADR and VDR field Name) and are stored as Latin-1. */
export function checkName(name: unknown, argument: string): string {
  if (typeof name !== "string" || name.length === 0) {
    throw new InvalidArgumentError(argument, "must be a non-empty string");
  }
  if (name.length > CDF_NAME_FIELD_BYTES) {
    throw new InvalidArgumentError(
      argument,
      `${JSON.stringify(name.slice(0, 40))}... has ${name.length} characters; the CDF name field holds ${CDF_NAME_FIELD_BYTES}`,
    );
  }
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code === 0 || code > 0xff) {
      throw new InvalidArgumentError(
        argument,
        `${JSON.stringify(name)} has a NUL or non-Latin-1 character`,
      );
    }
  }
  return name;
}

function checkDims(dims: readonly number[], name: string): readonly number[] {
  if (!Array.isArray(dims)) throw new InvalidArgumentError(`${name}.dims`, "must be an array");
  for (const d of dims) {
    if (!Number.isSafeInteger(d) || d < 1 || d > 0x7fffffff) {
      throw new InvalidArgumentError(
        `${name}.dims`,
        `[${dims.join(", ")}] must be positive 32-bit integers`,
      );
    }
  }
  return [...dims];
}

function checkNumElems(type: CdfTypeInfo, numElems: number | undefined, name: string): number {
  if (type.kind !== "string") {
    if (numElems !== undefined && numElems !== 1) {
      throw new InvalidArgumentError(`${name}.numElems`, `must be 1 for CDF_${type.name}`);
    }
    return 1;
  }
  if (numElems === undefined || !Number.isSafeInteger(numElems) || numElems < 1) {
    throw new InvalidArgumentError(
      `${name}.numElems`,
      `CDF_${type.name} variables need numElems = the fixed string length (a positive integer)`,
    );
  }
  return numElems;
}

function checkCompression(spec: CdfCompressionSpec, name: string): number | undefined {
  if (spec === "none") return undefined;
  if (typeof spec !== "object" || spec === null || spec.type !== "gzip") {
    throw new InvalidArgumentError(
      `${name}.compression`,
      'must be "none" or {type: "gzip", level}',
    );
  }
  const level = spec.level ?? DEFAULT_GZIP_LEVEL;
  // GZIP levels 1..9 (CDF User's Guide 3.9, "Compression").
  if (!Number.isInteger(level) || level < 1 || level > 9) {
    throw new InvalidArgumentError(
      `${name}.compression.level`,
      `${level} is not an integer in 1..9`,
    );
  }
  return level;
}

function checkRecordsPerBlock(
  value: number | undefined,
  recordBytes: number,
  name: string,
): number {
  if (value === undefined)
    return Math.max(1, Math.floor(DEFAULT_BLOCK_BYTES / Math.max(1, recordBytes)));
  if (!Number.isSafeInteger(value) || value < 1 || value * recordBytes > MAX_BLOCK_BYTES) {
    throw new InvalidArgumentError(
      `${name}.recordsPerBlock`,
      `${value} must be a positive integer with blocks of at most ${MAX_BLOCK_BYTES} bytes`,
    );
  }
  return value;
}
