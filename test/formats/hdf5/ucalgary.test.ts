import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../../src/core/errors.js";
import { describeHdf5 } from "../../../src/formats/hdf5/describe.js";
import { readUcalgaryHdf5 } from "../../../src/formats/hdf5/ucalgary.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { fixture, readOracle } from "../../support/fixtures.js";
import {
  syntheticRgbTimestamp,
  syntheticRgbValue,
  TREX_RGB_CHANNELS,
  TREX_RGB_COLUMNS,
  TREX_RGB_ROWS,
  writeSyntheticTrexRgbH5,
} from "../../support/hdf5-trex-rgb.js";

const GRID = "20230324_0600_110km_MOSv001_grid_themis-asi.h5";

/** Counts samples of a [480, 553, 3, n] block that differ from the generator. */
function countMismatches(data: Uint8Array, firstFrame: number, frames: number): number {
  let mismatches = 0;
  let index = 0;
  for (let row = 0; row < TREX_RGB_ROWS; row++) {
    for (let column = 0; column < TREX_RGB_COLUMNS; column++) {
      for (let channel = 0; channel < TREX_RGB_CHANNELS; channel++) {
        for (let frame = firstFrame; frame < firstFrame + frames; frame++) {
          if (data[index++] !== syntheticRgbValue(row, column, channel, frame)) mismatches++;
        }
      }
    }
  }
  return mismatches;
}

/** Analytic time of a synthetic frame: 06:00:00 + 3 s per frame + (24704 + frame) µs. */
function syntheticTimeMs(frame: number): number {
  return Date.UTC(2021, 1, 5, 6, 0, frame * 3) + (24704 + frame) / 1000;
}

describe("readUcalgaryHdf5 on a SYNTHETIC TREx RGB file (layout of aurorax reference §3.6)", () => {
  let dir = "";
  let path = "";
  let singleFramePath = "";
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "aurorakit-test-h5-"));
    path = await writeSyntheticTrexRgbH5(dir, { frameCount: 6 });
    singleFramePath = await writeSyntheticTrexRgbH5(dir, { singleFrame: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads every frame exactly, with times and per-frame metadata", async () => {
    const data = await readUcalgaryHdf5(path);
    expect(data.kind).toBe("images");
    expect(data.frames.dtype).toBe("uint8");
    expect(data.frames.shape).toEqual([480, 553, 3, 6]);
    expect(data.frameCount).toBe(6);
    // Oracle: the generator that wrote the pixels (exact).
    expect(countMismatches(data.frames.data as Uint8Array, 0, 6)).toBe(0);
    // Oracle: analytic times; exact to 1e-6 ms (the double nearest each microsecond value).
    data.timesMs.forEach((timeMs, frame) => {
      expect(Math.abs(timeMs - syntheticTimeMs(frame))).toBeLessThan(1e-6);
    });
    expect(data.frameMetadata).toHaveLength(6);
    expect(data.frameMetadata[4]?.image_request_start_timestamp).toBe(syntheticRgbTimestamp(4));
    expect(data.fileMetadata.site_unique_id).toBe("gill");
    expect(data.fillValue).toBeUndefined();
    expect(data.sourceInfo).toEqual({});
  });

  it("reads a frame range as a hyperslab, matching the generator", async () => {
    const data = await readUcalgaryHdf5(path, { firstFrame: 2, lastFrame: 4 });
    expect(data.frames.shape).toEqual([480, 553, 3, 3]);
    expect(data.firstFrame).toBe(2);
    // Oracle: the generator, frames 2..4.
    expect(countMismatches(data.frames.data as Uint8Array, 2, 3)).toBe(0);
    expect(Math.abs((data.timesMs[0] ?? 0) - syntheticTimeMs(2))).toBeLessThan(1e-6);
    expect(data.frameMetadata.map((meta) => meta.image_request_start_timestamp)).toEqual(
      [2, 3, 4].map(syntheticRgbTimestamp),
    );
  });

  it("reads the same file from bytes in memory", async () => {
    const data = await readUcalgaryHdf5(new Uint8Array(readFileSync(path)), {
      firstFrame: 5,
      fileName: "in-memory.h5",
    });
    expect(countMismatches(data.frames.data as Uint8Array, 5, 1)).toBe(0);
  });

  it("treats a 3-D single-frame file as one frame and unwraps 1-element attributes", async () => {
    const data = await readUcalgaryHdf5(singleFramePath);
    expect(data.frames.shape).toEqual([480, 553, 3, 1]);
    expect(countMismatches(data.frames.data as Uint8Array, 0, 1)).toBe(0);
    expect(data.frameMetadata[0]?.subframe_requested_exposure).toBe("3000.000 ms");
    expect(data.fileMetadata.project_unique_id).toBe("trex");
  });

  it("rejects frame ranges outside the file with InvalidArgumentError", async () => {
    await expect(readUcalgaryHdf5(path, { lastFrame: 6 })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await expect(readUcalgaryHdf5(path, { firstFrame: 3, lastFrame: 2 })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await expect(readUcalgaryHdf5(path, { firstFrame: -1 })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
  });
});

describeWithFixtures("readUcalgaryHdf5 on the real THEMIS mosaic grid file", () => {
  const oracle = readOracle<{ attributes: Record<string, Record<string, string>> }>("hdf5", GRID);

  it("returns grid frames, source info, fill value, times and metadata", async () => {
    const data = await readUcalgaryHdf5(fixture("hdf5", GRID));
    expect(data.kind).toBe("grid");
    expect(data.frames.dtype).toBe("float32");
    expect(data.frames.shape).toEqual([512, 1024, 20]);
    expect(data.sourceInfo.confidence?.shape).toEqual([512, 1024, 20]);
    // Oracle: h5py's metadata/file attributes, fill_value "-999.0".
    expect(data.fileMetadata).toEqual(oracle.attributes["metadata/file"]);
    expect(data.fillValue).toBe(-999);
    expect(data.frameMetadata[7]).toEqual(oracle.attributes["metadata/frame/frame7"]);
    // Oracle: the timestamps h5py read ("2023-03-24 06:00:00 UTC", then every 3 s); exact.
    const startMs = Date.UTC(2023, 2, 24, 6, 0, 0);
    expect(Array.from(data.timesMs)).toEqual(
      Array.from({ length: 20 }, (_, i) => startMs + i * 3000),
    );
  });

  it("slices a frame range equal to the same frames of the whole dataset", async () => {
    const whole = await describeHdf5(fixture("hdf5", GRID));
    const full = whole.arrays.find((entry) => entry.path === "data/grid")?.array.data;
    const fullConfidence = whole.arrays.find(
      (entry) => entry.path === "data/source_info/confidence",
    )?.array.data;
    if (!(full instanceof Float32Array) || !(fullConfidence instanceof Float32Array)) {
      throw new Error("expected float32 grids");
    }
    const first = 7;
    const count = 4;
    const data = await readUcalgaryHdf5(fixture("hdf5", GRID), {
      firstFrame: first,
      lastFrame: first + count - 1,
    });
    expect(data.frames.shape).toEqual([512, 1024, count]);
    const sliced = data.frames.data as Float32Array;
    const confidence = data.sourceInfo.confidence?.data as Float32Array;
    // Invariant: element (r, c, k) of the slice is element (r, c, first + k) of the whole
    // dataset, whose SHA-256 the describe test checks against h5py. Exact (bit patterns).
    let mismatches = 0;
    for (let pixel = 0; pixel < 512 * 1024; pixel++) {
      for (let k = 0; k < count; k++) {
        if (!Object.is(sliced[pixel * count + k], full[pixel * 20 + first + k])) mismatches++;
        if (!Object.is(confidence[pixel * count + k], fullConfidence[pixel * 20 + first + k])) {
          mismatches++;
        }
      }
    }
    expect(mismatches).toBe(0);
    expect(data.frameMetadata).toEqual(
      [7, 8, 9, 10].map((frame) => oracle.attributes[`metadata/frame/frame${frame}`]),
    );
  });
});
