import { open } from "node:fs/promises";
import type { ByteSource } from "../../core/byte-source.js";
import { NotFoundError } from "../../core/errors.js";

/** What the PGM readers accept: a path, the file's bytes, a ByteSource or a byte stream. */
export type PgmInput = string | Uint8Array | ByteSource | AsyncIterable<Uint8Array>;

/** Bytes read from a file or ByteSource at a time. */
const READ_CHUNK_BYTES = 256 * 1024;

async function* fileChunks(path: string): AsyncGenerator<Uint8Array, void, undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch (cause) {
    if ((cause as { code?: unknown }).code === "ENOENT") {
      throw new NotFoundError(`file ${path}`, "check the path or download the file again", {
        cause,
      });
    }
    throw cause;
  }
  try {
    for (;;) {
      // A fresh buffer per read: the parser may keep the previous chunk while it reads this one.
      const chunk = new Uint8Array(READ_CHUNK_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, chunk.byteLength, null);
      if (bytesRead === 0) return;
      yield chunk.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

async function* sourceChunks(source: ByteSource): AsyncGenerator<Uint8Array, void, undefined> {
  for (let at = 0; at < source.byteLength; at += READ_CHUNK_BYTES) {
    yield source.read(at, Math.min(READ_CHUNK_BYTES, source.byteLength - at));
  }
}

async function* bytesChunks(bytes: Uint8Array): AsyncGenerator<Uint8Array, void, undefined> {
  yield bytes;
}

function isByteSource(input: PgmInput): input is ByteSource {
  return typeof input === "object" && "read" in input && "byteLength" in input && "name" in input;
}

/** The raw (possibly compressed) bytes of an input as chunks, and the name for errors. */
export function rawChunks(
  input: PgmInput,
  fileName: string | undefined,
): { chunks: AsyncIterable<Uint8Array>; name: string | undefined } {
  if (typeof input === "string") return { chunks: fileChunks(input), name: fileName ?? input };
  if (input instanceof Uint8Array) return { chunks: bytesChunks(input), name: fileName };
  if (isByteSource(input)) return { chunks: sourceChunks(input), name: fileName ?? input.name };
  return { chunks: input, name: fileName };
}
