import {
  interpolateInferno,
  interpolateMagma,
  interpolatePlasma,
  interpolateTurbo,
  interpolateViridis,
  schemeGreys,
} from "d3-scale-chromatic";
import { InvalidArgumentError } from "../../core/errors.js";

/** Entries in every lookup table: matplotlib's default `Colormap.N` (rcParams `image.lut`). */
export const COLORMAP_SIZE = 256;

export const COLORMAP_NAMES = [
  "gray",
  "Greys_r",
  "viridis",
  "inferno",
  "magma",
  "plasma",
  "turbo",
  "red",
  "green",
] as const;

export type ColormapName = (typeof COLORMAP_NAMES)[number];

/**
 * A colormap as a lookup table: `COLORMAP_SIZE` entries of 4 bytes (R, G, B, A), entry `i`
 * at bytes `4i .. 4i + 3`. All entries are opaque (alpha 255).
 */
export type ColormapTable = Uint8Array;

type Sampler = (t: number) => string;

/**
 * Greys_r exactly as matplotlib builds it: a LinearSegmentedColormap that interpolates
 * linearly in RGB between the 9 ColorBrewer "Greys" colours at equally spaced nodes
 * (matplotlib `_cm.py` `_Greys_data`; ColorBrewer Greys 9-class), reversed. d3's own
 * `interpolateGreys` uses a B-spline through the same colours, which is not what matplotlib
 * draws, so it is not used here.
 */
function greysReversed(t: number): [number, number, number] {
  const nodes = schemeGreys[9];
  if (nodes === undefined) throw new Error("d3-scale-chromatic has no 9-class Greys scheme");
  const position = (1 - t) * (nodes.length - 1);
  const below = Math.min(nodes.length - 2, Math.floor(position));
  const fraction = position - below;
  const a = parseColor(nodes[below] as string);
  const b = parseColor(nodes[below + 1] as string);
  return [
    a[0] + (b[0] - a[0]) * fraction,
    a[1] + (b[1] - a[1]) * fraction,
    a[2] + (b[2] - a[2]) * fraction,
  ];
}

/** Parses d3's two output forms, "#rrggbb" (listed ramps) and "rgb(r, g, b)" (interpolators). */
function parseColor(css: string): [number, number, number] {
  if (css.startsWith("#") && css.length === 7) {
    return [
      Number.parseInt(css.slice(1, 3), 16),
      Number.parseInt(css.slice(3, 5), 16),
      Number.parseInt(css.slice(5, 7), 16),
    ];
  }
  const match = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(css);
  if (match === null) throw new Error(`d3-scale-chromatic returned an unexpected colour ${css}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

const D3_SAMPLERS: Record<"viridis" | "inferno" | "magma" | "plasma" | "turbo", Sampler> = {
  viridis: interpolateViridis,
  inferno: interpolateInferno,
  magma: interpolateMagma,
  plasma: interpolatePlasma,
  turbo: interpolateTurbo,
};

function isColormapName(name: string): name is ColormapName {
  return (COLORMAP_NAMES as readonly string[]).includes(name);
}

/**
 * The 256-entry RGBA table of a named colormap, built fresh on every call (callers keep it).
 *
 * Entry `i` is the colour at t = i / 255, because that is what matplotlib does: a
 * ListedColormap or LinearSegmentedColormap with N = 256 evaluates its colours at
 * `linspace(0, 1, N)`, so its first and last entries are the map's endpoints. For the listed
 * maps (viridis, inferno, magma, plasma) d3 picks ramp entry floor(t * 256), which for
 * t = i / 255 is entry i: our table is matplotlib's `_cm_listed.py` data rounded to 8 bits.
 * "gray", "red" and "green" are exact linear ramps from black (entry i has level i).
 */
export function colormap(name: string): ColormapTable {
  if (!isColormapName(name)) {
    throw new InvalidArgumentError(
      "colormap",
      `unknown colormap "${name}"; use one of ${COLORMAP_NAMES.join(", ")}`,
    );
  }
  const table = new Uint8Array(COLORMAP_SIZE * 4);
  for (let i = 0; i < COLORMAP_SIZE; i++) {
    const rgb = entryColor(name, i);
    table[4 * i] = rgb[0];
    table[4 * i + 1] = rgb[1];
    table[4 * i + 2] = rgb[2];
    table[4 * i + 3] = 255;
  }
  return table;
}

function entryColor(name: ColormapName, i: number): [number, number, number] {
  switch (name) {
    case "gray":
      return [i, i, i];
    case "red":
      return [i, 0, 0];
    case "green":
      return [0, i, 0];
    case "Greys_r": {
      const rgb = greysReversed(i / (COLORMAP_SIZE - 1));
      return [Math.round(rgb[0]), Math.round(rgb[1]), Math.round(rgb[2])];
    }
    default:
      return parseColor(D3_SAMPLERS[name](i / (COLORMAP_SIZE - 1)));
  }
}
