import type { ByteSource } from "../../core/byte-source.js";
import { FormatError, InvalidArgumentError } from "../../core/errors.js";
import type { AnyNDArray, NDArray } from "../../core/ndarray.js";
import type { AttributeValue } from "../description.js";
import { withHdf5File } from "./h5wasm-session.js";
import type { Hdf5File } from "./hdf5-file.js";
import { parseUcalgaryTimestamps } from "./ucalgary-timestamp.js";

/**
 * Reader for the UCalgary HDF5 products (aurorax reference §3.6): TREx RGB / SMILE image files
 * (`data/images` [rows, cols, 3, N] uint8) and mosaic grid files (`data/grid` [512, 1024, N]
 * float32, `data/source_info/*`). Frames are returned as stored — row 0 is the first stored
 * row, not flipped — with the frame axis last; the imager plugins apply the orientation.
 */

export interface UcalgaryHdf5Options {
  /** First frame to read (0-based, inclusive); default 0. */
  readonly firstFrame?: number;
  /** Last frame to read (0-based, inclusive); default the file's last frame. */
  readonly lastFrame?: number;
  /** Name for error messages when reading bytes from memory. */
  readonly fileName?: string;
}

export interface UcalgaryHdf5Data {
  readonly kind: "images" | "grid";
  /** Frames as stored, frame axis last: images [rows, cols, 3, n] uint8, grid [512, 1024, n]. */
  readonly frames: NDArray;
  /** Frames in the file (before the frame range was applied). */
  readonly frameCount: number;
  /** Index in the file of the first frame returned. */
  readonly firstFrame: number;
  /** Frame times from `data/timestamp`, ms since 1970 UTC (sub-ms fraction kept). */
  readonly timesMs: Float64Array;
  /** Attributes of `metadata/file` (1-element arrays unwrapped, as pyucalgarysrs does). */
  readonly fileMetadata: Readonly<Record<string, AttributeValue>>;
  /** Attributes of `metadata/frame/frame<i>` for each frame returned. */
  readonly frameMetadata: readonly Readonly<Record<string, AttributeValue>>[];
  /** Grid files: the `fill_value` attribute of `metadata/file` (default −999). */
  readonly fillValue: number | undefined;
  /** Grid files: each dataset of `data/source_info` (e.g. `confidence`), same frame range. */
  readonly sourceInfo: Readonly<Record<string, AnyNDArray>>;
}

/** pyucalgarysrs assumes this fill value when a grid file does not state one (§3.6). */
const DEFAULT_GRID_FILL_VALUE = -999;

/** Single-frame SMILE files store each attribute as a 1-element array (§3.6). */
function unwrapSingletons(
  attributes: Record<string, AttributeValue>,
): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(attributes)) {
    out[key] = Array.isArray(value) && value.length === 1 ? (value[0] as AttributeValue) : value;
  }
  return out;
}

function requireDataset(file: Hdf5File, path: string): void {
  if (!file.isDataset(path)) {
    throw new FormatError("HDF5", {
      file: file.name,
      expected: `dataset ${path} (UCalgary layout, aurorax reference §3.6)`,
      found: "no such dataset",
    });
  }
}

function frameRange(options: UcalgaryHdf5Options, frameCount: number): [number, number] {
  const first = options.firstFrame ?? 0;
  const last = options.lastFrame ?? frameCount - 1;
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || first < 0 || last < first) {
    throw new InvalidArgumentError(
      "frame range",
      `firstFrame ${first} / lastFrame ${last} must be integers with 0 <= firstFrame <= lastFrame`,
    );
  }
  if (last >= frameCount) {
    throw new InvalidArgumentError(
      "lastFrame",
      `${last} is past the file's last frame ${frameCount - 1}`,
    );
  }
  return [first, last - first + 1];
}

/** Reads frames [first, first + count) of a dataset whose last axis is the frame axis. */
function readFrames(file: Hdf5File, path: string, first: number, count: number): AnyNDArray {
  const shape = file.info(path).shape ?? [];
  const offset = shape.map((_, axis) => (axis === shape.length - 1 ? first : 0));
  const counts = shape.map((extent, axis) => (axis === shape.length - 1 ? count : extent));
  return file.read(path, { offset, count: counts });
}

function numericFrames(file: Hdf5File, path: string, array: AnyNDArray): NDArray {
  if (array.dtype === "string") {
    throw new FormatError("HDF5", {
      file: file.name,
      expected: `numeric ${path}`,
      found: "strings",
    });
  }
  return array;
}

function stringsOf(file: Hdf5File, path: string, array: AnyNDArray): readonly string[] {
  if (array.dtype !== "string") {
    throw new FormatError("HDF5", {
      file: file.name,
      expected: `strings in ${path}`,
      found: array.dtype,
    });
  }
  return array.data;
}

function parseFillValue(file: Hdf5File, metadata: Record<string, AttributeValue>): number {
  const raw = metadata.fill_value;
  if (raw === undefined) return DEFAULT_GRID_FILL_VALUE;
  const value = typeof raw === "string" ? Number(raw) : raw;
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new FormatError("HDF5", {
      file: file.name,
      expected: "metadata/file attribute fill_value to be a number",
      found: JSON.stringify(raw),
    });
  }
  return value;
}

function readLayout(file: Hdf5File, options: UcalgaryHdf5Options): UcalgaryHdf5Data {
  const kind = file.isDataset("data/images") ? "images" : "grid";
  const dataPath = kind === "images" ? "data/images" : "data/grid";
  if (!file.isDataset(dataPath)) {
    throw new FormatError("HDF5", {
      file: file.name,
      expected: "dataset data/images (TREx RGB, SMILE) or data/grid (mosaic grid), §3.6",
      found: "neither",
    });
  }
  requireDataset(file, "data/timestamp");
  requireDataset(file, "metadata/file");
  const shape = file.info(dataPath).shape ?? [];
  // A 3-D images dataset is one frame [rows, cols, 3] (single-frame SMILE files, §3.6).
  const singleFrame = kind === "images" && shape.length === 3;
  if (shape.length < 3 || shape.length > 4) {
    throw new FormatError("HDF5", {
      file: file.name,
      expected: `${dataPath} of rank 3 or 4 with frames on the last axis`,
      found: `shape ${JSON.stringify(shape)}`,
    });
  }
  const frameCount = singleFrame ? 1 : (shape[shape.length - 1] ?? 0);
  if (frameCount === 0) {
    throw new FormatError("HDF5", {
      file: file.name,
      expected: `frames in ${dataPath}`,
      found: "none",
    });
  }
  const [first, count] = frameRange(options, frameCount);
  const stampInfo = file.info("data/timestamp");
  if (
    stampInfo.type.kind !== "string" ||
    stampInfo.shape?.length !== 1 ||
    stampInfo.shape[0] !== frameCount
  ) {
    throw new FormatError("HDF5", {
      file: file.name,
      expected: `data/timestamp to hold ${frameCount} strings, one per frame of ${dataPath}`,
      found: `${stampInfo.type.kind} data of shape ${JSON.stringify(stampInfo.shape)}`,
    });
  }
  const stamps = stringsOf(
    file,
    "data/timestamp",
    readFrames(file, "data/timestamp", first, count),
  );
  // Metadata first: a missing frame group fails before megabytes of pixels are read.
  const fileMetadata = unwrapSingletons(file.attributes("metadata/file"));
  const frameMetadata = Array.from({ length: count }, (_, index) => {
    const path = `metadata/frame/frame${first + index}`;
    requireDataset(file, path);
    return unwrapSingletons(file.attributes(path));
  });
  const stored = numericFrames(
    file,
    dataPath,
    singleFrame ? file.read(dataPath) : readFrames(file, dataPath, first, count),
  );
  const frames: NDArray = singleFrame ? { ...stored, shape: [...stored.shape, 1] } : stored;
  const sourceInfo: Record<string, AnyNDArray> = {};
  if (kind === "grid" && file.isGroup("data/source_info")) {
    for (const name of file.children("data/source_info")) {
      const path = `data/source_info/${name}`;
      if (!file.isDataset(path)) continue;
      const infoShape = file.info(path).shape ?? [];
      sourceInfo[name] =
        infoShape[infoShape.length - 1] === frameCount
          ? readFrames(file, path, first, count)
          : file.read(path);
    }
  }
  return {
    kind,
    frames,
    frameCount,
    firstFrame: first,
    timesMs: parseUcalgaryTimestamps(stamps, file.name, first),
    fileMetadata,
    frameMetadata,
    fillValue: kind === "grid" ? parseFillValue(file, fileMetadata) : undefined,
    sourceInfo,
  };
}

/**
 * Reads a UCalgary TREx RGB / SMILE image file or a mosaic grid file. Only the requested frame
 * range is read from disk (an HDF5 hyperslab), never the whole dataset.
 */
export async function readUcalgaryHdf5(
  input: string | Uint8Array | ByteSource,
  options: UcalgaryHdf5Options = {},
): Promise<UcalgaryHdf5Data> {
  return withHdf5File(input, (file) => readLayout(file, options), options.fileName);
}
