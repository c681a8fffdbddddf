import type { NumericDType } from "../../core/dtype.js";
import type { NDArray, StringNDArray } from "../../core/ndarray.js";

/** IDL type names, as IDL's SIZE(/TNAME) spells them in lower case. */
export type IdlTypeName =
  | "byte"
  | "int"
  | "long"
  | "float"
  | "double"
  | "complex"
  | "string"
  | "struct"
  | "dcomplex"
  | "pointer"
  | "objref"
  | "uint"
  | "ulong"
  | "long64"
  | "ulong64";

/** A numeric scalar (shape []) or array in row-major order, in its native dtype. */
export interface IdlNumeric {
  readonly kind: "numeric";
  readonly idlType: IdlTypeName;
  readonly array: NDArray<NumericDType>;
}

/** A string scalar (shape []) or array in row-major order. */
export interface IdlStrings {
  readonly kind: "string";
  readonly array: StringNDArray;
}

/**
 * A structure array. IDL stores every structure as an array (a "scalar" structure has shape
 * [1]). Fields are held column-wise: each field value spans all elements of the structure, with
 * shape `shape ++ fieldShape`; when the structure has exactly one element, the structure's
 * dimensions are dropped (as IDL does for `s.field`, and as scipy's `s.FIELD[0]` reports).
 */
export interface IdlStruct {
  readonly kind: "struct";
  /** Structure name, "" for an anonymous structure. Upper case, as stored. */
  readonly name: string;
  /** Row-major shape of the structure array (with enclosing structures' dimensions). */
  readonly shape: readonly number[];
  /** Field values keyed by tag name, upper case as stored, in declaration order. */
  readonly fields: ReadonlyMap<string, IdlValue>;
  /** Object class name, when the structure is an object's instance data. */
  readonly className?: string;
  /** Names of the superclasses of an object class, in file order. */
  readonly superclasses?: readonly string[];
}

/**
 * Heap pointers (`kind: "pointer"`) or object references (`kind: "objref"`), resolved to the
 * heap values they point at. `heapIndices[i] === 0` is a null pointer and `targets[i]` null.
 * Targets are shared objects: cyclic heap structures become cyclic object graphs.
 */
export interface IdlHeapReferences {
  readonly kind: "pointer" | "objref";
  readonly shape: readonly number[];
  readonly heapIndices: Int32Array;
  readonly targets: readonly (IdlValue | null)[];
}

/** A variable saved while undefined (type code 0). */
export interface IdlUndefined {
  readonly kind: "undefined";
}

export type IdlValue = IdlNumeric | IdlStrings | IdlStruct | IdlHeapReferences | IdlUndefined;

export interface IdlTimestamp {
  readonly date: string;
  readonly user: string;
  readonly host: string;
}

export interface IdlVersion {
  /** Save-file format version number (Markwardt: FORMAT). */
  readonly format: number;
  readonly arch: string;
  readonly os: string;
  readonly release: string;
}

export interface IdlIdentification {
  readonly author: string;
  readonly title: string;
  readonly idcode: string;
}

export interface IdlCommonBlock {
  readonly name: string;
  readonly variables: readonly string[];
}

/** Everything decoded from one IDL save file. */
export interface IdlSaveFile {
  /** Variables keyed by lower-case name (as scipy.io.readsav reports them), in file order. */
  readonly variables: ReadonlyMap<string, IdlValue>;
  /** Heap values keyed by heap index; null for a heap variable saved undefined. */
  readonly heap: ReadonlyMap<number, IdlValue | null>;
  readonly timestamp: IdlTimestamp | undefined;
  readonly version: IdlVersion | undefined;
  readonly notice: string | undefined;
  readonly identification: IdlIdentification | undefined;
  readonly description: string | undefined;
  readonly commonBlocks: readonly IdlCommonBlock[];
  /** True for a file written with SAVE, /COMPRESS. */
  readonly compressed: boolean;
  /** True when a PROMOTE64 record switched the file to 64-bit record offsets. */
  readonly promote64: boolean;
  /** Things decoded with a fallback (skipped record types, dangling pointers). */
  readonly warnings: readonly string[];
}
