import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

export async function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "aurorakit-sources-"));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Every file below `dir`, as paths relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** Files that must never survive a download: temp parts and locks. */
export async function leftovers(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((path) => path.includes(".part-") || path.endsWith(".lock"));
}

/** A sleep that returns at once and remembers what it was asked to wait. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; delaysMs: number[] } {
  const delaysMs: number[] = [];
  return {
    delaysMs,
    sleep: async (ms) => {
      delaysMs.push(ms);
    },
  };
}

/** A fetch that fails the test if it is ever called. */
export const forbiddenFetch: typeof fetch = () => {
  throw new Error("offline mode must not call fetch");
};

/** SHA-256 of bytes as hex: compares large files quickly, with a readable failure. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
