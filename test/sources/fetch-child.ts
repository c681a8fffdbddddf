/**
 * Run in a separate process (by data-cache-lock.test.ts, through vite-node) to fetch one file
 * into a shared data directory, so the lock protocol is tested across real processes.
 * Arguments: dataDir upstreamBaseUrl relPath. Prints "started" when about to fetch, then the
 * local path.
 */
import { DataCache } from "../../src/sources/data-cache.js";

const [dataDir, baseUrl, relPath] = process.argv.slice(2);
if (dataDir === undefined || baseUrl === undefined || relPath === undefined) {
  throw new Error("usage: fetch-child.ts dataDir baseUrl relPath");
}
const cache = new DataCache({ dataDir, lockPollMs: 20 });
process.stdout.write("started\n");
const path = await cache.fetch({ name: "gen", baseUrl }, relPath);
process.stdout.write(`${path}\n`);
