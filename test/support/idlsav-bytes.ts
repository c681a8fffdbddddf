/**
 * A growable big-endian (XDR) byte builder for the synthetic IDL save writer in
 * `idlsav-writer.ts`. Test support only.
 */
export class XdrBuilder {
  private buffer = new Uint8Array(256);
  private view = new DataView(this.buffer.buffer);
  length = 0;

  private reserve(extra: number): number {
    const at = this.length;
    if (at + extra > this.buffer.byteLength) {
      const grown = new Uint8Array(Math.max(this.buffer.byteLength * 2, at + extra));
      grown.set(this.buffer.subarray(0, at));
      this.buffer = grown;
      this.view = new DataView(grown.buffer);
    }
    this.length += extra;
    return at;
  }

  i32(value: number): this {
    const at = this.reserve(4);
    this.view.setInt32(at, value);
    return this;
  }

  u32(value: number): this {
    const at = this.reserve(4);
    this.view.setUint32(at, value);
    return this;
  }

  i64(value: bigint): this {
    const at = this.reserve(8);
    this.view.setBigInt64(at, value);
    return this;
  }

  u64(value: bigint): this {
    const at = this.reserve(8);
    this.view.setBigUint64(at, value);
    return this;
  }

  f32(value: number): this {
    const at = this.reserve(4);
    this.view.setFloat32(at, value);
    return this;
  }

  f64(value: number): this {
    const at = this.reserve(8);
    this.view.setFloat64(at, value);
    return this;
  }

  bytes(data: Uint8Array): this {
    const at = this.reserve(data.byteLength);
    this.buffer.set(data, at);
    return this;
  }

  /** Zero bytes up to the next multiple of 4 (XDR padding). */
  align(): this {
    const pad = (4 - (this.length % 4)) % 4;
    this.reserve(pad);
    this.buffer.fill(0, this.length - pad, this.length);
    return this;
  }

  /** STRING: LONG length, Latin-1 characters, padding (Markwardt node12). */
  string(text: string): this {
    this.i32(text.length);
    this.bytes(Uint8Array.from(text, (c) => c.charCodeAt(0)));
    return this.align();
  }

  /** STRING_DATA: LONG length, and if non-zero the length again and the characters. */
  stringData(text: string): this {
    this.i32(text.length);
    if (text.length === 0) return this;
    return this.string(text);
  }

  toBytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}
