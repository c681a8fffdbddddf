import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { FormatError, NotFoundError } from "../../../src/core/errors.js";
import { readPgm, readPgmFrames } from "../../../src/formats/pgm/read.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { readFixture } from "../../support/fixtures.js";
import { decodedFixture } from "../../support/pgm-fixtures.js";
import {
  asciiBytes,
  bzip2,
  bzip2Path,
  concatBytes,
  inChunks,
  pgmFrame,
} from "../../support/pgm-synthetic.js";

const NAME = "bad.pgm";
const NIR = ["trex", "20220307_0600_gill_nir-216_8446.pgm.gz"] as const;
const scratch = mkdtempSync(join(tmpdir(), "aurorakit-pgm-bad-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Reads every frame; returns the frame count or the error thrown. */
async function outcome(
  input: Parameters<typeof readPgmFrames>[0],
  options: Parameters<typeof readPgmFrames>[1] = {},
): Promise<number | unknown> {
  let count = 0;
  try {
    for await (const _frame of readPgmFrames(input, { fileName: NAME, ...options })) count++;
    return count;
  } catch (error) {
    return error;
  }
}

async function formatError(
  input: Parameters<typeof readPgmFrames>[0],
  options: Parameters<typeof readPgmFrames>[1] = {},
): Promise<FormatError> {
  const result = await outcome(input, options);
  expect(result).toBeInstanceOf(FormatError);
  const error = result as FormatError;
  expect(error.file).toBe(NAME);
  expect(typeof error.offset).toBe("number");
  expect(error.expected.length).toBeGreaterThan(0);
  return error;
}

const frame2x2 = pgmFrame({ width: 2, height: 2, maxValue: 65535 });

describe("PGM bad input becomes FormatError (file, decoded offset, expectation)", () => {
  it("rejects an empty file, as bytes and as a path", async () => {
    const empty = await formatError(new Uint8Array(0));
    expect(empty.offset).toBe(0);
    expect(empty.message).toMatch(/P5/);
    const path = join(scratch, "empty.pgm");
    writeFileSync(path, new Uint8Array(0));
    const fromFile = await readPgm(path).catch((error: unknown) => error);
    expect(fromFile).toBeInstanceOf(FormatError);
    expect((fromFile as FormatError).file).toBe(path);
    expect((fromFile as FormatError).offset).toBe(0);
  });

  it("rejects wrong magic numbers", async () => {
    for (const text of ["P6\n2 2\n255\n", "P2\n2 2\n255\n", "GIF89a", "P", "P5", "P52 2 255\n"]) {
      const error = await formatError(asciiBytes(text));
      expect(error.offset, text).toBe(0);
    }
  });

  it("rejects absurd or malformed dimensions before allocating", async () => {
    const cases: [string, RegExp][] = [
      ["P5\n100000 100000\n65535\n", /at most 67108864 bytes/],
      ["P5\n0 5\n255\n", /positive width and height/],
      ["P5\nabc 256\n65535\n", /decimal width/],
      ["P5\n256 -256\n65535\n", /decimal height/],
      ["P5\n99999999999999 1\n255\n", /decimal width/],
      ["P5\n256 256\n0\n", /maxval from 1 to 65535/],
      ["P5\n256 256\n65536\n", /maxval from 1 to 65535/],
      ["P5\n256 256\n255#x\n", /one whitespace byte after the maxval/],
      ["P5\n256 256\n65535", /maxval of frame 0 followed by whitespace/],
    ];
    for (const [text, message] of cases) {
      const error = await formatError(asciiBytes(text));
      expect(error.message, text).toMatch(message);
    }
    const tight = await formatError(frame2x2, { maxFrameBytes: 7 });
    expect(tight.message).toMatch(/at most 7 bytes/);
  });

  it("rejects a missing maxval (binary raster where the maxval should be)", async () => {
    const bytes = concatBytes(asciiBytes("P5\n2 2\n"), new Uint8Array([0x81, 0x02, 0xff, 0x00]));
    const error = await formatError(bytes);
    expect(error.message).toMatch(/decimal maxval/);
    expect(error.offset).toBe(7);
  });

  it("rejects a frame cut in its pixels, naming the decoded offset", async () => {
    const cut = concatBytes(frame2x2, frame2x2.subarray(0, frame2x2.byteLength - 3));
    const error = await formatError(cut);
    expect(error.offset).toBe(cut.byteLength);
    expect(error.message).toMatch(/8 bytes of pixels for frame 1/);
  });

  it("stops an endless header or a flood of decoded bytes", async () => {
    const longLine = concatBytes(asciiBytes("P5\n#"), new Uint8Array(2 * 1024 * 1024).fill(0x61));
    expect((await formatError(longLine)).message).toMatch(/header to end within 1048576 bytes/);
    const manyLines = asciiBytes(`P5\n${"#x\n".repeat(400_000)}2 2\n255\n`);
    expect((await formatError(manyLines)).message).toMatch(/header to end within/);
    const flood = concatBytes(frame2x2, new Uint8Array(2 * 1024 * 1024).fill(0x20));
    const error = await formatError(inChunks(flood, 64 * 1024), { maxDecodedBytes: 1024 * 1024 });
    expect(error.message).toMatch(/at most 1048576 decoded bytes/);
  });

  it("stops inflating a gzip bomb after the frame that its header allows", async () => {
    // 256 gzip members of 1 MiB of zeros each: 256 MiB decoded from about 260 kB.
    const zerosMember = new Uint8Array(gzipSync(new Uint8Array(1024 * 1024), { level: 9 }));
    const bomb = concatBytes(
      new Uint8Array(gzipSync(frame2x2)),
      ...Array.from({ length: 256 }, () => zerosMember),
    );
    let pulledBytes = 0;
    async function* counted(): AsyncGenerator<Uint8Array> {
      for await (const chunk of inChunks(bomb, 1024)) {
        pulledBytes += chunk.byteLength;
        yield chunk;
      }
    }
    const error = await formatError(counted());
    expect(error.offset).toBe(frame2x2.byteLength);
    expect(error.message).toMatch(/"P5" then whitespace/);
    // Invariant: only the first few zlib buffers are inflated (stream backpressure), not the
    // 256 MiB behind them.
    expect(pulledBytes).toBeLessThan(bomb.byteLength / 4);
  });

  it("reports a missing file as NotFoundError", async () => {
    const result = await outcome(join(scratch, "does-not-exist.pgm.gz"));
    expect(result).toBeInstanceOf(NotFoundError);
    await expect(readPgm(join(scratch, "nope.pgm"))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describeWithFixtures("PGM bad input from the real TREx NIR file", () => {
  it("truncating the decoded stream anywhere gives frames or FormatError", async () => {
    const plain = decodedFixture(...NIR);
    const offsets: number[] = [];
    for await (const frame of readPgmFrames(plain)) offsets.push(frame.byteOffset);
    const cuts = [1, 2, 3, 100, 1500, offsets[1]!, offsets[1]! + 1, offsets[5]! - 1];
    for (let i = 1; i < 40; i++) cuts.push(Math.floor((plain.byteLength * i) / 40));
    for (const cut of cuts) {
      const result = await outcome(plain.subarray(0, cut));
      const boundary = offsets.indexOf(cut);
      // Invariant: a cut at a frame boundary is a shorter valid file; any other cut is an error
      // at or before the cut.
      if (boundary > 0) expect(result, `cut ${cut}`).toBe(boundary);
      else {
        expect(result, `cut ${cut}`).toBeInstanceOf(FormatError);
        expect((result as FormatError).offset, `cut ${cut}`).toBeLessThanOrEqual(cut);
      }
    }
  });

  it("truncated or corrupted gzip gives FormatError", async () => {
    const gzipped = readFixture(...NIR);
    for (let i = 1; i < 30; i++) {
      const cut = Math.floor((gzipped.byteLength * i) / 30);
      expect(await outcome(gzipped.subarray(0, cut)), `cut ${cut}`).toBeInstanceOf(FormatError);
    }
    expect(await outcome(gzipped.subarray(0, gzipped.byteLength - 4))).toBeInstanceOf(FormatError);
    for (const at of [1000, 5000, 300_000, gzipped.byteLength - 6]) {
      const flipped = gzipped.slice();
      flipped[at] = (flipped[at] as number) ^ 0x55;
      const gzipError = await outcome(flipped);
      expect(gzipError, `flip at ${at}`).toBeInstanceOf(FormatError);
      expect((gzipError as FormatError).file).toBe(NAME);
    }
  });

  it("flipped header bytes give frames or FormatError, never another error", async () => {
    const plain = decodedFixture(...NIR);
    for (let at = 0; at < 1700; at += 13) {
      const flipped = plain.slice();
      flipped[at] = (flipped[at] as number) ^ 0xff;
      const result = await outcome(flipped);
      if (typeof result !== "number") expect(result, `flip at ${at}`).toBeInstanceOf(FormatError);
    }
  });
});

const bzip2Suite = bzip2Path === undefined ? describe.skip : describe;
if (bzip2Path === undefined) console.warn("SKIPPED bad bzip2 PGM tests: no bzip2 CLI");

describeWithFixtures("PGM bad bzip2 input", () => {
  bzip2Suite("bzip2 built by the bzip2 CLI", () => {
    it("truncated, corrupted or bomb bzip2 gives FormatError", async () => {
      const compressed = bzip2(decodedFixture(...NIR).subarray(0, 400_000), 1);
      const cuts = [4, 10, 1000, compressed.byteLength - 1, compressed.byteLength - 12];
      for (let i = 1; i < 8; i++) cuts.push(Math.floor((compressed.byteLength * i) / 8));
      for (const cut of cuts) {
        expect(await outcome(compressed.subarray(0, cut)), `cut ${cut}`).toBeInstanceOf(
          FormatError,
        );
      }
      const flipped = compressed.slice();
      const middle = Math.floor(compressed.byteLength / 2);
      flipped[middle] = (flipped[middle] as number) ^ 0x10;
      expect(await outcome(flipped)).toBeInstanceOf(FormatError);
      const bomb = bzip2(concatBytes(frame2x2, new Uint8Array(32 * 1024 * 1024)));
      const error = await formatError(bomb, { maxDecodedBytes: 4 * 1024 * 1024 });
      expect(error.message).toMatch(/at most 4194304 bytes/);
    });
  });
});
