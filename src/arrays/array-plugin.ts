import type { UpstreamName } from "../core/config.js";
import type { ProgressReporter } from "../core/progress.js";
import type { DataCache } from "../sources/data-cache.js";
import type { Upstream } from "../sources/upstream.js";
import type { SiteInfo } from "./site.js";
import type { Skymap } from "./skymap/skymap.js";

/** Pixel layout of an array's frames (after orientation). */
export interface FrameGeometry {
  readonly width: number;
  readonly height: number;
  /** 1 for monochrome cameras, 3 for RGB (interleaved). */
  readonly channels: number;
  readonly dtype: "uint16" | "uint8";
}

export type FramePixels = Uint16Array | Uint8Array;

/** One image at one instant, in aurorakit orientation (row 0 north, column 0 east). */
export interface ImagerFrame {
  /** `Image request start` (or the CDF epoch) in ms since 1970 UTC. */
  readonly timeMs: number;
  readonly image: FramePixels;
}

/** Where sources reach the network and report progress. */
export interface SourceContext {
  readonly cache: DataCache;
  readonly upstreams: Readonly<Record<UpstreamName, Upstream>>;
  readonly reporter: ProgressReporter;
}

/** One file (upstream, or generated) holding the frames of [startMs, endMs). */
export interface DataFileRef {
  /** The source's name: an upstream ("berkeley", "ucalgary") or "synthetic". */
  readonly source: string;
  /** Path below the upstream's base URL (and below `<dataDir>/<source>/` in the cache). */
  readonly relPath: string;
  readonly startMs: number;
  readonly endMs: number;
}

export interface FetchFileOptions {
  readonly redownload?: boolean;
  /** How to get the file when offline mode finds it missing (e.g. the `aurorakit download` command). */
  readonly offlineHint?: string;
}

/** One way to obtain an array's images: an upstream layout plus the decoder of its files. */
export interface ImageSource {
  readonly name: string;
  /** Time span of one file (an hour of CDF, a minute of PGM). */
  readonly fileSpanMs: number;
  /** The files of `siteCode` overlapping [startMs, endMs], from the upstream listings, by start time. */
  findFiles(
    context: SourceContext,
    siteCode: string,
    startMs: number,
    endMs: number,
  ): Promise<DataFileRef[]>;
  /**
   * Makes the file available locally (download into the cache unless present) and returns
   * what `readFrames` takes; null when it turned out to be missing upstream.
   */
  fetchFile(
    context: SourceContext,
    file: DataFileRef,
    options: FetchFileOptions,
  ): Promise<string | null>;
  /** Decodes a cached file into frames of [startMs, endMs] (inclusive), oriented, one buffer each. */
  readFrames(
    path: string,
    siteCode: string,
    startMs: number,
    endMs: number,
  ): AsyncGenerator<ImagerFrame, void, undefined>;
}

/** Finds the skymap valid for a site at an instant. */
export interface SkymapFinder {
  find(
    context: SourceContext,
    siteCode: string,
    timeMs: number,
    options: { readonly redownload?: boolean },
  ): Promise<Skymap>;
}

/** Everything aurorakit knows about one imager array. Third parties can register their own. */
export interface ArrayPlugin {
  /** Name used in the API and on the command line, e.g. "themis", "trex-nir". */
  readonly id: string;
  /** Display name, e.g. "THEMIS", "TREx NIR". */
  readonly label: string;
  readonly sites: readonly SiteInfo[];
  readonly cadenceS: number;
  readonly geometry: FrameGeometry;
  /** Default colour-scale bounds in counts (asilib's static plot bounds). */
  readonly colorBounds: readonly [number, number];
  /**
   * Default colormap name for figures (asilib.md §4.3: Greys_r unless the array says
   * otherwise; REGO black→red). The render layer validates the name.
   */
  readonly colormap?: string;
  /** Mapping altitude used when the caller gives none. */
  readonly defaultAltitudeKm: number;
  /** Image sources, the default first. */
  readonly sources: readonly ImageSource[];
  readonly skymaps: SkymapFinder;
}
