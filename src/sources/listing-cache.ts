import type { Dirent } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { isBookkeepingName, writeFileAtomic } from "./atomic-file.js";
import type { ListingEntry } from "./directory-listing.js";

/** A directory listing as stored on disk; `entries: null` records that the folder was absent. */
export interface CachedListing {
  readonly url: string;
  readonly fetchedAtMs: number;
  readonly entries: ListingEntry[] | null;
}

function isEntry(value: unknown): value is ListingEntry {
  const entry = value as Partial<ListingEntry> | null;
  return typeof entry?.name === "string" && typeof entry.isDirectory === "boolean";
}

/** The cached listing at `path`, or undefined when absent or unreadable (then it is refetched). */
export async function readCachedListing(path: string): Promise<CachedListing | undefined> {
  let parsed: Partial<CachedListing>;
  try {
    parsed = JSON.parse(await readFile(path, "utf8")) as Partial<CachedListing>;
  } catch {
    return undefined;
  }
  const entries = parsed.entries;
  const entriesOk = entries === null || (Array.isArray(entries) && entries.every(isEntry));
  if (typeof parsed.url !== "string" || typeof parsed.fetchedAtMs !== "number" || !entriesOk) {
    return undefined;
  }
  return { url: parsed.url, fetchedAtMs: parsed.fetchedAtMs, entries: entries ?? null };
}

export async function writeCachedListing(path: string, listing: CachedListing): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(listing)}\n`);
}

/**
 * The files and folders already in a local cache folder (offline fallback when no listing was
 * cached), without temp and lock files; null when the folder does not exist.
 */
export async function localDirectoryEntries(dir: string): Promise<ListingEntry[] | null> {
  let dirents: Dirent[];
  try {
    dirents = await readdir(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  return dirents
    .filter((dirent) => !isBookkeepingName(dirent.name))
    .map((dirent) => ({ name: dirent.name, isDirectory: dirent.isDirectory() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
