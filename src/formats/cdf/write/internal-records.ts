/**
 * Byte images of CDF v3 internal records. Every field of an internal record is big-endian
 * whatever the data encoding (CDF Internal Format Description 3.9, chapter 2); offsets and record
 * sizes are 8-byte integers in v3 files. Only attribute values and pad values (passed in here
 * already encoded) follow the file's data encoding.
 */
import { CDR_FLAG_ROW_MAJOR, RecordType } from "../constants.js";

/** Bytes of the name fields of ADRs and VDRs (IFD 3.9, ADR and VDR field Name). */
export const CDF_NAME_FIELD_BYTES = 256;
/** Bytes of the CDR copyright field in v3 files (IFD 3.9, CDR). */
const COPYRIGHT_FIELD_BYTES = 256;
/** Size of the v3 CDR: 56 bytes of fields + the copyright text (IFD 3.9, CDR). */
export const CDR_BYTES = 56 + COPYRIGHT_FIELD_BYTES;
/** Size of a v3 GDR without rVariable dimensions (IFD 3.9, GDR). */
export const GDR_BYTES = 84;
/** Size of a v3 ADR (IFD 3.9, ADR). */
const ADR_BYTES = 68 + CDF_NAME_FIELD_BYTES;
/** Fixed part of a v3 AEDR before its value (IFD 3.9, AEDR). */
export const AEDR_HEADER_BYTES = 56;
/** Fixed part of a v3 zVDR before its dimension sizes (IFD 3.9, VDR). */
const ZVDR_FIXED_BYTES = 344;
/** Fixed part of a v3 VXR before its entry arrays (IFD 3.9, VXR). */
const VXR_HEADER_BYTES = 28;
/** Header of a v3 VVR (IFD 3.9, VVR). */
export const VVR_HEADER_BYTES = 12;
/** Header of a v3 CVVR (IFD 3.9, CVVR). */
export const CVVR_HEADER_BYTES = 24;
/** Size of a v3 CPR with one parameter (IFD 3.9, CPR). */
export const CPR_BYTES = 28;

/** Text stored in the CDR copyright field; readers ignore it. */
const COPYRIGHT_TEXT = "\nCommon Data Format (CDF)\nwritten by aurorakit\n";

/** Big-endian field cursor over a fresh record buffer. */
class RecordBytes {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  private at = 0;

  /** `declaredBytes` is the record size when only the header is built here (VVR, CVVR). */
  constructor(
    size: number,
    private readonly declaredBytes = size,
  ) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }

  i32(value: number): this {
    this.view.setInt32(this.at, value, false);
    this.at += 4;
    return this;
  }

  i64(value: number): this {
    this.view.setBigInt64(this.at, BigInt(value), false);
    this.at += 8;
    return this;
  }

  /** Writes `text` as Latin-1, NUL-padded to `fieldBytes`. */
  text(text: string, fieldBytes: number): this {
    for (let i = 0; i < text.length && i < fieldBytes; i++) {
      this.bytes[this.at + i] = text.charCodeAt(i) & 0xff;
    }
    this.at += fieldBytes;
    return this;
  }

  raw(bytes: Uint8Array): this {
    this.bytes.set(bytes, this.at);
    this.at += bytes.length;
    return this;
  }

  header(type: number): this {
    return this.i64(this.declaredBytes).i32(type);
  }
}

export interface CdrFields {
  gdrOffset: number;
  encoding: number;
}

/** CDF version written in the CDR (IFD 3.9, CDR): 3.9.0. */
const CDF_VERSION = 3;
const CDF_RELEASE = 9;
const CDF_INCREMENT = 0;
/** CDR flags bit 1: the whole CDF is in this one file (IFD 3.9, CDR). */
const CDR_FLAG_SINGLE_FILE = 0x2;

export function cdrRecord(fields: CdrFields): Uint8Array {
  return (
    new RecordBytes(CDR_BYTES)
      .header(RecordType.CDR)
      .i64(fields.gdrOffset)
      .i32(CDF_VERSION)
      .i32(CDF_RELEASE)
      .i32(fields.encoding)
      .i32(CDR_FLAG_ROW_MAJOR | CDR_FLAG_SINGLE_FILE)
      // rfuA, rfuB: 0 (IFD 3.9, CDR).
      .i32(0)
      .i32(0)
      .i32(CDF_INCREMENT)
      // Identifier and rfuE: -1 (IFD 3.9, CDR).
      .i32(-1)
      .i32(-1)
      .text(COPYRIGHT_TEXT, COPYRIGHT_FIELD_BYTES).bytes
  );
}

export interface GdrFields {
  zVdrHead: number;
  adrHead: number;
  eofOffset: number;
  attributeCount: number;
  zVariableCount: number;
  /** YYYYMMDD of the last leap second in the table the file was written with. */
  leapSecondLastUpdated: number;
}

export function gdrRecord(fields: GdrFields): Uint8Array {
  return (
    new RecordBytes(GDR_BYTES)
      .header(RecordType.GDR)
      // rVDRhead: no rVariables.
      .i64(0)
      .i64(fields.zVdrHead)
      .i64(fields.adrHead)
      .i64(fields.eofOffset)
      // NrVars 0.
      .i32(0)
      .i32(fields.attributeCount)
      // rMaxRec -1 and rNumDims 0: no rVariables.
      .i32(-1)
      .i32(0)
      .i32(fields.zVariableCount)
      // UIRhead: no unused records.
      .i64(0)
      // rfuC 0.
      .i32(0)
      .i32(fields.leapSecondLastUpdated)
      // rfuE -1.
      .i32(-1).bytes
  );
}

export interface AdrFields {
  next: number;
  agrEdrHead: number;
  scope: number;
  num: number;
  grEntryCount: number;
  maxGrEntry: number;
  azEdrHead: number;
  zEntryCount: number;
  maxZEntry: number;
  name: string;
}

export function adrRecord(f: AdrFields): Uint8Array {
  return (
    new RecordBytes(ADR_BYTES)
      .header(RecordType.ADR)
      .i64(f.next)
      .i64(f.agrEdrHead)
      .i32(f.scope)
      .i32(f.num)
      .i32(f.grEntryCount)
      .i32(f.maxGrEntry)
      // rfuA 0.
      .i32(0)
      .i64(f.azEdrHead)
      .i32(f.zEntryCount)
      .i32(f.maxZEntry)
      // rfuE -1.
      .i32(-1)
      .text(f.name, CDF_NAME_FIELD_BYTES).bytes
  );
}

export interface AedrFields {
  /** RecordType.AgrEDR for global entries, RecordType.AzEDR for zVariable entries. */
  recordType: number;
  next: number;
  attributeNum: number;
  dataType: number;
  entryNum: number;
  numElems: number;
  /** Strings in a character entry (IFD 3.9, AEDR); 0 for numeric entries. */
  numStrings: number;
  /** Value bytes, already in the file's data encoding. */
  value: Uint8Array;
}

export function aedrRecord(f: AedrFields): Uint8Array {
  return (
    new RecordBytes(AEDR_HEADER_BYTES + f.value.length)
      .header(f.recordType)
      .i64(f.next)
      .i32(f.attributeNum)
      .i32(f.dataType)
      .i32(f.entryNum)
      .i32(f.numElems)
      .i32(f.numStrings)
      // rfB, rfC 0; rfD, rfE -1 (IFD 3.9, AEDR).
      .i32(0)
      .i32(0)
      .i32(-1)
      .i32(-1)
      .raw(f.value).bytes
  );
}

export interface ZvdrFields {
  next: number;
  dataType: number;
  maxRec: number;
  vxrHead: number;
  vxrTail: number;
  flags: number;
  numElems: number;
  num: number;
  cprOffset: number;
  blockingFactor: number;
  name: string;
  dims: readonly number[];
  /** Encoded pad value (numElems elements), or undefined. */
  padValue: Uint8Array | undefined;
}

export function zvdrRecord(f: ZvdrFields): Uint8Array {
  const size = ZVDR_FIXED_BYTES + 8 * f.dims.length + (f.padValue?.length ?? 0);
  const r = new RecordBytes(size)
    .header(RecordType.zVDR)
    .i64(f.next)
    .i32(f.dataType)
    .i32(f.maxRec)
    .i64(f.vxrHead)
    .i64(f.vxrTail)
    .i32(f.flags)
    // SRecords 0: no sparse records. rfuB 0, rfuC -1, rfuF -1 (IFD 3.9, VDR).
    .i32(0)
    .i32(0)
    .i32(-1)
    .i32(-1)
    .i32(f.numElems)
    .i32(f.num)
    // CPRorSPRoffset: -1 when the variable is not compressed.
    .i64(f.cprOffset)
    .i32(f.blockingFactor)
    .text(f.name, CDF_NAME_FIELD_BYTES)
    .i32(f.dims.length);
  for (const d of f.dims) r.i32(d);
  // DimVarys: -1 (VARY) for every dimension.
  for (let i = 0; i < f.dims.length; i++) r.i32(-1);
  if (f.padValue !== undefined) r.raw(f.padValue);
  return r.bytes;
}

export interface VxrEntry {
  firstRecord: number;
  lastRecord: number;
  /** Offset of a VVR, a CVVR or a lower-level VXR. */
  offset: number;
}

export function vxrRecord(next: number, entries: readonly VxrEntry[]): Uint8Array {
  const n = entries.length;
  const r = new RecordBytes(VXR_HEADER_BYTES + 16 * n)
    .header(RecordType.VXR)
    .i64(next)
    .i32(n)
    .i32(n);
  for (const e of entries) r.i32(e.firstRecord);
  for (const e of entries) r.i32(e.lastRecord);
  for (const e of entries) r.i64(e.offset);
  return r.bytes;
}

/** The 12-byte header of a VVR whose `dataBytes` of values follow it. */
export function vvrHeader(dataBytes: number): Uint8Array {
  return new RecordBytes(VVR_HEADER_BYTES, VVR_HEADER_BYTES + dataBytes).header(RecordType.VVR)
    .bytes;
}

/** The 24-byte header of a CVVR whose `compressedBytes` follow it. */
export function cvvrHeader(compressedBytes: number): Uint8Array {
  return (
    new RecordBytes(CVVR_HEADER_BYTES, CVVR_HEADER_BYTES + compressedBytes)
      .header(RecordType.CVVR)
      // rfuA 0.
      .i32(0)
      .i64(compressedBytes).bytes
  );
}

/** CPR for one compression algorithm with one parameter (IFD 3.9, CPR). */
export function cprRecord(compressionType: number, parameter: number): Uint8Array {
  return (
    new RecordBytes(CPR_BYTES)
      .header(RecordType.CPR)
      .i32(compressionType)
      // rfuA 0, pCount 1.
      .i32(0)
      .i32(1)
      .i32(parameter).bytes
  );
}
