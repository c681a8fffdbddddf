import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NetworkError } from "../../src/core/errors.js";
import { DataCache, type DataCacheOptions } from "../../src/sources/data-cache.js";
import type { Upstream } from "../../src/sources/upstream.js";
import type { UpstreamServer } from "../support/upstream-server.js";
import { forbiddenFetch, makeTempDir, recordingSleep, removeDir } from "./cache-harness.js";
import { type GeneratedTree, serveGeneratedTree, stopServedTree } from "./served-tree.js";

let tree: GeneratedTree;
let server: UpstreamServer;
let upstream: Upstream;
let dataDir: string;
let clockMs: number;

beforeAll(async () => {
  ({ tree, server, upstream } = await serveGeneratedTree());
});

afterAll(() => stopServedTree({ tree, server, upstream }));

beforeEach(async () => {
  dataDir = await makeTempDir();
  clockMs = 1_700_000_000_000;
  server.setFaults([]);
  server.requests.length = 0;
});

afterEach(async () => {
  await removeDir(dataDir);
});

function cache(options: Partial<DataCacheOptions> = {}): DataCache {
  return new DataCache({ dataDir, sleep: recordingSleep().sleep, now: () => clockMs, ...options });
}

const ROOT_ENTRIES = [
  { name: "data.bin.gz", isDirectory: false },
  { name: "plain.bin", isDirectory: false },
  { name: "sub dir", isDirectory: true },
];

describe("DataCache.list", () => {
  it("lists a served folder and stores the listing with its fetch time", async () => {
    // Expected: the three entries writeGeneratedTree creates below files/.
    expect(await cache().list(upstream, "")).toEqual(ROOT_ENTRIES);
    expect(await cache().list(upstream, "sub dir")).toEqual([
      { name: "skymap_20110305-+_vXX.sav", isDirectory: false },
    ]);
    const stored = JSON.parse(
      await readFile(join(dataDir, ".listings", "gen", "sub dir", "listing.json"), "utf8"),
    );
    expect(stored).toMatchObject({ url: `${upstream.baseUrl}/sub%20dir/`, fetchedAtMs: clockMs });
  });

  it("reuses a listing younger than listingMaxAgeMs, refetches when older or on refresh", async () => {
    const c = cache({ listingMaxAgeMs: 60_000 });
    await c.list(upstream, "");
    clockMs += 59_999;
    await c.list(upstream, "");
    expect(server.requests).toHaveLength(1);
    clockMs += 1;
    await c.list(upstream, "");
    expect(server.requests).toHaveLength(2);
    await c.list(upstream, "", { refresh: true });
    expect(server.requests).toHaveLength(3);
  });

  it("shares one request between concurrent listings of the same folder", async () => {
    const c = cache();
    const [a, b] = await Promise.all([c.list(upstream, ""), c.list(upstream, "")]);
    expect(a).toEqual(ROOT_ENTRIES);
    expect(b).toEqual(ROOT_ENTRIES);
    expect(server.requests).toHaveLength(1);
  });

  it("returns null for a folder that is absent (404) and caches that answer", async () => {
    const c = cache();
    expect(await c.list(upstream, "2011/13")).toBeNull();
    expect(await c.list(upstream, "2011/13")).toBeNull();
    expect(server.requests).toHaveLength(1);
  });

  it("returns null for an HTML 200 page that is not a listing (portal home page)", async () => {
    server.setFaults([{ match: "/files/sub dir", kind: "html-200" }]);
    expect(await cache().list(upstream, "sub dir")).toBeNull();
  });

  it("returns null when asked to list a file", async () => {
    expect(await cache().list(upstream, "plain.bin")).toBeNull();
  });

  it("retries a failing listing and finally throws a NetworkError", async () => {
    server.setFaults([{ match: "/files/", kind: "status", status: 502, times: 1 }]);
    expect(await cache().list(upstream, "")).toEqual(ROOT_ENTRIES);
    server.setFaults([{ match: "/files/", kind: "status", status: 502 }]);
    await expect(
      cache({ retries: 2 }).list(upstream, "", { refresh: true }),
    ).rejects.toBeInstanceOf(NetworkError);
    expect(server.requests).toHaveLength(5);
  });

  it("retries a listing cut short by a reset", async () => {
    server.setFaults([{ match: "/files/", kind: "reset", bytes: 200, times: 1 }]);
    expect(await cache().list(upstream, "")).toEqual(ROOT_ENTRIES);
    expect(server.requests).toHaveLength(2);
  });

  it("offline: uses a cached listing of any age without calling fetch", async () => {
    await cache().list(upstream, "");
    clockMs += 10 * 365 * 86_400_000;
    expect(await cache({ offline: true, fetch: forbiddenFetch }).list(upstream, "")).toEqual(
      ROOT_ENTRIES,
    );
  });

  it("offline without a cached listing: the local folder's files (no temp or lock files), else null", async () => {
    const local = join(dataDir, "gen", "2011", "01");
    await mkdir(join(local, "nested"), { recursive: true });
    await writeFile(join(local, "b.cdf"), "b");
    await writeFile(join(local, "a.cdf"), "a");
    await writeFile(join(local, "c.cdf.part-1-abc"), "partial");
    await writeFile(join(local, "c.cdf.lock"), "{}");
    const offline = cache({ offline: true, fetch: forbiddenFetch });
    expect(await offline.list(upstream, "2011/01")).toEqual([
      { name: "a.cdf", isDirectory: false },
      { name: "b.cdf", isDirectory: false },
      { name: "nested", isDirectory: true },
    ]);
    expect(await offline.list(upstream, "2011/02")).toBeNull();
  });

  it("refetches a listing file that was corrupted on disk", async () => {
    await cache().list(upstream, "");
    await writeFile(join(dataDir, ".listings", "gen", "listing.json"), "{not json");
    expect(await cache().list(upstream, "")).toEqual(ROOT_ENTRIES);
    expect(server.requests).toHaveLength(2);
  });
});
