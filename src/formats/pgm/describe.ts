import type { ByteSource } from "../../core/byte-source.js";
import { formatIsoMicroseconds } from "../../core/time/ucalgary-timestamp.js";
import type { AttributeValue, FileDescription } from "../description.js";
import type { PgmReadOptions } from "./frames.js";
import { readPgm } from "./read.js";

/**
 * Describes a UCalgary PGM file for `inspect`: one array `frames` of shape
 * [frames, rows, columns] (uint16, or uint8 for maxval < 256), rows as stored; its details
 * list every frame's timestamp (ISO 8601, microseconds, `Z`; null if absent) and metadata;
 * the file attributes are frame 0's metadata.
 */
export async function describePgm(
  input: ByteSource | Uint8Array | string,
  fileName?: string,
  options: PgmReadOptions = {},
): Promise<FileDescription> {
  const result = await readPgm(input, { ...options, fileName: fileName ?? options.fileName });
  const frames: AttributeValue[] = result.frames.map((frame) => ({
    index: frame.index,
    byteOffset: frame.byteOffset,
    timestamp: frame.timeMs === null ? null : formatIsoMicroseconds(frame.timeMs),
    metadata: frame.metadata,
  }));
  return {
    format: "pgm",
    arrays: [
      {
        path: "frames",
        array: result.stack,
        details: {
          width: result.width,
          height: result.height,
          maxValue: result.maxValue,
          bitDepth: result.bitDepth,
          frames,
        },
      },
    ],
    attributes: result.frames[0]?.metadata ?? {},
  };
}
