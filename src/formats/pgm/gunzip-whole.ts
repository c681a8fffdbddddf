import { gunzipSync } from "node:zlib";
import { DEFLATE_MAX_RATIO } from "../compression/inflate.js";

/**
 * The one-shot gunzip behind the PGM fast path. Streaming gunzip hands every output chunk to
 * zlib's thread pool and back, which made a THEMIS minute file decode at about half the speed
 * of one `gunzipSync`. When all compressed bytes are in memory, inflating them in one
 * synchronous call is both faster and, below a cap, as safe: the output is held whole anyway.
 */

/**
 * Cap on the output of the one-shot gunzip, in bytes. Every real UCalgary minute file
 * decompresses to at most about 11 MB (fixtures and instrument sizes: THEMIS 2.6 MB, REGO and
 * TREx RGB pgm about 10.5 MB); 64 MiB leaves room. Larger outputs, decompression bombs
 * included, fall back to the streaming path, whose memory stays at about one frame and which
 * stops inflating as soon as the frame parser rejects the stream.
 */
export const WHOLE_GUNZIP_MAX_BYTES = 64 * 1024 * 1024;

/** RFC 1952 section 2.3.1: a member ends with ISIZE, the input size modulo 2^32 (4 bytes, LE). */
const GZIP_ISIZE_BYTES = 4;

/** zlib refuses output chunks under 64 bytes (Z_MIN_CHUNK). */
const ZLIB_MIN_CHUNK_BYTES = 64;

/**
 * Output buffer size for one gunzip call: the last member's ISIZE (the whole output for a
 * single-member file) plus one byte, so zlib fills a single buffer and finds the end of the
 * stream without allocating a second one. ISIZE is only a hint: a multi-member file or a false
 * value just makes zlib allocate more buffers of this size, never changes the output; the hint
 * is capped by what deflate can expand the input to and by the output cap.
 */
function outputChunkBytes(compressed: Uint8Array, maxOutputBytes: number): number {
  const end = compressed.byteLength;
  const sizeHint =
    end >= GZIP_ISIZE_BYTES
      ? new DataView(compressed.buffer, compressed.byteOffset + end - GZIP_ISIZE_BYTES).getUint32(
          0,
          true,
        ) + 1
      : ZLIB_MIN_CHUNK_BYTES;
  const limit = Math.min(maxOutputBytes + 1, end * DEFLATE_MAX_RATIO + 1024);
  return Math.max(ZLIB_MIN_CHUNK_BYTES, Math.min(sizeHint, limit));
}

/**
 * Gunzips `compressed` (all members) in one synchronous call, its output capped at
 * `maxOutputBytes` (an integer of at least 1). Returns undefined when the output would exceed
 * the cap or the data is not valid gzip: the caller then takes the streaming path, which
 * yields the frames before the problem and reports it at its decoded offset, as before.
 */
export function gunzipWhole(
  compressed: Uint8Array,
  maxOutputBytes: number,
): Uint8Array | undefined {
  try {
    const out = gunzipSync(compressed, {
      maxOutputLength: maxOutputBytes,
      chunkSize: outputChunkBytes(compressed, maxOutputBytes),
    });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    // Too large, or a zlib error (Z_DATA_ERROR, Z_BUF_ERROR for truncation, ...).
    if (code === "ERR_BUFFER_TOO_LARGE" || (typeof code === "string" && code.startsWith("Z_"))) {
      return undefined;
    }
    throw cause;
  }
}
