import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { memorySource } from "../../../src/core/byte-source.js";
import { FormatError } from "../../../src/core/errors.js";
import { DEFAULT_MAX_DECODED_BYTES } from "../../../src/formats/pgm/constants.js";
import { decodedStream } from "../../../src/formats/pgm/decoded-stream.js";
import { type PgmFrame, pgmFrames } from "../../../src/formats/pgm/frames.js";
import { gunzipWhole } from "../../../src/formats/pgm/gunzip-whole.js";
import { readPgmFrames } from "../../../src/formats/pgm/read.js";
import { sha256LittleEndian } from "../../../src/formats/summary.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { readFixture, readOracle } from "../../support/fixtures.js";
import type { PgmOracle } from "../../support/pgm-fixtures.js";
import { concatBytes, inChunks, pgmFrame } from "../../support/pgm-synthetic.js";

const NAME = "fast.pgm.gz";
const THEMIS = ["themis-pgm", "20140310_0600_gill_themis19_full.pgm.gz"] as const;
const scratch = mkdtempSync(join(tmpdir(), "aurorakit-pgm-fast-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Everything a frame reports, pixels as a hash: equal summaries mean identical frames. */
function summary(frame: PgmFrame) {
  const { pixels, metadataEntries, ...rest } = frame;
  return { ...rest, metadataEntries, pixels: sha256LittleEndian(pixels) };
}

/** Frames until the end or the first error; the error as its fields (class, offset, text). */
async function outcome(decoded: AsyncIterable<Uint8Array>, maxDecodedBytes?: number) {
  const frames: ReturnType<typeof summary>[] = [];
  const options = { fileName: NAME, ...(maxDecodedBytes === undefined ? {} : { maxDecodedBytes }) };
  try {
    for await (const frame of pgmFrames(decoded, options)) frames.push(summary(frame));
    return { frames, error: null };
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    const { offset, expected, found, message } = error as FormatError;
    return { frames, error: { offset, expected, found, message } };
  }
}

const context = { file: NAME, maxDecodedBytes: DEFAULT_MAX_DECODED_BYTES };
/** The fast path as readPgmFrames takes it, and the streaming path forced by a 0-byte cap. */
const fast = (input: Uint8Array) => decodedStream(input, context);
const streamed = (input: Uint8Array) => decodedStream(input, context, 0);

describeWithFixtures("PGM.gz fast path (one gunzipSync) against the streaming path", () => {
  const gzipped = readFixture(...THEMIS);

  it("yields identical frames, matching the oracle's hashes", async () => {
    const viaFast = await outcome(await fast(gzipped));
    const viaStream = await outcome(await streamed(gzipped));
    expect(viaFast.error).toBeNull();
    // Oracle: the fast path must be indistinguishable from the streaming path; exact.
    expect(viaFast).toEqual(viaStream);
    // Oracle: the independent Python PGM parser's per-frame SHA-256 (.oracle.json).
    const oracle = readOracle<PgmOracle>(...THEMIS);
    expect(viaFast.frames.map((frame) => frame.pixels)).toEqual(
      oracle.per_frame.map((frame) => frame.sha256_le),
    );
  });

  it("takes the fast path for a path, bytes and a ByteSource, not for a byte stream", async () => {
    const path = join(scratch, "themis.pgm.gz");
    writeFileSync(path, gzipped);
    // Invariant: the fast path hands the parser exactly one chunk, the streaming path many.
    const chunkCount = async (decoded: AsyncIterable<Uint8Array>) => {
      let count = 0;
      for await (const _chunk of decoded) count++;
      return count;
    };
    for (const input of [path, gzipped, memorySource(gzipped, NAME, "pgm")]) {
      expect(await chunkCount(await decodedStream(input, context))).toBe(1);
    }
    expect(
      await chunkCount(await decodedStream(inChunks(gzipped, 65_536), context)),
    ).toBeGreaterThan(1);
    expect(await chunkCount(await streamed(gzipped))).toBeGreaterThan(1);
  });

  it("falls back to the streaming path on truncated or corrupt gzip: same frames, same error", async () => {
    for (let i = 1; i < 12; i++) {
      const cut = gzipped.subarray(0, Math.floor((gzipped.byteLength * i) / 12));
      // Oracle: the streaming path (today's behaviour); exact.
      expect(await outcome(await fast(cut)), `cut ${cut.byteLength}`).toEqual(
        await outcome(await streamed(cut)),
      );
    }
    for (const at of [2000, 700_000, gzipped.byteLength - 6]) {
      const flipped = gzipped.slice();
      flipped[at] = (flipped[at] as number) ^ 0x55;
      const viaFast = await outcome(await fast(flipped));
      expect(viaFast.error, `flip at ${at}`).not.toBeNull();
      expect(viaFast, `flip at ${at}`).toEqual(await outcome(await streamed(flipped)));
    }
  });
});

describe("PGM.gz fast path limits", () => {
  const frame = pgmFrame({ width: 4, height: 3, maxValue: 65535 });

  it("decodes multi-member gzip in one call", async () => {
    const members = concatBytes(...[frame, frame, frame].map((f) => new Uint8Array(gzipSync(f))));
    const decoded = gunzipWhole(members, 1024);
    // Analytic: three members inflate to the three frames back to back.
    expect(decoded).toEqual(concatBytes(frame, frame, frame));
    const frames = [];
    for await (const f of readPgmFrames(members, { fileName: NAME })) frames.push(f.index);
    expect(frames).toEqual([0, 1, 2]);
  });

  it("refuses output past its cap, and a bomb still ends in FormatError", async () => {
    // 80 gzip members of 1 MiB of zeros each behind one valid frame: 80 MiB from about 80 kB.
    const zerosMember = new Uint8Array(gzipSync(new Uint8Array(1024 * 1024), { level: 9 }));
    const bomb = concatBytes(
      new Uint8Array(gzipSync(frame)),
      ...Array.from({ length: 80 }, () => zerosMember),
    );
    // Analytic: the output (80 MiB + one frame) exceeds both caps, so nothing is returned.
    expect(gunzipWhole(bomb, 1024 * 1024)).toBeUndefined();
    expect(gunzipWhole(bomb, 64 * 1024 * 1024)).toBeUndefined();
    // The streaming fallback then stops at the zeros where frame 1 should start.
    const result = await outcome(await fast(bomb));
    expect(result.frames).toHaveLength(1);
    expect(result.error?.offset).toBe(frame.byteLength);
    expect(result.error?.message).toMatch(/"P5" then whitespace/);
  });

  it("keeps maxDecodedBytes: an output above it streams and fails where it did", async () => {
    const many = new Uint8Array(gzipSync(concatBytes(...Array.from({ length: 50 }, () => frame))));
    const tight = { file: NAME, maxDecodedBytes: 10 * frame.byteLength };
    const limit = tight.maxDecodedBytes;
    const viaFast = await outcome(await decodedStream(many, tight), limit);
    // Oracle: the streaming path with the same limit; exact.
    expect(viaFast).toEqual(await outcome(await decodedStream(many, tight, 0), limit));
    expect(viaFast.error?.message).toMatch(/decoded bytes \(option maxDecodedBytes\)/);
  });
});
