/**
 * Writes an hour-long THEMIS ASI CDF built from the real fixture's frames.
 * Usage: npx vite-node scripts/generate-themis-hour.ts -- OUT.cdf [FRAMES]
 */
import { performance } from "node:perf_hooks";
import { generateThemisHour } from "../test/support/themis-hour.js";

const [outPath, framesText] = process.argv.slice(2).filter((a) => a !== "--");
if (outPath === undefined) {
  console.error("usage: npx vite-node scripts/generate-themis-hour.ts -- OUT.cdf [FRAMES]");
  process.exit(2);
}
const frames = framesText === undefined ? 1200 : Number(framesText);
const startMs = performance.now();
const result = generateThemisHour({ outPath, frames });
const elapsedS = (performance.now() - startMs) / 1000;
console.log(
  `${result.path}: ${result.frames} frames, ${(result.fileBytes / 1e6).toFixed(1)} MB in ${elapsedS.toFixed(1)} s`,
);
