import type { Metadata } from "h5wasm/node";
import type { NumericDType } from "../../core/dtype.js";

/**
 * HDF5 datatype classes as h5wasm reports them in `Metadata.type` (the values of the C enum
 * H5T_class_t, HDF5 reference manual, H5Tpublic.h).
 */
export const H5T_CLASS = {
  integer: 0,
  float: 1,
  string: 3,
  compound: 6,
  enum: 8,
} as const;

/** How a dataset's elements are read out of the wasm heap and which numpy dtype they become. */
export type ElementType =
  | { readonly kind: "numeric"; readonly dtype: NumericDType; readonly bytesPerElement: number }
  | {
      readonly kind: "string";
      readonly dtype: "string";
      readonly bytesPerElement: number;
      readonly variableLength: boolean;
      readonly utf8: boolean;
      /** H5T_str_t (H5Tpublic.h): 0 null-terminated, 1 null-padded, 2 space-padded. */
      readonly padding: number;
    }
  | { readonly kind: "unsupported"; readonly description: string };

const INTEGER_DTYPES: Readonly<Record<string, NumericDType>> = {
  "1s": "int8",
  "1u": "uint8",
  "2s": "int16",
  "2u": "uint16",
  "4s": "int32",
  "4u": "uint32",
  "8s": "int64",
  "8u": "uint64",
};

function integerType(size: number, signed: boolean): ElementType {
  const dtype = INTEGER_DTYPES[`${size}${signed ? "s" : "u"}`];
  return dtype === undefined
    ? { kind: "unsupported", description: `${size}-byte integer` }
    : { kind: "numeric", dtype, bytesPerElement: size };
}

function floatType(size: number): ElementType {
  if (size === 4) return { kind: "numeric", dtype: "float32", bytesPerElement: 4 };
  if (size === 8) return { kind: "numeric", dtype: "float64", bytesPerElement: 8 };
  return { kind: "unsupported", description: `${size * 8}-bit float` };
}

/**
 * h5py stores numpy complex numbers as a compound of two floats named "r" and "i" (h5py docs,
 * "Complex numbers"); they become our interleaved complex64/complex128.
 */
function complexType(metadata: Metadata): ElementType | undefined {
  const members = metadata.compound_type?.members;
  if (members?.length !== 2) return undefined;
  const [re, im] = members;
  if (re === undefined || im === undefined) return undefined;
  const halfSize = metadata.size / 2;
  const isPart = (member: typeof re, offset: number) =>
    member.type === H5T_CLASS.float && member.size === halfSize && member.offset === offset;
  if (!isPart(re, 0) || !isPart(im, halfSize)) return undefined;
  if (halfSize === 4) return { kind: "numeric", dtype: "complex64", bytesPerElement: 8 };
  if (halfSize === 8) return { kind: "numeric", dtype: "complex128", bytesPerElement: 16 };
  return undefined;
}

/** Maps h5wasm's metadata for a dataset to how we read it. */
export function elementType(metadata: Metadata): ElementType {
  switch (metadata.type) {
    case H5T_CLASS.integer:
      return integerType(metadata.size, metadata.signed);
    case H5T_CLASS.float:
      return floatType(metadata.size);
    case H5T_CLASS.enum:
      // h5py reads an enum as its base integer type; so do we.
      return integerType(metadata.size, metadata.signed);
    case H5T_CLASS.string:
      return {
        kind: "string",
        dtype: "string",
        bytesPerElement: metadata.size,
        variableLength: metadata.vlen,
        utf8: metadata.cset === 1,
        padding: metadata.strpad ?? 0,
      };
    case H5T_CLASS.compound:
      return (
        complexType(metadata) ?? { kind: "unsupported", description: "compound (record) type" }
      );
    default:
      return { kind: "unsupported", description: `HDF5 type class ${metadata.type}` };
  }
}
