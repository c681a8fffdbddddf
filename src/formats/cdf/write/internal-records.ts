/**
 * Byte images of CDF internal records in the V3 layout (CDF Internal Format Description 3.9) or
 * the V2.7 layout (IFD 2.7): the same fields, with 4-byte instead of 8-byte offsets and sizes
 * and 64-byte Name fields. Only attribute values and pad values (passed in here already
 * encoded) follow the file's data encoding.
 */
import { CDR_FLAG_ROW_MAJOR, RecordType } from "../constants.js";
import type { CdfFormat } from "./record-bytes.js";
import {
  COPYRIGHT_FIELD_BYTES,
  nameFieldBytes,
  offsetBytes,
  RecordBytes,
  recordHeaderBytes,
} from "./record-bytes.js";

/**
 * Bytes of a record with `offsets` offset/size fields (RecordSize included) and `ints` 4-byte
 * fields (RecordType included).
 */
function fixedBytes(format: CdfFormat, offsets: number, ints: number): number {
  return offsets * offsetBytes(format) + 4 * ints;
}

/** Text stored in the CDR copyright field; readers ignore it. */
const COPYRIGHT_TEXT = "\nCommon Data Format (CDF)\nwritten by aurorakit\n";

export interface CdrFields {
  gdrOffset: number;
  encoding: number;
  rowMajor: boolean;
}

/** Library version written in the CDR: 3.9.0 for V3 files, 2.7.2 for V2 ones (IFD, CDR). */
const V3_VERSION = [3, 9, 0] as const;
const V2_VERSION = [2, 7, 2] as const;
/** CDR flags bit 1: the whole CDF is in this one file (IFD 3.9, CDR). */
const CDR_FLAG_SINGLE_FILE = 0x2;

/** Bytes of the CDR (IFD, CDR): RecordSize, GDRoffset, 10 integers, Copyright. */
export function cdrBytes(format: CdfFormat): number {
  return fixedBytes(format, 2, 10) + COPYRIGHT_FIELD_BYTES;
}

export function cdrRecord(format: CdfFormat, fields: CdrFields): Uint8Array {
  const [version, release, increment] = format.v3 ? V3_VERSION : V2_VERSION;
  return (
    new RecordBytes(format, cdrBytes(format))
      .header(RecordType.CDR)
      .offset(fields.gdrOffset)
      .i32(version)
      .i32(release)
      .i32(fields.encoding)
      .i32((fields.rowMajor ? CDR_FLAG_ROW_MAJOR : 0) | CDR_FLAG_SINGLE_FILE)
      // rfuA, rfuB: 0 (IFD 3.9, CDR).
      .i32(0)
      .i32(0)
      .i32(increment)
      // Identifier (rfuD in V2) and rfuE: -1 (IFD, CDR).
      .i32(-1)
      .i32(-1)
      .text(COPYRIGHT_TEXT, COPYRIGHT_FIELD_BYTES).bytes
  );
}

export interface GdrFields {
  rVdrHead: number;
  zVdrHead: number;
  adrHead: number;
  eofOffset: number;
  attributeCount: number;
  rVariableCount: number;
  /** Highest record number of any rVariable, -1 when none. */
  rMaxRec: number;
  rDims: readonly number[];
  zVariableCount: number;
  /** YYYYMMDD of the last leap second in the writer's table (V3 only; V2 has rfuD there). */
  leapSecondLastUpdated: number;
}

/** Bytes of the GDR (IFD, GDR): 6 offsets, 9 integers, then one rDimSize per rDimension. */
export function gdrBytes(format: CdfFormat, rNumDims: number): number {
  return fixedBytes(format, 6, 9) + 4 * rNumDims;
}

export function gdrRecord(format: CdfFormat, fields: GdrFields): Uint8Array {
  const r = new RecordBytes(format, gdrBytes(format, fields.rDims.length))
    .header(RecordType.GDR)
    .offset(fields.rVdrHead)
    .offset(fields.zVdrHead)
    .offset(fields.adrHead)
    .offset(fields.eofOffset)
    .i32(fields.rVariableCount)
    .i32(fields.attributeCount)
    .i32(fields.rMaxRec)
    .i32(fields.rDims.length)
    .i32(fields.zVariableCount)
    // UIRhead: no unused records.
    .offset(0)
    // rfuC 0.
    .i32(0)
    // LeapSecondLastUpdated in V3; rfuD -1 in V2 (IFD 2.7, GDR).
    .i32(format.v3 ? fields.leapSecondLastUpdated : -1)
    // rfuE -1.
    .i32(-1);
  for (const d of fields.rDims) r.i32(d);
  return r.bytes;
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

export function adrRecord(format: CdfFormat, f: AdrFields): Uint8Array {
  return (
    new RecordBytes(format, fixedBytes(format, 4, 9) + nameFieldBytes(format))
      .header(RecordType.ADR)
      .offset(f.next)
      .offset(f.agrEdrHead)
      .i32(f.scope)
      .i32(f.num)
      .i32(f.grEntryCount)
      .i32(f.maxGrEntry)
      // rfuA 0.
      .i32(0)
      .offset(f.azEdrHead)
      .i32(f.zEntryCount)
      .i32(f.maxZEntry)
      // rfuE -1.
      .i32(-1)
      .text(f.name, nameFieldBytes(format)).bytes
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
  /** Strings in a character entry (IFD 3.9, AEDR; rfuA = 0 in V2); 0 for numeric entries. */
  numStrings: number;
  /** Value bytes, already in the file's data encoding. */
  value: Uint8Array;
}

/** Bytes of an AEDR before its value (IFD, AEDR): 2 offsets and 10 integers. */
export function aedrHeaderBytes(format: CdfFormat): number {
  return fixedBytes(format, 2, 10);
}

export function aedrRecord(format: CdfFormat, f: AedrFields): Uint8Array {
  return (
    new RecordBytes(format, aedrHeaderBytes(format) + f.value.length)
      .header(f.recordType)
      .offset(f.next)
      .i32(f.attributeNum)
      .i32(f.dataType)
      .i32(f.entryNum)
      .i32(f.numElems)
      .i32(format.v3 ? f.numStrings : 0)
      // rfB, rfC 0; rfD, rfE -1 (IFD 3.9, AEDR).
      .i32(0)
      .i32(0)
      .i32(-1)
      .i32(-1)
      .raw(f.value).bytes
  );
}

export interface VdrFields {
  /** rVDRs leave out zNumDims and zDimSizes; their dimensions are the GDR's (IFD 3.9, VDR). */
  kind: "r" | "z";
  next: number;
  dataType: number;
  maxRec: number;
  vxrHead: number;
  vxrTail: number;
  flags: number;
  /** SRecords: 0 none, 1 pad, 2 previous (IFD 3.9, VDR). */
  sparseRecords: number;
  numElems: number;
  num: number;
  cprOffset: number;
  blockingFactor: number;
  name: string;
  dims: readonly number[];
  dimVarys: readonly boolean[];
  /** Encoded pad value (numElems elements), or undefined. */
  padValue: Uint8Array | undefined;
}

export function vdrRecord(format: CdfFormat, f: VdrFields): Uint8Array {
  const z = f.kind === "z";
  const dimBytes = z ? 4 + 8 * f.dims.length : 4 * f.dims.length;
  // 5 offsets (size, next, VXRhead, VXRtail, CPRorSPRoffset), 11 integers, the Name (IFD, VDR).
  const fixed = fixedBytes(format, 5, 11) + nameFieldBytes(format);
  const r = new RecordBytes(format, fixed + dimBytes + (f.padValue?.length ?? 0))
    .header(z ? RecordType.zVDR : RecordType.rVDR)
    .offset(f.next)
    .i32(f.dataType)
    .i32(f.maxRec)
    .offset(f.vxrHead)
    .offset(f.vxrTail)
    .i32(f.flags)
    .i32(f.sparseRecords)
    // rfuB 0, rfuC -1, rfuF -1 (IFD 3.9, VDR).
    .i32(0)
    .i32(-1)
    .i32(-1)
    .i32(f.numElems)
    .i32(f.num)
    // CPRorSPRoffset: -1 when the variable is not compressed.
    .offset(f.cprOffset)
    .i32(f.blockingFactor)
    .text(f.name, nameFieldBytes(format));
  if (z) {
    r.i32(f.dims.length);
    for (const d of f.dims) r.i32(d);
  }
  // DimVarys: -1 (VARY) or 0 (NOVARY) per dimension (IFD 3.9, VDR).
  for (const varys of f.dimVarys) r.i32(varys ? -1 : 0);
  if (f.padValue !== undefined) r.raw(f.padValue);
  return r.bytes;
}

export interface VxrEntry {
  firstRecord: number;
  lastRecord: number;
  /** Offset of a VVR, a CVVR or a lower-level VXR. */
  offset: number;
}

/** VXR (IFD, VXR): VXRnext, Nentries, NusedEntries, then First[], Last[] and Offset[]. */
export function vxrRecord(
  format: CdfFormat,
  next: number,
  entries: readonly VxrEntry[],
): Uint8Array {
  const n = entries.length;
  const r = new RecordBytes(format, fixedBytes(format, 2 + n, 3 + 2 * n))
    .header(RecordType.VXR)
    .offset(next)
    .i32(n)
    .i32(n);
  for (const e of entries) r.i32(e.firstRecord);
  for (const e of entries) r.i32(e.lastRecord);
  for (const e of entries) r.offset(e.offset);
  return r.bytes;
}

/** The header of a VVR whose `dataBytes` of values follow it (IFD, VVR). */
export function vvrHeader(format: CdfFormat, dataBytes: number): Uint8Array {
  const size = recordHeaderBytes(format);
  return new RecordBytes(format, size, size + dataBytes).header(RecordType.VVR).bytes;
}

/** The header of a CVVR whose `compressedBytes` follow it: rfuA, cSize (IFD, CVVR). */
export function cvvrHeader(format: CdfFormat, compressedBytes: number): Uint8Array {
  const size = fixedBytes(format, 2, 2);
  return (
    new RecordBytes(format, size, size + compressedBytes)
      .header(RecordType.CVVR)
      // rfuA 0.
      .i32(0)
      .offset(compressedBytes).bytes
  );
}

/** Bytes of a CCR before its compressed data: CPRoffset, uSize, rfuA (IFD, CCR). */
export function ccrHeaderBytes(format: CdfFormat): number {
  return fixedBytes(format, 3, 2);
}

/** The header of a CCR whose `compressedBytes` follow it (IFD, CCR). */
export function ccrHeader(
  format: CdfFormat,
  compressedBytes: number,
  cprOffset: number,
  uncompressedBytes: number,
): Uint8Array {
  const size = ccrHeaderBytes(format);
  return (
    new RecordBytes(format, size, size + compressedBytes)
      .header(RecordType.CCR)
      .offset(cprOffset)
      // uSize: the uncompressed file without its 8 magic bytes.
      .offset(uncompressedBytes)
      // rfuA 0.
      .i32(0).bytes
  );
}

/** CPR for one compression algorithm with one parameter (IFD, CPR). */
export function cprRecord(
  format: CdfFormat,
  compressionType: number,
  parameter: number,
): Uint8Array {
  return (
    new RecordBytes(format, fixedBytes(format, 1, 5))
      .header(RecordType.CPR)
      .i32(compressionType)
      // rfuA 0, pCount 1.
      .i32(0)
      .i32(1)
      .i32(parameter).bytes
  );
}
