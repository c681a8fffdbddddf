import { FormatError } from "../../core/errors.js";
import { EAGER_ALLOCATION_BYTES, PGM_FORMAT } from "./constants.js";

const EMPTY = new Uint8Array(0);

export interface CursorContext {
  readonly file: string | undefined;
  /** The stream may not deliver more than this many bytes in total. */
  readonly maxBytes: number;
}

/**
 * A forward-only cursor over a stream of byte chunks (already decompressed). It holds at most
 * the unread part of the current chunk plus what the caller asked for, so a file of any
 * length is parsed with about one frame in memory. Offsets are positions in the whole stream.
 */
export class StreamCursor {
  private buffer: Uint8Array = EMPTY;
  private position = 0;
  /** Stream offset of `buffer[0]`. */
  private bufferStart = 0;
  private ended = false;
  /** Bytes received from the source so far (the stream offset just past the last chunk). */
  private pulledBytes = 0;

  constructor(
    private readonly source: AsyncIterator<Uint8Array>,
    private readonly context: CursorContext,
  ) {}

  /** Stream offset of the next unread byte. */
  get offset(): number {
    return this.bufferStart + this.position;
  }

  /** Unread bytes already in memory. */
  get available(): number {
    return this.buffer.byteLength - this.position;
  }

  /** Throws a FormatError at the current offset (or `offset`). */
  fail(expected: string, found?: string, offset = this.offset): never {
    throw new FormatError(PGM_FORMAT, { file: this.context.file, offset, expected, found });
  }

  /** The next unread byte; the caller has checked `available > 0`. */
  peek(): number {
    return this.buffer[this.position] as number;
  }

  /** Consumes `count` bytes already in memory. */
  skip(count: number): void {
    this.position += count;
  }

  /** Views up to `length` unread bytes already in memory (no copy). */
  view(length: number): Uint8Array {
    return this.buffer.subarray(this.position, this.position + length);
  }

  /**
   * Makes at least `count` unread bytes available, joining chunks if needed (callers use it
   * for header pieces only). Returns false if the stream ends first; whatever arrived stays
   * available.
   */
  async ensure(count: number): Promise<boolean> {
    if (this.available >= count) return true;
    const parts = [this.buffer.subarray(this.position)];
    let total = this.available;
    while (total < count) {
      const chunk = await this.pull();
      if (chunk === null) break;
      parts.push(chunk);
      total += chunk.byteLength;
    }
    if (parts.length > 1) {
      const joined = new Uint8Array(total);
      let at = 0;
      for (const part of parts) {
        joined.set(part, at);
        at += part.byteLength;
      }
      this.bufferStart += this.position;
      this.buffer = joined;
      this.position = 0;
    }
    return total >= count;
  }

  /**
   * Index (relative to the next unread byte) of the first byte matching `stop`, looking at
   * most `limit` bytes ahead; -1 if none within the limit, -2 if the stream ends first.
   * The look-ahead doubles, so a long line split into tiny chunks is still joined in
   * linear time.
   */
  async find(stop: (byte: number) => boolean, limit: number): Promise<number> {
    let searched = 0;
    for (;;) {
      const end = Math.min(this.buffer.byteLength, this.position + limit);
      for (let i = this.position + searched; i < end; i++) {
        if (stop(this.buffer[i] as number)) return i - this.position;
      }
      searched = end - this.position;
      if (searched >= limit) return -1;
      await this.ensure(Math.min(limit, Math.max(searched + 1, searched * 2)));
      if (this.available === searched) return -2;
    }
  }

  /**
   * Reads exactly `length` bytes into a new buffer (offset 0, so 16-bit views are aligned).
   * Small requests are allocated at once; larger ones grow with the bytes that actually
   * arrive, so a header that lies about its size cannot force a large allocation.
   */
  async read(length: number, what: string): Promise<Uint8Array> {
    let out = new Uint8Array(Math.min(length, EAGER_ALLOCATION_BYTES));
    let filled = 0;
    while (filled < length) {
      if (this.available === 0) {
        const chunk = await this.pull();
        if (chunk === null) {
          this.fail(what, `only ${filled} of ${length} bytes before the end of the stream`);
        }
        this.bufferStart = this.pulledBytes - chunk.byteLength;
        this.buffer = chunk;
        this.position = 0;
      }
      const take = Math.min(length - filled, this.available);
      if (filled + take > out.byteLength) {
        const grown = new Uint8Array(Math.min(length, Math.max(out.byteLength * 2, filled + take)));
        grown.set(out.subarray(0, filled), 0);
        out = grown;
      }
      out.set(this.buffer.subarray(this.position, this.position + take), filled);
      this.position += take;
      filled += take;
    }
    return out;
  }

  /** Stops the underlying stream (closes files, destroys decompressors). */
  async close(): Promise<void> {
    this.ended = true;
    this.buffer = EMPTY;
    this.position = 0;
    await this.source.return?.();
  }

  /** The next non-empty chunk, or null at the end of the stream. */
  private async pull(): Promise<Uint8Array | null> {
    while (!this.ended) {
      const next = await this.source.next();
      if (next.done === true) {
        this.ended = true;
        return null;
      }
      const chunk = next.value;
      if (chunk.byteLength === 0) continue;
      if (this.pulledBytes + chunk.byteLength > this.context.maxBytes) {
        this.fail(
          `at most ${this.context.maxBytes} decoded bytes (option maxDecodedBytes)`,
          "more: a decompression bomb or a far larger file than UCalgary writes",
          this.pulledBytes,
        );
      }
      this.pulledBytes += chunk.byteLength;
      return chunk;
    }
    return null;
  }
}
