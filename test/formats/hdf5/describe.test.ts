import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memorySource } from "../../../src/core/byte-source.js";
import { describeHdf5 } from "../../../src/formats/hdf5/describe.js";
import { summarize } from "../../../src/formats/summary.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { fixture, readFixture, readOracle } from "../../support/fixtures.js";
import {
  syntheticRgbTimestamp,
  syntheticRgbValue,
  writeSyntheticTrexRgbH5,
} from "../../support/hdf5-trex-rgb.js";

const GRID = "20230324_0600_110km_MOSv001_grid_themis-asi.h5";

interface OracleDataset {
  dtype: string;
  shape: number[];
  sum?: number;
  min?: number;
  max?: number;
  nan_count?: number;
  sha256_le?: string;
  first?: string[];
  compression: string | null;
  chunks: number[] | null;
}

interface GridOracle {
  datasets: Record<string, OracleDataset>;
  attributes: Record<string, Record<string, string>>;
}

/** Relative tolerance for sums: the oracle (h5py + numpy) and we sum in different orders. */
const SUM_RELATIVE_TOLERANCE = 1e-9;

describeWithFixtures("describeHdf5 on the real THEMIS mosaic grid file", () => {
  // Oracle: the .oracle.json written by h5py.
  const oracle = readOracle<GridOracle>("hdf5", GRID);

  it("lists exactly the datasets h5py lists, with numpy dtypes, shapes and storage", async () => {
    const description = await describeHdf5(fixture("hdf5", GRID));
    expect(description.format).toBe("hdf5");
    expect(description.arrays.map((entry) => entry.path).sort()).toEqual(
      Object.keys(oracle.datasets).sort(),
    );
    for (const entry of description.arrays) {
      const expected = oracle.datasets[entry.path];
      if (expected === undefined) throw new Error(`no oracle entry for ${entry.path}`);
      // h5py reports variable-length strings as numpy "object"; we call them "string".
      expect(entry.array.dtype).toBe(expected.dtype === "object" ? "string" : expected.dtype);
      expect(entry.array.shape).toEqual(expected.shape);
      expect(entry.details?.compression).toBe(expected.compression);
      expect(entry.details?.chunks).toEqual(expected.chunks);
      if (expected.sha256_le !== undefined) {
        const summary = summarize(entry.path, entry.array);
        // Bit-exact: SHA-256 of the little-endian values equals h5py's.
        expect(summary.sha256).toBe(expected.sha256_le);
        expect(summary.min).toBe(expected.min);
        expect(summary.max).toBe(expected.max);
        expect(summary.nanCount).toBe(expected.nan_count);
        const sum = summary.sum ?? Number.NaN;
        expect(Math.abs(sum - (expected.sum ?? 0))).toBeLessThanOrEqual(
          Math.abs(expected.sum ?? 0) * SUM_RELATIVE_TOLERANCE,
        );
      }
    }
  });

  it("decodes the variable-length timestamp strings and the attributes of empty datasets", async () => {
    const description = await describeHdf5(fixture("hdf5", GRID));
    const stamps = description.arrays.find((entry) => entry.path === "data/timestamp")?.array;
    if (stamps?.dtype !== "string") throw new Error("data/timestamp is not a string array");
    // Oracle: the first three timestamps h5py read.
    expect(stamps.data.slice(0, 3)).toEqual(oracle.datasets["data/timestamp"]?.first);
    for (const [path, attributes] of Object.entries(oracle.attributes)) {
      const entry = description.arrays.find((item) => item.path === path);
      // Oracle: h5py's attribute values (all strings in this file).
      expect(entry?.attributes).toEqual(attributes);
    }
    // Invariant: the root group of this file carries no attributes, and no group does.
    expect(description.attributes).toEqual({ "/": {} });
  });

  it("accepts the same file as bytes in memory and as a ByteSource", async () => {
    const bytes = readFixture("hdf5", GRID);
    for (const input of [bytes, memorySource(bytes, GRID, "HDF5")]) {
      const description = await describeHdf5(input, GRID);
      const grid = description.arrays.find((entry) => entry.path === "data/grid");
      if (grid === undefined) throw new Error("data/grid missing");
      // Oracle: h5py's SHA-256 of data/grid.
      expect(summarize("data/grid", grid.array).sha256).toBe(
        oracle.datasets["data/grid"]?.sha256_le,
      );
    }
  });
});

describe("describeHdf5 on a SYNTHETIC TREx RGB file written by h5wasm", () => {
  let dir = "";
  let path = "";
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "aurorakit-test-h5-"));
    path = await writeSyntheticTrexRgbH5(dir, { frameCount: 4 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reports uint8 images with their chunking and fixed-length ASCII timestamps", async () => {
    const description = await describeHdf5(path);
    const images = description.arrays.find((entry) => entry.path === "data/images");
    expect(images?.array.dtype).toBe("uint8");
    expect(images?.array.shape).toEqual([480, 553, 3, 4]);
    // Oracle: the chunk shape and filter the helper wrote.
    expect(images?.details?.chunks).toEqual([60, 70, 3, 2]);
    expect(images?.details?.compression).toBe("gzip");
    const data = images?.array.data;
    if (!(data instanceof Uint8Array)) throw new Error("images are not a Uint8Array");
    // Oracle: the generator; the element [row 479, col 552, ch 2, frame 3] is the last one.
    expect(data[data.length - 1]).toBe(syntheticRgbValue(479, 552, 2, 3));
    expect(data[1]).toBe(syntheticRgbValue(0, 0, 0, 1));
    const stamps = description.arrays.find((entry) => entry.path === "data/timestamp")?.array;
    expect(stamps?.data).toEqual([0, 1, 2, 3].map(syntheticRgbTimestamp));
  });
});
