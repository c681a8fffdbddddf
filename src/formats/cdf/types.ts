import type { DType } from "../../core/dtype.js";
import type { AnyNDArray } from "../../core/ndarray.js";
import type { CdfAttributeEntry, CdfTypeRef } from "./attributes.js";
import type { CdfCompressionInfo } from "./decompress.js";
import type { CdfSparseMode } from "./vdr.js";

/** A variable's pad value in host form: EPOCH16 pads are (seconds, picoseconds) pairs. */
export type CdfPadValue = number | bigint | string | readonly [number, number];

export interface CdfVariableInfo {
  readonly name: string;
  readonly kind: "r" | "z";
  readonly number: number;
  readonly dataType: CdfTypeRef;
  /** numpy-named element type of the arrays `readVariable` returns. */
  readonly dtype: DType;
  /** Characters per value for CDF_CHAR/UCHAR, 1 otherwise. */
  readonly numElements: number;
  /** Record dimensions, in the order the file defines them (also for column-major files). */
  readonly dims: readonly number[];
  readonly dimVarys: readonly boolean[];
  readonly recordVarying: boolean;
  /** Highest record number written (MaxRec), -1 when none. */
  readonly maxRecord: number;
  /** maxRecord + 1: the records `readVariable` returns by default. */
  readonly recordCount: number;
  /** null when the variable's records are stored uncompressed. */
  readonly compression: CdfCompressionInfo | null;
  /** The VDR's pad value, or the type's default when it defines none. */
  readonly padValue: CdfPadValue;
  readonly sparseRecords: CdfSparseMode;
  readonly blockingFactor: number;
  /** This variable's entry of each variable-scope attribute that has one. */
  readonly attributes: Readonly<Record<string, CdfAttributeEntry>>;
}

export interface CdfRecordRange {
  /** First record to read (default 0). */
  readonly firstRecord?: number;
  /** Last record to read, inclusive (default maxRecord). Records past it read as virtual records. */
  readonly lastRecord?: number;
}

export interface CdfBatchOptions extends CdfRecordRange {
  /** Records per yielded batch (default: the blocking factor, or about 8 MiB of records). */
  readonly recordsPerBatch?: number;
}

export interface CdfRecordBatch {
  readonly firstRecord: number;
  /** Shape [records, ...dims] (just dims for a non-record-varying variable). */
  readonly array: AnyNDArray;
}

/** One stored run of records, as the variable's index (VXR tree) lists it. */
export interface CdfBlockInfo {
  readonly firstRecord: number;
  readonly lastRecord: number;
  /**
   * Offset of the stored bytes (for a CVVR: the compressed stream itself). For a whole-file
   * compressed CDF, offsets refer to the decompressed file image.
   */
  readonly fileOffset: number;
  /** Offset of the VVR/CVVR record holding them. */
  readonly recordOffset: number;
  readonly storedBytes: number;
  readonly compressed: boolean;
}
