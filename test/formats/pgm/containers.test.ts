import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { memorySource } from "../../../src/core/byte-source.js";
import { describePgm } from "../../../src/formats/pgm/describe.js";
import { readPgm, readPgmFrames } from "../../../src/formats/pgm/read.js";
import { sha256LittleEndian } from "../../../src/formats/summary.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { readFixture, readOracle } from "../../support/fixtures.js";
import { decodedFixture, type PgmOracle } from "../../support/pgm-fixtures.js";
import { bzip2, bzip2Path, concatBytes, inChunks } from "../../support/pgm-synthetic.js";

const NIR = ["trex", "20220307_0600_gill_nir-216_8446.pgm.gz"] as const;
const THEMIS = ["themis-pgm", "20140310_0600_gill_themis19_full.pgm.gz"] as const;

const scratch = mkdtempSync(join(tmpdir(), "aurorakit-pgm-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Per-frame sha256_le of a whole read, compared with the oracle's list. */
async function frameHashes(input: Parameters<typeof readPgmFrames>[0]): Promise<string[]> {
  const hashes: string[] = [];
  for await (const frame of readPgmFrames(input)) hashes.push(sha256LittleEndian(frame.pixels));
  return hashes;
}

function oracleHashes(folder: string, name: string): string[] {
  return readOracle<PgmOracle>(folder, name).per_frame.map((frame) => frame.sha256_le);
}

describeWithFixtures("PGM containers: plain, gzip (multi-member), bzip2, any input kind", () => {
  it("reads the plain (gunzipped in-process) stream as bytes, ByteSource and file", async () => {
    const plain = decodedFixture(...NIR);
    const path = join(scratch, "nir.pgm");
    writeFileSync(path, plain);
    // Oracle: per-frame sha256_le of the .pgm.gz from the independent Python parser.
    const expected = oracleHashes(...NIR);
    expect(await frameHashes(plain)).toEqual(expected);
    expect(await frameHashes(memorySource(plain, "nir.pgm"))).toEqual(expected);
    expect(await frameHashes(path)).toEqual(expected);
  });

  it("recognises compression by magic bytes, not by the file name", async () => {
    const gzipped = readFixture(...NIR);
    const misnamedGzip = join(scratch, "really-gzip.pgm");
    const misnamedPlain = join(scratch, "really-plain.pgm.gz");
    writeFileSync(misnamedGzip, gzipped);
    writeFileSync(misnamedPlain, decodedFixture(...NIR));
    const expected = oracleHashes(...NIR);
    expect(await frameHashes(misnamedGzip)).toEqual(expected);
    expect(await frameHashes(misnamedPlain)).toEqual(expected);
  });

  it("reads multi-member gzip split inside a frame and at a frame boundary", async () => {
    const plain = decodedFixture(...NIR);
    const offsets: number[] = [];
    for await (const frame of readPgmFrames(plain)) offsets.push(frame.byteOffset);
    const cuts = [0, 12_345, offsets[3]!, offsets[7]! + 1, plain.byteLength];
    const members = cuts.slice(1).map((end, i) => gzipSync(plain.subarray(cuts[i], end)));
    const multiMember = concatBytes(...members.map((member) => new Uint8Array(member)));
    expect(await frameHashes(multiMember)).toEqual(oracleHashes(...NIR));
  });

  it("streams from chunks of awkward sizes", async () => {
    const gzipped = readFixture(...NIR);
    const plain = decodedFixture(...NIR);
    const expected = oracleHashes(...NIR);
    for (const size of [61, 4099]) {
      expect(await frameHashes(inChunks(gzipped, size)), `gzip chunks of ${size}`).toEqual(
        expected,
      );
    }
    for (const size of [13, 65_537]) {
      expect(await frameHashes(inChunks(plain, size)), `plain chunks of ${size}`).toEqual(expected);
    }
  });

  it("stops reading when the consumer stops", async () => {
    let returned = false;
    let chunksPulled = 0;
    const gzipped = readFixture(...THEMIS);
    const tracked: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]() {
        const inner = inChunks(gzipped, 4096);
        return {
          next: () => {
            chunksPulled++;
            return inner.next();
          },
          return: async () => {
            returned = true;
            return inner.return(undefined);
          },
        };
      },
    };
    for await (const frame of readPgmFrames(tracked)) {
      expect(frame.index).toBe(0);
      break;
    }
    expect(returned).toBe(true);
    // Invariant: frame 0 is about 1/20 of the file, so far fewer than all 523 chunks are read
    // (the limit allows for zlib's and the stream pipeline's read-ahead).
    expect(chunksPulled).toBeLessThan(Math.ceil(gzipped.byteLength / 4096) / 2);
  });

  it("readPgm stacks frames like describePgm", async () => {
    const result = await readPgm(readFixture(...THEMIS), { fileName: THEMIS[1] });
    const oracle = readOracle<PgmOracle>(...THEMIS);
    // Oracle: stack sha256_le, shape and dtype from the independent Python parser.
    expect(result.stack.dtype).toBe(oracle.stack.dtype);
    expect(result.stack.shape).toEqual(oracle.stack.shape);
    expect(sha256LittleEndian(result.stack.data)).toBe(oracle.stack.sha256_le);
    expect(result.frames.map((frame) => frame.index)).toEqual([...Array(20).keys()]);
    expect(result.frames[0]!.byteOffset).toBe(0);
  });
});

const bzip2Suite = bzip2Path === undefined ? describe.skip : describe;
if (bzip2Path === undefined) console.warn("SKIPPED bzip2 PGM tests: no bzip2 CLI to build inputs");

describeWithFixtures("PGM bzip2 (2004-era THEMIS)", () => {
  bzip2Suite("bzip2 built by the bzip2 CLI from the real THEMIS frames", () => {
    it("decodes single- and multi-stream .pgm.bz2 exactly", async () => {
      const plain = decodedFixture(...THEMIS);
      const expected = oracleHashes(...THEMIS);
      const path = join(scratch, "themis.pgm.bz2");
      // Level 1 = 100 kB blocks, so the file spans many blocks.
      writeFileSync(path, bzip2(plain, 1));
      // Oracle: per-frame sha256_le of the same frames read from .pgm.gz by the Python parser.
      expect(await frameHashes(path)).toEqual(expected);
      const half = plain.byteLength / 2 + 17;
      const multi = concatBytes(bzip2(plain.subarray(0, half)), bzip2(plain.subarray(half)));
      const description = await describePgm(multi, "themis.pgm.bz2");
      // Oracle: stack sha256_le of the independent Python parser.
      expect(sha256LittleEndian(description.arrays[0]!.array.data as Uint16Array)).toBe(
        readOracle<PgmOracle>(...THEMIS).stack.sha256_le,
      );
    });
  });
});
