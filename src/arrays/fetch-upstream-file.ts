import type { UpstreamName } from "../core/config.js";
import { isAurorakitError } from "../core/errors.js";
import type { DataFileRef, FetchFileOptions, SourceContext } from "./array-plugin.js";

/**
 * Downloads (or finds in the cache) one upstream file. A file the listing named but the
 * server no longer has (404, or an HTML page in its place) is reported and skipped: null.
 */
export async function fetchUpstreamFile(
  context: SourceContext,
  upstream: UpstreamName,
  file: DataFileRef,
  options: FetchFileOptions,
): Promise<string | null> {
  try {
    return await context.cache.fetch(context.upstreams[upstream], file.relPath, {
      redownload: options.redownload ?? false,
      ...(options.offlineHint === undefined ? {} : { offlineHint: options.offlineHint }),
    });
  } catch (error) {
    if (isAurorakitError(error) && error.tag === "NotFoundError" && !context.cache.offline) {
      context.reporter.warn(`skipping ${file.relPath}: ${error.message}`);
      return null;
    }
    throw error;
  }
}
