import type * as H5 from "h5wasm/node";
import { allocate } from "../../core/dtype.js";
import { FormatError, InvalidArgumentError, UnsupportedError } from "../../core/errors.js";
import { type AnyNDArray, elementCount, type NDArray } from "../../core/ndarray.js";
import { DEFLATE_MAX_RATIO } from "../compression/inflate.js";
import type { AttributeValue } from "../description.js";
import { readAttributes } from "./attributes.js";
import { type ElementType, elementType } from "./element-type.js";
import { summarizeHdf5Error } from "./hdf5-error.js";

export type H5Module = Awaited<typeof H5.ready>;

/** The h5wasm high-level module and its initialised wasm module. */
export interface H5Api {
  readonly h5: typeof H5;
  readonly module: H5Module;
}

/**
 * h5wasm's wasm heap is 32-bit and capped at 2 GiB (`Module.MAXIMUM_MEMORY`); the buffer we
 * read into must fit beside HDF5's chunk cache, so one read is limited to half of that.
 */
export const HDF5_MAX_READ_BYTES = 1024 * 1024 * 1024;

/** A block of a dataset: `count[i]` elements from `offset[i]` along each axis. */
export interface Hyperslab {
  readonly offset: readonly number[];
  readonly count: readonly number[];
}

export interface DatasetInfo {
  readonly path: string;
  readonly type: ElementType;
  /** Row-major extents; null for a null dataspace (a dataset that holds no value at all). */
  readonly shape: readonly number[] | null;
  readonly chunks: readonly number[] | null;
  readonly filters: readonly { readonly id: number; readonly name: string }[];
}

const utf8Decoder = new TextDecoder("utf-8");

/** HDF5 object kinds as h5wasm's `get_type` reports them (H5G_obj_t, H5Gpublic.h). */
type ObjectKind = "group" | "dataset" | "other";

/** An open, read-only HDF5 file. Paths are written without the leading "/". */
export class Hdf5File {
  constructor(
    private readonly api: H5Api,
    private readonly fileId: bigint,
    readonly name: string,
    readonly byteLength: number,
  ) {}

  /** Kind of an object whose link is known to exist. */
  private linkKind(path: string): ObjectKind {
    const { module } = this.api;
    const absolute = `/${path}`;
    // Soft and external links are skipped, as h5py's visititems does: following them would
    // list an object twice or open another file named inside this one.
    if (module.get_symbolic_link(this.fileId, absolute) !== null) return "other";
    const external = module.get_external_link(this.fileId, absolute) as { filename?: unknown };
    if (typeof external.filename === "string") return "other";
    const type = module.get_type(this.fileId, absolute);
    if (type === module.H5G_GROUP) return "group";
    if (type === module.H5G_DATASET) return "dataset";
    return "other";
  }

  /**
   * Kind of the object at any path. Each component is looked up in its parent's listing
   * first: HDF5's own lookups report a missing name as an error, which would throw.
   */
  private kind(path: string): ObjectKind | "missing" {
    let parent = "";
    const parts = path.split("/");
    for (const [index, part] of parts.entries()) {
      if (!this.children(parent).includes(part)) return "missing";
      const current = parent === "" ? part : `${parent}/${part}`;
      const kind = this.linkKind(current);
      if (index === parts.length - 1) return kind;
      if (kind !== "group") return "missing";
      parent = current;
    }
    return "missing";
  }

  /** Every group and dataset below the root, in HDF5's name order. */
  walk(): { groups: string[]; datasets: string[] } {
    const groups: string[] = [];
    const datasets: string[] = [];
    for (const path of this.api.module.get_names(this.fileId, "/", true)) {
      const kind = this.linkKind(path);
      if (kind === "group") groups.push(path);
      else if (kind === "dataset") datasets.push(path);
    }
    return { groups, datasets };
  }

  isDataset(path: string): boolean {
    return this.kind(path) === "dataset";
  }

  isGroup(path: string): boolean {
    return this.kind(path) === "group";
  }

  /** Names directly inside a group. */
  children(groupPath: string): string[] {
    return this.api.module.get_names(this.fileId, `/${groupPath}`, false);
  }

  /** Attributes of a group or dataset ("" for the root group). */
  attributes(path: string): Record<string, AttributeValue> {
    return readAttributes(this.api, this.fileId, `/${path}`);
  }

  info(path: string): DatasetInfo {
    const { module } = this.api;
    const metadata = module.get_dataset_metadata(this.fileId, `/${path}`);
    const filters = module.get_dataset_filters(this.fileId, `/${path}`);
    return {
      path,
      type: elementType(metadata),
      shape: metadata.shape,
      chunks: metadata.chunks,
      filters: filters.map(({ id, name }) => ({ id, name })),
    };
  }

  /** Reads a whole dataset, or the hyperslab `selection` of it, into native typed arrays. */
  read(path: string, selection?: Hyperslab): AnyNDArray {
    const info = this.info(path);
    if (info.type.kind === "unsupported") {
      throw new UnsupportedError(
        `HDF5 dataset ${path} in ${this.name} has a ${info.type.description}`,
        "convert it with h5py or open an issue with a sample file",
      );
    }
    const fullShape = info.shape ?? [0];
    const shape = selection === undefined ? fullShape : checkSelection(path, fullShape, selection);
    const count = elementCount(shape);
    const bytes = count * info.type.bytesPerElement;
    this.checkReadSize(path, bytes);
    if (count === 0) {
      return info.type.kind === "string"
        ? { dtype: "string", shape, data: [] }
        : { dtype: info.type.dtype, shape, data: allocate(info.type.dtype, 0) };
    }
    const { module } = this.api;
    const pointer = module._malloc(bytes);
    if (pointer === 0) {
      throw new UnsupportedError(
        `reading ${bytes} bytes of ${path} from ${this.name}`,
        "read a smaller frame range",
      );
    }
    const slab =
      selection === undefined
        ? null
        : {
            offset: selection.offset.map(BigInt),
            count: selection.count.map(BigInt),
            stride: selection.count.map(() => 1n),
          };
    try {
      let status: number;
      try {
        status = module.get_dataset_data(
          this.fileId,
          `/${path}`,
          slab?.count ?? null,
          slab?.offset ?? null,
          slab?.stride ?? null,
          BigInt(pointer),
        );
      } catch (cause) {
        throw new FormatError("HDF5", {
          file: this.name,
          expected: `readable data for dataset ${path}`,
          found: summarizeHdf5Error(cause),
          cause,
        });
      }
      if (status < 0) {
        throw new FormatError("HDF5", {
          file: this.name,
          expected: `readable data for dataset ${path}`,
          found: `HDF5 read status ${status}`,
        });
      }
      if (info.type.kind === "numeric") {
        const data = allocate(info.type.dtype, count);
        // The heap view is taken after the read: a heap that grew has a new buffer.
        new Uint8Array(data.buffer).set(module.HEAPU8.subarray(pointer, pointer + bytes));
        return { dtype: info.type.dtype, shape, data } as NDArray;
      }
      const strings = this.decodeStrings(info.type, pointer, count);
      if (info.type.variableLength) {
        if (slab === null) module.reclaim_vlen_memory(this.fileId, `/${path}`, "", BigInt(pointer));
        else
          module.reclaim_vlen_memory_count(
            this.fileId,
            `/${path}`,
            "",
            BigInt(pointer),
            slab.count,
          );
      }
      return { dtype: "string", shape, data: strings };
    } finally {
      // After a failed variable-length read the string pointers are unreliable, so they are
      // not reclaimed: a small leak is safer than freeing garbage.
      module._free(pointer);
    }
  }

  private checkReadSize(path: string, bytes: number): void {
    // Neither raw nor deflated storage can hold more than DEFLATE_MAX_RATIO times the file
    // size; a larger dataset could only be unwritten fill values, which we refuse to expand.
    const justified = Math.min(HDF5_MAX_READ_BYTES, this.byteLength * DEFLATE_MAX_RATIO);
    if (bytes > justified) {
      throw new FormatError("HDF5", {
        file: this.name,
        expected: `dataset ${path} to need at most ${justified} bytes (limited by the file size and the ${HDF5_MAX_READ_BYTES}-byte read cap)`,
        found: `${bytes} bytes declared`,
      });
    }
  }

  private decodeStrings(
    type: Extract<ElementType, { kind: "string" }>,
    pointer: number,
    count: number,
  ): string[] {
    const { module } = this.api;
    const out = new Array<string>(count);
    if (type.variableLength) {
      const pointers = new Uint32Array(module.HEAPU8.buffer, pointer, count);
      const decode = type.utf8 ? module.UTF8ToString : module.AsciiToString;
      for (let index = 0; index < count; index++) out[index] = decode(pointers[index] ?? 0);
      return out;
    }
    // Non-UTF-8 strings are ASCII by declaration; Buffer's latin1 keeps any stray high byte as
    // the same code point (TextDecoder's "latin1" is really windows-1252).
    const decode = (bytes: Uint8Array) =>
      type.utf8
        ? utf8Decoder.decode(bytes)
        : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
    const size = type.bytesPerElement;
    const heap = module.HEAPU8;
    for (let index = 0; index < count; index++) {
      const start = pointer + index * size;
      let end = start + size;
      // H5T_STR_NULLTERM (0) and H5T_STR_NULLPAD (1) end at the first NUL; space padding is
      // kept, as numpy keeps it for h5py's fixed-length strings.
      if (type.padding !== 2) {
        const nul = heap.subarray(start, end).indexOf(0);
        if (nul >= 0) end = start + nul;
      }
      out[index] = decode(heap.subarray(start, end));
    }
    return out;
  }
}

function checkSelection(path: string, shape: readonly number[], selection: Hyperslab): number[] {
  const ok =
    selection.offset.length === shape.length &&
    selection.count.length === shape.length &&
    shape.every((extent, axis) => {
      const offset = selection.offset[axis] ?? -1;
      const count = selection.count[axis] ?? -1;
      return (
        Number.isSafeInteger(offset) &&
        Number.isSafeInteger(count) &&
        offset >= 0 &&
        count >= 0 &&
        offset + count <= extent
      );
    });
  if (!ok) {
    throw new InvalidArgumentError(
      "selection",
      `offset ${JSON.stringify(selection.offset)} count ${JSON.stringify(selection.count)} is outside dataset ${path} of shape ${JSON.stringify(shape)}`,
    );
  }
  return [...selection.count];
}
