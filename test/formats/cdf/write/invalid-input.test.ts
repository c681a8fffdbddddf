/** Invalid writer input is refused with InvalidArgumentError at the call that made it. */
import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../../../src/core/errors.js";
import type { CdfZVariableSpec } from "../../../../src/formats/cdf/write/index.js";
import {
  CdfWriter,
  cdfEpochFromUnixMs,
  tt2000FromUnixMs,
} from "../../../../src/formats/cdf/write/index.js";

function declare(spec: Partial<CdfZVariableSpec>) {
  return () =>
    new CdfWriter().addZVariable({ name: "v", dataType: "UINT2", ...spec } as CdfZVariableSpec);
}

describe("CDF writer input checks", () => {
  test.each([
    ["unknown type", { dataType: "UINT3" }],
    ["non-finite dim", { dims: [Number.POSITIVE_INFINITY] }],
    ["NaN dim", { dims: [Number.NaN] }],
    ["zero dim", { dims: [0] }],
    ["fractional dim", { dims: [2.5] }],
    ["name over 256 bytes", { name: "x".repeat(257) }],
    ["empty name", { name: "" }],
    ["name with NUL", { name: "a\0b" }],
    ["CHAR without numElems", { dataType: "CHAR" }],
    ["numElems on a number type", { numElems: 3 }],
    ["gzip level 0", { compression: { type: "gzip", level: 0 } }],
    ["gzip level 10", { compression: { type: "gzip", level: 10 } }],
    ["unknown compression", { compression: { type: "lzw" } }],
    ["a level on a method that has none", { compression: { type: "rle", level: 3 } }],
    ["unknown sparse records mode", { sparseRecords: "zero" }],
    ["dimVarys of the wrong length", { dims: [2, 3], dimVarys: [true] }],
    ["zero records per block", { recordsPerBlock: 0 }],
    ["huge record", { dims: [65536, 65536] }],
    ["pad value of the wrong kind", { padValue: "x" }],
    ["pad value out of range", { padValue: 70000 }],
  ] as const)("%s", (_label, spec) => {
    expect(declare(spec as Partial<CdfZVariableSpec>)).toThrow(InvalidArgumentError);
  });

  test("a 256-character name is accepted (the field holds exactly 256 bytes)", () => {
    expect(declare({ name: "x".repeat(256) })().name.length).toBe(256);
  });

  test("record data that does not match the variable", () => {
    const w = new CdfWriter();
    const v = w.addZVariable({ name: "img", dataType: "UINT2", dims: [2, 3] });
    // 7 values are not a whole number of 6-value records.
    expect(() => v.appendRecords(new Uint16Array(7))).toThrow(InvalidArgumentError);
    expect(() => v.appendRecords(new Uint16Array(0))).toThrow(InvalidArgumentError);
    // Wrong typed array for UINT2.
    expect(() => v.appendRecords(new Int16Array(6))).toThrow(InvalidArgumentError);
    expect(() => v.appendRecords(new Float64Array(6))).toThrow(InvalidArgumentError);
    // Plain numbers must fit the type exactly.
    expect(() => v.appendRecords([1, 2, 3, 4, 5, -1])).toThrow(InvalidArgumentError);
    expect(() => v.appendRecords([1, 2, 3, 4, 5, 1.5])).toThrow(InvalidArgumentError);
    expect(() => v.appendRecords(["a", "b", "c", "d", "e", "f"])).toThrow(InvalidArgumentError);
    // Nothing invalid was appended.
    expect(v.recordCount).toBe(0);
  });

  test("strings that do not fit", () => {
    const v = new CdfWriter().addZVariable({ name: "s", dataType: "CHAR", numElems: 3 });
    expect(() => v.appendRecords(["abcd"])).toThrow(InvalidArgumentError);
    expect(() => v.appendRecords(["\u20ac"])).toThrow(InvalidArgumentError);
    expect(() => v.appendRecords(new Uint8Array(3))).toThrow(InvalidArgumentError);
  });

  test("int64 values outside 64 bits", () => {
    const v = new CdfWriter().addZVariable({ name: "t", dataType: "TIME_TT2000" });
    expect(() => v.appendRecords([2n ** 63n])).toThrow(InvalidArgumentError);
    expect(() => v.appendRecords([0.5])).toThrow(InvalidArgumentError);
  });

  test("a non-record-varying variable takes one record", () => {
    const v = new CdfWriter().addZVariable({
      name: "c",
      dataType: "UINT2",
      dims: [2],
      recordVarying: false,
    });
    v.appendRecords(new Uint16Array([1, 2]));
    expect(() => v.appendRecords(new Uint16Array([1, 2]))).toThrow(InvalidArgumentError);
  });

  test("attribute problems surface where they are set", () => {
    const w = new CdfWriter();
    w.addGlobalAttribute("Project", "THEMIS");
    expect(() => w.addGlobalAttribute("Project", "again")).toThrow(InvalidArgumentError);
    expect(() => w.addGlobalAttribute("Empty", "")).toThrow(InvalidArgumentError);
    expect(() => w.addGlobalAttribute("Bad", { dataType: "UINT1", value: [256] })).toThrow(
      InvalidArgumentError,
    );
    expect(() => w.addGlobalAttribute("Bad", { dataType: "NOPE" as "UINT1", value: [1] })).toThrow(
      InvalidArgumentError,
    );
    expect(() => w.addGlobalAttribute("y".repeat(300), "x")).toThrow(InvalidArgumentError);
    const v = w.addZVariable({ name: "v", dataType: "REAL8" });
    // A global attribute's name cannot also be a variable attribute.
    expect(() => v.setAttribute("Project", "x")).toThrow(InvalidArgumentError);
    expect(() => v.setAttribute("FILLVAL", { dataType: "REAL8", value: "x" })).toThrow(
      InvalidArgumentError,
    );
    expect(() => w.addZVariable({ name: "v", dataType: "REAL8" })).toThrow(InvalidArgumentError);
  });

  test("a finished writer refuses more work", () => {
    const w = new CdfWriter();
    const v = w.addZVariable({ name: "v", dataType: "REAL8" });
    w.toBytes();
    expect(() => v.appendRecords(new Float64Array(1))).toThrow(InvalidArgumentError);
    expect(() => w.addGlobalAttribute("A", "x")).toThrow(InvalidArgumentError);
    expect(() => w.addZVariable({ name: "w", dataType: "REAL8" })).toThrow(InvalidArgumentError);
  });

  test("bad encoding and bad times", () => {
    expect(() => new CdfWriter({ encoding: "vax" as "ibmpc" })).toThrow(InvalidArgumentError);
    expect(() => new CdfWriter({ leapSecondLastUpdated: 2017.5 })).toThrow(InvalidArgumentError);
    expect(() => CdfWriter.create("/nonexistent-dir/x.cdf")).toThrow(InvalidArgumentError);
    expect(() => cdfEpochFromUnixMs([0, Number.NaN])).toThrow(InvalidArgumentError);
    expect(() => tt2000FromUnixMs([Number.POSITIVE_INFINITY])).toThrow(InvalidArgumentError);
  });

  test("CDF_EPOCH of the POSIX origin", () => {
    // Oracle: thg_l1_asf_gako_2011010617_v01.cdf.oracle.json (cdflib), thg_asf_gako_epoch0 = 1970-01-01 = 62167219200000.
    expect(cdfEpochFromUnixMs([0])[0]).toBe(62167219200000);
  });

  test("CDF_TIME_TT2000 of J2000 and of 2020-01-01", () => {
    // Analytic: TT2000 0 is 2000-01-01T11:58:55.816Z; 2020-01-01 is 5 leap seconds later (IERS Bulletin C).
    expect(tt2000FromUnixMs([946727935816])[0]).toBe(0n);
    const expected = (BigInt(Date.UTC(2020, 0, 1)) - 946727935816n) * 1_000_000n + 5_000_000_000n;
    expect(tt2000FromUnixMs([Date.UTC(2020, 0, 1)])[0]).toBe(expected);
  });
});
