/**
 * Where the writer puts bytes: appended in order, plus in-place patches of bytes already
 * written (the CDR learns the GDR offset only at the end). A file sink lets a long variable
 * stream to disk block by block instead of being held in memory.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { InvalidArgumentError } from "../../../core/errors.js";

export interface ByteSink {
  /** Bytes written so far = offset of the next append. */
  readonly position: number;
  /** Appends `bytes` and returns the offset where they start. */
  append(bytes: Uint8Array): number;
  /** Overwrites already-written bytes at `offset`. */
  patch(offset: number, bytes: Uint8Array): void;
  close(): void;
}

/** Keeps every appended chunk (copied, so callers may reuse their buffers). */
export class MemorySink implements ByteSink {
  private readonly chunks: Uint8Array[] = [];
  private readonly chunkOffsets: number[] = [];
  position = 0;

  append(bytes: Uint8Array): number {
    const offset = this.position;
    this.chunks.push(bytes.slice());
    this.chunkOffsets.push(offset);
    this.position += bytes.length;
    return offset;
  }

  patch(offset: number, bytes: Uint8Array): void {
    for (let i = 0; i < this.chunks.length; i++) {
      const chunk = this.chunks[i]!;
      const start = this.chunkOffsets[i]!;
      const from = Math.max(offset, start);
      const to = Math.min(offset + bytes.length, start + chunk.length);
      if (from < to) chunk.set(bytes.subarray(from - offset, to - offset), from - start);
    }
  }

  close(): void {}

  /** All bytes written, as one array. */
  toBytes(): Uint8Array {
    const out = new Uint8Array(this.position);
    for (let i = 0; i < this.chunks.length; i++) out.set(this.chunks[i]!, this.chunkOffsets[i]!);
    return out;
  }
}

/** Writes straight to a file with positioned synchronous writes. */
export class FileSink implements ByteSink {
  private fd: number | undefined;
  position = 0;

  constructor(readonly path: string) {
    try {
      this.fd = openSync(path, "w");
    } catch (cause) {
      throw new InvalidArgumentError("path", `cannot create ${path}: ${String(cause)}`, { cause });
    }
  }

  private descriptor(): number {
    if (this.fd === undefined) {
      throw new InvalidArgumentError("writer", `${this.path} is already closed`);
    }
    return this.fd;
  }

  append(bytes: Uint8Array): number {
    const offset = this.position;
    this.writeAt(offset, bytes);
    this.position += bytes.length;
    return offset;
  }

  patch(offset: number, bytes: Uint8Array): void {
    this.writeAt(offset, bytes);
  }

  private writeAt(offset: number, bytes: Uint8Array): void {
    const fd = this.descriptor();
    let done = 0;
    // writeSync may write fewer bytes than asked; loop until the whole buffer is out.
    while (done < bytes.length) {
      done += writeSync(fd, bytes, done, bytes.length - done, offset + done);
    }
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}
