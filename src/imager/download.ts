import { mapConcurrent } from "../core/concurrency.js";
import { locateFiles } from "./locate-files.js";
import type { ImagerOptions } from "./open-imager.js";
import type { ImagerWhen } from "./time-input.js";

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
  const {
    array,
    site,
    source,
    context,
    files: refs,
    startMs,
  } = await locateFiles(arrayId, siteCode, when, options);
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
