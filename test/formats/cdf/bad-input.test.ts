import { describe, expect, it } from "vitest";
import { memorySource } from "../../../src/core/byte-source.js";
import { FormatError, InvalidArgumentError } from "../../../src/core/errors.js";
import { openCdf } from "../../../src/formats/cdf/cdf-file.js";
import { CdfDataType } from "../../../src/formats/cdf/constants.js";
import { describeCdf } from "../../../src/formats/cdf/describe.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { readFixture } from "../../support/fixtures.js";
import { seededRandom } from "../../support/mutate.js";
import { buildCdf, storedBytes } from "./support/build-cdf.js";

// Invariant for every case: corrupt input yields a FormatError naming the file and a byte
// offset, never a hang, a TypeError/RangeError or an allocation the file cannot justify.

function formatErrorOf(run: () => unknown): FormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw new Error(`expected a FormatError, got ${String(error)}`, { cause: error });
  }
  throw new Error("expected a FormatError, but the input was accepted");
}

function describeBytes(bytes: Uint8Array) {
  return () => describeCdf(memorySource(bytes, "corrupt.cdf", "CDF"));
}

function patched(bytes: Uint8Array, at: number, write: (view: DataView) => void): Uint8Array {
  const copy = bytes.slice();
  write(new DataView(copy.buffer, at));
  return copy;
}

// Offsets in thg_l1_ast_gako_20110505_v01.cdf, from its records (CDF IFD 3.9 layouts): CDR at 8,
// GDR at 320, zVDR of thg_ast_gako at 25604, its VXR at 25994 and first CVVR at 26134.
const AST = "thg_l1_ast_gako_20110505_v01.cdf";
const GDR = 320;
const VDR = 25604;
const VXR = 25994;
const CVVR = 26134;

describeWithFixtures("corrupt real CDF (THEMIS thumbnail file)", () => {
  const original = readFixture("themis", AST);

  it("is read cleanly before corruption (control)", () => {
    expect(describeBytes(original)().arrays.length).toBe(7);
  });

  it("truncated at 60 points: FormatError with the offset past the end", () => {
    for (let i = 0; i < 60; i++) {
      const length = i < 30 ? i * 37 : Math.floor(((i - 29) / 31) * (original.length - 1));
      const error = formatErrorOf(describeBytes(original.subarray(0, length)));
      expect(error.file).toBe("corrupt.cdf");
      expect(error.offset).toBeTypeOf("number");
    }
  });

  const cases: [string, number, (v: DataView) => void, RegExp][] = [
    ["wrong magic", 0, (v) => v.setUint32(0, 0x12345678), /magic/],
    ["CDR record type", 8 + 8, (v) => v.setInt32(0, 7), /record type 1/],
    ["CDR GDR offset past the end", 8 + 12, (v) => v.setBigInt64(0, 10n ** 12n), /inside the/],
    ["unknown encoding", 8 + 28, (v) => v.setInt32(0, 99), /encoding/],
    ["GDR record size past the end", GDR, (v) => v.setBigInt64(0, 10n ** 9n), /RecordSize/],
    ["GDR NzVars absurd", GDR + 60, (v) => v.setInt32(0, 0x7fffffff), /NzVars/],
    ["GDR NumAttr negative", GDR + 48, (v) => v.setInt32(0, -5), /NumAttr/],
    ["zVDR data type", VDR + 20, (v) => v.setInt32(0, 77), /data type/],
    ["zVDR dimension count", VDR + 340, (v) => v.setInt32(0, 1000), /zNumDims/],
    ["zVDR next pointing to itself", VDR + 12, (v) => v.setBigInt64(0, BigInt(VDR)), /loop/],
    ["VXR Nentries absurd", VXR + 20, (v) => v.setInt32(0, 0x10000000), /Nentries/],
    ["VXR pointing to itself (next)", VXR + 12, (v) => v.setBigInt64(0, BigInt(VXR)), /loop/],
    [
      "VXR entry pointing to its own VXR",
      VXR + 28 + 8 * 7,
      (v) => v.setBigInt64(0, BigInt(VXR)),
      /loop/,
    ],
    ["VXR entry First > Last", VXR + 28, (v) => v.setInt32(0, 600), /First/],
    ["CVVR record type", CVVR + 8, (v) => v.setInt32(0, 99), /record type/],
    ["CVVR cSize larger than the record", CVVR + 16, (v) => v.setBigInt64(0, 10n ** 8n), /cSize/],
    ["CVVR gzip stream damaged", CVVR + 40, (v) => v.setUint32(0, 0xdeadbeef), /gzip|decompress/],
    ["MaxRec absurd for the file", VDR + 24, (v) => v.setInt32(0, 0x7ffffff0), /MaxRec/],
  ];
  for (const [name, at, write, message] of cases) {
    it(`${name}: FormatError`, () => {
      const error = formatErrorOf(describeBytes(patched(original, at, write)));
      expect(error.message).toMatch(message);
      expect(error.file).toBe("corrupt.cdf");
      expect(error.offset).toBeTypeOf("number");
    });
  }

  it("150 seeded random byte flips in the descriptor records: success or FormatError only", () => {
    const random = seededRandom(20260522);
    for (let i = 0; i < 150; i++) {
      const at = Math.floor(random() * 26200);
      const copy = original.slice();
      copy[at] = (copy[at] ?? 0) ^ (1 << Math.floor(random() * 8));
      try {
        describeBytes(copy)();
      } catch (error) {
        expect(error, `flip at ${at}`).toBeInstanceOf(FormatError);
      }
    }
  });
});

describe("corrupt synthetic CDFs", () => {
  it("a CVVR that inflates to more than its records (decompression bomb) is a FormatError", () => {
    const honest = storedBytes(new Uint16Array(6), 2, false);
    const bytes = buildCdf({
      variables: [
        {
          name: "f",
          type: CdfDataType.CDF_UINT2,
          dims: [2, 3],
          maxRecord: 0,
          gzipLevel: 9,
          blocks: [{ first: 0, last: 0, bytes: new Uint8Array(1 << 20) }],
        },
      ],
    });
    expect(honest.length).toBe(12);
    const error = formatErrorOf(() => openCdf(memorySource(bytes, "bomb.cdf")).readVariable("f"));
    expect(error.message).toMatch(/at most 12 bytes|12 bytes/);
  });

  it("a VVR shorter than the records its VXR entry claims is a FormatError", () => {
    const bytes = buildCdf({
      variables: [
        {
          name: "f",
          type: CdfDataType.CDF_UINT2,
          maxRecord: 9,
          blocks: [{ first: 0, last: 9, bytes: new Uint8Array(4) }],
        },
      ],
    });
    expect(
      formatErrorOf(() => openCdf(memorySource(bytes, "short.cdf")).readVariable("f")).message,
    ).toMatch(/VVR/);
  });

  it("a whole-file CCR whose stream is cut is a FormatError", () => {
    const bytes = buildCdf({ wholeFileGzip: true, variables: [] });
    const cut = bytes.slice();
    // Zero the last 8 bytes of the gzip member inside the CCR (its CRC32 and size).
    const ccrEnd = 8 + Number(new DataView(bytes.buffer).getBigInt64(8));
    cut.fill(0, ccrEnd - 8, ccrEnd);
    expect(formatErrorOf(() => openCdf(memorySource(cut, "ccr.cdf"))).offset).toBeTypeOf("number");
  });

  it("record dimensions larger than the file could ever hold are a FormatError before allocating", () => {
    const bytes = buildCdf({
      variables: [
        {
          name: "huge",
          type: CdfDataType.CDF_REAL8,
          dims: [65536, 65536],
          recordVarying: false,
          maxRecord: 0,
          blocks: [],
        },
      ],
    });
    expect(
      formatErrorOf(() => openCdf(memorySource(bytes, "huge.cdf")).readVariable("huge")).message,
    ).toMatch(/record dimensions/);
  });

  it("an explicit range too large for one read is an InvalidArgumentError, yet streams in batches", () => {
    const bytes = buildCdf({
      variables: [
        { name: "v", type: CdfDataType.CDF_UINT1, dims: [1024, 1024], maxRecord: -1, blocks: [] },
      ],
    });
    const cdf = openCdf(memorySource(bytes, "virtual.cdf"));
    // 1 MiB records: 200 of them exceed the read allowance of a ~2 KiB file (2 MiB + 64 MiB).
    expect(() => cdf.readVariable("v", { firstRecord: 0, lastRecord: 199 })).toThrow(
      InvalidArgumentError,
    );
    let records = 0;
    for (const batch of cdf.records("v", { firstRecord: 0, lastRecord: 199, recordsPerBatch: 8 }))
      records += batch.array.shape[0] ?? 0;
    // Invariant: virtual records of a non-sparse variable are pad values, every one streamed.
    expect(records).toBe(200);
  });
});
