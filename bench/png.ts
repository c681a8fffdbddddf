import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { concatBytes } from "../src/core/bytes.js";
import { readPngStructure } from "../src/formats/png/chunks.js";
import { decodePng } from "../src/formats/png/decode.js";
import { compare, mbPerS } from "./measure.js";
import type { BenchRow } from "./report.js";

/**
 * The TREx RGB PNG frame: a full decode (chunk walk, CRC checks, inflate, unfiltering) against
 * inflating its IDAT stream alone — the bound set by the decompression.
 */
export async function benchPng(fixturesDir: string): Promise<BenchRow[]> {
  const path = join(fixturesDir, "trex", "20200508_060500_122643_gill_rgb-04_320ms_full.png");
  const bytes = new Uint8Array(readFileSync(path));
  const idat = concatBytes(readPngStructure(bytes, path).imageData);
  const pixelBytes = decodePng(bytes, path).data.byteLength;
  const comparison = await compare(
    () => inflateSync(idat),
    () => decodePng(bytes, path),
  );
  return [
    {
      name: `PNG decode, TREx RGB frame (480x553x3, ${bytes.byteLength} bytes)`,
      subject: `${mbPerS(pixelBytes, comparison.subject.medianS)} MB/s of pixels`,
      baseline: `${mbPerS(pixelBytes, comparison.baseline.medianS)} MB/s (zlib.inflateSync of the IDAT stream)`,
      comparison,
    },
  ];
}
