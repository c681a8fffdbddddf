import type { ArrayPlugin } from "./array-plugin.js";
import { upstreamSkymaps } from "./skymap/upstream-skymaps.js";
import { ucalgaryStream0 } from "./sources/ucalgary-stream0.js";
import { trexSites } from "./trex-sites.js";

/** Blueline frames are 270 rows x 320 columns (aurorax.md §3.5). */
const GEOMETRY = { width: 320, height: 270, channels: 1, dtype: "uint16" } as const;

/** TREx Blueline (427.8 nm) imagers (270x320, 3 s; aurorax.md §3.3, §3.5). */
export function trexBlueArray(): ArrayPlugin {
  return {
    id: "trex-blue",
    label: "TREx Blue",
    sites: trexSites(),
    cadenceS: 3,
    geometry: GEOMETRY,
    // No published default; chosen from the Gillam fixture's sky background (~p25 to ~p98).
    colorBounds: [300, 3000],
    defaultAltitudeKm: 110,
    sources: [
      ucalgaryStream0({
        root: "TREx/blueline/stream0",
        device: /^blue-\d+$/,
        // Stacked minute files; unstacked `..._dark_full.pgm` darks do not match (aurorax.md §3.3).
        suffix: /^full\.pgm(\.gz)?$/,
        geometry: GEOMETRY,
        // As NIR: UCalgary's reader flips Blue frames and skymaps alike (aurorax.md §3.5–3.7).
        orientation: "asStored",
      }),
    ],
    // Folder and prefix are inferred by analogy with NIR (aurorax.md §3.3 marks them inferred).
    skymaps: upstreamSkymaps({
      source: "ucalgary",
      root: "TREx/blueline/skymaps",
      instrument: "blue",
      orientation: "asStored",
    }),
  };
}
