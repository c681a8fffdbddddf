import type { Keogram } from "../../../src/analysis/keogram/keogram.js";

export const KEOGRAM_START_MS = Date.parse("2011-01-06T17:00:00Z");
export const CADENCE_S = 3;

export interface SyntheticKeogramOptions {
  readonly slots?: number;
  readonly pixels?: number;
  /** Slots [from, to) without a frame. */
  readonly gap?: readonly [number, number];
  readonly magnetic?: boolean;
  readonly channels?: 1 | 3;
  /** Longitudes of the pixels (default all -145, a meridian). */
  readonly longitudeDeg?: (pixel: number) => number;
  /** Image rows of the pixels (default 0, 1, 2, ...: a meridian). */
  readonly row?: (pixel: number) => number;
}

/** Latitude of pixel j (row 0 north): non-uniform, 70° N down to 58° N, denser in the north. */
export function syntheticLatitudeDeg(pixel: number, pixels: number): number {
  return 70 - 12 * (pixel / (pixels - 1)) ** 1.3;
}

/** Counts 3000 at 70° N rising linearly to 9000 at 58° N, the same at every time. */
export function syntheticValue(latitudeDeg: number): number {
  return 3000 + (6000 * (70 - latitudeDeg)) / 12;
}

/** A Keogram built by hand: a latitude ramp, with one gap of missing slots. */
export function syntheticKeogram(options: SyntheticKeogramOptions = {}): Keogram {
  const slots = options.slots ?? 120;
  const pixels = options.pixels ?? 40;
  const channels = options.channels ?? 1;
  const [gapFrom, gapTo] = options.gap ?? [50, 70];
  const timesMs = Float64Array.from(
    { length: slots },
    (_, k) => KEOGRAM_START_MS + k * CADENCE_S * 1000,
  );
  const present = Uint8Array.from({ length: slots }, (_, k) => (k >= gapFrom && k < gapTo ? 0 : 1));
  const latitudeDeg = Float32Array.from({ length: pixels }, (_, j) =>
    syntheticLatitudeDeg(j, pixels),
  );
  const values = new Float32Array(slots * pixels * channels);
  for (let k = 0; k < slots; k++) {
    for (let j = 0; j < pixels; j++) {
      const value = present[k] === 1 ? syntheticValue(latitudeDeg[j] as number) : Number.NaN;
      for (let c = 0; c < channels; c++) values[(k * pixels + j) * channels + c] = value;
    }
  }
  return {
    timesMs,
    frameTimesMs: Float64Array.from(timesMs, (time, k) => (present[k] === 1 ? time : Number.NaN)),
    present,
    rows: Int32Array.from({ length: pixels }, (_, j) => options.row?.(j) ?? j),
    columns: new Int32Array(pixels).fill(128),
    latitudeDeg,
    longitudeDeg: Float32Array.from(
      { length: pixels },
      (_, j) => options.longitudeDeg?.(j) ?? -145,
    ),
    elevationDeg: new Float32Array(pixels).fill(45),
    ...(options.magnetic === true && {
      magneticLatitudeDeg: Float32Array.from(latitudeDeg, (latitude) => latitude + 4),
    }),
    channels,
    altitudeKm: 110,
    cadenceS: CADENCE_S,
    values,
  };
}
