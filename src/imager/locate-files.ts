import type {
  ArrayPlugin,
  DataFileRef,
  ImageSource,
  SourceContext,
} from "../arrays/array-plugin.js";
import { defaultArrayRegistry, findSite } from "../arrays/registry.js";
import type { SiteInfo } from "../arrays/site.js";
import { NotFoundError } from "../core/errors.js";
import { formatIsoMicroseconds } from "../core/time/ucalgary-timestamp.js";
import { chooseSource } from "./choose-source.js";
import type { ImagerOptions } from "./open-imager.js";
import { reportGaps } from "./report-gaps.js";
import { createSourceContext } from "./source-context.js";
import { type ImagerWhen, resolveWhen } from "./time-input.js";

/** An array, site and source resolved, and the files of the range found upstream. */
export interface LocatedFiles {
  readonly array: ArrayPlugin;
  readonly site: SiteInfo;
  readonly source: ImageSource;
  readonly context: SourceContext;
  readonly startMs: number;
  readonly endMs: number;
  /** Set for a single-instant request. */
  readonly timeMs: number | null;
  /** At least one file, by start time. */
  readonly files: readonly DataFileRef[];
}

/**
 * What opening an Imager and filling the cache share: resolve the array, site, source and
 * time range, read the listings, fail with what to do when the archive has nothing, and warn
 * about (or, with `missingOk: false`, reject) periods of a range without a file.
 */
export async function locateFiles(
  arrayId: string,
  siteCode: string,
  when: ImagerWhen,
  options: ImagerOptions,
): Promise<LocatedFiles> {
  const array = (options.registry ?? defaultArrayRegistry()).get(arrayId);
  const site = findSite(array, siteCode);
  const source = chooseSource(array, options.source);
  const { startMs, endMs, timeMs } = resolveWhen(when, array.cadenceS);
  const context = createSourceContext(options);
  const files = await source.findFiles(context, site.code, startMs, endMs);
  if (files.length === 0) {
    throw new NotFoundError(
      `${array.label} ${site.code} files (${source.name}) between ${formatIsoMicroseconds(startMs)} and ${formatIsoMicroseconds(endMs)}`,
      context.cache.offline
        ? "offline mode: nothing for this range is cached; run `aurorakit download` online first"
        : `the ${source.name} archive lists none; check \`aurorakit availability ${array.id} ${site.code}\` or try another --source`,
    );
  }
  if (timeMs === null) {
    reportGaps(
      files,
      startMs,
      endMs,
      source.fileSpanMs,
      options.missingOk ?? true,
      (m) => context.reporter.warn(m),
      `${array.label} ${site.code}`,
    );
  }
  return { array, site, source, context, startMs, endMs, timeMs, files };
}
