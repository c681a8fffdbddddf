import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { benchCdf } from "./cdf.js";
import { benchGeo } from "./geo.js";
import { benchIdlSave } from "./idlsav.js";
import { benchImager } from "./imager.js";
import { benchPgm } from "./pgm.js";
import { benchPng } from "./png.js";
import { printRows } from "./report.js";

/**
 * `npm run bench`: decode throughput of each reader, and of the Imager over a cached hour,
 * against a baseline measured in the same run on the same bytes. Timings are medians of interleaved runs; the machine is shared, so
 * read the ratios, not the absolute numbers.
 */
const fixturesDir = resolve(process.env.AURORAKIT_FIXTURES ?? "../shared/fixtures");
if (!existsSync(fixturesDir)) {
  console.error(`bench: real-data fixtures not found at ${fixturesDir}; set AURORAKIT_FIXTURES`);
  process.exit(1);
}

console.log(`aurorakit bench — node ${process.version}, ${new Date().toISOString()}\n`);
printRows(await benchCdf(fixturesDir));
printRows(await benchPgm(fixturesDir));
printRows(await benchIdlSave(fixturesDir));
printRows(await benchPng(fixturesDir));
printRows(await benchImager());
printRows(await benchGeo());
