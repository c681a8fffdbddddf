import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { readPgmFrames } from "../src/formats/pgm/read.js";
import { compare } from "./measure.js";
import type { BenchRow } from "./report.js";

/**
 * UCalgary PGM.gz minute files: streaming decode (gunzip + header parse + byte swap, frame by
 * frame) against a plain one-shot `zlib.gunzipSync` of the same file, which bounds it from
 * below: the reader cannot finish before the pixels are decompressed.
 */
export async function benchPgm(fixturesDir: string): Promise<BenchRow[]> {
  const path = join(fixturesDir, "themis-pgm", "20140310_0600_gill_themis19_full.pgm.gz");
  const compressed = readFileSync(path);
  let frames = 0;
  const comparison = await compare(
    () => gunzipSync(compressed),
    async () => {
      frames = 0;
      for await (const _frame of readPgmFrames(compressed, { fileName: path })) frames++;
    },
  );
  const framesPerS = (seconds: number) => `${(frames / seconds).toFixed(0)} frames/s`;
  return [
    {
      name: `PGM.gz decode, THEMIS minute file (${frames} frames 256x256 uint16, ${compressed.byteLength} bytes)`,
      subject: framesPerS(comparison.subject.medianS),
      baseline: `${framesPerS(comparison.baseline.medianS)} (zlib.gunzipSync of the same file)`,
      comparison,
    },
  ];
}
