/**
 * Numeric codes of the NASA CDF file format, shared by the reader and the writer.
 * Source: CDF Internal Format Description, version 3.9 (NASA GSFC SPDF), sections 2 and 4.
 */

/** First 4 bytes of every CDF file, by format generation (CDF IFD 3.9, section 2.2). */
export const CDF_MAGIC_V3 = 0xcdf30001;
export const CDF_MAGIC_V26 = 0xcdf26002;
/** Files written before CDF 2.6 start with this word instead. */
export const CDF_MAGIC_PRE_V26 = 0x0000ffff;
/** Second magic word: 0x0000FFFF for an uncompressed file, 0xCCCC0001 for a CCR-compressed one. */
export const CDF_MAGIC2_UNCOMPRESSED = 0x0000ffff;
export const CDF_MAGIC2_COMPRESSED = 0xcccc0001;

/** Internal record types (CDF IFD 3.9, section 2.1). */
export const RecordType = {
  CDR: 1,
  GDR: 2,
  rVDR: 3,
  ADR: 4,
  AgrEDR: 5,
  VXR: 6,
  VVR: 7,
  zVDR: 8,
  AzEDR: 9,
  CCR: 10,
  CPR: 11,
  SPR: 12,
  CVVR: 13,
  UIR: -1,
} as const;
export type RecordType = (typeof RecordType)[keyof typeof RecordType];

/** Data type codes (CDF User's Guide 3.9, section 2.5; IFD 3.9, section 2.6). */
export const CdfDataType = {
  CDF_INT1: 1,
  CDF_INT2: 2,
  CDF_INT4: 4,
  CDF_INT8: 8,
  CDF_UINT1: 11,
  CDF_UINT2: 12,
  CDF_UINT4: 14,
  CDF_REAL4: 21,
  CDF_REAL8: 22,
  CDF_EPOCH: 31,
  CDF_EPOCH16: 32,
  CDF_TIME_TT2000: 33,
  CDF_BYTE: 41,
  CDF_FLOAT: 44,
  CDF_DOUBLE: 45,
  CDF_CHAR: 51,
  CDF_UCHAR: 52,
} as const;
export type CdfDataType = (typeof CdfDataType)[keyof typeof CdfDataType];

/** Compression algorithm codes in CPR records (CDF IFD 3.9, section 2.13). */
export const CdfCompression = {
  NONE: 0,
  RLE: 1,
  HUFF: 2,
  AHUFF: 3,
  GZIP: 5,
} as const;
export type CdfCompression = (typeof CdfCompression)[keyof typeof CdfCompression];

/**
 * Data encodings in the CDR (CDF IFD 3.9, section 2.3). Only the byte order matters for the
 * IEEE encodings; VAX/Alpha-VMS D/G floating point encodings are not IEEE.
 */
export const CdfEncoding = {
  NETWORK: 1,
  SUN: 2,
  VAX: 3,
  DECSTATION: 4,
  SGi: 5,
  IBMPC: 6,
  IBMRS: 7,
  MAC: 9,
  HP: 11,
  NeXT: 12,
  ALPHAOSF1: 13,
  ALPHAVMSd: 14,
  ALPHAVMSg: 15,
  ALPHAVMSi: 16,
  ARM_LITTLE: 17,
  ARM_BIG: 18,
  IA64VMSi: 19,
  IA64VMSd: 20,
  IA64VMSg: 21,
} as const;

/** VDR Flags bits (CDF IFD 3.9, section 2.6 "Variable Descriptor Records"). */
export const VDR_FLAG_RECORD_VARIANCE = 0x1;
export const VDR_FLAG_PAD_VALUE = 0x2;
export const VDR_FLAG_COMPRESSION = 0x4;

/** VDR SRecords: how unwritten records read back (CDF IFD 3.9, section 2.6). */
export const SparseRecords = {
  NONE: 0,
  PAD: 1,
  PREVIOUS: 2,
} as const;

/** ADR Scope codes (CDF IFD 3.9, section 2.5); "assumed" scopes come from pre-2.0 files. */
export const AttributeScope = {
  GLOBAL: 1,
  VARIABLE: 2,
  GLOBAL_ASSUMED: 3,
  VARIABLE_ASSUMED: 4,
} as const;

/** CDR Flags bit 0: set for row-major variables (CDF IFD 3.9, section 2.3). */
export const CDR_FLAG_ROW_MAJOR = 0x1;
