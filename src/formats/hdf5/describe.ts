import type { ByteSource } from "../../core/byte-source.js";
import type { AttributeValue, DescribedArray, FileDescription } from "../description.js";
import { withHdf5File } from "./h5wasm-session.js";
import type { DatasetInfo } from "./hdf5-file.js";

/** HDF5 filter ids (H5Zpublic.h) under the names h5py reports as `compression`. */
const COMPRESSION_NAMES: Readonly<Record<number, string>> = {
  // H5Z_FILTER_DEFLATE: h5py calls it "gzip".
  1: "gzip",
  // H5Z_FILTER_SZIP
  4: "szip",
  // LZF, registered filter 32000 (h5py's own).
  32000: "lzf",
};

/** H5Z_FILTER_SHUFFLE (H5Zpublic.h). */
const SHUFFLE_FILTER_ID = 2;

function storageDetails(info: DatasetInfo): Record<string, AttributeValue> {
  const compression = info.filters
    .map((filter) => COMPRESSION_NAMES[filter.id])
    .find((name) => name !== undefined);
  return {
    compression: compression ?? null,
    shuffle: info.filters.some((filter) => filter.id === SHUFFLE_FILTER_ID),
    chunks: info.chunks === null ? null : [...info.chunks],
    filters: info.filters.map((filter) => filter.name),
    ...(info.shape === null ? { nullDataspace: true } : {}),
  };
}

/**
 * Describes every dataset of an HDF5 file (all groups walked; soft and external links are not
 * followed): numpy dtype, row-major shape, the values copied out of the wasm heap, dataset
 * attributes and storage details. File attributes are keyed by group path: "/" for the root
 * group, "data", "metadata/frame", ... for groups that carry attributes.
 *
 * Throws FormatError for corrupt or truncated files, UnsupportedError for datasets of a type
 * we cannot represent (records, references, half floats).
 */
export async function describeHdf5(
  input: ByteSource | string | Uint8Array,
  fileName?: string,
): Promise<FileDescription> {
  return withHdf5File(
    input,
    (file) => {
      const { groups, datasets } = file.walk();
      const attributes: Record<string, AttributeValue> = { "/": file.attributes("") };
      for (const group of groups) {
        const groupAttributes = file.attributes(group);
        if (Object.keys(groupAttributes).length > 0) attributes[group] = groupAttributes;
      }
      const arrays: DescribedArray[] = datasets.map((path) => ({
        path,
        array: file.read(path),
        attributes: file.attributes(path),
        details: storageDetails(file.info(path)),
      }));
      return { format: "hdf5", arrays, attributes };
    },
    fileName,
  );
}
