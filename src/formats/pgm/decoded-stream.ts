import { type DecodeContext, decodePgmBytes, detectPgmCompression } from "./decompress.js";
import { gunzipWhole, WHOLE_GUNZIP_MAX_BYTES } from "./gunzip-whole.js";
import { type PgmInput, rawChunks, wholeRawBytes } from "./input.js";

async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array, void, undefined> {
  yield bytes;
}

/**
 * The decoded bytes of an input as chunks for the frame parser (one parser serves both paths).
 * Fast path: when all compressed bytes are at hand (bytes, a ByteSource or a file of at most
 * `wholeMaxBytes`, by default WHOLE_GUNZIP_MAX_BYTES) and are gzip, one synchronous gunzip,
 * its output capped at `wholeMaxBytes` and maxDecodedBytes, hands the parser a single chunk.
 * Everything else (byte streams, larger inputs, gzip whose output is larger or invalid, plain
 * and bzip2 files) takes the streaming path, which bounds memory and work and reports errors
 * at their decoded offsets after yielding the frames before them.
 */
export async function decodedStream(
  input: PgmInput,
  context: DecodeContext,
  wholeMaxBytes = WHOLE_GUNZIP_MAX_BYTES,
): Promise<AsyncIterable<Uint8Array>> {
  const whole = await wholeRawBytes(input, wholeMaxBytes);
  if (whole === undefined) return decodePgmBytes(rawChunks(input, context.file).chunks, context);
  if (detectPgmCompression(whole) === "gzip") {
    const maxOutputBytes = Math.floor(Math.min(wholeMaxBytes, context.maxDecodedBytes));
    // A cap below one byte (or NaN) is left to the streaming path's own checks.
    const decoded = maxOutputBytes >= 1 ? gunzipWhole(whole, maxOutputBytes) : undefined;
    if (decoded !== undefined) return oneChunk(decoded);
  }
  return decodePgmBytes(oneChunk(whole), context);
}
