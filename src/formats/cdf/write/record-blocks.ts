/**
 * Buffers a variable's records into blocks that go to the sink (as a VVR, or a CVVR when the
 * variable is compressed) as soon as they are full. Records arrive in increasing record number;
 * a gap (sparse records) ends the current block, so every block holds consecutive records and
 * its VXR entry states exactly which (CDF IFD 3.9, VXR and VVR).
 */
import type { ByteSink } from "./byte-sink.js";
import type { ResolvedCompression } from "./compression.js";
import type { VxrEntry } from "./internal-records.js";
import { cvvrHeader, vvrHeader } from "./internal-records.js";
import type { CdfFormat } from "./record-bytes.js";

export class RecordBlocks {
  /** Blocks already written, in record order. */
  readonly blocks: VxrEntry[] = [];
  /** Grows (doubling) up to one full block, so small variables stay small in memory. */
  private block = new Uint8Array(0);
  private blockFirst = 0;
  private blockRecords = 0;
  /** One past the highest record number written so far. */
  private end = 0;

  constructor(
    private readonly sink: ByteSink,
    private readonly format: CdfFormat,
    private readonly recordBytes: number,
    private readonly recordsPerBlock: number,
    private readonly compression: ResolvedCompression | undefined,
    /** Turns host-order bytes into file order, in place, just before they are stored. */
    private readonly toFileOrder: (bytes: Uint8Array) => void,
  ) {}

  /** One past the highest record number written (MaxRec + 1). */
  get recordEnd(): number {
    return this.end;
  }

  /** Stores whole records starting at `firstRecord` (>= recordEnd; the caller checks). */
  write(firstRecord: number, bytes: Uint8Array): void {
    if (firstRecord !== this.end && this.blockRecords > 0) this.flush();
    if (this.blockRecords === 0) this.blockFirst = firstRecord;
    let at = 0;
    while (at < bytes.length) {
      const room = (this.recordsPerBlock - this.blockRecords) * this.recordBytes;
      const take = Math.min(room, bytes.length - at);
      const used = this.blockRecords * this.recordBytes;
      this.reserve(used + take);
      this.block.set(bytes.subarray(at, at + take), used);
      this.blockRecords += take / this.recordBytes;
      at += take;
      if (this.blockRecords === this.recordsPerBlock) this.flush();
    }
    this.end = firstRecord + bytes.length / this.recordBytes;
  }

  /** Writes the partly filled last block. */
  finish(): void {
    if (this.blockRecords > 0) this.flush();
  }

  private reserve(bytes: number): void {
    if (bytes <= this.block.length) return;
    const full = this.recordsPerBlock * this.recordBytes;
    const grown = new Uint8Array(Math.min(full, Math.max(bytes, 2 * this.block.length)));
    grown.set(this.block);
    this.block = grown;
  }

  private flush(): void {
    const data = this.block.subarray(0, this.blockRecords * this.recordBytes);
    this.toFileOrder(data);
    let offset: number;
    if (this.compression === undefined) {
      offset = this.sink.append(vvrHeader(this.format, data.length));
      this.sink.append(data);
    } else {
      const compressed = this.compression.compress(data);
      offset = this.sink.append(cvvrHeader(this.format, compressed.length));
      this.sink.append(compressed);
    }
    this.blocks.push({
      firstRecord: this.blockFirst,
      lastRecord: this.blockFirst + this.blockRecords - 1,
      offset,
    });
    this.blockFirst += this.blockRecords;
    this.blockRecords = 0;
  }
}
