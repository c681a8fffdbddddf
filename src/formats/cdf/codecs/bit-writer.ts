/**
 * Packs bits most significant first into bytes, the order every CDF Huffman stream uses
 * (Nelson's bitio.c OutputBits: the first bit goes to mask 0x80), and pads the last byte with
 * zero bits. The buffer grows by doubling, so writing costs no allocation per symbol.
 */
export class BitWriter {
  private buffer: Uint8Array;
  private length = 0;
  /** Pending bits not yet forming a whole byte, right-aligned. */
  private pending = 0;
  private pendingCount = 0;

  constructor(initialBytes: number) {
    this.buffer = new Uint8Array(Math.max(16, initialBytes));
  }

  /** Appends whole bytes (a header) before any bits are written. */
  writeBytes(bytes: ArrayLike<number>): void {
    this.reserve(bytes.length);
    for (let i = 0; i < bytes.length; i++) this.buffer[this.length++] = bytes[i]!;
  }

  /** Appends the low `count` bits of `code`, most significant first; `count` is at most 24. */
  writeBits(code: number, count: number): void {
    this.pending = (this.pending << count) | (code & ((1 << count) - 1));
    this.pendingCount += count;
    if (this.pendingCount >= 8) {
      this.reserve(4);
      while (this.pendingCount >= 8) {
        this.pendingCount -= 8;
        this.buffer[this.length++] = (this.pending >>> this.pendingCount) & 0xff;
      }
      this.pending &= (1 << this.pendingCount) - 1;
    }
  }

  /** The bytes written, the last one padded with zero bits. */
  finish(): Uint8Array {
    if (this.pendingCount > 0) {
      this.reserve(1);
      this.buffer[this.length++] = (this.pending << (8 - this.pendingCount)) & 0xff;
      this.pending = 0;
      this.pendingCount = 0;
    }
    return this.buffer.slice(0, this.length);
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + bytes));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}
