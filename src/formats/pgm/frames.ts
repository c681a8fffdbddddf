import { Buffer } from "node:buffer";
import { parseUcalgaryTimestamp } from "../../core/time/ucalgary-timestamp.js";
import { DEFAULT_MAX_DECODED_BYTES, DEFAULT_MAX_FRAME_BYTES, TIMESTAMP_KEY } from "./constants.js";
import { type PgmHeader, readPgmHeader } from "./header.js";
import { findEndMarker, metadataRecord, type PgmMetadataEntry } from "./metadata.js";
import { StreamCursor } from "./stream-cursor.js";

/** Limits and naming shared by every PGM entry point. */
export interface PgmReadOptions {
  /** Name used in error messages (defaults to the path, or the ByteSource name). */
  readonly fileName?: string;
  /** Largest raster one frame may declare, in bytes (default 64 MiB). */
  readonly maxFrameBytes?: number;
  /** Largest decoded (decompressed) size of the whole file, in bytes (default 1 GiB). */
  readonly maxDecodedBytes?: number;
}

interface PgmFrameCommon {
  /** 0-based position of the frame in the file. */
  readonly index: number;
  readonly width: number;
  readonly height: number;
  /** The header's maxval (65535 for all UCalgary imagers). */
  readonly maxValue: number;
  /**
   * `#"key" value` metadata; a repeated key keeps its last value at the place of its first
   * appearance (as the Python readers' dict does). See `metadataEntries` for every line.
   */
  readonly metadata: Readonly<Record<string, string>>;
  /** Every `#"key" value` line of the header in file order, duplicates included. */
  readonly metadataEntries: readonly PgmMetadataEntry[];
  /**
   * The key that closes the metadata block in the UCalgary readers (e.g. `Exposure plus
   * readout`), or null if the header has none: a sign of an incomplete metadata block.
   */
  readonly endMarker: string | null;
  /** `Image request start` in ms since 1970 UTC (fractional: microseconds kept); null if absent. */
  readonly timeMs: number | null;
  /** Offset of the frame's `P5` in the decoded (decompressed) stream. */
  readonly byteOffset: number;
}

/**
 * One decoded frame. Pixels are row-major in the native dtype, exactly as stored: row 0 is
 * the first row in the file (higher layers apply the imager's orientation).
 */
export type PgmFrame =
  | (PgmFrameCommon & { readonly bitDepth: 16; readonly pixels: Uint16Array })
  | (PgmFrameCommon & { readonly bitDepth: 8; readonly pixels: Uint8Array });

const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function toFrame(header: PgmHeader, raster: Uint8Array, index: number): PgmFrame {
  const entries = header.metadataEntries;
  const metadata = metadataRecord(entries);
  const requestStart = metadata[TIMESTAMP_KEY];
  const common: PgmFrameCommon = {
    index,
    width: header.width,
    height: header.height,
    maxValue: header.maxValue,
    metadata,
    metadataEntries: entries,
    endMarker: findEndMarker(entries),
    timeMs: requestStart === undefined ? null : (parseUcalgaryTimestamp(requestStart) ?? null),
    byteOffset: header.byteOffset,
  };
  if (header.bitDepth === 8) return { ...common, bitDepth: 8, pixels: raster };
  // Netpbm PGM specification, "The Format" item 9: 2-byte samples are big-endian; one bulk swap per frame.
  if (littleEndianHost) Buffer.from(raster.buffer, raster.byteOffset, raster.byteLength).swap16();
  const pixels = new Uint16Array(raster.buffer, raster.byteOffset, raster.byteLength / 2);
  return { ...common, bitDepth: 16, pixels };
}

/**
 * Decodes frames one by one from an already-decompressed byte stream. At most one frame (plus
 * the unread part of one chunk) is held in memory. All frames of a file must share width,
 * height and maxval: a change means a corrupt file (the stack readers could not hold it) and
 * raises FormatError at the differing frame. Stopping the iteration early closes the stream.
 * The producer must not reuse a chunk's memory after yielding it (Node streams never do).
 */
export async function* pgmFrames(
  decoded: AsyncIterable<Uint8Array>,
  options: PgmReadOptions = {},
): AsyncGenerator<PgmFrame, void, undefined> {
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const cursor = new StreamCursor(decoded[Symbol.asyncIterator](), {
    file: options.fileName,
    maxBytes: options.maxDecodedBytes ?? DEFAULT_MAX_DECODED_BYTES,
  });
  try {
    let first: PgmHeader | undefined;
    for (let index = 0; ; index++) {
      const header = await readPgmHeader(cursor, index, maxFrameBytes);
      if (header === null) {
        if (first === undefined) {
          cursor.fail('a PGM frame starting with "P5"', "an empty stream (no frame)");
        }
        return;
      }
      first ??= header;
      if (
        header.width !== first.width ||
        header.height !== first.height ||
        header.maxValue !== first.maxValue
      ) {
        cursor.fail(
          `frame ${index} to be ${first.width}x${first.height} with maxval ${first.maxValue} ` +
            "like frame 0",
          `${header.width}x${header.height} with maxval ${header.maxValue}`,
          header.byteOffset,
        );
      }
      const raster = await cursor.read(
        header.pixelBytes,
        `${header.pixelBytes} bytes of pixels for frame ${index} ` +
          `(${header.width}x${header.height}, ${header.bitDepth}-bit)`,
      );
      yield toFrame(header, raster, index);
    }
  } finally {
    await cursor.close();
  }
}
