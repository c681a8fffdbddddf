/**
 * A growable big-endian (XDR) byte buffer for building one IDL save record body. IDL save
 * files store every quantity big-endian (Markwardt node12, "INTEGER_TYPES").
 */
export class XdrSink {
  private bytes = new Uint8Array(256);
  private view = new DataView(this.bytes.buffer);
  private length = 0;

  get position(): number {
    return this.length;
  }

  private reserve(count: number): number {
    const at = this.length;
    const needed = at + count;
    if (needed > this.bytes.length) {
      let size = this.bytes.length * 2;
      while (size < needed) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.bytes.subarray(0, at));
      this.bytes = grown;
      this.view = new DataView(grown.buffer);
    }
    this.length = needed;
    return at;
  }

  // reserve() may replace the buffer: take the offset before touching `this.view`.
  i32(value: number): void {
    const at = this.reserve(4);
    this.view.setInt32(at, value);
  }

  u32(value: number): void {
    const at = this.reserve(4);
    this.view.setUint32(at, value);
  }

  /** Copies raw bytes (already in file byte order). */
  raw(bytes: Uint8Array): void {
    const at = this.reserve(bytes.length);
    this.bytes.set(bytes, at);
  }

  /** Zero bytes up to the next 32-bit boundary of the record body (Markwardt node12). */
  align4(): void {
    const pad = (4 - (this.length % 4)) % 4;
    const at = this.reserve(pad);
    this.bytes.fill(0, at, this.length);
  }

  /** Writes `count` values with `write(view, offset, i)`, each `width` bytes wide. */
  values(
    count: number,
    width: number,
    write: (view: DataView, offset: number, index: number) => void,
  ): void {
    const at = this.reserve(count * width);
    for (let i = 0; i < count; i++) write(this.view, at + i * width, i);
  }

  /** STRING (record form): LONG length, then the Latin-1 characters padded to 32 bits (Markwardt node12). */
  recordString(text: string): void {
    this.i32(text.length);
    this.latin1(text);
  }

  /** The characters of `text` as Latin-1 bytes, then padding to 32 bits. */
  latin1(text: string): void {
    const at = this.reserve(text.length);
    for (let i = 0; i < text.length; i++) this.bytes[at + i] = text.charCodeAt(i);
    this.align4();
  }

  /** The bytes written so far (a view; copy it before writing more). */
  finish(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}
