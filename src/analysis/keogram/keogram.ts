import { InvalidArgumentError } from "../../core/errors.js";
import { type ProgressReporter, silentReporter } from "../../core/progress.js";
import { createAacgmConverter } from "../../geo/aacgm/converter.js";
import type { SurfacePoint } from "../../geo/great-circle.js";
import type { Imager } from "../../imager/imager.js";
import { fillKeogram } from "./fill-keogram.js";
import { eligiblePixels, type KeogramSelection, selectPixels } from "./keogram-pixels.js";
import { TimeGrid } from "./time-grid.js";

/** What a keogram reads from an Imager (an Imager satisfies it; tests may pass their own). */
export type KeogramImager = Pick<
  Imager,
  "meta" | "skymap" | "frames" | "startMs" | "endMs" | "timeMs"
>;

export interface KeogramOptions {
  /**
   * Pixels to sample: "meridian" (default; the centre column), "ewogram" (the centre row), or a
   * path of geographic points at the mapping altitude (nearest pixel centre per point).
   */
  readonly along?: "meridian" | "ewogram" | readonly SurfacePoint[];
  /** Path points farther than this from every usable pixel centre are skipped, km (default ≈ 111.2 = 1°). */
  readonly maxDistanceKm?: number;
  /** Pixels below this elevation are left out, degrees (default 0, as asilib). */
  readonly minElevationDeg?: number;
  /** Add the AACGM-v2 latitude of each pixel centre at the mapping altitude and the range start. */
  readonly magnetic?: boolean;
  readonly reporter?: ProgressReporter;
}

/**
 * A keogram: one row of `values` per slot of the cadence grid from the Imager's start to its
 * end, one column per selected pixel (times x pixels x channels, row-major). Slots without a
 * frame are gaps: `present[k]` is 0 and their values are NaN. Values are the frames' native
 * counts, exact in float32 (uint16 and uint8 fit its 24-bit significand).
 */
export interface Keogram {
  /** Slot instants start + k·cadence, ms since 1970 UTC. */
  readonly timesMs: Float64Array;
  /** The time of the frame in each slot, NaN for gaps. */
  readonly frameTimesMs: Float64Array;
  /** 1 where a frame filled the slot. */
  readonly present: Uint8Array;
  /** Row and column (aurorakit orientation: row 0 north, column 0 east) of each sampled pixel. */
  readonly rows: Int32Array;
  readonly columns: Int32Array;
  /** Geodetic latitude of each pixel centre at `altitudeKm`, degrees. */
  readonly latitudeDeg: Float32Array;
  /** Longitude of each pixel centre at `altitudeKm`, degrees east in [-180, 180). */
  readonly longitudeDeg: Float32Array;
  readonly elevationDeg: Float32Array;
  /** AACGM-v2 latitude of each pixel centre (with `magnetic: true`); NaN where undefined. */
  readonly magneticLatitudeDeg?: Float32Array;
  /** For a path: the path point each pixel serves, and the points skipped as too far away. */
  readonly pathIndices?: Int32Array;
  readonly skippedPathIndices?: readonly number[];
  readonly channels: number;
  readonly altitudeKm: number;
  readonly cadenceS: number;
  /** [timesMs.length][rows.length][channels] row-major. */
  readonly values: Float32Array;
}

/**
 * Largest `values` allocation accepted (float32 elements, 1 GiB): past it the caller should
 * split the range, which the streaming design makes cheap.
 */
const MAX_VALUES = 2 ** 28;

function selectionOf(options: KeogramOptions): KeogramSelection {
  const along = options.along ?? "meridian";
  if (along === "meridian" || along === "ewogram") {
    if (options.maxDistanceKm !== undefined) {
      throw new InvalidArgumentError(
        "maxDistanceKm",
        "it applies to a path only; pass `along: [points]`",
      );
    }
    return { kind: along };
  }
  if (typeof along === "string") {
    throw new InvalidArgumentError(
      "along",
      `"${along}" is not "meridian", "ewogram" or a path of points`,
    );
  }
  return {
    kind: "path",
    points: along,
    ...(options.maxDistanceKm !== undefined && { maxDistanceKm: options.maxDistanceKm }),
  };
}

/** The values of a height x width grid at the selected pixels, in selection order. */
function pick<T extends ArrayLike<number>>(
  grid: T,
  width: number,
  rows: Int32Array,
  columns: Int32Array,
): Float32Array {
  const out = new Float32Array(rows.length);
  for (let k = 0; k < rows.length; k++)
    out[k] = grid[(rows[k] as number) * width + (columns[k] as number)] as number;
  return out;
}

/**
 * Builds a keogram by streaming the Imager's frames: memory is one decoded file (the Imager's
 * bound) plus the output. Differences from asilib's `Imager.keogram` (asilib.md §4.6): the
 * latitude axis is the pixel CENTRE latitude at the mapping altitude (asilib reads the corner
 * grid at the same index, half a pixel off); path points match pixel centres within a
 * distance in km (asilib's threshold compared radians with "1 degree"); gaps stay in the output
 * as NaN with `present` = 0 instead of being dropped.
 */
export async function keogram(
  imager: KeogramImager,
  options: KeogramOptions = {},
): Promise<Keogram> {
  if (imager.timeMs !== null) {
    throw new InvalidArgumentError(
      "imager",
      "it was opened at one instant; open it with { start, end } for a keogram",
    );
  }
  const reporter = options.reporter ?? silentReporter;
  const { meta } = imager;
  const skymap = imager.skymap;
  const { width, height } = skymap;
  if (width !== meta.width || height !== meta.height) {
    throw new InvalidArgumentError(
      "imager",
      `its skymap is ${width}x${height} but its frames are ${meta.width}x${meta.height}; the array plugin pairs them wrongly`,
    );
  }
  const grid = eligiblePixels(skymap, options.minElevationDeg ?? 0);
  const selected = selectPixels(grid, selectionOf(options));
  const { rows, columns } = selected;
  const pixelCount = rows.length;
  if (pixelCount === 0) {
    throw new InvalidArgumentError(
      options.along !== undefined && typeof options.along !== "string"
        ? "along"
        : "minElevationDeg",
      `no pixel of ${meta.arrayLabel} ${meta.site} is left: lower minElevationDeg, raise maxDistanceKm, or choose a path inside the field of view`,
    );
  }
  const skipped = selected.skippedPathIndices ?? [];
  if (skipped.length > 0) {
    reporter.warn(
      `keogram: ${skipped.length} path point(s) lie farther than the distance threshold from every usable pixel of ${meta.arrayLabel} ${meta.site} and were skipped (indices ${skipped.slice(0, 10).join(", ")}${skipped.length > 10 ? ", …" : ""})`,
    );
  }
  const latitudeDeg = pick(skymap.centreLatitudeDeg, width, rows, columns);
  const longitudeDeg = pick(skymap.centreLongitudeDeg, width, rows, columns);
  const elevationDeg = pick(skymap.elevationDeg, width, rows, columns);
  let magneticLatitudeDeg: Float32Array | undefined;
  if (options.magnetic === true) {
    const converter = createAacgmConverter(imager.startMs, { altitudeKm: skymap.altitudeKm });
    const out = {
      latitudeDeg: new Float64Array(pixelCount),
      longitudeDeg: new Float64Array(pixelCount),
    };
    converter.geoToAacgmBatch(latitudeDeg, longitudeDeg, out);
    magneticLatitudeDeg = Float32Array.from(out.latitudeDeg);
  }

  const time = new TimeGrid(imager.startMs, imager.endMs, meta.cadenceS);
  const channels = meta.channels;
  if (time.slotCount * pixelCount * channels > MAX_VALUES) {
    throw new InvalidArgumentError(
      "imager",
      `a keogram of ${time.slotCount} slots x ${pixelCount} pixels x ${channels} channels exceeds ${MAX_VALUES} values; split the range with imager.slice()`,
    );
  }
  const { values, frameTimesMs, present } = await fillKeogram(
    imager,
    time,
    rows,
    columns,
    reporter,
  );
  return {
    timesMs: time.timesMs(),
    frameTimesMs,
    present,
    rows,
    columns,
    latitudeDeg,
    longitudeDeg,
    elevationDeg,
    ...(magneticLatitudeDeg !== undefined && { magneticLatitudeDeg }),
    ...(selected.pathIndices !== undefined && { pathIndices: selected.pathIndices }),
    ...(selected.skippedPathIndices !== undefined && {
      skippedPathIndices: selected.skippedPathIndices,
    }),
    channels,
    altitudeKm: skymap.altitudeKm,
    cadenceS: meta.cadenceS,
    values,
  };
}
