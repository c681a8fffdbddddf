/**
 * Appends big-endian CDF internal-record fields (4-byte fields, 4- or 8-byte offsets) and patches
 * offsets once the records they point to are written. Test support for build-cdf.ts.
 */
export class RecordWriter {
  private buffer = new Uint8Array(1 << 16);
  length = 0;
  constructor(readonly v3: boolean) {}

  private ensure(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + n));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }
  i32(v: number): number {
    const at = this.length;
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, v);
    this.raw(b);
    return at;
  }
  off(v: number): number {
    const at = this.length;
    const b = new Uint8Array(this.v3 ? 8 : 4);
    if (this.v3) new DataView(b.buffer).setBigInt64(0, BigInt(v));
    else new DataView(b.buffer).setInt32(0, v);
    this.raw(b);
    return at;
  }
  name(text: string): void {
    const b = new Uint8Array(this.v3 ? 256 : 64);
    b.set(new TextEncoder().encode(text));
    this.raw(b);
  }
  patchOff(at: number, v: number): void {
    const view = new DataView(this.buffer.buffer);
    if (this.v3) view.setBigInt64(at, BigInt(v));
    else view.setInt32(at, v);
  }
  /** Writes one internal record; returns its offset. */
  record(type: number, body: () => void): number {
    const at = this.length;
    this.off(0);
    this.i32(type);
    body();
    this.patchOff(at, this.length - at);
    return at;
  }
  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}
