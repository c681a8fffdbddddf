import { ByteReader } from "../../core/byte-reader.js";
import type { ByteSource } from "../../core/byte-source.js";
import {
  CDF_MAGIC_PRE_V26,
  CDF_MAGIC_V3,
  CDF_MAGIC_V26,
  CDF_MAGIC2_COMPRESSED,
  CDF_MAGIC2_UNCOMPRESSED,
  CDR_FLAG_ROW_MAJOR,
  RecordType,
} from "./constants.js";
import {
  CDF_FORMAT,
  type CdfLayout,
  formatError,
  readOffsetField,
  readRecord,
} from "./record-io.js";

/** CDF_MAX_DIMS: the most dimensions a variable may have (CDF User's Guide 3.9, section 2.3.9). */
export const CDF_MAX_DIMS = 10;

export interface Magic {
  readonly v3: boolean;
  readonly compressed: boolean;
  readonly magic1: number;
}

/** Reads the two magic words (CDF IFD 3.9, section 2.2 "Magic numbers"). */
export function readMagic(source: ByteSource): Magic {
  if (source.byteLength < 8) {
    throw formatError(
      { source, v3: true, pre25: false },
      0,
      "the 8 magic bytes of a CDF",
      `${source.byteLength} bytes`,
    );
  }
  const reader = new ByteReader(source.read(0, 8), CDF_FORMAT, source.name);
  const magic1 = reader.u32("the first magic number");
  const magic2 = reader.u32("the second magic number");
  if (magic1 !== CDF_MAGIC_V3 && magic1 !== CDF_MAGIC_V26 && magic1 !== CDF_MAGIC_PRE_V26) {
    reader.fail(
      "a CDF magic number 0xCDF30001, 0xCDF26002 or 0x0000FFFF",
      `0x${magic1.toString(16)}`,
      0,
    );
  }
  if (magic2 !== CDF_MAGIC2_UNCOMPRESSED && magic2 !== CDF_MAGIC2_COMPRESSED) {
    reader.fail("a second magic number 0x0000FFFF or 0xCCCC0001", `0x${magic2.toString(16)}`, 4);
  }
  return { v3: magic1 === CDF_MAGIC_V3, compressed: magic2 === CDF_MAGIC2_COMPRESSED, magic1 };
}

export interface Cdr {
  readonly gdrOffset: number;
  readonly version: number;
  readonly release: number;
  readonly increment: number;
  readonly encoding: number;
  readonly rowMajor: boolean;
}

/** CDF Descriptor Record, always right after the magic numbers (CDF IFD 3.9, section 2.3). */
export function readCdr(layout: CdfLayout): Cdr {
  const { reader } = readRecord(layout, 8, [RecordType.CDR], "the CDF Descriptor Record (CDR)");
  const gdrOffset = readOffsetField(reader, layout, "the CDR's GDRoffset");
  const version = reader.i32("the CDR's Version");
  const release = reader.i32("the CDR's Release");
  const encoding = reader.i32("the CDR's Encoding");
  const flags = reader.i32("the CDR's Flags");
  reader.skip(8, "the CDR's rfuA and rfuB");
  const increment = reader.i32("the CDR's Increment");
  return {
    gdrOffset,
    version,
    release,
    increment,
    encoding,
    rowMajor: (flags & CDR_FLAG_ROW_MAJOR) !== 0,
  };
}

export interface Gdr {
  readonly rVdrHead: number;
  readonly zVdrHead: number;
  readonly adrHead: number;
  readonly rVariableCount: number;
  readonly attributeCount: number;
  readonly rMaxRecord: number;
  readonly rDimSizes: readonly number[];
  readonly zVariableCount: number;
  /** YYYYMMDD of the last leap second the writer knew (V3 only; 0 or -1 when unset). */
  readonly leapSecondLastUpdated: number | undefined;
}

/** Global Descriptor Record (CDF IFD 3.9, section 2.4). */
export function readGdr(layout: CdfLayout, offset: number): Gdr {
  const { reader } = readRecord(
    layout,
    offset,
    [RecordType.GDR],
    "the Global Descriptor Record (GDR)",
  );
  const rVdrHead = readOffsetField(reader, layout, "the GDR's rVDRhead");
  const zVdrHead = readOffsetField(reader, layout, "the GDR's zVDRhead");
  const adrHead = readOffsetField(reader, layout, "the GDR's ADRhead");
  readOffsetField(reader, layout, "the GDR's eof");
  const counts = (what: string): number => {
    const at = reader.position;
    const n = reader.i32(what);
    // Every variable or attribute needs a descriptor record of at least 64 bytes.
    if (n < 0 || n * 64 > layout.source.byteLength)
      reader.fail(`${what} the file can hold`, `${n}`, at);
    return n;
  };
  const rVariableCount = counts("the GDR's NrVars");
  const attributeCount = counts("the GDR's NumAttr");
  const rMaxRecord = reader.i32("the GDR's rMaxRec");
  const dimsAt = reader.position;
  const rNumDims = reader.i32("the GDR's rNumDims");
  if (rNumDims < 0 || rNumDims > CDF_MAX_DIMS) {
    reader.fail(`rNumDims between 0 and ${CDF_MAX_DIMS}`, `${rNumDims}`, dimsAt);
  }
  const zVariableCount = counts("the GDR's NzVars");
  readOffsetField(reader, layout, "the GDR's UIRhead");
  reader.skip(4, "the GDR's rfuC");
  const leap = reader.i32("the GDR's LeapSecondLastUpdated");
  reader.skip(4, "the GDR's rfuE");
  const rDimSizes = readDimSizes(reader, rNumDims, "the GDR's rDimSizes");
  return {
    rVdrHead,
    zVdrHead,
    adrHead,
    rVariableCount,
    attributeCount,
    rMaxRecord,
    rDimSizes,
    zVariableCount,
    leapSecondLastUpdated: layout.v3 ? leap : undefined,
  };
}

/** Reads `count` dimension sizes, each at least 1. */
export function readDimSizes(reader: ByteReader, count: number, what: string): number[] {
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = reader.position;
    const size = reader.i32(what);
    if (size < 1) reader.fail(`${what}: sizes of at least 1`, `${size}`, at);
    sizes.push(size);
  }
  return sizes;
}
