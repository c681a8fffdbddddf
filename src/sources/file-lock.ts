import { open, readFile, stat, unlink, utimes } from "node:fs/promises";
import { hostname } from "node:os";
import { NetworkError } from "../core/errors.js";

export interface FileLockOptions {
  /** A lock whose file was not touched for this long is abandoned and taken over. */
  readonly staleMs: number;
  /** Give up waiting for another holder after this long. */
  readonly waitMs: number;
  /** Pause between checks while another holder works. */
  readonly pollMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** What the lock protects, for the error message (the URL being downloaded). */
  readonly url: string;
}

export interface HeldLock {
  /** True when another holder had the lock first (it may have produced the file meanwhile). */
  readonly waited: boolean;
  release(): Promise<void>;
}

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly timeMs: number;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function processAlive(pid: number): boolean {
  try {
    // Signal 0 checks existence only (POSIX kill(2)); EPERM means it exists under another user.
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}

async function readOwner(lockPath: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(lockPath, "utf8")) as Partial<LockOwner>;
    return typeof owner.pid === "number" && typeof owner.host === "string"
      ? { pid: owner.pid, host: owner.host, timeMs: owner.timeMs ?? 0 }
      : undefined;
  } catch {
    // Being written right now, or removed meanwhile: judged by its age alone.
    return undefined;
  }
}

/** Whether the lock at `lockPath` is abandoned: holder dead on this host, or not refreshed. */
async function isStale(lockPath: string, staleMs: number): Promise<boolean> {
  let modifiedMs: number;
  try {
    modifiedMs = (await stat(lockPath)).mtimeMs;
  } catch (error) {
    if (errorCode(error) === "ENOENT") return true;
    throw error;
  }
  // File times come from the real clock, so the comparison does too.
  if (Date.now() - modifiedMs > staleMs) return true;
  const owner = await readOwner(lockPath);
  return (
    owner !== undefined &&
    owner.host === hostname() &&
    owner.pid !== process.pid &&
    !processAlive(owner.pid)
  );
}

async function tryCreate(lockPath: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    // O_CREAT|O_EXCL: exactly one creator wins, across processes (POSIX open(2)).
    handle = await open(lockPath, "wx");
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    throw error;
  }
  try {
    const owner: LockOwner = { pid: process.pid, host: hostname(), timeMs: Date.now() };
    await handle.writeFile(JSON.stringify(owner));
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Takes the lock file `lockPath` (exclusive create), waiting while a live holder refreshes it
 * and taking over an abandoned one. While held, the file's mtime is refreshed every
 * `staleMs / 4` so waiters can tell a slow download from a crashed one. Two waiters taking
 * over the same stale lock at the same instant could both proceed; the atomic rename of the
 * download keeps the cached file whole even then.
 */
export async function acquireFileLock(
  lockPath: string,
  options: FileLockOptions,
): Promise<HeldLock> {
  // Waiting is measured in polls (not the clock) so an injected sleep gives the same result.
  let waitedMs = 0;
  while (!(await tryCreate(lockPath))) {
    if (await isStale(lockPath, options.staleMs)) {
      await unlink(lockPath).catch((error: unknown) => {
        if (errorCode(error) !== "ENOENT") throw error;
      });
      continue;
    }
    if (waitedMs >= options.waitMs) {
      throw new NetworkError(
        `another aurorakit process has been downloading this file for over ${Math.round(options.waitMs / 1000)} s ` +
          `(lock ${lockPath}); if no download is running, delete that lock file`,
        { url: options.url, attempts: 0 },
      );
    }
    // At least 1 ms per poll, so a zero poll interval still reaches waitMs.
    waitedMs += Math.max(options.pollMs, 1);
    await options.sleep(options.pollMs);
  }
  const refresh = setInterval(
    () => {
      const nowS = Date.now() / 1000;
      utimes(lockPath, nowS, nowS).catch(() => {});
    },
    Math.max(10, options.staleMs / 4),
  );
  refresh.unref();
  return {
    waited: waitedMs > 0,
    async release() {
      clearInterval(refresh);
      await unlink(lockPath).catch(() => {});
    },
  };
}
