import { spawn, spawnSync } from "node:child_process";
import { mkdir, readFile, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NetworkError } from "../../src/core/errors.js";
import { DataCache } from "../../src/sources/data-cache.js";
import type { Upstream } from "../../src/sources/upstream.js";
import type { UpstreamServer } from "../support/upstream-server.js";
import { leftovers, makeTempDir, recordingSleep, removeDir, sha256Hex } from "./cache-harness.js";
import { type GeneratedTree, serveGeneratedTree, stopServedTree } from "./served-tree.js";

let tree: GeneratedTree;
let server: UpstreamServer;
let upstream: Upstream;
let dataDir: string;
let finalPath: string;

beforeAll(async () => {
  ({ tree, server, upstream } = await serveGeneratedTree());
});

afterAll(() => stopServedTree({ tree, server, upstream }));

beforeEach(async () => {
  dataDir = await makeTempDir();
  finalPath = join(dataDir, "gen", "plain.bin");
  server.setFaults([]);
  server.requests.length = 0;
});

afterEach(async () => {
  // Invariant: locks are released and no temp file survives.
  expect(await leftovers(dataDir)).toEqual([]);
  await removeDir(dataDir);
});

const bodyGets = (): number =>
  server.requests.filter(
    (request) => request.method === "GET" && request.path === "/files/plain.bin",
  ).length;

/** Makes plain.bin take about 6 × 80 ms to send, so a second fetcher arrives mid-download. */
function slowDownload(): void {
  server.setFaults([
    {
      match: "/files/plain.bin",
      kind: "slow",
      delayMs: 80,
      delayWhere: "chunks",
      chunkBytes: 50_000,
    },
  ]);
}

async function writeLock(owner: object, ageMs: number): Promise<string> {
  const lockPath = `${finalPath}.lock`;
  await mkdir(dirname(lockPath), { recursive: true });
  await writeFile(lockPath, JSON.stringify(owner));
  const thenS = (Date.now() - ageMs) / 1000;
  await utimes(lockPath, thenS, thenS);
  return lockPath;
}

describe("download locks", () => {
  it("two caches on one data directory: one GET, the other waits and reuses the file", async () => {
    slowDownload();
    const a = new DataCache({ dataDir, lockPollMs: 20 });
    const b = new DataCache({ dataDir, lockPollMs: 20 });
    const first = a.fetch(upstream, "plain.bin");
    await new Promise((r) => setTimeout(r, 50));
    const [pathA, pathB] = await Promise.all([first, b.fetch(upstream, "plain.bin")]);
    expect(pathA).toBe(finalPath);
    expect(pathB).toBe(finalPath);
    expect(bodyGets()).toBe(1);
    expect(sha256Hex(await readFile(finalPath))).toBe(sha256Hex(tree.plain));
  });

  it("a child process and this process fetching the same file: exactly one GET reaches the server", async () => {
    slowDownload();
    const viteNode = resolve("node_modules/.bin/vite-node");
    const child = spawn(
      viteNode,
      [resolve("test/sources/fetch-child.ts"), dataDir, upstream.baseUrl, "plain.bin"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((done) => child.on("close", done));
    // Start our fetch once the child holds the lock (its body GET has begun).
    for (let i = 0; i < 300 && bodyGets() === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(bodyGets()).toBe(1);
    const ours = await new DataCache({ dataDir, lockPollMs: 20 }).fetch(upstream, "plain.bin");
    expect(await exited, stderr).toBe(0);
    expect(stdout.trim().split("\n")).toEqual(["started", finalPath]);
    expect(ours).toBe(finalPath);
    expect(bodyGets()).toBe(1);
    expect(sha256Hex(await readFile(finalPath))).toBe(sha256Hex(tree.plain));
  });

  it("takes over the lock of a process that no longer exists on this host", async () => {
    const gone = spawnSync(process.execPath, ["-e", ""]).pid as number;
    await writeLock({ pid: gone, host: hostname(), timeMs: Date.now() }, 0);
    const sleeper = recordingSleep();
    await new DataCache({ dataDir, sleep: sleeper.sleep }).fetch(upstream, "plain.bin");
    expect(sleeper.delaysMs).toEqual([]);
    expect(bodyGets()).toBe(1);
  });

  it("takes over a lock not refreshed for lockStaleMs, even from a live process", async () => {
    await writeLock({ pid: process.ppid, host: "another-host", timeMs: 0 }, 5_000);
    await new DataCache({ dataDir, lockStaleMs: 1_000, sleep: recordingSleep().sleep }).fetch(
      upstream,
      "plain.bin",
    );
    expect(bodyGets()).toBe(1);
  });

  it("gives up waiting for a live, fresh lock after lockWaitMs with a NetworkError naming the lock", async () => {
    const lockPath = await writeLock(
      { pid: process.ppid, host: "another-host", timeMs: Date.now() },
      0,
    );
    const sleeper = recordingSleep();
    const cache = new DataCache({
      dataDir,
      lockWaitMs: 1_000,
      lockPollMs: 250,
      sleep: sleeper.sleep,
    });
    const error = await cache.fetch(upstream, "plain.bin").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toContain(lockPath);
    // Analytic: 1 000 ms of waiting in 250 ms polls = 4 polls.
    expect(sleeper.delaysMs).toEqual([250, 250, 250, 250]);
    expect(bodyGets()).toBe(0);
    // The foreign lock is not ours to remove.
    await removeDir(lockPath);
  });

  it("keeps the lock fresh while a long download runs", async () => {
    server.setFaults([
      {
        match: "/files/plain.bin",
        kind: "slow",
        delayMs: 100,
        delayWhere: "chunks",
        chunkBytes: 30_000,
      },
    ]);
    // The download takes about 10 × 100 ms. With lockStaleMs 400 the lock would look abandoned
    // when the second cache arrives at 600 ms unless it is refreshed (every 100 ms).
    const a = new DataCache({ dataDir, lockStaleMs: 400, lockPollMs: 20 });
    const first = a.fetch(upstream, "plain.bin");
    await new Promise((r) => setTimeout(r, 600));
    await new DataCache({ dataDir, lockStaleMs: 400, lockPollMs: 20 }).fetch(upstream, "plain.bin");
    await first;
    expect(bodyGets()).toBe(1);
  });
});
