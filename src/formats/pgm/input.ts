import { open } from "node:fs/promises";
import type { ByteSource } from "../../core/byte-source.js";
import { NotFoundError } from "../../core/errors.js";

/** What the PGM readers accept: a path, the file's bytes, a ByteSource or a byte stream. */
export type PgmInput = string | Uint8Array | ByteSource | AsyncIterable<Uint8Array>;

/** Bytes read from a file or ByteSource at a time. */
const READ_CHUNK_BYTES = 256 * 1024;

type FileHandle = Awaited<ReturnType<typeof open>>;

async function openFile(path: string): Promise<FileHandle> {
  try {
    return await open(path, "r");
  } catch (cause) {
    if ((cause as { code?: unknown }).code === "ENOENT") {
      throw new NotFoundError(`file ${path}`, "check the path or download the file again", {
        cause,
      });
    }
    throw cause;
  }
}

async function* fileChunks(path: string): AsyncGenerator<Uint8Array, void, undefined> {
  const handle = await openFile(path);
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

/** A file's whole contents if it has at most `maxBytes`; undefined if it is larger. */
async function wholeFile(path: string, maxBytes: number): Promise<Uint8Array | undefined> {
  const handle = await openFile(path);
  try {
    // Pipes and devices have no size to trust: they are streamed.
    const stats = await handle.stat();
    if (!stats.isFile() || stats.size > maxBytes) return undefined;
    const bytes = await handle.readFile();
    // The file may have grown since stat.
    if (bytes.byteLength > maxBytes) return undefined;
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } finally {
    await handle.close();
  }
}

/**
 * All raw (possibly compressed) bytes of an input when they are at hand and at most
 * `maxBytes` long (the bytes themselves, a ByteSource or file of that size read whole);
 * undefined for a byte stream or a larger source, which are read chunk by chunk instead.
 */
export async function wholeRawBytes(
  input: PgmInput,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  if (typeof input === "string") return wholeFile(input, maxBytes);
  if (input instanceof Uint8Array) return input;
  if (isByteSource(input)) {
    return input.byteLength <= maxBytes ? input.read(0, input.byteLength) : undefined;
  }
  return undefined;
}

/** The name errors give an input: `fileName`, else the path or the ByteSource's name. */
export function inputName(input: PgmInput, fileName: string | undefined): string | undefined {
  if (fileName !== undefined) return fileName;
  if (typeof input === "string") return input;
  return isByteSource(input) ? input.name : undefined;
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
