import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Dtype, GuessableDataTypes } from "h5wasm/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UnsupportedError } from "../../../src/core/errors.js";
import { describeHdf5 } from "../../../src/formats/hdf5/describe.js";

/** h5wasm writes compound datasets from a Map of columns (its own API, typed loosely). */
function columns(
  entries: [string, Int32Array | Float32Array | Float64Array][],
): GuessableDataTypes {
  return new Map<string, unknown>(entries) as unknown as GuessableDataTypes;
}

describe("describeHdf5 element types (files written by h5wasm in the test)", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "aurorakit-test-h5-types-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads h5py-style complex numbers, integers and attribute types", async () => {
    const h5 = await import("h5wasm/node");
    await h5.ready;
    const path = join(dir, "types.h5");
    const file = new h5.File(path, "w");
    file.create_dataset({
      name: "z",
      data: columns([
        ["r", new Float32Array([1, 2, 3])],
        ["i", new Float32Array([4, 5, 6])],
      ]),
      dtype: [
        ["r", "<f"],
        ["i", "<f"],
      ] as Dtype,
    });
    file.create_dataset({ name: "counts", data: new Int16Array([-3, 7]), shape: [1, 2] });
    file.create_attribute("big", new BigInt64Array([123n, -5n]));
    file.create_attribute("scale", 2.5);
    file.create_attribute("name", "gill");
    file.close();
    const description = await describeHdf5(path);
    const z = description.arrays.find((entry) => entry.path === "z")?.array;
    if (z?.dtype !== "complex64") throw new Error(`z read as ${z?.dtype}, expected complex64`);
    expect(z.shape).toEqual([3]);
    // Oracle: the values written; interleaved (re, im) pairs, exact.
    expect(Array.from(z.data as Float32Array)).toEqual([1, 4, 2, 5, 3, 6]);
    const counts = description.arrays.find((entry) => entry.path === "counts")?.array;
    if (counts?.dtype !== "int16")
      throw new Error(`counts read as ${counts?.dtype}, expected int16`);
    expect(counts.shape).toEqual([1, 2]);
    expect(Array.from(counts.data as Int16Array)).toEqual([-3, 7]);
    // 64-bit integers become strings so that JSON keeps every digit.
    expect(description.attributes["/"]).toEqual({ big: ["123", "-5"], name: "gill", scale: 2.5 });
  });

  it("refuses record (compound) datasets with an UnsupportedError naming the dataset", async () => {
    const h5 = await import("h5wasm/node");
    await h5.ready;
    const path = join(dir, "record.h5");
    const file = new h5.File(path, "w");
    file.create_dataset({
      name: "record",
      data: columns([
        ["a", new Int32Array([1])],
        ["b", new Float64Array([2])],
      ]),
      dtype: [
        ["a", "<i"],
        ["b", "<d"],
      ] as Dtype,
    });
    file.close();
    const error = await describeHdf5(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnsupportedError);
    expect(String(error)).toContain("record");
  });
});
