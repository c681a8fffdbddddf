import type { ArrayPlugin } from "./array-plugin.js";
import { siteCatalogue } from "./site.js";
import { upstreamSkymaps } from "./skymap/upstream-skymaps.js";
import { berkeleyL1Cdf } from "./sources/berkeley-l1-cdf.js";
import { ucalgaryStream0 } from "./sources/ucalgary-stream0.js";

const GEOMETRY = { width: 256, height: 256, channels: 1, dtype: "uint16" } as const;

/** THEMIS ground-based all-sky imagers (white light, 256x256, 3 s; asilib.md §3.1). */
export function themisArray(): ArrayPlugin {
  return {
    id: "themis",
    label: "THEMIS",
    // Sites: asilib's bundled asi_locations.csv (THEMIS rows), geodetic degrees.
    sites: siteCatalogue([
      ["atha", "Athabasca", 54.71, -113.28],
      ["chbg", "Chibougamau", 49.814, -74.419],
      ["ekat", "Ekati", 64.73, -110.6699],
      ["fsim", "Fort Simpson", 61.756, -121.23],
      ["fsmi", "Fort Smith", 60.017, -111.95],
      ["fykn", "Fort Yukon", 66.56, -145.214],
      ["gako", "Gakona", 62.407, -145.158],
      ["gbay", "Goose Bay", 53.316, -60.46],
      ["gill", "Gillam", 56.376, -94.64],
      ["inuv", "Inuvik", 68.413, -133.77],
      ["kapu", "Kapuskasing", 49.392, -82.32],
      ["kian", "Kiana", 66.971, -160.438],
      ["kuuj", "Kuujjuaq", 58.1, -68.4],
      ["mcgr", "McGrath", 62.953, -155.596],
      ["nrsq", "Narsarsuaq", 61.16, -45.44],
      ["pgeo", "Prince George", 53.815, -122.828],
      ["rank", "Rankin Inlet", 62.82, -92.11],
      ["snap", "Snap Lake", 63.58, -110.87],
      ["snkq", "Sanikiluaq", 56.536, -79.23],
      ["talo", "Taloyoak", 69.53, -93.53],
      ["tpas", "The Pas", 53.994, -100.941],
      ["whit", "Whitehorse", 61.01, -135.223],
      ["yknf", "Yellowknife", 62.52, -114.31],
    ]),
    cadenceS: 3,
    geometry: GEOMETRY,
    // asilib.md §4.3: THEMIS plot bounds.
    colorBounds: [3000, 9000],
    defaultAltitudeKm: 110,
    sources: [
      ucalgaryStream0({
        root: "THEMIS/asi/stream0",
        device: /^themis\d+$/,
        // 2004-era files are `_full_1000ms.pgm.bz2` (aurorax.md §3.3).
        suffix: /^full(_\d+ms)?\.pgm(\.gz|\.bz2)?$/,
        geometry: GEOMETRY,
        // UCalgary THEMIS frames are stored in the skymap's orientation (issue 3 facts; both
        // asilib and pyucalgarysrs apply the same flip to frames and skymaps).
        orientation: "asStored",
      }),
      berkeleyL1Cdf({
        instrument: "asi",
        filePrefix: "thg_l1_asf",
        variablePrefix: "thg_asf",
        geometry: GEOMETRY,
        // An L1 CDF frame is the skymap orientation rotated by 180°: checked on the real Gakona
        // file, where Venus and the dawn glow land at their computed azimuths only this way
        // (test/arrays/orientation.test.ts); asilib's CDF-era loader flipped skymaps both ways.
        orientation: "rotate180",
      }),
    ],
    skymaps: upstreamSkymaps({
      source: "ucalgary",
      root: "THEMIS/asi/skymaps",
      instrument: "themis",
      // Raw THEMIS skymaps have north at the top and east on the left: they define the convention.
      orientation: "asStored",
    }),
  };
}
