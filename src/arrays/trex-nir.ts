import type { ArrayPlugin } from "./array-plugin.js";
import { upstreamSkymaps } from "./skymap/upstream-skymaps.js";
import { ucalgaryStream0 } from "./sources/ucalgary-stream0.js";
import { trexSites } from "./trex-sites.js";

const GEOMETRY = { width: 256, height: 256, channels: 1, dtype: "uint16" } as const;

/** TREx near-infrared (844.6 nm) imagers (256x256, 6 s; aurorax.md §3.5, asilib.md §3.1). */
export function trexNirArray(): ArrayPlugin {
  return {
    id: "trex-nir",
    label: "TREx NIR",
    sites: trexSites(),
    cadenceS: 6,
    geometry: GEOMETRY,
    // asilib.md §4.3: NIR plot bounds.
    colorBounds: [350, 1500],
    defaultAltitudeKm: 110,
    sources: [
      ucalgaryStream0({
        root: "TREx/NIR/stream0",
        device: /^nir-\d+$/,
        // `_8446_dark.pgm.gz` dark frames are excluded (aurorax.md §3.3).
        suffix: /^8446\.pgm(\.gz)?$/,
        geometry: GEOMETRY,
        // UCalgary's own reader treats NIR frames and skymaps exactly as THEMIS ones (one
        // vertical flip each, aurorax.md §3.5–3.7), so raw NIR frames are in the raw-skymap
        // orientation. (asilib flips NIR frames and skymaps on both axes: consistent with each
        // other, but it mirrors the fisheye east-west relative to UCalgary's display.)
        orientation: "asStored",
      }),
    ],
    skymaps: upstreamSkymaps({
      source: "ucalgary",
      root: "TREx/NIR/skymaps",
      instrument: "nir",
      orientation: "asStored",
    }),
  };
}
