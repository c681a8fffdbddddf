import { type ArrayRegistry, defaultArrayRegistry, findSite } from "../arrays/registry.js";
import { skymapAtAltitude } from "../arrays/skymap/skymap.js";
import { NotFoundError } from "../core/errors.js";
import { formatIsoMicroseconds } from "../core/time/ucalgary-timestamp.js";
import { chooseSource } from "./choose-source.js";
import { Imager } from "./imager.js";
import { reportGaps } from "./report-gaps.js";
import { type AccessOptions, createSourceContext } from "./source-context.js";
import { type ImagerWhen, resolveWhen } from "./time-input.js";

export interface ImagerOptions extends AccessOptions {
  /** Mapping altitude of the skymap's lat/lon grids, km (default: the array's). */
  readonly altitudeKm?: number;
  /** Image source by name ("ucalgary", "berkeley", …); default: the array's first. */
  readonly source?: string;
  /** Skip files missing inside the range with a warning (default true); false → NotFoundError. */
  readonly missingOk?: boolean;
  /** Download again even when cached. */
  readonly redownload?: boolean;
  /** Load the skymap (default true); false for work that needs only frames. */
  readonly skymap?: boolean;
  /** Where array ids are looked up (default: the built-in arrays). */
  readonly registry?: ArrayRegistry;
}

/**
 * Opens an Imager: finds the files of the range from the upstream listings (cached), checks
 * what is missing, and loads the skymap valid at the start. Frames are not read yet.
 */
export async function openImager(
  arrayId: string,
  siteCode: string,
  when: ImagerWhen,
  options: ImagerOptions = {},
): Promise<Imager> {
  const registry = options.registry ?? defaultArrayRegistry();
  const array = registry.get(arrayId);
  const site = findSite(array, siteCode);
  const source = chooseSource(array, options.source);
  const { startMs, endMs, timeMs } = resolveWhen(when, array.cadenceS);
  const context = createSourceContext(options);
  const files = await source.findFiles(context, site.code, startMs, endMs);
  const span = `${formatIsoMicroseconds(startMs)} – ${formatIsoMicroseconds(endMs)}`;
  if (files.length === 0) {
    throw new NotFoundError(
      `${array.label} ${site.code} files (${source.name}) for ${span}`,
      context.cache.offline
        ? "offline mode: nothing for this range is cached; run `aurorakit download` online first"
        : `the ${source.name} archive lists none; check \`aurorakit availability ${array.id} ${site.code}\` or try another --source`,
    );
  }
  if (timeMs === null)
    reportGaps(
      files,
      startMs,
      endMs,
      source.fileSpanMs,
      options.missingOk ?? true,
      (m) => context.reporter.warn(m),
      `${array.label} ${site.code}`,
    );
  const skymap =
    options.skymap === false
      ? null
      : skymapAtAltitude(
          await array.skymaps.find(context, site.code, timeMs ?? startMs, {
            redownload: options.redownload ?? false,
          }),
          options.altitudeKm ?? array.defaultAltitudeKm,
        );
  return new Imager({
    array,
    site,
    source,
    context,
    files,
    startMs,
    endMs,
    timeMs,
    skymap,
    redownload: options.redownload ?? false,
  });
}

type ArrayImagerOpener = (
  siteCode: string,
  when: ImagerWhen,
  options?: ImagerOptions,
) => Promise<Imager>;

const opener =
  (arrayId: string): ArrayImagerOpener =>
  (siteCode, when, options) =>
    openImager(arrayId, siteCode, when, options);

/** THEMIS all-sky imager, e.g. `await themis("gill", { start: "2014-03-10T06:00Z", end: "2014-03-10T06:10Z" })`. */
export const themis = opener("themis");
/** REGO redline imager (skymaps mapped at 230 km by default). */
export const rego = opener("rego");
/** TREx near-infrared imager. */
export const trexNir = opener("trex-nir");
/** TREx Blueline imager. */
export const trexBlue = opener("trex-blue");
