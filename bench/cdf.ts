import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { memorySource } from "../src/core/byte-source.js";
import { type CdfFile, openCdf } from "../src/formats/cdf/cdf-file.js";
import { generateThemisHour } from "../test/support/themis-hour.js";
import { compare, mbPerS } from "./measure.js";
import type { BenchRow } from "./report.js";

/** The target: full decode at no less than 0.8 of plain zlib over the same blocks. */
const TARGET_RATIO = 0.8;

function compressedBlocks(cdf: CdfFile, bytes: Uint8Array, variable: string): Uint8Array[] {
  return cdf
    .blocks(variable)
    .filter((block) => block.compressed)
    .map((block) => bytes.subarray(block.fileOffset, block.fileOffset + block.storedBytes));
}

/**
 * Decoding every frame of an image variable (walk the VXR tree, inflate each GZIP block, swap
 * big-endian samples, place them in one row-major Uint16Array) against plain `zlib.gunzipSync`
 * of exactly the same compressed blocks — the physical bound of this path is the inflate itself.
 */
async function benchVariable(label: string, bytes: Uint8Array, variable: string) {
  const cdf = openCdf(memorySource(bytes, label, "CDF"));
  const blocks = compressedBlocks(cdf, bytes, variable);
  const pixelBytes = (cdf.readVariable(variable).data as Uint16Array).byteLength;
  const decodedBytes = blocks.map((block) => gunzipSync(block).byteLength);
  const plain = await compare(
    () => {
      for (const block of blocks) gunzipSync(block);
    },
    () => cdf.readVariable(variable),
  );
  const bound = await compare(
    () => {
      for (const [i, block] of blocks.entries()) {
        gunzipSync(block, { chunkSize: decodedBytes[i] });
      }
    },
    () => cdf.readVariable(variable),
  );
  const rows: BenchRow[] = [
    {
      name: `CDF decode, ${label}: ${variable} (${blocks.length} GZIP blocks, ${(pixelBytes / 1e6).toFixed(1)} MB of pixels)`,
      subject: `${mbPerS(pixelBytes, plain.subject.medianS)} MB/s of pixels`,
      baseline: `${mbPerS(pixelBytes, plain.baseline.medianS)} MB/s (zlib.gunzipSync of the same blocks)`,
      comparison: plain,
      targetRatio: TARGET_RATIO,
    },
    {
      name: `  the same, against inflate alone with each block's exact output size preallocated (the physical bound)`,
      subject: `${mbPerS(pixelBytes, bound.subject.medianS)} MB/s of pixels`,
      baseline: `${mbPerS(pixelBytes, bound.baseline.medianS)} MB/s (zlib.gunzipSync with chunkSize = decoded size)`,
      comparison: bound,
    },
  ];
  return { cdf, rows, pixelBytes };
}

export async function benchCdf(fixturesDir: string): Promise<BenchRow[]> {
  const realPath = join(fixturesDir, "themis", "thg_l1_asf_gako_2011010617_v01.cdf");
  const real = await benchVariable(
    "real THEMIS file (23 frames)",
    new Uint8Array(readFileSync(realPath)),
    "thg_asf_gako",
  );

  const scratch = mkdtempSync(join(tmpdir(), "aurorakit-bench-"));
  try {
    const hourPath = join(scratch, "thg_l1_asf_gako_2011010617_v01.cdf");
    generateThemisHour({ outPath: hourPath, frames: 1200 });
    const hourBytes = new Uint8Array(readFileSync(hourPath));
    const hour = await benchVariable("generated hour (1200 frames)", hourBytes, "thg_asf_gako");

    // A record range decodes only the blocks that overlap it: frames 600-699 of the hour
    // against the whole hour, both through the reader.
    const range = await compare(
      () => hour.cdf.readVariable("thg_asf_gako"),
      () => hour.cdf.readVariable("thg_asf_gako", { firstRecord: 600, lastRecord: 699 }),
      { minRuns: 5, minTotalS: 2 },
    );
    const rangeRow: BenchRow = {
      name: "CDF record range, generated hour: frames 600-699 of 1200",
      subject: `${(range.subject.medianS * 1e3).toFixed(1)} ms`,
      baseline: `${(range.baseline.medianS * 1e3).toFixed(1)} ms (all 1200 frames through the reader; ideal ratio about 12)`,
      comparison: range,
    };
    return [...real.rows, ...hour.rows, rangeRow];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
