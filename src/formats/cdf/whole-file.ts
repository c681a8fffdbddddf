import { type ByteSource, memorySource } from "../../core/byte-source.js";
import { CDF_MAGIC2_UNCOMPRESSED, RecordType } from "./constants.js";
import { type CdfCompressionInfo, decompressCdf, readCpr } from "./decompress.js";
import { CDF_FORMAT, type CdfLayout, readOffsetField, readRecord } from "./record-io.js";

export interface DecompressedCdf {
  /** The uncompressed file: the 8 magic bytes (second one 0x0000FFFF) then the CCR's payload. */
  readonly source: ByteSource;
  readonly compression: CdfCompressionInfo;
}

/**
 * Expands a whole-file-compressed CDF (magic2 0xCCCC0001): the CCR at offset 8 holds the file
 * minus its magic numbers, compressed as its CPR says (CDF IFD 3.9, section 2.11). Offsets in
 * the other records refer to the uncompressed image, so parsing continues on that image.
 */
export function decompressWholeFile(layout: CdfLayout, magic1: number): DecompressedCdf {
  const { reader } = readRecord(layout, 8, [RecordType.CCR], "the Compressed CDF Record (CCR)");
  const cprOffset = readOffsetField(reader, layout, "the CCR's CPRoffset");
  const sizeAt = reader.position;
  const uncompressedBytes = readOffsetField(reader, layout, "the CCR's uSize");
  if (uncompressedBytes < 0) reader.fail("a uSize of 0 or more", `${uncompressedBytes}`, sizeAt);
  reader.skip(4, "the CCR's rfuA");
  const dataAt = reader.baseOffset + reader.position;
  const compressed = reader.bytesView(reader.remaining, "the CCR's compressed data");
  const compression = readCpr(layout, cprOffset);
  const payload = decompressCdf(compression, compressed, uncompressedBytes, {
    format: CDF_FORMAT,
    file: layout.source.name,
    offset: dataAt,
    what: "the compressed CDF file image in the CCR",
  });
  const image = new Uint8Array(8 + payload.byteLength);
  const view = new DataView(image.buffer);
  view.setUint32(0, magic1);
  view.setUint32(4, CDF_MAGIC2_UNCOMPRESSED);
  image.set(payload, 8);
  return { source: memorySource(image, layout.source.name, CDF_FORMAT), compression };
}
