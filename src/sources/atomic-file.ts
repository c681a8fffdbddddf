import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Marks temporary files, so listings of cache folders can skip them. */
export const PART_MARKER = ".part-";
export const LOCK_SUFFIX = ".lock";

/**
 * A temp name beside `finalPath` (same directory, so the later rename is atomic on one
 * filesystem, POSIX rename(2)), unique per process and call.
 */
export function tempPathFor(finalPath: string): string {
  const unique = `${process.pid}-${randomBytes(6).toString("hex")}`;
  return join(dirname(finalPath), `${basename(finalPath)}${PART_MARKER}${unique}`);
}

/** Whether a name in a cache folder is bookkeeping (temp or lock), not a cached file. */
export function isBookkeepingName(name: string): boolean {
  return name.includes(PART_MARKER) || name.endsWith(LOCK_SUFFIX);
}

export async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => {});
}

/** Writes `bytes` to a temp file, flushes it to disk, then renames it over `finalPath`. */
export async function writeFileAtomic(
  finalPath: string,
  bytes: Uint8Array | string,
): Promise<void> {
  await mkdir(dirname(finalPath), { recursive: true });
  const temp = tempPathFor(finalPath);
  try {
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, finalPath);
  } catch (error) {
    await removeQuietly(temp);
    throw error;
  }
}

/**
 * Removes temp files of `finalPath` left by a writer that crashed (killed mid-download). Call
 * only while holding the file's lock: the lock holder is the only one writing such files.
 */
export async function removeOrphanParts(finalPath: string): Promise<void> {
  const prefix = `${basename(finalPath)}${PART_MARKER}`;
  const names = await readdir(dirname(finalPath)).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix))
      .map((name) => removeQuietly(join(dirname(finalPath), name))),
  );
}
