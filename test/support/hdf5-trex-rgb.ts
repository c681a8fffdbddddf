import { join } from "node:path";

/**
 * Builds a SYNTHETIC TREx RGB nominal `.h5` file (no public sample is available) with h5wasm's
 * write API, following the layout in the aurorax reference §3.6: `data/images`
 * [480, 553, 3, N] uint8, gzip-chunked; `data/timestamp` [N] fixed-length ASCII strings
 * `%Y-%m-%d %H:%M:%S.%f UTC`; `metadata/file` and `metadata/frame/frame<i>` as empty datasets
 * carrying string attributes (as in the real grid files), including
 * `image_request_start_timestamp`. Pixel values come from `syntheticRgbValue`, so tests can
 * check any decoded sample against it exactly.
 */

export const TREX_RGB_ROWS = 480;
export const TREX_RGB_COLUMNS = 553;
export const TREX_RGB_CHANNELS = 3;

/** The value written at (row, column, channel, frame): a wrapping gradient, distinct per frame. */
export function syntheticRgbValue(row: number, column: number, channel: number, frame: number) {
  return (row * 7 + column * 3 + channel * 50 + frame * 11) & 0xff;
}

/** `2021-02-05 06:00:SS.ffffff UTC` for frame i: 3 s cadence plus i microseconds of jitter. */
export function syntheticRgbTimestamp(frame: number): string {
  const seconds = String(frame * 3).padStart(2, "0");
  const micros = String(24704 + frame).padStart(6, "0");
  return `2021-02-05 06:00:${seconds}.${micros} UTC`;
}

export interface SyntheticTrexRgbOptions {
  readonly frameCount?: number;
  /** Chunk shape of data/images; default 60 x 70 x 3 x 2 (60 x 70 x 3 when singleFrame). */
  readonly chunks?: readonly number[];
  /** Write one frame as a 3-D [480, 553, 3] dataset, as single-frame SMILE files do. */
  readonly singleFrame?: boolean;
}

/** Writes the synthetic file into `dir` and returns its path. */
export async function writeSyntheticTrexRgbH5(
  dir: string,
  options: SyntheticTrexRgbOptions = {},
): Promise<string> {
  const singleFrame = options.singleFrame ?? false;
  const frameCount = singleFrame ? 1 : (options.frameCount ?? 5);
  const h5 = await import("h5wasm/node");
  await h5.ready;
  const path = join(
    dir,
    singleFrame
      ? "20210205_060000_024704_gill_rgb-04_raw.synthetic.h5"
      : "20210205_0600_gill_rgb-04_full.synthetic.h5",
  );
  const file = new h5.File(path, "w");
  try {
    const images = new Uint8Array(
      TREX_RGB_ROWS * TREX_RGB_COLUMNS * TREX_RGB_CHANNELS * frameCount,
    );
    let index = 0;
    for (let row = 0; row < TREX_RGB_ROWS; row++) {
      for (let column = 0; column < TREX_RGB_COLUMNS; column++) {
        for (let channel = 0; channel < TREX_RGB_CHANNELS; channel++) {
          for (let frame = 0; frame < frameCount; frame++) {
            images[index++] = syntheticRgbValue(row, column, channel, frame);
          }
        }
      }
    }
    const data = file.create_group("data");
    data.create_dataset({
      name: "images",
      data: images,
      shape: singleFrame
        ? [TREX_RGB_ROWS, TREX_RGB_COLUMNS, TREX_RGB_CHANNELS]
        : [TREX_RGB_ROWS, TREX_RGB_COLUMNS, TREX_RGB_CHANNELS, frameCount],
      dtype: "<B",
      chunks: [...(options.chunks ?? (singleFrame ? [60, 70, 3] : [60, 70, 3, 2]))],
      compression: "gzip",
      compression_opts: 6,
    });
    const stamps = Array.from({ length: frameCount }, (_, frame) => syntheticRgbTimestamp(frame));
    data.create_dataset({ name: "timestamp", data: stamps, shape: [frameCount], dtype: "A32" });
    // Single-frame SMILE files store attributes as 1-element arrays (§3.6).
    const attribute = (value: string): string | string[] => (singleFrame ? [value] : value);
    const metadata = file.create_group("metadata");
    const fileMeta = metadata.create_dataset({
      name: "file",
      data: new Float32Array(0),
      shape: [0],
    });
    for (const [key, value] of Object.entries({
      project_unique_id: "trex",
      site_unique_id: "gill",
      imager_unique_id: "rgb-04",
      mode_unique_id: "full",
      site_latitude: "56.3794",
      site_longitude: "-94.6678",
    })) {
      fileMeta.create_attribute(key, attribute(value));
    }
    const frames = metadata.create_group("frame");
    for (let frame = 0; frame < frameCount; frame++) {
      const entry = frames.create_dataset({
        name: `frame${frame}`,
        data: new Float32Array(0),
        shape: [0],
      });
      const stamp = syntheticRgbTimestamp(frame);
      entry.create_attribute("image_request_start_timestamp", attribute(stamp));
      entry.create_attribute("image_effective_end_timestamp", attribute(stamp));
      entry.create_attribute("subframe_requested_exposure", attribute("3000.000 ms"));
    }
  } finally {
    file.close();
  }
  return path;
}
