import type { NDArray } from "../../core/ndarray.js";
import { DEFAULT_MAX_DECODED_BYTES } from "./constants.js";
import { decodedStream } from "./decoded-stream.js";
import { type PgmFrame, type PgmReadOptions, pgmFrames } from "./frames.js";
import { inputName, type PgmInput } from "./input.js";

/**
 * Streams the frames of a UCalgary PGM file (`.pgm`, `.pgm.gz`, `.pgm.bz2`; compression is
 * recognised by magic bytes, not by name) one at a time. See `pgmFrames` for the guarantees.
 * A gzip file given whole (path, bytes or ByteSource) that decodes to at most 64 MiB is
 * inflated in one call first (see `decodedStream`); byte streams and larger files stream.
 */
export async function* readPgmFrames(
  input: PgmInput,
  options: PgmReadOptions = {},
): AsyncGenerator<PgmFrame, void, undefined> {
  const name = inputName(input, options.fileName);
  const context = {
    file: name,
    maxDecodedBytes: options.maxDecodedBytes ?? DEFAULT_MAX_DECODED_BYTES,
  };
  yield* pgmFrames(await decodedStream(input, context), { ...options, fileName: name });
}

/** Everything about one frame except its pixels (which live in the stack). */
export type PgmFrameInfo = Pick<
  PgmFrame,
  "index" | "metadata" | "metadataEntries" | "endMarker" | "timeMs" | "byteOffset"
>;

/** All frames of a file in one array of shape [frames, rows, columns]. */
export interface PgmStack {
  readonly width: number;
  readonly height: number;
  readonly maxValue: number;
  readonly bitDepth: 8 | 16;
  /** Row-major [frame, row, column], rows as stored (row 0 = first row in the file). */
  readonly stack: NDArray<"uint16"> | NDArray<"uint8">;
  readonly frames: readonly PgmFrameInfo[];
}

/**
 * Reads a whole file into one stack. The frame count is only known at the end of the stream,
 * so the frames are decoded one by one and then copied once into a stack allocated at its
 * exact size (peak memory: about twice the stack; three times for a gzip file that takes the
 * one-shot fast path, whose decoded bytes are held until the last frame is parsed).
 */
export async function readPgm(input: PgmInput, options: PgmReadOptions = {}): Promise<PgmStack> {
  const rasters: (Uint16Array | Uint8Array)[] = [];
  const frames: PgmFrameInfo[] = [];
  let first: PgmFrame | undefined;
  for await (const frame of readPgmFrames(input, options)) {
    first ??= frame;
    rasters.push(frame.pixels);
    const { index, metadata, metadataEntries, endMarker, timeMs, byteOffset } = frame;
    frames.push({ index, metadata, metadataEntries, endMarker, timeMs, byteOffset });
  }
  // pgmFrames throws on an empty stream, so there is at least one frame.
  const head = first as PgmFrame;
  const shape = [rasters.length, head.height, head.width];
  const frameLength = head.width * head.height;
  const data =
    head.bitDepth === 16
      ? new Uint16Array(frameLength * rasters.length)
      : new Uint8Array(frameLength * rasters.length);
  for (const [i, raster] of rasters.entries()) data.set(raster, i * frameLength);
  const stack: NDArray<"uint16"> | NDArray<"uint8"> =
    data instanceof Uint16Array
      ? { dtype: "uint16", shape, data }
      : { dtype: "uint8", shape, data };
  return {
    width: head.width,
    height: head.height,
    maxValue: head.maxValue,
    bitDepth: head.bitDepth,
    stack,
    frames,
  };
}
