import {
  RecordType,
  SparseRecords,
  VDR_FLAG_COMPRESSION,
  VDR_FLAG_PAD_VALUE,
  VDR_FLAG_RECORD_VARIANCE,
} from "./constants.js";
import { type CdfDataTypeInfo, cdfDataType, isStringType } from "./data-types.js";
import { CDF_MAX_DIMS, readDimSizes } from "./header.js";
import { readRecordChain } from "./record-chain.js";
import {
  type CdfLayout,
  formatError,
  nameFieldBytes,
  readOffsetField,
  readRecord,
} from "./record-io.js";

export type CdfSparseMode = "none" | "pad" | "previous";

/**
 * Longest string value accepted (characters): the 64 MiB the reader allows for output no stored
 * byte backs. A larger NumElems is corruption, and its default pad (NumElems spaces) would
 * exhaust memory or exceed the longest JS string.
 */
const MAX_STRING_ELEMENTS = 64 * 1024 * 1024;

/** One variable as its VDR describes it (CDF IFD 3.9, section 2.6). */
export interface VariableDescriptor {
  readonly name: string;
  readonly kind: "r" | "z";
  readonly number: number;
  readonly type: CdfDataTypeInfo;
  /** Characters per value for CHAR/UCHAR, 1 otherwise. */
  readonly numElements: number;
  readonly dims: readonly number[];
  readonly dimVarys: readonly boolean[];
  readonly recordVarying: boolean;
  /** Highest record number written, -1 when none. */
  readonly maxRecord: number;
  readonly vxrHead: number;
  readonly sparse: CdfSparseMode;
  /** Offset of the CPR when the variable is compressed. */
  readonly cprOffset: number | undefined;
  readonly blockingFactor: number;
  /** Stored bytes of one pad value (file byte order), when the VDR defines one. */
  readonly padBytes: Uint8Array | undefined;
  readonly offset: number;
  readonly next: number;
}

function sparseMode(code: number): CdfSparseMode | undefined {
  if (code === SparseRecords.NONE) return "none";
  if (code === SparseRecords.PAD) return "pad";
  if (code === SparseRecords.PREVIOUS) return "previous";
  return undefined;
}

/** Reads an rVDR (rVariables share the GDR's dimensions) or a zVDR at `offset`. */
export function readVdr(
  layout: CdfLayout,
  offset: number,
  rDimSizes: readonly number[],
): VariableDescriptor {
  const { reader, header } = readRecord(
    layout,
    offset,
    [RecordType.rVDR, RecordType.zVDR],
    "a Variable Descriptor Record (VDR)",
  );
  const kind = header.type === RecordType.zVDR ? "z" : "r";
  const next = readOffsetField(reader, layout, "the VDR's VDRnext");
  const typeAt = reader.position;
  const typeCode = reader.i32("the VDR's DataType");
  const type = cdfDataType(typeCode) ?? reader.fail("a CDF data type code", `${typeCode}`, typeAt);
  const maxAt = reader.position;
  const maxRecord = reader.i32("the VDR's MaxRec");
  if (maxRecord < -1) reader.fail("MaxRec of -1 or more", `${maxRecord}`, maxAt);
  const vxrHead = readOffsetField(reader, layout, "the VDR's VXRhead");
  readOffsetField(reader, layout, "the VDR's VXRtail");
  const flags = reader.i32("the VDR's Flags");
  const sparseAt = reader.position;
  const sparseCode = reader.i32("the VDR's SRecords");
  const sparse =
    sparseMode(sparseCode) ?? reader.fail("SRecords 0, 1 or 2", `${sparseCode}`, sparseAt);
  // rfuB, rfuC, rfuF; files before CDF 2.5 reserve 128 more bytes here (as cdflib reads them).
  reader.skip(12 + (layout.pre25 ? 128 : 0), "the VDR's reserved fields");
  const elementsAt = reader.position;
  const numElements = reader.i32("the VDR's NumElems");
  if (
    numElements < 1 ||
    (!isStringType(type) && numElements !== 1) ||
    numElements > MAX_STRING_ELEMENTS
  ) {
    reader.fail(
      isStringType(type)
        ? `NumElems of 1 to ${MAX_STRING_ELEMENTS}`
        : "NumElems 1 for a numeric type",
      `${numElements}`,
      elementsAt,
    );
  }
  const number = reader.i32("the VDR's Num");
  const cprOffset = readOffsetField(reader, layout, "the VDR's CPRorSPRoffset");
  const blockingFactor = reader.i32("the VDR's BlockingFactor");
  const name = reader.latin1(nameFieldBytes(layout), "the VDR's Name");
  let dims = rDimSizes;
  if (kind === "z") {
    const dimsAt = reader.position;
    const zNumDims = reader.i32("the zVDR's zNumDims");
    if (zNumDims < 0 || zNumDims > CDF_MAX_DIMS)
      reader.fail(`zNumDims between 0 and ${CDF_MAX_DIMS}`, `${zNumDims}`, dimsAt);
    dims = readDimSizes(reader, zNumDims, "the zVDR's zDimSizes");
  }
  const dimVarys: boolean[] = [];
  for (let i = 0; i < dims.length; i++) dimVarys.push(reader.i32("the VDR's DimVarys") !== 0);
  let padBytes: Uint8Array | undefined;
  if ((flags & VDR_FLAG_PAD_VALUE) !== 0) {
    padBytes = reader.bytesView(type.elementBytes * numElements, "the VDR's PadValue");
  }
  const compressed = (flags & VDR_FLAG_COMPRESSION) !== 0;
  if (compressed && cprOffset <= 0) {
    throw formatError(
      layout,
      offset,
      `a CPR offset for compressed variable ${name}`,
      `${cprOffset}`,
    );
  }
  return {
    name,
    kind,
    number,
    type,
    numElements,
    dims,
    dimVarys,
    recordVarying: (flags & VDR_FLAG_RECORD_VARIANCE) !== 0,
    maxRecord,
    vxrHead,
    sparse,
    cprOffset: compressed ? cprOffset : undefined,
    blockingFactor,
    padBytes,
    offset,
    next,
  };
}

/**
 * Walks a VDR chain from `head`, expecting exactly `count` descriptors; a chain that loops,
 * ends early or runs long is a FormatError.
 */
export function readVdrChain(
  layout: CdfLayout,
  head: number,
  count: number,
  rDimSizes: readonly number[],
  kind: "r" | "z",
): VariableDescriptor[] {
  return readRecordChain(layout, head, count, `${kind}VDRs`, (offset) => {
    const vdr = readVdr(layout, offset, rDimSizes);
    return { item: vdr, next: vdr.next };
  });
}
