import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InvalidArgumentError, NetworkError, NotFoundError } from "../../src/core/errors.js";
import { DataCache, type DataCacheOptions } from "../../src/sources/data-cache.js";
import type { Upstream } from "../../src/sources/upstream.js";
import { type RecordingReporter, recordingReporter } from "../support/recording-reporter.js";
import type { UpstreamServer } from "../support/upstream-server.js";
import {
  forbiddenFetch,
  leftovers,
  listFiles,
  makeTempDir,
  recordingSleep,
  removeDir,
  sha256Hex,
} from "./cache-harness.js";
import { type GeneratedTree, serveGeneratedTree, stopServedTree } from "./served-tree.js";

let tree: GeneratedTree;
let server: UpstreamServer;
let upstream: Upstream;
let dataDir: string;
let reporter: RecordingReporter;
let sleeper: ReturnType<typeof recordingSleep>;

beforeAll(async () => {
  ({ tree, server, upstream } = await serveGeneratedTree());
});

afterAll(() => stopServedTree({ tree, server, upstream }));

beforeEach(async () => {
  dataDir = await makeTempDir();
  reporter = recordingReporter();
  sleeper = recordingSleep();
  server.setFaults([]);
  server.requests.length = 0;
});

afterEach(async () => {
  // Invariant after every scenario, success or failure: no temp part or lock file survives.
  expect(await leftovers(dataDir)).toEqual([]);
  await removeDir(dataDir);
});

function cache(options: Partial<DataCacheOptions> = {}): DataCache {
  return new DataCache({ dataDir, reporter, sleep: sleeper.sleep, timeoutMs: 2_000, ...options });
}

const gets = (path: string): number =>
  server.requests.filter((request) => request.method === "GET" && request.path === path).length;

describe("DataCache.fetch against the loopback server", () => {
  it("downloads byte-exact, reports progress, sends the User-Agent, then serves from the cache", async () => {
    const c = cache();
    const path = await c.fetch(upstream, "plain.bin");
    expect(path).toBe(join(dataDir, "gen", "plain.bin"));
    // Invariant: the cached copy is the served file, byte for byte.
    expect(sha256Hex(await readFile(path))).toBe(sha256Hex(tree.plain));
    const url = `${upstream.baseUrl}/plain.bin`;
    // Exact: total is the Content-Length, advances sum to it, one begin/end pair.
    expect(reporter.totals.get(url)).toBe(tree.plain.length);
    expect(reporter.advanced.get(url)).toBe(tree.plain.length);
    expect(reporter.events).toEqual(["begin plain.bin", "end done"]);
    expect(server.requests[0]?.userAgent).toMatch(/^aurorakit\/\d+\.\d+\.\d+/);
    await c.fetch(upstream, "plain.bin");
    await new DataCache({ dataDir, fetch: () => Promise.reject(new Error("no network")) }).fetch(
      upstream,
      "plain.bin",
    );
    expect(gets("/files/plain.bin")).toBe(1);
  });

  it("keeps '+' literally in the local path and decodes folder names", async () => {
    const path = await cache().fetch(upstream, "sub dir/skymap_20110305-+_vXX.sav");
    expect(path).toBe(join(dataDir, "gen", "sub dir", "skymap_20110305-+_vXX.sav"));
    expect(sha256Hex(await readFile(path))).toBe(sha256Hex(tree.plus));
  });

  it("retries 5xx with doubling backoff and warns each time", async () => {
    server.setFaults([{ match: "/files/plain.bin", kind: "status", status: 503, times: 2 }]);
    const path = await cache().fetch(upstream, "plain.bin");
    expect(sha256Hex(await readFile(path))).toBe(sha256Hex(tree.plain));
    // Analytic: 500 ms then 1 000 ms (first delay 500, doubling).
    expect(sleeper.delaysMs).toEqual([500, 1000]);
    expect(reporter.warnings).toHaveLength(2);
    expect(reporter.warnings[0]).toMatch(
      /retrying .*plain\.bin in 0\.5 s after HTTP 503 \(attempt 2 of 5\)/,
    );
  });

  it("honours Retry-After on 429 up to the cap", async () => {
    server.setFaults([
      {
        match: "/files/plain.bin",
        kind: "status",
        status: 429,
        times: 1,
        headers: { "Retry-After": "3" },
      },
    ]);
    await cache().fetch(upstream, "plain.bin");
    // Retry-After: 3 s = 3 000 ms, below the 8 000 ms cap.
    expect(sleeper.delaysMs).toEqual([3000]);
  });

  it("gives up after the last retry with a NetworkError (url, status, attempts) and no file", async () => {
    server.setFaults([{ match: "/files/plain.bin", kind: "status", status: 500 }]);
    const error = await cache({ retries: 5 })
      .fetch(upstream, "plain.bin")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ url: `${upstream.baseUrl}/plain.bin`, status: 500, attempts: 6 });
    // Analytic: 500 · 2^k capped at 8 000 ms.
    expect(sleeper.delaysMs).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(await listFiles(dataDir)).toEqual([]);
  });

  it("does not retry a 404: NotFoundError naming the URL", async () => {
    const error = await cache()
      .fetch(upstream, "absent.bin")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain(`${upstream.baseUrl}/absent.bin`);
    expect((error as Error).message).toContain("does not exist upstream");
    expect(gets("/files/absent.bin")).toBe(1);
    expect(reporter.warnings).toEqual([]);
  });

  it("treats an HTML 200 page in place of a file as missing, without retrying", async () => {
    server.setFaults([{ match: "/files/plain.bin", kind: "html-200" }]);
    const error = await cache()
      .fetch(upstream, "plain.bin")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(gets("/files/plain.bin")).toBe(1);
    expect(await listFiles(dataDir)).toEqual([]);
  });

  it("recovers from a connection reset mid-body", async () => {
    server.setFaults([{ match: "/files/plain.bin", kind: "reset", bytes: 100_000, times: 2 }]);
    const path = await cache().fetch(upstream, "plain.bin");
    expect(sha256Hex(await readFile(path))).toBe(sha256Hex(tree.plain));
    expect(gets("/files/plain.bin")).toBe(3);
    expect(reporter.events).toEqual([
      "begin plain.bin",
      "end failed",
      "begin plain.bin",
      "end failed",
      "begin plain.bin",
      "end done",
    ]);
  });

  it("recovers from a body shorter than its Content-Length", async () => {
    server.setFaults([{ match: "/files/plain.bin", kind: "wrong-length", times: 1 }]);
    const path = await cache().fetch(upstream, "plain.bin");
    expect(sha256Hex(await readFile(path))).toBe(sha256Hex(tree.plain));
    expect(sleeper.delaysMs).toHaveLength(1);
  });

  it("validates gzip: a consistent but truncated body is retried, then reported corrupt", async () => {
    server.setFaults([{ match: "/files/data.bin.gz", kind: "truncate", bytes: 5_000 }]);
    const error = await cache({ retries: 2 })
      .fetch(upstream, "data.bin.gz")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toContain("upstream file is corrupt");
    expect(gets("/files/data.bin.gz")).toBe(3);
    expect(await listFiles(dataDir)).toEqual([]);
  });

  it("accepts a multi-member gzip and catches a Content-Length cut inside the second member", async () => {
    server.setFaults([
      { match: "/files/data.bin.gz", kind: "truncate", bytes: tree.gzip.length - 3, times: 1 },
    ]);
    const path = await cache().fetch(upstream, "data.bin.gz");
    expect(sha256Hex(await readFile(path))).toBe(sha256Hex(tree.gzip));
    expect(gets("/files/data.bin.gz")).toBe(2);
  });

  it("times out when no bytes arrive for timeoutMs, then retries", async () => {
    server.setFaults([
      { match: "/files/plain.bin", kind: "slow", delayMs: 400, delayWhere: "headers", times: 1 },
    ]);
    const path = await cache({ timeoutMs: 100 }).fetch(upstream, "plain.bin");
    expect(sha256Hex(await readFile(path))).toBe(sha256Hex(tree.plain));
    expect(reporter.warnings[0]).toContain("no data for 0.1 s");
  });

  it("times out on a stall between body chunks", async () => {
    server.setFaults([
      {
        match: "/files/plain.bin",
        kind: "slow",
        delayMs: 400,
        delayWhere: "chunks",
        chunkBytes: 100_000,
        times: 1,
      },
    ]);
    await cache({ timeoutMs: 150 }).fetch(upstream, "plain.bin");
    expect(reporter.warnings[0]).toContain("no data for 0.15 s while reading the body");
  });

  it("redownload replaces atomically: the old file stays until the new one is complete", async () => {
    const finalPath = join(dataDir, "gen", "plain.bin");
    await mkdir(dirname(finalPath), { recursive: true });
    await writeFile(finalPath, "old");
    server.setFaults([
      {
        match: "/files/plain.bin",
        kind: "slow",
        delayMs: 60,
        delayWhere: "chunks",
        chunkBytes: 50_000,
      },
    ]);
    const running = cache().fetch(upstream, "plain.bin", { redownload: true });
    let sawPart = false;
    for (let i = 0; i < 200 && !sawPart; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      sawPart = (await listFiles(dataDir)).some((path) => path.includes(".part-"));
      // While the temp file grows, readers still see the complete old file.
      if (sawPart) expect(await readFile(finalPath, "utf8")).toBe("old");
    }
    expect(sawPart).toBe(true);
    await running;
    expect(sha256Hex(await readFile(finalPath))).toBe(sha256Hex(tree.plain));
  });

  it("a failed redownload leaves the old file untouched", async () => {
    const finalPath = join(dataDir, "gen", "plain.bin");
    await mkdir(dirname(finalPath), { recursive: true });
    await writeFile(finalPath, "old");
    server.setFaults([{ match: "/files/plain.bin", kind: "reset", bytes: 1000 }]);
    await expect(
      cache({ retries: 1 }).fetch(upstream, "plain.bin", { redownload: true }),
    ).rejects.toBeInstanceOf(NetworkError);
    expect(await readFile(finalPath, "utf8")).toBe("old");
  });

  it("shares one download between concurrent callers of one cache", async () => {
    const c = cache();
    const [a, b] = await Promise.all([
      c.fetch(upstream, "plain.bin"),
      c.fetch(upstream, "plain.bin"),
    ]);
    expect(a).toBe(b);
    expect(gets("/files/plain.bin")).toBe(1);
  });
});

describe("DataCache.fetchMany", () => {
  it("keeps order, bounds parallel downloads and maps missing files to null with missingOk", async () => {
    server.setFaults([{ match: "/files/", kind: "slow", delayMs: 20, delayWhere: "headers" }]);
    const names = ["plain.bin", "data.bin.gz", "absent.bin", "sub dir/skymap_20110305-+_vXX.sav"];
    const c = cache({ concurrency: 2 });
    const paths = await c.fetchMany(
      names.map((relPath) => ({ upstream, relPath })),
      { missingOk: true },
    );
    expect(paths).toEqual([
      join(dataDir, "gen", "plain.bin"),
      join(dataDir, "gen", "data.bin.gz"),
      null,
      join(dataDir, "gen", "sub dir", "skymap_20110305-+_vXX.sav"),
    ]);
    expect(reporter.maxActive).toBeLessThanOrEqual(2);
    await expect(c.fetchMany([{ upstream, relPath: "absent.bin" }])).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("DataCache offline", () => {
  it("returns cached files without ever calling fetch", async () => {
    await cache().fetch(upstream, "plain.bin");
    const offline = cache({ offline: true, fetch: forbiddenFetch });
    expect(await offline.fetch(upstream, "plain.bin")).toBe(join(dataDir, "gen", "plain.bin"));
    // Offline wins over redownload: the cached file is used as is.
    expect(await offline.fetch(upstream, "plain.bin", { redownload: true })).toBe(
      join(dataDir, "gen", "plain.bin"),
    );
  });

  it("a missing file is a NotFoundError naming the path, where it would be, and what to do", async () => {
    const offline = cache({ offline: true, fetch: forbiddenFetch });
    const error = await offline
      .fetch(upstream, "sub dir/skymap_20110305-+_vXX.sav", {
        offlineHint: "aurorakit download themis gako 2011-03-05",
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    const message = (error as Error).message;
    expect(message).toContain("gen/sub dir/skymap_20110305-+_vXX.sav");
    expect(message).toContain(join(dataDir, "gen", "sub dir", "skymap_20110305-+_vXX.sav"));
    expect(message).toContain("--offline");
    expect(message).toContain("aurorakit download themis gako 2011-03-05");
    expect(
      await offline.fetchMany([{ upstream, relPath: "plain.bin" }], { missingOk: true }),
    ).toEqual([null]);
  });
});

describe("DataCache bookkeeping", () => {
  it("removes temp files a crashed download left beside the file", async () => {
    const orphan = join(dataDir, "gen", "plain.bin.part-999999-deadbeef");
    await mkdir(dirname(orphan), { recursive: true });
    await writeFile(orphan, "half a file");
    await cache().fetch(upstream, "plain.bin");
    expect(await listFiles(dataDir)).toEqual([join("gen", "plain.bin")]);
  });

  it("refuses relative paths that climb out of the cache", async () => {
    await expect(cache().fetch(upstream, "../outside.bin")).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await expect(cache().list(upstream, "a/../../b")).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(() => cache().localPath({ name: "..", baseUrl: upstream.baseUrl }, "x")).toThrow(
      InvalidArgumentError,
    );
    expect(server.requests).toEqual([]);
  });
});
