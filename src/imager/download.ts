import { defaultArrayRegistry, findSite } from "../arrays/registry.js";
import { mapConcurrent } from "../core/concurrency.js";
import { NotFoundError } from "../core/errors.js";
import { formatIsoMicroseconds } from "../core/time/ucalgary-timestamp.js";
import { chooseSource } from "./choose-source.js";
import type { ImagerOptions } from "./open-imager.js";
import { reportGaps } from "./report-gaps.js";
import { createSourceContext } from "./source-context.js";
import { type ImagerWhen, resolveWhen } from "./time-input.js";

export interface DownloadResult {
  /** Local paths of the image files now in the cache, by start time. */
  readonly files: readonly string[];
  /** Files listed upstream that could not be fetched (gone since the listing). */
  readonly skipped: readonly string[];
  /** The skymap file valid at the start, when requested. */
  readonly skymapSource: string | null;
}

/** Files fetched at once; the DataCache bounds the parallel downloads itself. */
const FILE_CONCURRENCY = 8;

/**
 * Fills the cache with everything an Imager over the range needs (image files and the
 * skymap), so that later work runs offline.
 */
export async function downloadRange(
  arrayId: string,
  siteCode: string,
  when: ImagerWhen,
  options: ImagerOptions = {},
): Promise<DownloadResult> {
  const array = (options.registry ?? defaultArrayRegistry()).get(arrayId);
  const site = findSite(array, siteCode);
  const source = chooseSource(array, options.source);
  const { startMs, endMs } = resolveWhen(when, array.cadenceS);
  const context = createSourceContext(options);
  const refs = await source.findFiles(context, site.code, startMs, endMs);
  if (refs.length === 0) {
    throw new NotFoundError(
      `${array.label} ${site.code} files (${source.name}) between ${formatIsoMicroseconds(startMs)} and ${formatIsoMicroseconds(endMs)}`,
      `the archive lists none; check \`aurorakit availability ${array.id} ${site.code}\` or try another --source`,
    );
  }
  reportGaps(
    refs,
    startMs,
    endMs,
    source.fileSpanMs,
    options.missingOk ?? true,
    (m) => context.reporter.warn(m),
    `${array.label} ${site.code}`,
  );
  const redownload = options.redownload ?? false;
  const paths = await mapConcurrent(refs, FILE_CONCURRENCY, (ref) =>
    source.fetchFile(context, ref, { redownload }),
  );
  const files: string[] = [];
  const skipped: string[] = [];
  for (const [i, path] of paths.entries()) {
    if (path === null) skipped.push(refs[i]?.relPath ?? "");
    else files.push(path);
  }
  const skymapSource =
    options.skymap === false
      ? null
      : (await array.skymaps.find(context, site.code, startMs, { redownload })).source;
  return { files, skipped, skymapSource };
}
