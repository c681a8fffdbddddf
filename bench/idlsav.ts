import { readFileSync } from "node:fs";
import { join } from "node:path";
import { memorySource } from "../src/core/byte-source.js";
import { readIdlSave } from "../src/formats/idlsav/read.js";
import { compare, mbPerS } from "./measure.js";
import type { BenchRow } from "./report.js";

/**
 * The THEMIS skymap (3.5 MB IDL save, uncompressed): a full decode (records, descriptors,
 * every array converted from XDR big-endian) against one copy plus one 32-bit byte swap of the
 * whole file — the memory-bandwidth bound of any decoder that must produce native arrays.
 */
export async function benchIdlSave(fixturesDir: string): Promise<BenchRow[]> {
  const path = join(fixturesDir, "themis", "themis_skymap_gako_20110305-+_vXX.sav");
  const bytes = new Uint8Array(readFileSync(path));
  const wordBytes = bytes.byteLength - (bytes.byteLength % 4);
  const comparison = await compare(
    () => Buffer.from(bytes.subarray(0, wordBytes)).swap32(),
    () => readIdlSave(memorySource(bytes, path, "IDL save")),
  );
  return [
    {
      name: `IDL save decode, THEMIS skymap (${(bytes.byteLength / 1e6).toFixed(1)} MB)`,
      subject: `${mbPerS(bytes.byteLength, comparison.subject.medianS)} MB/s of file`,
      baseline: `${mbPerS(bytes.byteLength, comparison.baseline.medianS)} MB/s (copy + swap32 of the whole file)`,
      comparison,
    },
  ];
}
