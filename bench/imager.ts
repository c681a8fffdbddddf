import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileSource } from "../src/core/byte-source.js";
import { openCdf } from "../src/formats/cdf/cdf-file.js";
import { openImager } from "../src/imager/open-imager.js";
import { generateThemisHour } from "../test/support/themis-hour.js";
import { compare } from "./measure.js";
import type { BenchRow } from "./report.js";

/** Issue 3 targets: iterate within 1.2x of decode-only time, peak RSS at most 200 MB. */
const TARGET_RATIO = 1 / 1.2;
const TARGET_PEAK_RSS_MB = 200;

const HOUR_START = "2011-01-06T17:00:00Z";
const HOUR_END = "2011-01-06T17:59:59.999Z";

/**
 * The child's own peak resident memory: VmHWM from /proc (Linux; it belongs to the address
 * space created at exec). getrusage's maxRSS would not do: Linux carries the parent's
 * high-water mark across fork+exec, so a child of this bench reports the bench's peak.
 */
const PEAK_RSS_KB = `(() => {
  try {
    const m = /VmHWM:\\s+(\\d+) kB/.exec(require("node:fs").readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]);
  } catch {}
  return Math.round(process.memoryUsage.rss() / 1024);
})()`;

/**
 * A child process iterating the hour through the public API (dist/), so its peak RSS is the
 * Imager's alone: the bench process holds fixtures, JIT state and the baseline's arrays.
 */
function childPeakRssMb(
  dataDir: string,
  mode: "imager" | "idle",
): { frames: number; peakRssMb: number } {
  const entry = resolve("dist/index.js");
  const work =
    mode === "idle"
      ? "let frames = 0;"
      : `const imager = await openImager("themis", "gako", { start: ${JSON.stringify(HOUR_START)}, end: ${JSON.stringify(HOUR_END)} },
          { source: "berkeley", skymap: false, overrides: { dataDir: ${JSON.stringify(dataDir)}, offline: true } });
        let frames = 0;
        for await (const frame of imager.frames()) frames += frame.image.length > 0 ? 1 : 0;`;
  const script = `import { createRequire } from "node:module";
    const require = createRequire(import.meta.url);
    const { openImager } = await import(${JSON.stringify(entry)});
    ${work}
    console.log(JSON.stringify({ frames, peakKb: ${PEAK_RSS_KB} }));`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  const { frames, peakKb } = JSON.parse(out) as { frames: number; peakKb: number };
  return { frames, peakRssMb: peakKb / 1024 };
}

/**
 * Iterating an hour of THEMIS (1200 frames, a CDF generated from the real Gakona frames) from
 * the cache through the Imager — listing from the cache, file open, per-block inflate, byte
 * swap, 180° rotation into a fresh frame — against decoding the same variable in one call
 * (`readVariable`, the foundation's decode-only path) in the same run.
 */
export async function benchImager(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "aurorakit-bench-cache-"));
  try {
    const dir = join(dataDir, "berkeley", "thg", "l1", "asi", "gako", "2011", "01");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "thg_l1_asf_gako_2011010617_v01.cdf");
    generateThemisHour({ outPath: path, frames: 1200 });
    const decodeOnly = () => {
      const cdf = openCdf(fileSource(path, "CDF"));
      cdf.readVariable("thg_asf_gako");
      cdf.close();
    };
    let frames = 0;
    const iterate = async () => {
      const imager = await openImager(
        "themis",
        "gako",
        { start: HOUR_START, end: HOUR_END },
        {
          source: "berkeley",
          skymap: false,
          overrides: { dataDir, offline: true },
        },
      );
      frames = 0;
      for await (const frame of imager.frames()) frames += frame.image.length > 0 ? 1 : 0;
    };
    const timing = await compare(decodeOnly, iterate, { minRuns: 5, minTotalS: 4 });
    const imagerRss = childPeakRssMb(dataDir, "imager");
    const idleRss = childPeakRssMb(dataDir, "idle");
    const fps = (n: number, s: number) => (n / s).toFixed(0);
    return [
      {
        name: `Imager iteration, THEMIS hour from the cache (${frames} frames, Berkeley CDF, offline)`,
        subject: `${fps(frames, timing.subject.medianS)} frames/s`,
        baseline: `${fps(1200, timing.baseline.medianS)} frames/s (decode-only: readVariable of the whole hour)`,
        comparison: timing,
        targetRatio: TARGET_RATIO,
      },
      {
        name: `  peak RSS of a process iterating the hour (${imagerRss.frames} frames; target <= ${TARGET_PEAK_RSS_MB} MB)`,
        subject: `${imagerRss.peakRssMb.toFixed(0)} MB`,
        baseline: `${idleRss.peakRssMb.toFixed(0)} MB (the same process importing aurorakit and doing nothing)`,
        targetMet: {
          target: `<= ${TARGET_PEAK_RSS_MB} MB`,
          met: imagerRss.peakRssMb <= TARGET_PEAK_RSS_MB,
        },
      },
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
