/**
 * Turns a plain IDL save file into the form SAVE, /COMPRESS writes: record format bytes
 * 00 06 instead of 00 04; every record header left uncompressed with its next-record offset
 * recomputed for the compressed layout; every record body (the bytes after the header) stored
 * as one zlib stream; the END_MARKER record copied as it is. This is the layout
 * scipy.io.readsav expands (its RECFMT '\x00\x06' branch). Test support only; handles the
 * 16-byte record headers of files without PROMOTE64.
 */
import { deflateSync } from "node:zlib";
import { XdrBuilder } from "./idlsav-bytes.js";

export interface CompressOptions {
  /** Replaces the body of the record at this index (0 = first record) by these bytes. */
  readonly replaceBody?: { readonly index: number; readonly body: Uint8Array };
}

export function compressIdlSave(plain: Uint8Array, options: CompressOptions = {}): Uint8Array {
  const view = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
  const out = new XdrBuilder().bytes(Uint8Array.of(0x53, 0x52, 0x00, 0x06));
  let position = 4;
  for (let index = 0; ; index++) {
    const type = view.getInt32(position);
    if (type === 6) {
      out.bytes(plain.subarray(position, position + 16));
      return out.toBytes();
    }
    if (type === 17) throw new Error("compressIdlSave: PROMOTE64 files are not handled");
    const next = view.getUint32(position + 4) + view.getUint32(position + 8) * 2 ** 32;
    const body =
      options.replaceBody?.index === index
        ? options.replaceBody.body
        : deflateSync(plain.subarray(position + 16, next));
    const newNext = out.length + 16 + body.byteLength;
    out
      .i32(type)
      .u32(newNext % 2 ** 32)
      .u32(Math.floor(newNext / 2 ** 32));
    out.bytes(plain.subarray(position + 12, position + 16));
    out.bytes(body);
    position = next;
  }
}
