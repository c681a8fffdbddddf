import { describe, expect, it } from "vitest";
import { memorySource } from "../../../src/core/byte-source.js";
import { FormatError } from "../../../src/core/errors.js";
import { readIdlSave } from "../../../src/formats/idlsav/read.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { readFixture } from "../../support/fixtures.js";
import { compressIdlSave } from "../../support/idlsav-compress.js";
import { type SynthStructDef, type SynthValue, writeIdlSave } from "../../support/idlsav-writer.js";

const THEMIS = ["themis", "themis_skymap_gako_20110305-+_vXX.sav"] as const;
const REGO = ["calibration", "REGO_Rayleighs_15651_20210908-+_v02.sav"] as const;

/** Decodes `bytes`; returns the error thrown (or undefined), asserting it is a FormatError. */
function decodeOrFormatError(bytes: Uint8Array, name: string): FormatError | undefined {
  try {
    readIdlSave(memorySource(bytes, name));
    return undefined;
  } catch (error) {
    if (!(error instanceof FormatError)) {
      throw new Error(`${name}: expected FormatError, got ${String(error)}`, { cause: error });
    }
    expect(error.file).toBe(name);
    expect(error.offset).toBeGreaterThanOrEqual(0);
    expect(error.offset).toBeLessThanOrEqual(bytes.byteLength);
    expect(error.expected.length).toBeGreaterThan(0);
    return error;
  }
}

function expectFormatError(bytes: Uint8Array, name: string, expected: RegExp): FormatError {
  const error = decodeOrFormatError(bytes, name);
  if (error === undefined) throw new Error(`${name}: decoded without error`);
  expect(error.expected).toMatch(expected);
  return error;
}

/** Deterministic pseudo-random positions (a 32-bit LCG), so failures are reproducible. */
function positions(count: number, limit: number, seed: number): number[] {
  let state = seed >>> 0;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % limit;
  });
}

/** Byte offset of the first occurrence of these big-endian 32-bit words. */
function findWords(bytes: Uint8Array, words: readonly number[]): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at + words.length * 4 <= bytes.byteLength; at += 4) {
    if (words.every((w, i) => view.getInt32(at + i * 4) === w)) return at;
  }
  throw new Error(`words ${words.join(",")} not found`);
}

function patched(bytes: Uint8Array, edits: readonly [number, number][]): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (const [at, value] of edits) view.setInt32(at, value);
  return copy;
}

describeWithFixtures("IDL save reader: truncated and corrupted real files", () => {
  it("rejects every truncation of the REGO calibration file", () => {
    const bytes = readFixture(...REGO);
    for (let length = 0; length < bytes.byteLength; length++) {
      decodeOrFormatError(bytes.subarray(0, length), `rego-${length}.sav`) ??
        expect.fail(`truncation at ${length} decoded without error`);
    }
  });

  it("rejects truncations of the THEMIS skymap, plain and compressed", () => {
    const plain = readFixture(...THEMIS);
    const compressed = compressIdlSave(plain);
    for (const [label, bytes] of [
      ["plain", plain],
      ["compressed", compressed],
    ] as const) {
      const cuts = [...positions(150, bytes.byteLength, 7), bytes.byteLength - 1, 3, 4, 20];
      for (const cut of cuts) {
        decodeOrFormatError(bytes.subarray(0, cut), `${label}-${cut}.sav`) ??
          expect.fail(`${label} truncation at ${cut} decoded without error`);
      }
    }
  });

  it("never fails with anything but FormatError on flipped bytes", () => {
    // Flipped data bytes can decode to other valid values; flipped structure must not crash.
    const rego = readFixture(...REGO);
    for (let at = 0; at < rego.byteLength; at++) {
      const copy = rego.slice();
      copy[at] = (copy[at] ?? 0) ^ 0xff;
      decodeOrFormatError(copy, `rego-flip-${at}.sav`);
    }
    const themis = readFixture(...THEMIS);
    // The headers, descriptors and the start of the data of the skymap variable.
    for (const at of positions(200, 6000, 11)) {
      const copy = themis.slice();
      copy[at] = (copy[at] ?? 0) ^ (1 << (at % 8));
      decodeOrFormatError(copy, `themis-flip-${at}.sav`);
    }
  });

  it("rejects next-record offsets that point backwards, at themselves or past the end", () => {
    const bytes = readFixture(...REGO);
    // The first record (TIMESTAMP) starts at byte 4; its NEXTREC0 word is at byte 8.
    expectFormatError(patched(bytes, [[8, 4]]), "self.sav", /next-record offset/);
    expectFormatError(patched(bytes, [[8, 0]]), "zero.sav", /next-record offset/);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const second = view.getUint32(8);
    // The second record pointing back at the first: a cycle.
    const cycle = expectFormatError(patched(bytes, [[second + 4, 4]]), "cycle.sav", /offset/);
    expect(cycle.found).toMatch(/cycle/);
    expectFormatError(patched(bytes, [[12, 1]]), "huge.sav", /next-record offset/);
  });

  it("rejects a wrong signature or record format", () => {
    const bytes = readFixture(...REGO);
    const signature = expectFormatError(patched(bytes, [[0, 0x504b0304]]), "zip.sav", /signature/);
    expect(signature.offset).toBe(0);
    const recfmt = expectFormatError(patched(bytes, [[0, 0x53520005]]), "fmt.sav", /record format/);
    expect(recfmt.offset).toBe(2);
    expectFormatError(bytes.subarray(0, 2), "short.sav", /preamble/);
  });
});

describe("IDL save reader: absurd counts in synthetic files", () => {
  const longs: SynthValue = { type: "long", dims: [4], values: [1, 2, 3, 4] };

  it("refuses element counts the record cannot hold before allocating", () => {
    const bytes = writeIdlSave({ variables: [["A", longs]] });
    // ARRAY_DESC: ARRSTART 8, NBYTES_EL 4, NBYTES 16, NELEMENTS 4, NDIMS 1, 0, 0, NMAX 8, DIMS.
    const desc = findWords(bytes, [8, 4, 16, 4, 1, 0, 0, 8, 4]);
    const huge = 2 ** 30;
    const error = expectFormatError(
      patched(bytes, [
        [desc + 12, huge],
        [desc + 32, huge],
      ]),
      "count.sav",
      /needing at least/,
    );
    expect(error.found).toMatch(/bytes left/);
    expectFormatError(
      patched(bytes, [[desc + 12, 5]]),
      "mismatch.sav",
      /product of the dimensions/,
    );
    expectFormatError(patched(bytes, [[desc + 16, 9]]), "ndims.sav", /NDIMS/);
    expectFormatError(patched(bytes, [[desc + 28, 2 ** 31 - 1]]), "nmax.sav", /NMAX/);
    expectFormatError(
      patched(bytes, [[desc + 32, -4]]),
      "negative.sav",
      /dimensions of at least 1/,
    );
    expectFormatError(patched(bytes, [[desc, 5]]), "arrstart.sav", /ARRSTART/);
  });

  it("refuses absurd 64-bit element counts (ARRSTART 18)", () => {
    const bytes = writeIdlSave({ variables: [["A", longs]], descriptors64: true });
    const desc = findWords(bytes, [18, 0, 4, 0, 16, 0, 4, 1]);
    // NELEMENTS (ULONG64) at +20 (high word) and +24 (low word); dimension 0 at +40 and +44.
    const big = patched(bytes, [
      [desc + 24, 2 ** 30],
      [desc + 44, 2 ** 30],
    ]);
    expectFormatError(big, "count64.sav", /needing at least/);
    expectFormatError(patched(bytes, [[desc + 20, -1]]), "unsafe64.sav", /NELEMENTS \(64-bit\)/);
    expectFormatError(patched(bytes, [[desc + 40, 1]]), "dim64.sav", /product of the dimensions/);
  });

  it("refuses absurd string lengths, tag counts and type codes", () => {
    const text = writeIdlSave({ variables: [["S", { type: "string", values: ["hello"] }]] });
    // VARSTART 7, then STRING_DATA: LENGTH 5, LENGTH 5, "hello".
    const data = findWords(text, [7, 5, 5]);
    const long = 2 ** 31 - 1;
    expectFormatError(
      patched(text, [
        [data + 4, long],
        [data + 8, long],
      ]),
      "strlen.sav",
      /a string of variable S \(2147483647 bytes\)/,
    );
    expectFormatError(patched(text, [[data + 8, 4]]), "twice.sav", /stored twice alike/);
    const typeAt = findWords(text, [7, 0, 7]);
    expectFormatError(patched(text, [[typeAt, 16]]), "type.sav", /type code/);
    expectFormatError(patched(text, [[typeAt, 8]]), "flag.sav", /structure flag/);

    const def: SynthStructDef = { name: "T", tags: ["X"] };
    const struct = writeIdlSave({
      variables: [["V", { type: "struct", def, dims: [1], elements: [{ X: longs }] }]],
    });
    // STRUCT_DESC: STRUCTSTART 9, name "T" (LONG 1 + 4 bytes), PREDEF 0, NTAGS 1.
    const structAt = findWords(struct, [9, 1]);
    expectFormatError(patched(struct, [[structAt + 16, 2 ** 30]]), "ntags.sav", /tag count/);
    expectFormatError(patched(struct, [[structAt + 12, 1]]), "predef.sav", /earlier definition/);
    expectFormatError(patched(struct, [[structAt, 10]]), "structstart.sav", /STRUCTSTART/);
  });

  it("refuses structures nested deeper than the stack should go", () => {
    let value: SynthValue = { type: "long", values: [1] };
    for (let depth = 0; depth < 200; depth++) {
      value = {
        type: "struct",
        def: { name: `S${depth}`, tags: ["X"] },
        dims: [1],
        elements: [{ X: value }],
      };
    }
    const bytes = writeIdlSave({ variables: [["DEEP", value]] });
    expectFormatError(bytes, "deep.sav", /nested at most/);
  });
});
