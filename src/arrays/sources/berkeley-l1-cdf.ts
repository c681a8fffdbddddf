import { fileSource } from "../../core/byte-source.js";
import { mapConcurrent } from "../../core/concurrency.js";
import { FormatError } from "../../core/errors.js";
import { HOUR_MS, monthStarts, utcFields } from "../../core/time/utc-fields.js";
import { openCdf } from "../../formats/cdf/cdf-file.js";
import { readTimeVariableUnixMs } from "../../formats/cdf/epoch-arrays.js";
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
 * Berkeley hourly level-1 imager CDFs (asilib.md §3.1, "Legacy THEMIS/REGO" row):
 * `thg/l1/<instrument>/<site>/YYYY/MM/<filePrefix>_<site>_YYYYMMDDHH_vNN.cdf` holding the
 * images in `<variablePrefix>_<site>` and their CDF_EPOCH times in `<variablePrefix>_<site>_epoch`.
 */
export interface BerkeleyL1Layout {
  /** "asi" for THEMIS, "reg" for REGO. */
  readonly instrument: string;
  /** "thg_l1_asf" for THEMIS, "clg_l1_rgf" for REGO. */
  readonly filePrefix: string;
  /** "thg_asf" for THEMIS, "clg_rgf" for REGO. */
  readonly variablePrefix: string;
  readonly geometry: FrameGeometry;
  readonly orientation: Orientation;
}

/** Month listings fetched at once. */
const LISTING_CONCURRENCY = 4;

export function berkeleyL1Cdf(layout: BerkeleyL1Layout): ImageSource {
  return {
    name: "berkeley",
    fileSpanMs: HOUR_MS,
    async findFiles(context: SourceContext, siteCode: string, startMs: number, endMs: number) {
      const upstream = context.upstreams.berkeley;
      const name = new RegExp(
        `^${layout.filePrefix}_${siteCode}_(\\d{4})(\\d{2})(\\d{2})(\\d{2})_v(\\d+)\\.cdf$`,
      );
      const months = monthStarts(startMs, endMs);
      const listings = await mapConcurrent(months, LISTING_CONCURRENCY, async (monthMs) => {
        const { year, month } = utcFields(monthMs);
        const dir = `thg/l1/${layout.instrument}/${siteCode}/${year}/${month}`;
        return { dir, entries: (await context.cache.list(upstream, dir)) ?? [] };
      });
      // One file per hour: the highest version wins (v02 reprocessings replace v01).
      const byHour = new Map<number, { ref: DataFileRef; version: number }>();
      for (const { dir, entries } of listings) {
        for (const entry of entries) {
          const m = name.exec(entry.name);
          if (entry.isDirectory || m === null) continue;
          const hourMs = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]));
          if (hourMs > endMs || hourMs + HOUR_MS <= startMs) continue;
          const version = Number(m[5]);
          const known = byHour.get(hourMs);
          if (known !== undefined && known.version >= version) continue;
          byHour.set(hourMs, {
            version,
            ref: {
              source: "berkeley",
              relPath: `${dir}/${entry.name}`,
              startMs: hourMs,
              endMs: hourMs + HOUR_MS,
            },
          });
        }
      }
      return [...byHour.values()].map((v) => v.ref).sort((a, b) => a.startMs - b.startMs);
    },
    fetchFile: (context, file, options) => fetchUpstreamFile(context, "berkeley", file, options),
    readFrames: (path, siteCode, startMs, endMs) =>
      cdfImagerFrames(path, layout, siteCode, startMs, endMs),
  };
}

async function* cdfImagerFrames(
  path: string,
  layout: BerkeleyL1Layout,
  siteCode: string,
  startMs: number,
  endMs: number,
): AsyncGenerator<ImagerFrame, void, undefined> {
  const { width, height } = layout.geometry;
  const imageName = `${layout.variablePrefix}_${siteCode}`;
  const cdf = openCdf(fileSource(path, "CDF"));
  try {
    const info = cdf.variable(imageName);
    if (
      info.dims.length !== 2 ||
      info.dims[0] !== height ||
      info.dims[1] !== width ||
      info.dtype !== "uint16"
    ) {
      throw new FormatError("CDF", {
        file: path,
        expected: `${imageName} of ${height}x${width} uint16 images`,
        found: `${info.dims.join("x")} ${info.dtype}`,
      });
    }
    const timesMs = readTimeVariableUnixMs(cdf, `${imageName}_epoch`);
    // Records are in time order; decode only the blocks overlapping the requested span.
    let first = 0;
    while (first < timesMs.length && (timesMs[first] as number) < startMs) first++;
    let last = timesMs.length - 1;
    while (last >= first && (timesMs[last] as number) > endMs) last--;
    if (last < first) return;
    const pixels = width * height;
    for (const batch of cdf.records(imageName, { firstRecord: first, lastRecord: last })) {
      const data = batch.array.data as Uint16Array;
      const count = data.length / pixels;
      for (let i = 0; i < count; i++) {
        const record = batch.firstRecord + i;
        const timeMs = timesMs[record] as number;
        // CDF_EPOCH fill values decode to NaN: a record without a time is not a frame.
        if (Number.isNaN(timeMs) || timeMs < startMs || timeMs > endMs) continue;
        // Each batch is a fresh array, so its frames are turned in place and handed out as
        // views: a caller keeping one frame keeps its block (a few frames) alive, no more.
        yield {
          timeMs,
          image: orientFrameInPlace(
            data.subarray(i * pixels, (i + 1) * pixels),
            width,
            height,
            1,
            layout.orientation,
          ),
        };
      }
    }
  } finally {
    cdf.close();
  }
}
