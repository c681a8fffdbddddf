import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { FormatError } from "./errors.js";

/**
 * Synchronous random access to the bytes of one file. Readers take a ByteSource rather than a
 * whole buffer so that a record range of a large CDF can be decoded without reading the rest.
 */
export interface ByteSource {
  /** File name or URL, for error messages. */
  readonly name: string;
  readonly byteLength: number;
  /** Returns exactly `length` bytes at `offset`, or throws FormatError if they are not there. */
  read(offset: number, length: number): Uint8Array;
  close(): void;
}

function checkRange(source: ByteSource, format: string, offset: number, length: number): void {
  if (
    !Number.isSafeInteger(offset) ||
    !Number.isSafeInteger(length) ||
    offset < 0 ||
    length < 0 ||
    offset + length > source.byteLength
  ) {
    throw new FormatError(format, {
      file: source.name,
      offset,
      expected: `${length} bytes within the ${source.byteLength}-byte file`,
      found: "an offset or length past the end",
    });
  }
}

/** A source over bytes already in memory; `read` returns views, not copies. */
export function memorySource(bytes: Uint8Array, name = "<memory>", format = "file"): ByteSource {
  const source: ByteSource = {
    name,
    byteLength: bytes.byteLength,
    read(offset, length) {
      checkRange(source, format, offset, length);
      return bytes.subarray(offset, offset + length);
    },
    close() {},
  };
  return source;
}

/** A source over a file on disk, read on demand with positioned reads. */
export function fileSource(path: string, format = "file"): ByteSource {
  const fd = openSync(path, "r");
  let open = true;
  const source: ByteSource = {
    name: path,
    byteLength: fstatSync(fd).size,
    read(offset, length) {
      checkRange(source, format, offset, length);
      const out = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, out, done, length - done, offset + done);
        if (n === 0) break;
        done += n;
      }
      if (done !== length) {
        throw new FormatError(format, {
          file: path,
          offset: offset + done,
          expected: `${length} bytes`,
          found: "the file shrank while it was being read",
        });
      }
      return out;
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
  return source;
}
