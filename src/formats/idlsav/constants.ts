/**
 * Numeric codes of the IDL SAVE file format. IDL's format is not officially documented; the
 * source is C. Markwardt, "Unofficial Format Specification of the IDL SAVE File" (2011-12-21,
 * https://pages.physics.wisc.edu/~craigm/idl/savefmt/), cited below as "Markwardt" with the
 * page node, and the behaviour of scipy.io.readsav (the oracle of our fixtures) where Markwardt
 * is silent (compressed files, 64-bit array descriptors).
 */

export const IDL_SAVE_FORMAT = "IDL save";

/** First two bytes of every save file: BYTE(['S','R']) (Markwardt node9, SAVEFMT). */
export const SIGNATURE = [0x53, 0x52] as const;
/** RECFMT of an uncompressed file: ['00'xb, '04'xb] (Markwardt node9, SAVEFMT). */
export const RECFMT_PLAIN = [0x00, 0x04] as const;
/** RECFMT of a SAVE, /COMPRESS file: ['00'xb, '06'xb] (scipy.io.readsav, RECFMT check). */
export const RECFMT_COMPRESSED = [0x00, 0x06] as const;
/** Bytes before the first record: SIGNATURE + RECFMT (Markwardt node9). */
export const PREAMBLE_BYTES = 4;

/** Record type codes (Markwardt node11, "Record Types"; 20 from scipy.io.readsav). */
export const RecordType = {
  START_MARKER: 0,
  COMMON_VARIABLE: 1,
  VARIABLE: 2,
  SYSTEM_VARIABLE: 3,
  END_MARKER: 6,
  TIMESTAMP: 10,
  COMPILED: 12,
  IDENTIFICATION: 13,
  VERSION: 14,
  HEAP_HEADER: 15,
  HEAP_DATA: 16,
  PROMOTE64: 17,
  NOTICE: 19,
  DESCRIPTION: 20,
} as const;

/**
 * Record header before PROMOTE64: LONG RECTYPE, ULONG NEXTREC0 (low 32 bits), ULONG NEXTREC1
 * (high 32 bits), LONG unknown (Markwardt node10, RHDR).
 */
export const HEADER_BYTES_32 = 16;
/**
 * Record header after a PROMOTE64 record (IDL 5.4): LONG RECTYPE, ULONG64 NEXTREC, LONG x 2
 * unknown (Markwardt node10, second table). The PROMOTE64 record itself still uses the 32-bit
 * header: "If it sees the 64-bit offset command, it switches to 64-bit offsets for any
 * commands following that one" (IDL 5.5 release notes, "Changes to IDL 5.4 SAVE Files").
 */
export const HEADER_BYTES_64 = 20;

/** TIMESTAMP body starts with LONARR(256) of unknown meaning (Markwardt node14, TIMESTAMP). */
export const TIMESTAMP_PADDING_BYTES = 4 * 256;

/** LONG that precedes variable data: VARSTART = 7 (Markwardt node15, VARIABLE). */
export const VARSTART = 7;
/** ARRAY_DESC with LONG fields: ARRSTART = 8 (Markwardt node20, ARRAY_DESC). */
export const ARRSTART_32 = 8;
/** ARRAY_DESC with ULONG64 sizes and dimensions: ARRSTART = 18 (scipy.io.readsav). */
export const ARRSTART_64 = 18;
/** STRUCT_DESC starts with STRUCTSTART = 9 (Markwardt, "Structures", STRUCT_DESC). */
export const STRUCTSTART = 9;
/** IDL arrays have at most 8 dimensions (Markwardt node20: "always contain NMAX (=8)"). */
export const MAX_DIMS = 8;
/** A TAG_DESC whose LONG offset is -1 is followed by a ULONG64 offset (scipy.io.readsav). */
export const TAG_OFFSET_64_MARKER = -1;

/** VARFLAGS / TAGFLAGS bits (Markwardt node20, TYPEDESC_ARRAY). */
export const VarFlag = {
  SYSTEM: 0x02,
  ARRAY: 0x04,
  STRUCTURE: 0x20,
} as const;

/** STRUCT_DESC PREDEF bits: 1 predefined, 2 inherits, 4 is a superclass (scipy.io.readsav). */
export const StructFlag = {
  PREDEF: 0x01,
  INHERITS: 0x02,
  IS_SUPER: 0x04,
} as const;

/** IDL type codes as returned by SIZE() (Markwardt node19, "Simple Scalar Quantities"). */
export const TypeCode = {
  UNDEFINED: 0,
  BYTE: 1,
  INT: 2,
  LONG: 3,
  FLOAT: 4,
  DOUBLE: 5,
  COMPLEX: 6,
  STRING: 7,
  STRUCT: 8,
  DCOMPLEX: 9,
  POINTER: 10,
  OBJREF: 11,
  UINT: 12,
  ULONG: 13,
  LONG64: 14,
  ULONG64: 15,
} as const;
