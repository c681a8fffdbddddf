import { access, mkdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { createLimiter, type Limiter, mapConcurrent } from "../core/concurrency.js";
import { InvalidArgumentError, NotFoundError } from "../core/errors.js";
import { type ProgressReporter, silentReporter } from "../core/progress.js";
import { LOCK_SUFFIX, removeOrphanParts } from "./atomic-file.js";
import type { ListingEntry } from "./directory-listing.js";
import { downloadAttempt } from "./download-attempt.js";
import { fetchListing } from "./fetch-listing.js";
import { acquireFileLock } from "./file-lock.js";
import { localDirectoryEntries, readCachedListing, writeCachedListing } from "./listing-cache.js";
import { type RetryContext, type RetryPolicy, withRetries } from "./retry-policy.js";
import { checkUpstreamName, relativeSegments, type Upstream, upstreamUrl } from "./upstream.js";
import { defaultUserAgent } from "./user-agent.js";

export interface DataCacheOptions {
  /** Root of the cache: files go to `<dataDir>/<upstream.name>/<relPath>`. */
  readonly dataDir: string;
  /** Never call fetch; use cached files and listings only. */
  readonly offline?: boolean;
  readonly fetch?: typeof globalThis.fetch;
  readonly reporter?: ProgressReporter;
  /** Parallel downloads across all callers of this cache (default 4). */
  readonly concurrency?: number;
  /** Per attempt: longest wait for headers and between body chunks (default 30 000). */
  readonly timeoutMs?: number;
  /** Extra attempts after the first (default 4). */
  readonly retries?: number;
  /** First backoff pause, doubling per retry (default 500). */
  readonly retryDelayMs?: number;
  /** Longest backoff pause (default 8 000). */
  readonly maxRetryDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Clock for listing ages (default Date.now). */
  readonly now?: () => number;
  /** Cached listings younger than this are reused online (default 3 600 000 = 1 h). */
  readonly listingMaxAgeMs?: number;
  /** A download lock not refreshed for this long is taken over (default 60 000). */
  readonly lockStaleMs?: number;
  /** Longest wait for another process's download of the same file (default 600 000). */
  readonly lockWaitMs?: number;
  /** Pause between looks at another process's lock (default 250). */
  readonly lockPollMs?: number;
  /** Default `aurorakit/<version>`. */
  readonly userAgent?: string;
}

export interface FetchOptions {
  /** Download again even when cached; the old file stays until the new one is complete. */
  readonly redownload?: boolean;
  /** Appended to the offline "not cached" error, e.g. the command that would download it. */
  readonly offlineHint?: string;
}

export interface UpstreamFile {
  readonly upstream: Upstream;
  readonly relPath: string;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function nonNegative(name: string, value: number, integer: boolean): number {
  if (!(value >= 0) || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new InvalidArgumentError(
      name,
      `expected a non-negative ${integer ? "integer" : "number"}, got ${value}`,
    );
  }
  return value;
}

/**
 * The local mirror of the upstream archives. Files are downloaded once, validated, and moved
 * into place atomically; processes sharing a data directory coordinate through lock files;
 * directory listings are cached with their age. Offline, nothing touches the network.
 */
export class DataCache {
  readonly dataDir: string;
  readonly offline: boolean;
  private readonly fetchFn: typeof globalThis.fetch;
  private readonly reporter: ProgressReporter;
  private readonly concurrency: number;
  private readonly limiter: Limiter;
  private readonly timeoutMs: number;
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly listingMaxAgeMs: number;
  private readonly lock: { staleMs: number; waitMs: number; pollMs: number };
  private readonly userAgent: string;
  /** Downloads in progress in this instance, by local path: concurrent callers share one. */
  private readonly inFlight = new Map<string, Promise<string>>();
  /** Listings being fetched, by listing path: concurrent callers share one request. */
  private readonly listingsInFlight = new Map<string, Promise<ListingEntry[] | null>>();

  constructor(options: DataCacheOptions) {
    this.dataDir = options.dataDir;
    this.offline = options.offline ?? false;
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.reporter = options.reporter ?? silentReporter;
    this.concurrency = options.concurrency ?? 4;
    this.limiter = createLimiter(this.concurrency);
    this.timeoutMs = nonNegative("timeoutMs", options.timeoutMs ?? 30_000, false);
    this.policy = {
      retries: nonNegative("retries", options.retries ?? 4, true),
      firstDelayMs: nonNegative("retryDelayMs", options.retryDelayMs ?? 500, false),
      maxDelayMs: nonNegative("maxRetryDelayMs", options.maxRetryDelayMs ?? 8_000, false),
    };
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    this.listingMaxAgeMs = nonNegative(
      "listingMaxAgeMs",
      options.listingMaxAgeMs ?? 3_600_000,
      false,
    );
    this.lock = {
      staleMs: nonNegative("lockStaleMs", options.lockStaleMs ?? 60_000, false),
      waitMs: nonNegative("lockWaitMs", options.lockWaitMs ?? 600_000, false),
      pollMs: nonNegative("lockPollMs", options.lockPollMs ?? 250, false),
    };
    this.userAgent = options.userAgent ?? defaultUserAgent();
  }

  /** `<dataDir>/<upstream.name>/<relPath>`; `relPath` is decoded text (`+` stays `+`). */
  localPath(upstream: Upstream, relPath: string): string {
    checkUpstreamName(upstream);
    return join(this.dataDir, upstream.name, ...relativeSegments(relPath));
  }

  private retryContext(url: string, missingAdvice: string): RetryContext {
    return { url, policy: this.policy, sleep: this.sleep, reporter: this.reporter, missingAdvice };
  }

  /**
   * The children of `relDir` upstream, or null when that folder does not exist there. Online,
   * a cached listing younger than `listingMaxAgeMs` is reused unless `refresh`; offline, the
   * cached listing of any age, else what is already in the local folder.
   */
  async list(
    upstream: Upstream,
    relDir: string,
    options: { readonly refresh?: boolean } = {},
  ): Promise<ListingEntry[] | null> {
    checkUpstreamName(upstream);
    const segments = relativeSegments(relDir, "relDir");
    const listingPath = join(this.dataDir, ".listings", upstream.name, ...segments, "listing.json");
    const running = this.listingsInFlight.get(listingPath);
    if (running !== undefined) return running;
    const listing = this.listUncoalesced(
      upstream,
      segments,
      listingPath,
      options.refresh ?? false,
    ).finally(() => this.listingsInFlight.delete(listingPath));
    this.listingsInFlight.set(listingPath, listing);
    return listing;
  }

  private async listUncoalesced(
    upstream: Upstream,
    segments: readonly string[],
    listingPath: string,
    refresh: boolean,
  ): Promise<ListingEntry[] | null> {
    const cached = await readCachedListing(listingPath);
    if (this.offline) {
      if (cached?.entries) return cached.entries;
      return localDirectoryEntries(this.localPath(upstream, segments.join("/")));
    }
    const nowMs = this.now();
    const ageMs = cached === undefined ? Number.POSITIVE_INFINITY : nowMs - cached.fetchedAtMs;
    if (cached !== undefined && !refresh && ageMs >= 0 && ageMs < this.listingMaxAgeMs) {
      return cached.entries;
    }
    const dirUrl = upstreamUrl(upstream, segments.length === 0 ? "" : `${segments.join("/")}/`);
    const entries = await withRetries(this.retryContext(dirUrl, "the folder is absent"), () =>
      fetchListing({
        fetch: this.fetchFn,
        url: dirUrl,
        userAgent: this.userAgent,
        timeoutMs: this.timeoutMs,
      }),
    );
    await writeCachedListing(listingPath, { url: dirUrl, fetchedAtMs: nowMs, entries });
    return entries;
  }

  /** The local path of `relPath`, downloading it first unless it is cached (or `redownload`). */
  async fetch(upstream: Upstream, relPath: string, options: FetchOptions = {}): Promise<string> {
    if (relativeSegments(relPath).length === 0 || relPath.endsWith("/")) {
      throw new InvalidArgumentError("relPath", `expected a file path, got "${relPath}"`);
    }
    const finalPath = this.localPath(upstream, relPath);
    const redownload = options.redownload ?? false;
    if ((!redownload || this.offline) && (await exists(finalPath))) return finalPath;
    if (this.offline) {
      const hint = options.offlineHint === undefined ? "" : `, or run: ${options.offlineHint}`;
      throw new NotFoundError(
        `${upstream.name}/${relativeSegments(relPath).join("/")} (offline mode)`,
        `it is not in the cache at ${finalPath}; go online (drop --offline / AURORAKIT_OFFLINE) to download it${hint}`,
      );
    }
    const running = this.inFlight.get(finalPath);
    if (running !== undefined) return running;
    const download = this.download(upstream, relPath, finalPath, redownload).finally(() =>
      this.inFlight.delete(finalPath),
    );
    this.inFlight.set(finalPath, download);
    return download;
  }

  private async download(
    upstream: Upstream,
    relPath: string,
    finalPath: string,
    redownload: boolean,
  ): Promise<string> {
    const url = upstreamUrl(upstream, relPath);
    await mkdir(dirname(finalPath), { recursive: true });
    const lock = await acquireFileLock(`${finalPath}${LOCK_SUFFIX}`, {
      ...this.lock,
      sleep: this.sleep,
      url,
    });
    try {
      // Another process held the lock: it has just produced the file we want.
      if ((!redownload || lock.waited) && (await exists(finalPath))) return finalPath;
      await removeOrphanParts(finalPath);
      const advice = `check the site and date, or whether the mirror has it; it would be cached at ${finalPath}`;
      await this.limiter.run(() =>
        withRetries(this.retryContext(url, advice), () =>
          downloadAttempt({
            fetch: this.fetchFn,
            url,
            userAgent: this.userAgent,
            timeoutMs: this.timeoutMs,
            finalPath,
            label: basename(finalPath),
            reporter: this.reporter,
            expectsHtml: /\.html?$/i.test(finalPath),
          }),
        ),
      );
      return finalPath;
    } finally {
      await lock.release();
    }
  }

  /**
   * Fetches many files, at most `concurrency` downloads at a time, results in input order.
   * With `missingOk`, a file absent upstream (or absent offline) gives null instead of an error.
   */
  async fetchMany(
    items: readonly UpstreamFile[],
    options: { readonly redownload?: boolean; readonly missingOk?: boolean } = {},
  ): Promise<(string | null)[]> {
    return mapConcurrent(items, this.concurrency, async (item) => {
      try {
        return await this.fetch(item.upstream, item.relPath, {
          redownload: options.redownload ?? false,
        });
      } catch (error) {
        if (options.missingOk && error instanceof NotFoundError) return null;
        throw error;
      }
    });
  }
}
