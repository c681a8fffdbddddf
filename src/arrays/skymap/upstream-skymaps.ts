import { mapConcurrent } from "../../core/concurrency.js";
import type { UpstreamName } from "../../core/config.js";
import { NotFoundError } from "../../core/errors.js";
import { formatIsoMicroseconds } from "../../core/time/ucalgary-timestamp.js";
import type { SkymapFinder, SourceContext } from "../array-plugin.js";
import type { Orientation } from "../orientation.js";
import { readSkymapFile } from "./read-skymap.js";
import type { Skymap } from "./skymap.js";
import { chooseSkymap, parseSkymapFileName, type SkymapFileName } from "./skymap-file-name.js";

/** Where an array's skymaps live upstream (aurorax.md §3.3, "Skymaps" row). */
export interface SkymapLayout {
  readonly source: UpstreamName;
  /** Folder with one sub-folder per site, e.g. "THEMIS/asi/skymaps". */
  readonly root: string;
  /** Instrument prefix of the file names, e.g. "themis" in `themis_skymap_gako_20110305-+_vXX.sav`. */
  readonly instrument: string;
  /** How the file's rows/columns relate to aurorakit orientation. */
  readonly orientation: Orientation;
}

/** Listings of dated sub-folders fetched at once. */
const LISTING_CONCURRENCY = 4;

interface Located {
  readonly relPath: string;
  readonly name: SkymapFileName;
}

/**
 * Lists `<root>/<site>/` and its sub-folders (`<site>_<YYYYMMDD>/`, the dated folders of the
 * UCalgary tree; files placed directly in the site folder count too), collects every skymap
 * of the site, and returns the one valid at the requested time. Listings are cached by the
 * DataCache, so a site's skymap list is fetched once; only the chosen file is downloaded.
 */
export function upstreamSkymaps(layout: SkymapLayout): SkymapFinder {
  return {
    async find(context: SourceContext, siteCode: string, timeMs: number, options): Promise<Skymap> {
      const upstream = context.upstreams[layout.source];
      const siteDir = `${layout.root}/${siteCode}`;
      const candidates = await locateSkymaps(context, layout, siteCode);
      const choice = chooseSkymap(
        candidates.map((c) => c.name),
        timeMs,
      );
      if (choice === null) {
        throw new NotFoundError(
          `${layout.instrument} skymap for site ${siteCode}`,
          `no ${layout.instrument}_skymap_${siteCode}_*.sav under ${upstream.baseUrl}/${siteDir}/; check the site code, or the mirror URL`,
        );
      }
      if (choice.precedesNone) {
        context.reporter.warn(
          `no ${layout.instrument} skymap of ${siteCode} starts before ${formatIsoMicroseconds(timeMs)}; using the earliest, ${choice.file.name}`,
        );
      }
      const located = candidates.find((c) => c.name === choice.file) as Located;
      const path = await context.cache.fetch(upstream, located.relPath, {
        redownload: options.redownload,
      });
      return readSkymapFile(path, choice.file, layout.orientation);
    },
  };
}

async function locateSkymaps(
  context: SourceContext,
  layout: SkymapLayout,
  siteCode: string,
): Promise<Located[]> {
  const upstream = context.upstreams[layout.source];
  const siteDir = `${layout.root}/${siteCode}`;
  const entries = (await context.cache.list(upstream, siteDir)) ?? [];
  const found: Located[] = [];
  const collect = (dir: string, names: readonly { name: string; isDirectory: boolean }[]) => {
    for (const entry of names) {
      if (entry.isDirectory) continue;
      const name = parseSkymapFileName(entry.name);
      if (name !== null && name.instrument === layout.instrument && name.siteCode === siteCode) {
        found.push({ relPath: `${dir}/${entry.name}`, name });
      }
    }
  };
  collect(siteDir, entries);
  const subdirs = entries.filter((e) => e.isDirectory);
  const listings = await mapConcurrent(subdirs, LISTING_CONCURRENCY, (dir) =>
    context.cache.list(upstream, `${siteDir}/${dir.name}`),
  );
  for (const [i, dir] of subdirs.entries()) collect(`${siteDir}/${dir.name}`, listings[i] ?? []);
  return found;
}
