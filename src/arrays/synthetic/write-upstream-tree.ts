import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { InvalidArgumentError } from "../../core/errors.js";
import {
  encodeUcalgaryPgm,
  formatUcalgaryTimestamp,
  type PgmFrameInput,
} from "../../formats/pgm/write/encode-pgm.js";
import type { ImagerFrame } from "../array-plugin.js";
import { orientFrame } from "../orientation.js";
import { encodeSkymapSave } from "./skymap-save.js";
import { SyntheticNetwork } from "./synthetic-array.js";
import { writeThemisL1Cdf } from "./write-themis-cdf.js";

export type UpstreamLayout = "berkeley-cdf" | "ucalgary-pgm" | "skymap";

export interface WriteSyntheticUpstreamOptions {
  /** Root of the tree: `berkeley/` and `ucalgary/` are created below it. */
  readonly dir: string;
  readonly siteCode: string;
  readonly startMs: number;
  /** Inclusive: frames at or before it are written. */
  readonly endMs: number;
  readonly seed?: number;
  /** Which files to write (default all three). */
  readonly layouts?: readonly UpstreamLayout[];
}

/** Imager id of the synthetic camera in UCalgary names (`<site>_themis99`); no real THEMIS camera uses 99. */
const IMAGER_UID = "themis99";
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

function stamp(timeMs: number) {
  const iso = new Date(timeMs).toISOString();
  return {
    y: iso.slice(0, 4),
    mo: iso.slice(5, 7),
    d: iso.slice(8, 10),
    h: iso.slice(11, 13),
    mi: iso.slice(14, 16),
  };
}

function writeFile(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

/**
 * Writes the frames `syntheticArray({ seed })` renders for `siteCode` in [startMs, endMs], and
 * its lens skymap, as THEMIS files laid out exactly as upstream lays them out below its base
 * URLs (asilib.md §3.1, aurorax.md §3.3):
 * - `berkeley/thg/l1/asi/<site>/<YYYY>/<MM>/thg_l1_asf_<site>_<YYYYMMDDHH>_v01.cdf` (hourly,
 *   frames rotated 180° as THEMIS L1 CDFs store them);
 * - `ucalgary/THEMIS/asi/stream0/<YYYY>/<MM>/<DD>/<site>_themis99/ut<HH>/<YYYYMMDD>_<HHMM>_<site>_themis99_full.pgm.gz`
 *   (per minute, stored in aurorakit orientation);
 * - `ucalgary/THEMIS/asi/skymaps/<site>/<site>_<YYYYMMDD>/themis_skymap_<site>_<YYYYMMDD>-+_v01.sav`.
 * Files hold only the frames inside the range. Returns the written paths.
 */
export async function writeSyntheticUpstream(
  options: WriteSyntheticUpstreamOptions,
): Promise<{ files: string[] }> {
  const { dir, siteCode, startMs, endMs } = options;
  if (!(Number.isFinite(startMs) && Number.isFinite(endMs) && endMs >= startMs)) {
    throw new InvalidArgumentError(
      "startMs/endMs",
      `need finite times with endMs >= startMs, got ${startMs}, ${endMs}`,
    );
  }
  const layouts = new Set(options.layouts ?? ["berkeley-cdf", "ucalgary-pgm", "skymap"]);
  // The same network syntheticArray({ seed }) reads from, so the files hold exactly its frames.
  const network = new SyntheticNetwork({ seed: options.seed ?? 0 });
  const site = network.site(siteCode);
  const files: string[] = [];
  const minuteFrames = (minuteMs: number): ImagerFrame[] => [
    ...network.minuteFrames(siteCode, minuteMs, startMs, endMs),
  ];

  if (layouts.has("ucalgary-pgm")) {
    for (
      let minute = Math.floor(startMs / MINUTE_MS) * MINUTE_MS;
      minute <= endMs;
      minute += MINUTE_MS
    ) {
      const frames = minuteFrames(minute);
      if (frames.length === 0) continue;
      const s = stamp(minute);
      const name = `${s.y}${s.mo}${s.d}_${s.h}${s.mi}_${siteCode}_${IMAGER_UID}_full.pgm.gz`;
      const path = join(
        dir,
        "ucalgary/THEMIS/asi/stream0",
        s.y,
        s.mo,
        s.d,
        `${siteCode}_${IMAGER_UID}`,
        `ut${s.h}`,
        name,
      );
      const pgmFrames: PgmFrameInput[] = frames.map((frame) => ({
        pixels: frame.image as Uint16Array,
        width: network.sizePx,
        height: network.sizePx,
        // Keys as in real THEMIS stream0 headers (aurorax.md §3.5), the end marker last.
        metadata: [
          ["Project unique ID", "THEMIS"],
          ["Site unique ID", siteCode],
          ["Imager unique ID", IMAGER_UID],
          ["Imager comment", "aurorakit synthetic imager - not real data"],
          ["Site name", site.name],
          ["Geodetic latitude", `${site.latitudeDeg}`],
          ["Geodetic Longitude", `${site.longitudeDeg}`],
          ["Geodetic altitude", `${(site.altitudeKm ?? 0) * 1000}`],
          ["Mode unique ID", "full"],
          ["Image request start", formatUcalgaryTimestamp(frame.timeMs)],
          ["Exposure plus initial readout", "999.00 ms"],
        ],
      }));
      writeFile(path, encodeUcalgaryPgm(pgmFrames, { gzip: true }));
      files.push(path);
    }
  }

  if (layouts.has("berkeley-cdf")) {
    for (let hour = Math.floor(startMs / HOUR_MS) * HOUR_MS; hour <= endMs; hour += HOUR_MS) {
      const timesMs: number[] = [];
      for (let minute = hour; minute < hour + HOUR_MS && minute <= endMs; minute += MINUTE_MS) {
        for (let k = 0; k < MINUTE_MS / network.cadenceMs; k++) {
          const t = minute + k * network.cadenceMs;
          if (t >= startMs && t <= endMs) timesMs.push(t);
        }
      }
      if (timesMs.length === 0) continue;
      const s = stamp(hour);
      const path = join(
        dir,
        "berkeley/thg/l1/asi",
        siteCode,
        s.y,
        s.mo,
        `thg_l1_asf_${siteCode}_${s.y}${s.mo}${s.d}${s.h}_v01.cdf`,
      );
      mkdirSync(dirname(path), { recursive: true });
      // Frames are rendered one at a time while the writer streams them to disk.
      const storedFrames = function* () {
        for (let minute = hour; minute < hour + HOUR_MS && minute <= endMs; minute += MINUTE_MS) {
          for (const frame of network.minuteFrames(siteCode, minute, startMs, endMs)) {
            // THEMIS L1 CDFs store frames rotated 180° from aurorakit orientation (themis.ts).
            yield orientFrame(
              frame.image as Uint16Array,
              new Uint16Array(network.sizePx * network.sizePx),
              network.sizePx,
              network.sizePx,
              1,
              "rotate180",
            );
          }
        }
      };
      writeThemisL1Cdf({
        path,
        siteCode,
        width: network.sizePx,
        height: network.sizePx,
        timesMs,
        frames: storedFrames(),
        generatedAtMs: startMs,
      });
      files.push(path);
    }
  }

  if (layouts.has("skymap")) {
    const s = stamp(startMs);
    // The file name says the skymap is valid from 00:00 UTC of the first day (skymap-file-name.ts).
    const skymap = {
      ...network.skymap(siteCode),
      validFromMs: Math.floor(startMs / 86_400_000) * 86_400_000,
    };
    const date = `${s.y}${s.mo}${s.d}`;
    const path = join(
      dir,
      "ucalgary/THEMIS/asi/skymaps",
      siteCode,
      `${siteCode}_${date}`,
      `themis_skymap_${siteCode}_${date}-+_v01.sav`,
    );
    writeFile(
      path,
      encodeSkymapSave(skymap, {
        projectUid: "themis",
        imagerUid: IMAGER_UID,
        generatedAtMs: startMs,
      }),
    );
    files.push(path);
  }
  return { files };
}
