import type { ArrayRegistry } from "../arrays/registry.js";
import { skymapAtAltitude } from "../arrays/skymap/skymap.js";
import { Imager } from "./imager.js";
import { locateFiles } from "./locate-files.js";
import type { AccessOptions } from "./source-context.js";
import type { ImagerWhen } from "./time-input.js";

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
  const { array, site, source, context, files, startMs, endMs, timeMs } = await locateFiles(
    arrayId,
    siteCode,
    when,
    options,
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
