import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FormatError, NotFoundError } from "../../../src/core/errors.js";
import { describeHdf5 } from "../../../src/formats/hdf5/describe.js";
import { readUcalgaryHdf5 } from "../../../src/formats/hdf5/ucalgary.js";
import { summarize } from "../../../src/formats/summary.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { fixture, readFixture, readOracle } from "../../support/fixtures.js";

const GRID = "20230324_0600_110km_MOSv001_grid_themis-asi.h5";

/** Byte offset of the end-of-file address in a version-0 superblock (HDF5 spec II.A). */
const SUPERBLOCK_V0_EOF_FIELD = 40;

async function expectFormatError(
  promise: Promise<unknown>,
  fileName: string,
): Promise<FormatError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FormatError);
  expect((error as FormatError).message).toContain(fileName);
  return error as FormatError;
}

describe("HDF5 bad input that is not the real fixture", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "aurorakit-test-h5-bad-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reports a missing path or a directory as NotFoundError", async () => {
    await expect(describeHdf5(join(dir, "absent.h5"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(describeHdf5(dir)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("rejects empty, tiny and non-HDF5 inputs at the signature", async () => {
    for (const bytes of [new Uint8Array(0), new Uint8Array([0x89, 0x48]), new Uint8Array(4096)]) {
      const error = await expectFormatError(describeHdf5(bytes, "not.h5"), "not.h5");
      expect(error.expected).toContain("signature");
    }
  });

  it("refuses a dataset whose declared size the file cannot justify, before allocating", async () => {
    const h5 = await import("h5wasm/node");
    await h5.ready;
    const path = join(dir, "sparse.h5");
    const file = new h5.File(path, "w");
    const dataset = file.create_dataset({
      name: "huge",
      data: new Uint8Array(1),
      shape: [1],
      maxshape: [null],
      chunks: [1024],
    });
    // 4 GiB of never-written chunks: only fill values, nothing stored in the file.
    dataset.resize([4 * 1024 ** 3]);
    file.close();
    const error = await expectFormatError(describeHdf5(path), path);
    expect(error.found).toContain(`${4 * 1024 ** 3} bytes declared`);
  });

  it("rejects UCalgary files whose timestamps or frame metadata do not match the frames", async () => {
    const h5 = await import("h5wasm/node");
    await h5.ready;
    const write = (name: string, stampCount: number, frameGroups: number): string => {
      const path = join(dir, name);
      const file = new h5.File(path, "w");
      const data = file.create_group("data");
      data.create_dataset({
        name: "images",
        data: new Uint8Array(2 * 2 * 3 * 2),
        shape: [2, 2, 3, 2],
      });
      const stamps = Array.from({ length: stampCount }, () => "2021-02-05 06:00:00.000000 UTC");
      data.create_dataset({ name: "timestamp", data: stamps });
      const metadata = file.create_group("metadata");
      metadata.create_dataset({ name: "file", data: new Float32Array(0), shape: [0] });
      const frames = metadata.create_group("frame");
      for (let i = 0; i < frameGroups; i++) {
        frames.create_dataset({ name: `frame${i}`, data: new Float32Array(0), shape: [0] });
      }
      file.close();
      return path;
    };
    const wrongStamps = write("stamps.h5", 3, 2);
    expect(
      (await expectFormatError(readUcalgaryHdf5(wrongStamps), wrongStamps)).expected,
    ).toContain("data/timestamp to hold 2 strings");
    const missingFrame = write("frames.h5", 2, 1);
    expect(
      (await expectFormatError(readUcalgaryHdf5(missingFrame), missingFrame)).expected,
    ).toContain("metadata/frame/frame1");
    // The frame that exists can still be read on its own.
    expect((await readUcalgaryHdf5(missingFrame, { lastFrame: 0 })).frames.shape).toEqual([
      2, 2, 3, 1,
    ]);
  });

  it("says which layout it expected when a valid HDF5 file is not a UCalgary product", async () => {
    const h5 = await import("h5wasm/node");
    await h5.ready;
    const path = join(dir, "other.h5");
    const file = new h5.File(path, "w");
    file.create_dataset({ name: "values", data: new Float64Array([1, 2, 3]) });
    file.close();
    const error = await expectFormatError(readUcalgaryHdf5(path), path);
    expect(error.expected).toContain("data/images");
  });
});

describeWithFixtures("HDF5 corruption of the real grid file", () => {
  const original = readFixture("hdf5", GRID);
  const oracle = readOracle<{ datasets: Record<string, { sha256_le?: string }> }>("hdf5", GRID);
  let dir = "";
  let previousTmp: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "aurorakit-test-h5-corrupt-"));
    // A private TMPDIR for this worker, so that the check for leftover temporary copies below
    // does not see other test files' temporary files.
    previousTmp = process.env.TMPDIR;
    process.env.TMPDIR = join(dir, "tmp");
    mkdirSync(process.env.TMPDIR);
  });
  afterAll(() => {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    rmSync(dir, { recursive: true, force: true });
  });

  it("rejects truncated copies (in memory and on disk) without invoking HDF5", async () => {
    const cuts = [0, 1, 8, 16, 47, 100, 1000, 4096, 65_536, 400_000, 1_000_000];
    cuts.push(original.length - 100, original.length - 1);
    for (const cut of cuts) {
      const bytes = original.slice(0, cut);
      const name = `cut-${cut}.h5`;
      await expectFormatError(describeHdf5(bytes, name), name);
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const error = await expectFormatError(readUcalgaryHdf5(path), path);
      if (cut >= 64) expect(error.found).toContain("truncated");
    }
  });

  it("rejects a corrupt superblock version and offset size with the byte offset", async () => {
    const badVersion = original.slice();
    badVersion[8] = 9;
    const versionError = await expectFormatError(describeHdf5(badVersion, "v.h5"), "v.h5");
    expect(versionError.offset).toBe(8);
    const badOffsetSize = original.slice();
    badOffsetSize[13] = 3;
    await expectFormatError(describeHdf5(badOffsetSize, "o.h5"), "o.h5");
    const badMagic = original.slice();
    badMagic[1] = 0x58;
    await expectFormatError(describeHdf5(badMagic, "m.h5"), "m.h5");
  });

  it("wraps HDF5's own errors for truncations hidden behind a patched end-of-file address", async () => {
    for (const cut of [2_000, 3_000, 500_000, original.length - 100]) {
      const bytes = original.slice(0, cut);
      new DataView(bytes.buffer).setBigUint64(SUPERBLOCK_V0_EOF_FIELD, BigInt(cut), true);
      const name = `patched-${cut}.h5`;
      await expectFormatError(describeHdf5(bytes, name), name);
    }
  });

  it("survives flipped bytes: each read succeeds or is a FormatError, never a crash", async () => {
    // A byte inside the compressed chunks of data/grid: HDF5's inflate fails on it.
    const knownBadChunkByte = 410_397;
    const offsets = [knownBadChunkByte];
    // Deterministic spread over the metadata (first 4 KiB) and over the whole file.
    for (let i = 0; i < 16; i++) offsets.push((i * 2_654_435_761) % 4096);
    for (let i = 0; i < 8; i++) offsets.push((i * 2_654_435_761) % original.length);
    let failures = 0;
    for (const offset of offsets) {
      const bytes = original.slice();
      bytes[offset] = (bytes[offset] ?? 0) ^ 0xff;
      const name = `flip-${offset}.h5`;
      const outcome = await describeHdf5(bytes, name).then(
        () => "ok",
        (error: unknown) => error,
      );
      if (outcome !== "ok") {
        failures++;
        expect(outcome).toBeInstanceOf(FormatError);
        expect((outcome as FormatError).message).toContain(name);
      }
      if (offset === knownBadChunkByte) expect(outcome).toBeInstanceOf(FormatError);
    }
    // Invariant: at least the known-bad chunk failed; the count is printed for the record.
    expect(failures).toBeGreaterThanOrEqual(1);
    console.info(`flipped-byte copies rejected: ${failures} of ${offsets.length}`);
    // Every temporary copy of in-memory bytes was removed, failed or not.
    expect(readdirSync(process.env.TMPDIR ?? "")).toEqual([]);
  });

  it("still reads the real file bit-exactly after all those failures", async () => {
    const description = await describeHdf5(fixture("hdf5", GRID));
    const grid = description.arrays.find((entry) => entry.path === "data/grid");
    if (grid === undefined) throw new Error("data/grid missing");
    // Oracle: h5py's SHA-256 of data/grid.
    expect(summarize("data/grid", grid.array).sha256).toBe(oracle.datasets["data/grid"]?.sha256_le);
  });
});
