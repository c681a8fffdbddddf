import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { FormatError } from "../core/errors.js";

// RFC 1952 §2.3.1: every gzip member starts with ID1 = 0x1f, ID2 = 0x8b.
const GZIP_ID1 = 0x1f;
const GZIP_ID2 = 0x8b;

/** The first `length` bytes of a file (fewer if it is shorter). */
export async function readHead(path: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const head = new Uint8Array(length);
    const { bytesRead } = await handle.read(head, 0, length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function isGzip(head: Uint8Array): boolean {
  return head[0] === GZIP_ID1 && head[1] === GZIP_ID2;
}

/**
 * Inflates a gzip file in a stream and discards the output, so zlib checks every member's
 * CRC-32 and ISIZE (RFC 1952 §2.3.1) without holding the data. Concatenated members are
 * allowed (§2.2). A truncated or corrupt file is a FormatError naming the inflated offset.
 */
export async function validateGzipFile(path: string, label: string): Promise<void> {
  let inflatedBytes = 0;
  const discard = new Writable({
    write(chunk: Buffer, _encoding, done) {
      inflatedBytes += chunk.length;
      done();
    },
  });
  try {
    await pipeline(createReadStream(path), createGunzip(), discard);
  } catch (error) {
    throw new FormatError("gzip", {
      file: label,
      offset: inflatedBytes,
      expected: "a complete gzip stream with matching CRC-32 and length (RFC 1952)",
      found: error instanceof Error ? error.message : String(error),
      cause: error,
    });
  }
}
