import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { ProgressReporter } from "../../src/core/progress.js";

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

export interface RecordingReporter extends ProgressReporter {
  readonly events: string[];
  readonly warnings: string[];
  readonly advanced: Map<string, number>;
  readonly totals: Map<string, number | undefined>;
  /** Most tasks running at once. */
  maxActive: number;
}

export function recordingReporter(): RecordingReporter {
  let active = 0;
  const reporter: RecordingReporter = {
    events: [],
    warnings: [],
    advanced: new Map(),
    totals: new Map(),
    maxActive: 0,
    begin(task) {
      active += 1;
      reporter.maxActive = Math.max(reporter.maxActive, active);
      reporter.events.push(`begin ${task.label}`);
      reporter.totals.set(task.id, task.total);
      reporter.advanced.set(task.id, 0);
    },
    advance(id, amount) {
      reporter.advanced.set(id, (reporter.advanced.get(id) ?? 0) + amount);
    },
    end(id, outcome) {
      active -= 1;
      reporter.events.push(`end ${outcome}`);
      void id;
    },
    warn(message) {
      reporter.warnings.push(message);
    },
  };
  return reporter;
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
