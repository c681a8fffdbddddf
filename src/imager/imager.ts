import type {
  ArrayPlugin,
  DataFileRef,
  ImagerFrame,
  ImageSource,
  SourceContext,
} from "../arrays/array-plugin.js";
import type { SiteInfo } from "../arrays/site.js";
import type { AltitudeSkymap } from "../arrays/skymap/skymap.js";
import { InvalidArgumentError, NotFoundError, UnsupportedError } from "../core/errors.js";
import { formatIsoMicroseconds } from "../core/time/ucalgary-timestamp.js";
import { type TimeInput, toTimeMs } from "./time-input.js";

/** What an Imager is: one camera, its cadence and frame layout. */
export interface ImagerMeta {
  readonly array: string;
  readonly arrayLabel: string;
  readonly site: string;
  readonly siteName: string;
  readonly latitudeDeg: number;
  readonly longitudeDeg: number;
  /** From the skymap when one is loaded, else the catalogue's (null when it has none). */
  readonly altitudeKm: number | null;
  readonly cadenceS: number;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly dtype: "uint16" | "uint8";
  /** The image source in use ("berkeley", "ucalgary", "synthetic"). */
  readonly source: string;
  /** The array's default colour-scale bounds in counts and colormap name, for figures. */
  readonly colorBounds: readonly [number, number];
  readonly colormap: string;
}

/** A whole interval decoded into one allocation. */
export interface LoadedFrames {
  /** Frame times, ms since 1970 UTC. */
  readonly timesMs: Float64Array;
  /** [frames, height, width(, channels)] row-major in the native dtype, aurorakit orientation. */
  readonly images: Uint16Array | Uint8Array;
  readonly shape: readonly number[];
}

export interface ImagerParts {
  readonly array: ArrayPlugin;
  readonly site: SiteInfo;
  readonly source: ImageSource;
  readonly context: SourceContext;
  readonly files: readonly DataFileRef[];
  readonly startMs: number;
  readonly endMs: number;
  readonly timeMs: number | null;
  readonly skymap: AltitudeSkymap | null;
  readonly redownload: boolean;
}

/** Files downloaded ahead of the one being decoded (bounded: the disk holds them, not memory). */
const PREFETCH_FILES = 3;

/**
 * One camera over one time range (or at one instant), with its skymap. Frames are decoded
 * lazily, one file at a time; `load()` is the explicit whole-interval allocation.
 */
export class Imager {
  readonly meta: ImagerMeta;
  readonly startMs: number;
  readonly endMs: number;
  /** Set when the Imager was opened at one instant. */
  readonly timeMs: number | null;
  /** The files the range needs, by start time. */
  readonly files: readonly DataFileRef[];
  private readonly parts: ImagerParts;

  constructor(parts: ImagerParts) {
    this.parts = parts;
    const { array, site, source, skymap } = parts;
    this.meta = {
      array: array.id,
      arrayLabel: array.label,
      site: site.code,
      siteName: site.name,
      latitudeDeg: skymap?.site.latitudeDeg ?? site.latitudeDeg,
      longitudeDeg: skymap?.site.longitudeDeg ?? site.longitudeDeg,
      altitudeKm: skymap?.site.altitudeKm ?? site.altitudeKm,
      cadenceS: array.cadenceS,
      width: array.geometry.width,
      height: array.geometry.height,
      channels: array.geometry.channels,
      dtype: array.geometry.dtype,
      source: source.name,
      colorBounds: array.colorBounds,
      colormap: array.colormap ?? "Greys_r",
    };
    this.startMs = parts.startMs;
    this.endMs = parts.endMs;
    this.timeMs = parts.timeMs;
    this.files = parts.files;
  }

  /** Azimuth/elevation of pixel centres and lat/lon of pixel corners at the mapping altitude. */
  get skymap(): AltitudeSkymap {
    if (this.parts.skymap === null) {
      throw new InvalidArgumentError(
        "skymap",
        "this Imager was opened with { skymap: false }; open it again without that option",
      );
    }
    return this.parts.skymap;
  }

  /**
   * The frames in time order, one at a time. Memory is bounded by one decoded file; the next
   * files are downloaded while the current one is decoded. A single-instant Imager yields the
   * frame nearest its time.
   */
  async *frames(): AsyncGenerator<ImagerFrame, void, undefined> {
    if (this.timeMs !== null) {
      yield await this.at(this.timeMs);
      return;
    }
    yield* this.rangeFrames(this.startMs, this.endMs);
  }

  /** The frame nearest `time`, if one lies within one cadence of it; NotFoundError otherwise. */
  async at(time: TimeInput): Promise<ImagerFrame> {
    const timeMs = toTimeMs(time, "time");
    const cadenceMs = this.meta.cadenceS * 1000;
    let best: ImagerFrame | null = null;
    for await (const frame of this.rangeFrames(timeMs - cadenceMs, timeMs + cadenceMs)) {
      if (best === null || Math.abs(frame.timeMs - timeMs) < Math.abs(best.timeMs - timeMs))
        best = frame;
    }
    if (best === null) {
      throw new NotFoundError(
        `a ${this.meta.arrayLabel} ${this.meta.site} frame within ${this.meta.cadenceS} s of ${formatIsoMicroseconds(timeMs)}`,
        "the imager took no frame then (or its file is missing); see `aurorakit availability`",
      );
    }
    return best;
  }

  /** The part of this Imager in [start, end] (inclusive); no network access. */
  slice(start: TimeInput, end: TimeInput): Imager {
    const startMs = Math.max(this.startMs, toTimeMs(start, "start"));
    const endMs = Math.min(this.endMs, toTimeMs(end, "end"));
    if (!(endMs >= startMs)) {
      throw new InvalidArgumentError(
        "slice",
        `it does not overlap this Imager's range ${formatIsoMicroseconds(this.startMs)} – ${formatIsoMicroseconds(this.endMs)}`,
      );
    }
    const files = this.files.filter((f) => f.startMs <= endMs && f.endMs > startMs);
    return new Imager({ ...this.parts, startMs, endMs, timeMs: null, files });
  }

  /**
   * Decodes the whole range into one preallocated array in the native dtype (sized for the
   * most frames the cadence allows, trimmed by a view, never copied).
   */
  async load(): Promise<LoadedFrames> {
    const { width, height, channels, cadenceS } = this.meta;
    const frameLength = width * height * channels;
    // A file may start its first frame at its very first instant: one extra slot per file.
    const capacity =
      this.timeMs !== null
        ? 1
        : Math.floor((this.endMs - this.startMs) / (cadenceS * 1000)) + 1 + this.files.length;
    const images =
      this.meta.dtype === "uint16"
        ? new Uint16Array(capacity * frameLength)
        : new Uint8Array(capacity * frameLength);
    const timesMs = new Float64Array(capacity);
    let count = 0;
    for await (const frame of this.frames()) {
      if (count === capacity) {
        throw new UnsupportedError(
          `more frames than the ${cadenceS} s cadence of ${this.meta.arrayLabel} allows (${capacity} in this range)`,
          "iterate imager.frames() instead of load(), which sizes its single allocation from the cadence",
        );
      }
      images.set(frame.image, count * frameLength);
      timesMs[count] = frame.timeMs;
      count++;
    }
    return {
      timesMs: timesMs.subarray(0, count),
      images: images.subarray(0, count * frameLength),
      shape: channels === 1 ? [count, height, width] : [count, height, width, channels],
    };
  }

  toString(): string {
    const when =
      this.timeMs !== null
        ? `time=${formatIsoMicroseconds(this.timeMs)}`
        : `${formatIsoMicroseconds(this.startMs)} – ${formatIsoMicroseconds(this.endMs)}`;
    return `${this.meta.arrayLabel} ${this.meta.site} Imager (${this.meta.source}, ${when}, ${this.files.length} files)`;
  }

  /** The CLI command that would put `file` in the cache (for offline-mode errors). */
  private downloadCommand(file: DataFileRef): string {
    const iso = (ms: number) => new Date(ms).toISOString();
    return `aurorakit download ${this.meta.array} ${this.meta.site} --source ${file.source} --start ${iso(file.startMs)} --end ${iso(file.endMs - 1)}`;
  }

  private async *rangeFrames(
    startMs: number,
    endMs: number,
  ): AsyncGenerator<ImagerFrame, void, undefined> {
    const { source, context, redownload } = this.parts;
    const files = this.files.filter((f) => f.startMs <= endMs && f.endMs > startMs);
    const fetches: Promise<string | null>[] = [];
    const ensure = (upTo: number) => {
      for (let i = fetches.length; i <= Math.min(upTo, files.length - 1); i++) {
        const file = files[i] as DataFileRef;
        const pending = source.fetchFile(context, file, {
          redownload,
          offlineHint: this.downloadCommand(file),
        });
        // Errors surface when the file's turn comes; until then they must not count as unhandled.
        pending.catch(() => {});
        fetches.push(pending);
      }
    };
    for (let i = 0; i < files.length; i++) {
      ensure(i + PREFETCH_FILES);
      const path = await fetches[i];
      if (path === null || path === undefined) continue;
      yield* source.readFrames(path, this.meta.site, startMs, endMs);
    }
  }
}
