import { defaultArrayRegistry, findSite } from "../arrays/registry.js";
import { mapConcurrent } from "../core/concurrency.js";
import { chooseSource } from "./choose-source.js";
import type { ImagerOptions } from "./open-imager.js";
import { createSourceContext } from "./source-context.js";
import { type TimeInput, toTimeMs } from "./time-input.js";

export interface SiteAvailability {
  readonly site: string;
  readonly source: string;
  /** Length of one file's period: an hour (Berkeley CDF) or a minute (UCalgary PGM). */
  readonly periodMs: number;
  /** Start of every period in the range that has a file upstream, ascending. */
  readonly periodStartsMs: readonly number[];
}

/** Sites whose listings are read at once. */
const SITE_CONCURRENCY = 4;

/**
 * Which file periods exist for an array's sites over [start, end], read from the upstream
 * directory listings (cached, so asking again is free; offline it uses what is cached).
 */
export async function availability(
  arrayId: string,
  siteCodes: readonly string[],
  start: TimeInput,
  end: TimeInput,
  options: Pick<
    ImagerOptions,
    "source" | "registry" | "config" | "overrides" | "cache" | "fetch" | "reporter"
  > = {},
): Promise<SiteAvailability[]> {
  const array = (options.registry ?? defaultArrayRegistry()).get(arrayId);
  const source = chooseSource(array, options.source);
  const sites =
    siteCodes.length === 0 ? array.sites : siteCodes.map((code) => findSite(array, code));
  const startMs = toTimeMs(start, "start");
  const endMs = toTimeMs(end, "end");
  const context = createSourceContext(options);
  return mapConcurrent(sites, SITE_CONCURRENCY, async (site) => {
    const files = await source.findFiles(context, site.code, startMs, endMs);
    return {
      site: site.code,
      source: source.name,
      periodMs: source.fileSpanMs,
      periodStartsMs: [...new Set(files.map((f) => f.startMs))].sort((a, b) => a - b),
    };
  });
}
