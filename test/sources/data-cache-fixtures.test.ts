import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { NetworkError } from "../../src/core/errors.js";
import { readPgm } from "../../src/formats/pgm/read.js";
import { sha256LittleEndian } from "../../src/formats/summary.js";
import { DataCache } from "../../src/sources/data-cache.js";
import type { Upstream } from "../../src/sources/upstream.js";
import { describeWithFixtures } from "../support/describe-fixtures.js";
import { readFixture, readOracle } from "../support/fixtures.js";
import { startUpstreamServer, type UpstreamServer } from "../support/upstream-server.js";
import { leftovers, makeTempDir, recordingSleep, removeDir, sha256Hex } from "./cache-harness.js";
import { FIXTURE_MOUNTS, fixtureMounts } from "./served-tree.js";

describeWithFixtures("DataCache with the real fixtures served at their upstream paths", () => {
  let server: UpstreamServer;
  let dataDir: string;
  let berkeley: Upstream;
  let ucalgary: Upstream;

  beforeAll(async () => {
    server = await startUpstreamServer({ mounts: fixtureMounts() });
    dataDir = await makeTempDir();
    berkeley = { name: "berkeley", baseUrl: `${server.baseUrl}/data/themis` };
    ucalgary = { name: "ucalgary", baseUrl: `${server.baseUrl}/sort_by_project` };
  });

  afterAll(async () => {
    await server.close();
    await removeDir(dataDir);
  });

  it("lists the Berkeley month folder and downloads the THEMIS CDF byte-exact", async () => {
    const cache = new DataCache({ dataDir, sleep: recordingSleep().sleep });
    const entries = await cache.list(berkeley, "thg/l1/asi/gako/2011/01");
    expect(entries).toEqual([{ name: "thg_l1_asf_gako_2011010617_v01.cdf", isDirectory: false }]);
    const path = await cache.fetch(
      berkeley,
      "thg/l1/asi/gako/2011/01/thg_l1_asf_gako_2011010617_v01.cdf",
    );
    expect(path).toBe(
      join(dataDir, "berkeley", "thg/l1/asi/gako/2011/01/thg_l1_asf_gako_2011010617_v01.cdf"),
    );
    // Invariant: the cached file is the fixture, byte for byte.
    expect(sha256Hex(await readFile(path))).toBe(
      sha256Hex(readFixture("themis", "thg_l1_asf_gako_2011010617_v01.cdf")),
    );
  });

  it("finds the skymap whose name has a literal '+' through its %2B-encoded listing", async () => {
    const cache = new DataCache({ dataDir });
    const entries = await cache.list(ucalgary, "THEMIS/asi/skymaps/gako/gako_20110305");
    const name = "themis_skymap_gako_20110305-+_vXX.sav";
    expect(entries).toEqual([{ name, isDirectory: false }]);
    const path = await cache.fetch(ucalgary, `THEMIS/asi/skymaps/gako/gako_20110305/${name}`);
    expect(path.endsWith(`gako_20110305/${name}`)).toBe(true);
    expect(sha256Hex(await readFile(path))).toBe(sha256Hex(readFixture("themis", name)));
    expect(
      server.requests.some(
        (request) => request.path === FIXTURE_MOUNTS.skymapPath && request.status === 200,
      ),
    ).toBe(true);
  });

  it("retries a truncated PGM.gz until it is whole; the result decodes to the oracle frame count", async () => {
    server.setFaults([
      { match: FIXTURE_MOUNTS.pgmPath, kind: "truncate", bytes: 1_500_000, times: 2 },
    ]);
    const sleeper = recordingSleep();
    const cache = new DataCache({ dataDir, sleep: sleeper.sleep });
    const relPath =
      "THEMIS/asi/stream0/2014/03/10/gill_themis19/ut06/20140310_0600_gill_themis19_full.pgm.gz";
    const path = await cache.fetch(ucalgary, relPath);
    expect(sleeper.delaysMs).toEqual([500, 1000]);
    const bytes = await readFile(path);
    expect(sha256Hex(bytes)).toBe(
      sha256Hex(readFixture("themis-pgm", "20140310_0600_gill_themis19_full.pgm.gz")),
    );
    // Oracle: the independent Python PGM parser's frame count and stack sha256_le (exact).
    const oracle = readOracle<{ frames: number; stack: { sha256_le: string } }>(
      "themis-pgm",
      "20140310_0600_gill_themis19_full.pgm.gz",
    );
    const decoded = await readPgm(path);
    expect(decoded.frames).toHaveLength(oracle.frames);
    expect(sha256LittleEndian(decoded.stack.data)).toBe(oracle.stack.sha256_le);
    expect(await leftovers(dataDir)).toEqual([]);
  });

  it("reports a PGM.gz that stays corrupt as a NetworkError saying so, with nothing cached", async () => {
    server.setFaults([{ match: FIXTURE_MOUNTS.pgmPath, kind: "truncate", bytes: 2_000_000 }]);
    const cache = new DataCache({ dataDir, sleep: recordingSleep().sleep, retries: 1 });
    const relPath =
      "THEMIS/asi/stream0/2014/03/10/gill_themis19/ut06/20140310_0600_gill_themis19_full.pgm.gz";
    const error = await cache
      .fetch(ucalgary, relPath, { redownload: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/upstream file is corrupt/);
    expect(await leftovers(dataDir)).toEqual([]);
    server.setFaults([]);
  });
});
