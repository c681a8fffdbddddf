import { InvalidArgumentError, NotFoundError } from "../../core/errors.js";
import type {
  ArrayPlugin,
  DataFileRef,
  ImagerFrame,
  ImageSource,
  SkymapFinder,
} from "../array-plugin.js";
import type { SiteInfo } from "../site.js";
import type { Skymap } from "../skymap/skymap.js";
import { fisheyeSkymap } from "./lens-skymap.js";
import { mix32 } from "./prng.js";
import { type SyntheticScene, syntheticScene } from "./scene.js";
import { SyntheticRenderer } from "./sky-model.js";

/** Frame size of the synthetic camera: THEMIS's 256x256 uint16 (asilib.md §3.1). */
const SIZE_PX = 256;
/** THEMIS cadence, s (asilib.md §3.1). */
const CADENCE_S = 3;
const CADENCE_MS = CADENCE_S * 1000;
/** One synthetic "file" per minute, like UCalgary stream0 (aurorax.md §3.3). */
const FILE_SPAN_MS = 60_000;
const FRAMES_PER_FILE = FILE_SPAN_MS / CADENCE_MS;

/**
 * Default sites: real THEMIS locations from asilib's asi_locations.csv (geodetic degrees).
 * The catalogue has no altitudes; these are approximate ground heights of the towns (km),
 * good enough for a synthetic camera and stated as such.
 */
export const SYNTHETIC_SITES: readonly SiteInfo[] = [
  { code: "gill", name: "Gillam", latitudeDeg: 56.376, longitudeDeg: -94.64, altitudeKm: 0.14 },
  { code: "atha", name: "Athabasca", latitudeDeg: 54.71, longitudeDeg: -113.28, altitudeKm: 0.52 },
  { code: "tpas", name: "The Pas", latitudeDeg: 53.994, longitudeDeg: -100.941, altitudeKm: 0.27 },
];

export interface SyntheticArrayOptions {
  /** Scene seed: the same seed gives the same aurora, stars and noise (default 0). */
  readonly seed?: number;
  /** Sites of the network (default SYNTHETIC_SITES); each needs an altitude. */
  readonly sites?: readonly SiteInfo[];
}

/** "synthetic/<site>/YYYYMMDD_HHMM": the minute a synthetic file covers. */
const REL_PATH = /^synthetic\/([a-z0-9]+)\/(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})$/;

function relPathOf(siteCode: string, minuteMs: number): string {
  const iso = new Date(minuteMs).toISOString();
  return `synthetic/${siteCode}/${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}_${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

/**
 * The synthetic imager network behind the "synthetic" array: sites, one lens skymap and one
 * renderer per site (built on first use, held by the instance), and the frames of a minute.
 * All sites share one scene referenced to the network's mean position, so neighbouring
 * cameras see the same arcs; each camera has its own noise and dark pattern.
 */
export class SyntheticNetwork {
  readonly sites: readonly SiteInfo[];
  readonly cadenceMs = CADENCE_MS;
  readonly sizePx = SIZE_PX;
  private readonly seed: number;
  private readonly scene: SyntheticScene;
  private readonly skymaps = new Map<string, Skymap>();
  private readonly renderers = new Map<string, SyntheticRenderer>();

  constructor(options: SyntheticArrayOptions = {}) {
    this.seed = options.seed ?? 0;
    this.sites = options.sites ?? SYNTHETIC_SITES;
    const sites = this.sites;
    if (sites.length === 0) throw new InvalidArgumentError("sites", "at least one site is needed");
    const mean = (f: (s: SiteInfo) => number) =>
      sites.reduce((sum, s) => sum + f(s), 0) / sites.length;
    this.scene = syntheticScene(this.seed, {
      referenceLatitudeDeg: mean((s) => s.latitudeDeg),
      referenceLongitudeDeg: mean((s) => s.longitudeDeg),
    });
  }

  site(siteCode: string): SiteInfo {
    const site = this.sites.find((s) => s.code === siteCode);
    if (site === undefined) {
      throw new NotFoundError(
        `synthetic site "${siteCode}"`,
        `choose one of ${this.sites.map((s) => s.code).join(", ")}`,
      );
    }
    return site;
  }

  skymap(siteCode: string): Skymap {
    let skymap = this.skymaps.get(siteCode);
    if (skymap === undefined) {
      const site = this.site(siteCode);
      skymap = fisheyeSkymap({
        site: { ...site, altitudeKm: site.altitudeKm ?? 0 },
        width: SIZE_PX,
        height: SIZE_PX,
      });
      this.skymaps.set(siteCode, skymap);
    }
    return skymap;
  }

  private renderer(siteCode: string): SyntheticRenderer {
    let renderer = this.renderers.get(siteCode);
    if (renderer === undefined) {
      const index = this.sites.indexOf(this.site(siteCode));
      renderer = new SyntheticRenderer(
        { ...this.scene, seed: mix32(this.seed | 0, index) },
        this.skymap(siteCode),
      );
      this.renderers.set(siteCode, renderer);
    }
    return renderer;
  }

  /** The frames of the minute starting at `minuteMs` that lie in [startMs, endMs], one buffer each. */
  *minuteFrames(
    siteCode: string,
    minuteMs: number,
    startMs: number,
    endMs: number,
  ): Generator<ImagerFrame, void, undefined> {
    const renderer = this.renderer(siteCode);
    for (let k = 0; k < FRAMES_PER_FILE; k++) {
      const timeMs = minuteMs + k * CADENCE_MS;
      if (timeMs < startMs || timeMs > endMs) continue;
      yield { timeMs, image: renderer.render(timeMs, new Uint16Array(SIZE_PX * SIZE_PX)) };
    }
  }
}

/**
 * A synthetic imager array: real site positions, an ideal fisheye per site, and frames
 * rendered on demand from a seeded scene (arcs, pulsating patch, stars, airglow, noise). No
 * I/O: its "files" are minutes of frames named `synthetic/<site>/YYYYMMDD_HHMM`.
 */
export function syntheticArray(options: SyntheticArrayOptions = {}): ArrayPlugin {
  const network = new SyntheticNetwork(options);
  const source: ImageSource = {
    name: "synthetic",
    fileSpanMs: FILE_SPAN_MS,
    async findFiles(_context, siteCode, startMs, endMs): Promise<DataFileRef[]> {
      network.site(siteCode);
      if (!(endMs >= startMs))
        throw new InvalidArgumentError("endMs", `${endMs} is before startMs ${startMs}`);
      const files: DataFileRef[] = [];
      for (
        let minute = Math.floor(startMs / FILE_SPAN_MS) * FILE_SPAN_MS;
        minute <= endMs;
        minute += FILE_SPAN_MS
      ) {
        files.push({
          source: "synthetic",
          relPath: relPathOf(siteCode, minute),
          startMs: minute,
          endMs: minute + FILE_SPAN_MS,
        });
      }
      return files;
    },
    async fetchFile(_context, file): Promise<string> {
      return file.relPath;
    },
    async *readFrames(
      path,
      siteCode,
      startMs,
      endMs,
    ): AsyncGenerator<ImagerFrame, void, undefined> {
      const match = REL_PATH.exec(path);
      if (match === null || match[1] !== siteCode) {
        throw new InvalidArgumentError(
          "path",
          `${path} is not a synthetic file of site ${siteCode} (synthetic/<site>/YYYYMMDD_HHMM)`,
        );
      }
      const [y, mo, d, h, mi] = match.slice(2).map(Number) as [
        number,
        number,
        number,
        number,
        number,
      ];
      yield* network.minuteFrames(siteCode, Date.UTC(y, mo - 1, d, h, mi), startMs, endMs);
    },
  };
  const skymaps: SkymapFinder = {
    async find(_context, siteCode): Promise<Skymap> {
      return network.skymap(siteCode);
    },
  };
  return {
    id: "synthetic",
    label: "Synthetic",
    sites: network.sites,
    cadenceS: CADENCE_S,
    geometry: { width: SIZE_PX, height: SIZE_PX, channels: 1, dtype: "uint16" },
    // asilib.md §4.3: THEMIS plot bounds; the synthetic dark level and arcs are THEMIS-like.
    colorBounds: [3000, 9000],
    defaultAltitudeKm: 110,
    sources: [source],
    skymaps,
  };
}
