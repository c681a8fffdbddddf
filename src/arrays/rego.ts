import type { ArrayPlugin } from "./array-plugin.js";
import { siteCatalogue } from "./site.js";
import { upstreamSkymaps } from "./skymap/upstream-skymaps.js";
import { berkeleyL1Cdf } from "./sources/berkeley-l1-cdf.js";
import { ucalgaryStream0 } from "./sources/ucalgary-stream0.js";

const GEOMETRY = { width: 512, height: 512, channels: 1, dtype: "uint16" } as const;

/** REGO redline (630.0 nm) imagers (512x512, 3 s; asilib.md §3.1, aurorax.md §3.5). */
export function regoArray(): ArrayPlugin {
  return {
    id: "rego",
    label: "REGO",
    // Sites: asilib's bundled asi_locations.csv (REGO rows), geodetic degrees.
    sites: siteCatalogue([
      ["atha", "Athabasca", 54.71, -113.28],
      ["fsim", "Fort Simpson", 61.756, -121.23],
      ["fsmi", "Fort Smith", 60.017, -111.95],
      ["gill", "Gillam", 56.376, -94.64],
      ["kakt", "Kaktovik", 70.13, -143.62],
      ["luck", "Lucky Lake", 51.15, -107.1],
      ["lyrn", "Longyearbyen", 78.15, 16.04],
      ["rank", "Rankin Inlet", 62.82, -92.11],
      ["resu", "Resolute Bay", 74.7, -94.83],
      ["sach", "Sachs Harbour", 71.99, -125.26],
      ["talo", "Taloyoak", 69.53, -93.53],
    ]),
    cadenceS: 3,
    geometry: GEOMETRY,
    // asilib.md §4.3: REGO plot bounds.
    colorBounds: [300, 1000],
    // asilib.md §4.3: REGO plots black→red (the 630.0 nm redline).
    colormap: "red",
    // Redline emission peaks near 230 km (aurorax.md §6; REGO skymaps carry it).
    defaultAltitudeKm: 230,
    sources: [
      ucalgaryStream0({
        root: "GO-Canada/REGO/stream0",
        device: /^rego-\d+$/,
        // `_6300_dark.pgm.gz` dark frames are excluded (asilib.md §3.1).
        suffix: /^6300\.pgm(\.gz)?$/,
        geometry: GEOMETRY,
        // REGO raw frames share the raw REGO skymap's orientation, which is THEMIS's flipped on
        // both axes (pyucalgarysrs flips REGO frames and skymaps on both axes, aurorax.md §3.4–3.7).
        orientation: "rotate180",
      }),
      berkeleyL1Cdf({
        instrument: "reg",
        filePrefix: "clg_l1_rgf",
        variablePrefix: "clg_rgf",
        geometry: GEOMETRY,
        // As for THEMIS, an L1 CDF frame is its raw skymap rotated by 180° (asilib's CDF-era loader
        // rotated REGO skymaps, not frames, asilib.md §3.5); the REGO raw skymap is itself rotated
        // by 180° from aurorakit orientation, so the CDF frames are already in it.
        orientation: "asStored",
      }),
    ],
    skymaps: upstreamSkymaps({
      source: "ucalgary",
      root: "GO-Canada/REGO/skymap",
      instrument: "rego",
      orientation: "rotate180",
    }),
  };
}
