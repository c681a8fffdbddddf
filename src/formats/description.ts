import type { AnyNDArray } from "../core/ndarray.js";

/** The file formats `inspect` recognises. */
export type FileFormat = "cdf" | "idl-save" | "pgm" | "hdf5" | "png";

/** Attribute values as they appear in `inspect --json`: JSON-safe, bigint rendered as string. */
export type AttributeValue =
  | string
  | number
  | boolean
  | null
  | readonly AttributeValue[]
  | { readonly [key: string]: AttributeValue };

/** One decoded array of a file, addressed by a format-specific path (see `inspect`). */
export interface DescribedArray {
  readonly path: string;
  readonly array: AnyNDArray;
  /** Per-array attributes (CDF variable attributes, HDF5 dataset attributes, ...). */
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  /** Further format-specific facts (CDF type code, compression, PGM frame metadata, ...). */
  readonly details?: Readonly<Record<string, AttributeValue>>;
}

/** Everything `inspect` reports about one file, before summarising the arrays. */
export interface FileDescription {
  readonly format: FileFormat;
  readonly arrays: readonly DescribedArray[];
  /** File-level attributes (CDF global attributes, HDF5 root/metadata attributes, ...). */
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}
