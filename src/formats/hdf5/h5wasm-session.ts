import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type ByteSource, fileSource, memorySource } from "../../core/byte-source.js";
import { FormatError, isAurorakitError, NotFoundError } from "../../core/errors.js";
import { summarizeHdf5Error } from "./hdf5-error.js";
import { type H5Api, type H5Module, Hdf5File } from "./hdf5-file.js";
import { checkSuperblock } from "./superblock.js";

/** What the HDF5 readers accept: a path on disk, bytes in memory, or a ByteSource. */
export type Hdf5Input = string | Uint8Array | ByteSource;

/**
 * Loads h5wasm on first use (a 4 MB wasm module that callers who never read HDF5 should not
 * pay for). Node's module cache makes later calls cheap; we keep no state of our own.
 */
async function loadH5wasm(): Promise<H5Api> {
  const h5 = await import("h5wasm/node");
  const module = await h5.ready;
  return { h5, module };
}

function isByteSource(input: Hdf5Input): input is ByteSource {
  return typeof input === "object" && !(input instanceof Uint8Array);
}

/** Where the HDF5 bytes live on the host disk, and how to clean up afterwards. */
interface HostFile {
  readonly path: string;
  readonly name: string;
  readonly byteLength: number;
  readonly dispose: () => void;
}

/**
 * h5wasm's Node build maps the Emscripten FS onto the host file system (NODERAWFS), so a path
 * is read in place, chunk by chunk. Bytes in memory are written to a private temporary
 * directory that is removed whatever happens.
 */
function toHostFile(input: Hdf5Input, name: string | undefined): HostFile {
  if (typeof input === "string") {
    const path = resolve(input);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats === undefined || !stats.isFile()) {
      throw new NotFoundError(`HDF5 file ${path}`, "check the path and that it names a file");
    }
    const byteLength = stats.size;
    const source = fileSource(path, "HDF5");
    try {
      checkSuperblock(source);
    } finally {
      source.close();
    }
    return { path, name: name ?? path, byteLength, dispose: () => {} };
  }
  const bytes = isByteSource(input) ? input.read(0, input.byteLength) : input;
  const fileName = name ?? (isByteSource(input) ? input.name : "<memory>");
  checkSuperblock(memorySource(bytes, fileName, "HDF5"));
  const dir = mkdtempSync(join(tmpdir(), "aurorakit-h5-"));
  const path = join(dir, "input.h5");
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    writeFileSync(path, bytes);
  } catch (cause) {
    dispose();
    throw cause;
  }
  return { path, name: fileName, byteLength: bytes.byteLength, dispose };
}

/** The part of Emscripten's FS object we touch (h5wasm types it as opaque). */
interface EmscriptenStreams {
  readonly streams: readonly ({ readonly path?: string } | null | undefined)[];
  close(stream: object): void;
}

function openStreams(module: H5Module): Set<object> {
  const fs = module.FS as unknown as EmscriptenStreams;
  return new Set(fs.streams.filter((stream): stream is { path?: string } => stream != null));
}

/**
 * h5wasm's throwing error handler prints the HDF5 error stack into a tmpfile() and throws
 * before closing it, so every error would leak a file descriptor. Nothing refers to those
 * files afterwards, so their streams are closed here. (The HDF5 objects that were open when
 * the error unwound stay open, and with them the file being read: see withHdf5File.)
 */
function closeLeakedErrorFiles(module: H5Module, before: Set<object>): void {
  const fs = module.FS as unknown as EmscriptenStreams;
  for (const stream of fs.streams) {
    if (stream != null && !before.has(stream) && /\/tmpfile_\w+$/.test(stream.path ?? "")) {
      fs.close(stream);
    }
  }
}

/**
 * Opens an HDF5 file read-only, runs `use` on it and closes it. `use` is synchronous on
 * purpose: h5wasm's throwing error handler is switched on only for its duration, so that
 * every HDF5 failure (which h5wasm otherwise prints and ignores, returning garbage) becomes an
 * exception, and it must not stay switched on across an await.
 *
 * Known cost of that handler: an HDF5 error unwinds past h5wasm's cleanup, so the HDF5 objects
 * open at that moment, and the file under them, stay open until the process exits — one file
 * descriptor per corrupt file that gets past our superblock check (a deleted temporary copy,
 * for bytes in memory). Reopening the same path afterwards works.
 */
export async function withHdf5File<T>(
  input: Hdf5Input,
  use: (file: Hdf5File) => T,
  name?: string,
): Promise<T> {
  const api = await loadH5wasm();
  const host = toHostFile(input, name);
  const { module } = api;
  const streamsBefore = openStreams(module);
  let fileId: bigint | undefined;
  module.activate_throwing_error_handler();
  try {
    fileId = module.open(host.path, module.H5F_ACC_RDONLY, false, -1, -1);
    if (fileId < 0n) {
      throw new FormatError("HDF5", { file: host.name, expected: "a file HDF5 can open" });
    }
    return use(new Hdf5File(api, fileId, host.name, host.byteLength));
  } catch (cause) {
    if (isAurorakitError(cause)) throw cause;
    throw new FormatError("HDF5", {
      file: host.name,
      expected: "a readable HDF5 structure",
      found: summarizeHdf5Error(cause),
      cause,
    });
  } finally {
    try {
      if (fileId !== undefined && fileId >= 0n) module.close_file(fileId);
    } catch {
      // Closing after a failed read can itself fail; the open error is the one to report.
    } finally {
      module.deactivate_throwing_error_handler();
      closeLeakedErrorFiles(module, streamsBefore);
      host.dispose();
    }
  }
}
