import { mapConcurrent } from "../../core/concurrency.js";
import { FormatError } from "../../core/errors.js";
import { DAY_MS, HOUR_MS, MINUTE_MS, periodStarts, utcFields } from "../../core/time/utc-fields.js";
import { readPgmFrames } from "../../formats/pgm/read.js";
import type {
  DataFileRef,
  FrameGeometry,
  ImagerFrame,
  ImageSource,
  SourceContext,
} from "../array-plugin.js";
import { fetchUpstreamFile } from "../fetch-upstream-file.js";
import { type Orientation, orientFrameInPlace } from "../orientation.js";

/**
 * UCalgary "stream0" raw minute files (aurorax.md §3.3, asilib.md §3.2):
 * `<root>/YYYY/MM/DD/<site>_<device>/utHH/YYYYMMDD_HHMM_<site>_<device>_<suffix>`.
 */
export interface Stream0Layout {
  /** Below the UCalgary base URL, e.g. "THEMIS/asi/stream0". */
  readonly root: string;
  /** Device folder after `<site>_`, e.g. /^themis\d+$/ for `gill_themis19`. */
  readonly device: RegExp;
  /** File name after `<site>_<device>_`, e.g. /^full\.pgm\.gz$/; dark frames are excluded by it. */
  readonly suffix: RegExp;
  readonly geometry: FrameGeometry;
  readonly orientation: Orientation;
}

/** Directory listings fetched at once (one per site-day-hour). */
const LISTING_CONCURRENCY = 6;

const FILE_TIME = /^(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})_/;

function fileStartMs(name: string): number | null {
  const m = FILE_TIME.exec(name);
  if (m === null) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
}

export function ucalgaryStream0(layout: Stream0Layout): ImageSource {
  return {
    name: "ucalgary",
    fileSpanMs: MINUTE_MS,
    async findFiles(context: SourceContext, siteCode: string, startMs: number, endMs: number) {
      const upstream = context.upstreams.ucalgary;
      // Day folders first: each lists the device folders of every site that day.
      const days = periodStarts(startMs, endMs, DAY_MS);
      const dayListings = await mapConcurrent(days, LISTING_CONCURRENCY, async (dayMs) => {
        const { year, month, day } = utcFields(dayMs);
        const dayDir = `${layout.root}/${year}/${month}/${day}`;
        const entries = (await context.cache.list(upstream, dayDir)) ?? [];
        return entries
          .filter(
            (e) =>
              e.isDirectory &&
              e.name.startsWith(`${siteCode}_`) &&
              layout.device.test(e.name.slice(siteCode.length + 1)),
          )
          .map((e) => ({
            dayMs,
            deviceDir: `${dayDir}/${e.name}`,
            device: e.name.slice(siteCode.length + 1),
          }));
      });
      const hourDirs = dayListings.flat().flatMap((d) =>
        periodStarts(
          Math.max(startMs, d.dayMs),
          Math.min(endMs, d.dayMs + DAY_MS - 1),
          HOUR_MS,
        ).map((hourMs) => ({
          ...d,
          hourDir: `${d.deviceDir}/ut${utcFields(hourMs).hour}`,
        })),
      );
      const hourListings = await mapConcurrent(hourDirs, LISTING_CONCURRENCY, (h) =>
        context.cache.list(upstream, h.hourDir),
      );
      const files: DataFileRef[] = [];
      hourDirs.forEach((h, i) => {
        const prefixLength = `YYYYMMDD_HHMM_${siteCode}_${h.device}_`.length;
        for (const entry of hourListings[i] ?? []) {
          if (entry.isDirectory || !entry.name.includes(`_${siteCode}_${h.device}_`)) continue;
          if (!layout.suffix.test(entry.name.slice(prefixLength))) continue;
          const fileStart = fileStartMs(entry.name);
          if (fileStart === null || fileStart > endMs || fileStart + MINUTE_MS <= startMs) continue;
          files.push({
            source: "ucalgary",
            relPath: `${h.hourDir}/${entry.name}`,
            startMs: fileStart,
            endMs: fileStart + MINUTE_MS,
          });
        }
      });
      return files.sort((a, b) => a.startMs - b.startMs || a.relPath.localeCompare(b.relPath));
    },
    fetchFile: (context, file, options) => fetchUpstreamFile(context, "ucalgary", file, options),
    readFrames: (path, _siteCode, startMs, endMs) => pgmImagerFrames(path, layout, startMs, endMs),
  };
}

async function* pgmImagerFrames(
  path: string,
  layout: Stream0Layout,
  startMs: number,
  endMs: number,
): AsyncGenerator<ImagerFrame, void, undefined> {
  const { width, height } = layout.geometry;
  for await (const frame of readPgmFrames(path)) {
    if (frame.width !== width || frame.height !== height || frame.bitDepth !== 16) {
      throw new FormatError("UCalgary PGM", {
        file: path,
        offset: frame.byteOffset,
        expected: `${height} rows x ${width} columns of 16-bit pixels for this imager`,
        found: `${frame.height} x ${frame.width} x ${frame.bitDepth}-bit`,
      });
    }
    if (frame.timeMs === null) {
      throw new FormatError("UCalgary PGM", {
        file: path,
        offset: frame.byteOffset,
        expected: `an "Image request start" timestamp in frame ${frame.index}`,
        found: "none",
      });
    }
    if (frame.timeMs < startMs || frame.timeMs > endMs) continue;
    // The reader hands each frame's pixels over (it never reuses them): turn them in place.
    yield {
      timeMs: frame.timeMs,
      image: orientFrameInPlace(frame.pixels, width, height, 1, layout.orientation),
    };
  }
}
