/** The CdfWriter's options, checked and resolved to the values the writer works with. */
import { InvalidArgumentError } from "../../../core/errors.js";
import type { CdfCompressionSpec, ResolvedCompression } from "./compression.js";
import { resolveCompression } from "./compression.js";
import type { CdfFormat } from "./record-bytes.js";
import { FORMAT_V2, FORMAT_V3 } from "./record-bytes.js";
import { checkDims } from "./variable-checks.js";
import type { VxrLayout } from "./vxr-tree.js";
import { DEFAULT_VXR_ENTRIES } from "./vxr-tree.js";

export type CdfEncodingName = "ibmpc" | "network";

export interface CdfWriterOptions {
  /**
   * File layout: 3 (default; CDF 3.9) or 2 (CDF 2.7: 4-byte offsets, 64-character names, files
   * below 2 GiB, no INT8, TIME_TT2000 or EPOCH16), for readers of older files.
   */
  version?: 3 | 2;
  /** Byte order of the data: "ibmpc" (little-endian, default) or "network" (big-endian). */
  encoding?: CdfEncodingName;
  /**
   * Storage order of the values within each record: "row" (default; last dimension fastest) or
   * "column" (first dimension fastest). Callers always pass row-major values.
   */
  majority?: "row" | "column";
  /** Compresses the whole file (CCR) with this method; default "none". */
  fileCompression?: CdfCompressionSpec;
  /** Dimension sizes shared by all rVariables (GDR rDimSizes); default [] (scalars). */
  rDims?: readonly number[];
  /**
   * How each variable's VXRs are arranged: "tree" (default; one top VXR over sub-VXRs) or
   * "chain" (VXRs linked by VXRnext, as the CDF library grows them).
   */
  vxrLayout?: VxrLayout;
  /** Entries per VXR (default 16). */
  vxrEntries?: number;
  /**
   * GDR LeapSecondLastUpdated, YYYYMMDD (V3 only). Default 20170101: the last leap second so far
   * was inserted at the end of 2016-12-31 (IERS Bulletin C 52).
   */
  leapSecondLastUpdated?: number;
}

export interface ResolvedWriterOptions {
  readonly format: CdfFormat;
  readonly encoding: CdfEncodingName;
  readonly littleEndian: boolean;
  readonly majority: "row" | "column";
  readonly fileCompression: ResolvedCompression | undefined;
  readonly rDims: readonly number[];
  readonly vxrLayout: VxrLayout;
  readonly vxrEntries: number;
  readonly leapSecondLastUpdated: number;
}

const DEFAULT_LEAP_SECOND_LAST_UPDATED = 20170101;

function oneOf<T extends string | number>(
  value: T | undefined,
  allowed: readonly T[],
  argument: string,
): T {
  const chosen = value ?? allowed[0]!;
  if (!allowed.includes(chosen)) {
    throw new InvalidArgumentError(
      argument,
      `${String(value)} is not one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`,
    );
  }
  return chosen;
}

/** Checks every option; the first of each list of allowed values is its default. */
export function resolveWriterOptions(options: CdfWriterOptions): ResolvedWriterOptions {
  const version = oneOf(options.version, [3, 2] as const, "version");
  const encoding = oneOf(options.encoding, ["ibmpc", "network"] as const, "encoding");
  const vxrEntries = options.vxrEntries ?? DEFAULT_VXR_ENTRIES;
  // A tree needs at least 2 entries per VXR to shrink towards one top VXR; the upper bound
  // keeps one VXR (12 or 16 bytes per entry) small.
  if (!Number.isSafeInteger(vxrEntries) || vxrEntries < 2 || vxrEntries > 0xffff) {
    throw new InvalidArgumentError("vxrEntries", `${vxrEntries} is not an integer in 2..65535`);
  }
  const leapSecondLastUpdated = options.leapSecondLastUpdated ?? DEFAULT_LEAP_SECOND_LAST_UPDATED;
  if (!Number.isInteger(leapSecondLastUpdated) || leapSecondLastUpdated < 0) {
    throw new InvalidArgumentError("leapSecondLastUpdated", "must be a YYYYMMDD integer");
  }
  return {
    format: version === 3 ? FORMAT_V3 : FORMAT_V2,
    encoding,
    littleEndian: encoding === "ibmpc",
    majority: oneOf(options.majority, ["row", "column"] as const, "majority"),
    fileCompression: resolveCompression(options.fileCompression ?? "none", "fileCompression"),
    rDims: checkDims(options.rDims ?? [], "rDims"),
    vxrLayout: oneOf(options.vxrLayout, ["tree", "chain"] as const, "vxrLayout"),
    vxrEntries,
    leapSecondLastUpdated,
  };
}
