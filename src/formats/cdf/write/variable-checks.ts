/** Validation of the parts of a variable declaration, with messages that say what to pass. */
import { InvalidArgumentError } from "../../../core/errors.js";
import type { CdfTypeInfo } from "./data-types.js";

export type CdfSparseRecordsName = "none" | "pad" | "previous";

/** Default uncompressed block size: bounds buffer memory and keeps blocks seekable. */
const DEFAULT_BLOCK_BYTES = 1 << 20;
/** Largest block the writer buffers; larger ones risk exhausting memory. */
export const MAX_BLOCK_BYTES = 256 << 20;

/**
 * Names fill the ADR/VDR Name field, `fieldBytes` long (256 in V3, 64 in V2: IFD, ADR and VDR),
 * and are stored as Latin-1.
 */
export function checkName(name: unknown, argument: string, fieldBytes: number): string {
  if (typeof name !== "string" || name.length === 0) {
    throw new InvalidArgumentError(argument, "must be a non-empty string");
  }
  if (name.length > fieldBytes) {
    throw new InvalidArgumentError(
      argument,
      `${JSON.stringify(name.slice(0, 40))}... has ${name.length} characters; the CDF name field holds ${fieldBytes}`,
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

export function checkDims(dims: readonly number[], argument: string): readonly number[] {
  if (!Array.isArray(dims)) throw new InvalidArgumentError(argument, "must be an array");
  for (const d of dims) {
    if (!Number.isSafeInteger(d) || d < 1 || d > 0x7fffffff) {
      throw new InvalidArgumentError(
        argument,
        `[${dims.join(", ")}] must be positive 32-bit integers`,
      );
    }
  }
  return [...dims];
}

/** One flag per dimension; default: every dimension varies. */
export function checkDimVarys(
  dimVarys: readonly boolean[] | undefined,
  dims: readonly number[],
  name: string,
): readonly boolean[] {
  if (dimVarys === undefined) return dims.map(() => true);
  if (
    !Array.isArray(dimVarys) ||
    dimVarys.length !== dims.length ||
    dimVarys.some((v) => typeof v !== "boolean")
  ) {
    throw new InvalidArgumentError(
      `${name}.dimVarys`,
      `must be ${dims.length} booleans, one per dimension of [${dims.join(", ")}]`,
    );
  }
  return [...dimVarys];
}

export function checkNumElems(
  type: CdfTypeInfo,
  numElems: number | undefined,
  name: string,
): number {
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

export function checkRecordsPerBlock(
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

export function checkSparseRecords(
  value: CdfSparseRecordsName | undefined,
  name: string,
): CdfSparseRecordsName {
  const mode = value ?? "none";
  if (mode !== "none" && mode !== "pad" && mode !== "previous") {
    throw new InvalidArgumentError(
      `${name}.sparseRecords`,
      `${String(value)} is not "none", "pad" or "previous"`,
    );
  }
  return mode;
}
