import { deflateSync } from "node:zlib";
import { expect, it } from "vitest";
import { memorySource } from "../../../src/core/byte-source.js";
import { FormatError } from "../../../src/core/errors.js";
import { describeIdlSave } from "../../../src/formats/idlsav/describe.js";
import { readIdlSave } from "../../../src/formats/idlsav/read.js";
import { summarize } from "../../../src/formats/summary.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { readFixture } from "../../support/fixtures.js";
import { compressIdlSave } from "../../support/idlsav-compress.js";

const THEMIS = ["themis", "themis_skymap_gako_20110305-+_vXX.sav"] as const;

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describeWithFixtures("IDL save reader: SAVE, /COMPRESS files", () => {
  // Read lazily: the body is collected even when the suite is skipped for lack of fixtures.
  let cached: Uint8Array | undefined;
  const themis = (): Uint8Array => {
    cached ??= readFixture(...THEMIS);
    return cached;
  };

  it("decodes the compressed THEMIS skymap exactly as the uncompressed one", () => {
    // Oracle: the uncompressed real file (itself checked against scipy in oracle.test.ts).
    const plain = themis();
    const compressed = compressIdlSave(plain);
    expect(compressed.byteLength).toBeLessThan(plain.byteLength);
    const fromPlain = describeIdlSave(memorySource(plain, "plain.sav"));
    const fromCompressed = describeIdlSave(memorySource(compressed, "compressed.sav"));
    const summaries = (d: typeof fromPlain) =>
      d.arrays.map((a) => ({ ...summarize(a.path, a.array), text: a.array.data[0] }));
    expect(summaries(fromCompressed)).toEqual(summaries(fromPlain));
    expect(fromCompressed.attributes).toEqual({ ...fromPlain.attributes, compressed: true });
  });

  it("rejects a record that inflates past maxRecordBytes (a decompression bomb)", () => {
    // 16 MiB of zeros deflate to ~16 KiB; the reader must stop at the 1 MiB cap.
    const bomb = deflateSync(new Uint8Array(16 * 2 ** 20));
    const file = compressIdlSave(themis(), { replaceBody: { index: 0, body: bomb } });
    const error = catchError(() =>
      readIdlSave(memorySource(file, "bomb.sav"), { maxRecordBytes: 2 ** 20 }),
    );
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).file).toBe("bomb.sav");
    expect((error as FormatError).offset).toBe(4 + 16);
    expect((error as FormatError).expected).toMatch(/decompress to at most/);
  });

  it("rejects a corrupt zlib stream with the record's file offset", () => {
    const garbage = Uint8Array.from({ length: 40 }, (_, i) => (i * 37 + 11) % 256);
    const file = compressIdlSave(themis(), { replaceBody: { index: 1, body: garbage } });
    const error = catchError(() => readIdlSave(memorySource(file, "garbage.sav")));
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).expected).toMatch(/valid zlib stream/);
  });

  it("reports errors inside an inflated body at the record's offset", () => {
    // A VERSION record whose inflated body ends inside its first string.
    const truncatedVersion = deflateSync(Uint8Array.of(0, 0, 0, 10, 0, 0, 0, 40, 0x78));
    const file = compressIdlSave(themis(), { replaceBody: { index: 1, body: truncatedVersion } });
    const error = catchError(() => readIdlSave(memorySource(file, "short.sav")));
    expect(error).toBeInstanceOf(FormatError);
    const recordOffset = new DataView(file.buffer, file.byteOffset).getUint32(8);
    expect((error as FormatError).offset).toBe(recordOffset);
    expect((error as FormatError).expected).toMatch(/inflated body of the type-14 record/);
  });
});
