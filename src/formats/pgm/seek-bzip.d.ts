/**
 * The part of seek-bzip 2.0 (a pure-JavaScript bzip2 decoder, CommonJS, no bundled types)
 * that aurorakit uses: `decode(input, output, multistream)` with duck-typed byte streams
 * (lib/index.js `coerceInputStream`/`coerceOutputStream`, lib/stream.js).
 */
declare module "seek-bzip" {
  export interface SeekBzipInput {
    /** Next byte of the compressed data. */
    readByte(): number;
    /** Reads up to `length` bytes into `buffer`; returns the count, or -1 at the end. */
    read(buffer: Uint8Array, offset: number, length: number): number;
    seek(position: number): void;
    /** True once every compressed byte has been read (checked between blocks and streams). */
    eof(): boolean;
  }

  export interface SeekBzipOutput {
    writeByte(byte: number): void;
  }

  const Bunzip: {
    /** Decodes into `output`; returns nothing when `output` is a stream object. */
    decode(input: SeekBzipInput, output: SeekBzipOutput, multistream: boolean): unknown;
  };
  export default Bunzip;
}
