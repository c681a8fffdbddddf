import { describe, expect, it } from "vitest";
import { memorySource } from "../../../../src/core/byte-source.js";
import { FormatError, InvalidArgumentError } from "../../../../src/core/errors.js";
import { readIdlSave } from "../../../../src/formats/idlsav/index.js";
import type { IdlValue } from "../../../../src/formats/idlsav/types.js";
import {
  type IdlWriteValue,
  idlNumeric,
  idlString,
  idlStruct,
  writeIdlSave,
} from "../../../../src/formats/idlsav/write/index.js";

const read = (bytes: Uint8Array) => readIdlSave(memorySource(bytes, "written.sav", "IDL save"));

/** Every type the writer supports, with values at the edges of each range. */
function samples(): [string, IdlWriteValue][] {
  return [
    ["b", idlNumeric("byte", new Uint8Array([0, 1, 127, 255, 9]))],
    ["bscalar", idlNumeric("byte", new Uint8Array([200]))],
    ["i", idlNumeric("int", new Int16Array([-32768, -1, 0, 32767]), [2, 2])],
    ["l", idlNumeric("long", new Int32Array([-(2 ** 31), 2 ** 31 - 1, 5]))],
    [
      "f",
      idlNumeric(
        "float",
        new Float32Array([Number.NaN, -0, 1.5e-40, 3.4e38, Number.POSITIVE_INFINITY, 0.1]),
        [3, 2],
      ),
    ],
    ["d", idlNumeric("double", new Float64Array([Math.PI]))],
    ["u", idlNumeric("uint", new Uint16Array([0, 65535, 4000]))],
    ["ul", idlNumeric("ulong", new Uint32Array([0, 2 ** 32 - 1]))],
    ["l64", idlNumeric("long64", new BigInt64Array([-(2n ** 63n), 2n ** 63n - 1n]))],
    ["ul64", idlNumeric("ulong64", new BigUint64Array([2n ** 64n - 1n]), [1])],
    ["s", idlString("Gillam")],
    ["empty", idlString("")],
    ["sarr", idlString(["", "a", "ab", "abc", "abcd", "é"], [2, 3])],
    [
      "eight",
      idlNumeric(
        "long",
        Int32Array.from({ length: 2 ** 8 }, (_, i) => i),
        [2, 2, 2, 2, 2, 2, 2, 2],
      ),
    ],
    [
      "nested",
      idlStruct("", [
        [
          "INNER",
          idlStruct("INFO", [
            ["NAME", idlString("x")],
            ["FLIP", idlNumeric("byte", new Uint8Array([1, 0]))],
          ]),
        ],
        ["GRID", idlNumeric("float", new Float32Array([1, 2, 3, 4, 5, 6]), [2, 3])],
        ["SCALAR", idlNumeric("int", new Int16Array([-7]))],
        [
          "DEEPER",
          idlStruct("", [
            ["A", idlStruct("", [["B", idlNumeric("double", new Float64Array([2.5]))]])],
          ]),
        ],
      ]),
    ],
  ];
}

/** Compares a written value with what the reader returns (the reader is the oracle). */
function expectSame(written: IdlWriteValue, got: IdlValue | undefined, path: string): void {
  if (written.kind === "struct") {
    expect(got?.kind, path).toBe("struct");
    if (got?.kind !== "struct") return;
    expect(got.name, path).toBe(written.name.toUpperCase());
    expect([...got.fields.keys()], path).toEqual(written.fields.map(([tag]) => tag.toUpperCase()));
    for (const [tag, value] of written.fields)
      expectSame(value, got.fields.get(tag.toUpperCase()), `${path}.${tag}`);
    return;
  }
  if (written.kind === "string") {
    expect(got?.kind, path).toBe("string");
    if (got?.kind !== "string") return;
    expect(got.array.shape, path).toEqual(written.shape);
    expect(got.array.data, path).toEqual(written.data);
    return;
  }
  expect(got?.kind, path).toBe("numeric");
  if (got?.kind !== "numeric") return;
  expect(got.idlType, path).toBe(written.idlType);
  expect(got.array.shape, path).toEqual(written.shape);
  // Exact, bit for bit (NaN and -0 included): compare the bytes of the native arrays.
  const a = written.data;
  const b = got.array.data;
  expect(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength).equals(
      Buffer.from(a.buffer, a.byteOffset, a.byteLength),
    ),
    path,
  ).toBe(true);
}

describe("writeIdlSave", () => {
  for (const compress of [false, true]) {
    it(`round-trips every supported type, 8-dimensional arrays and nested structures (compress ${compress})`, () => {
      const variables = samples();
      const file = read(
        writeIdlSave(variables, { compress, savedAtMs: Date.UTC(2012, 4, 3, 12, 1, 5) }),
      );
      expect(file.compressed).toBe(compress);
      expect(file.warnings).toEqual([]);
      expect([...file.variables.keys()]).toEqual(variables.map(([name]) => name));
      for (const [name, value] of variables) expectSame(value, file.variables.get(name), name);
      expect(file.timestamp?.date).toBe("Thu May 03 12:01:05 2012");
      expect(file.version).toEqual({ format: 10, arch: "x86_64", os: "linux", release: "8.0" });
    });
  }

  it("keeps the stream 32-bit aligned: every record starts at a multiple of 4", () => {
    const bytes = writeIdlSave(samples());
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let position = 4;
    let records = 0;
    // Walk the NEXTREC chain independently of the reader (Markwardt node10).
    for (;;) {
      expect(position % 4).toBe(0);
      const type = view.getInt32(position);
      records++;
      if (type === 6) break;
      position = view.getUint32(position + 4);
    }
    expect(position + 16).toBe(bytes.length);
    // TIMESTAMP, VERSION, one per variable, END_MARKER.
    expect(records).toBe(2 + samples().length + 1);
  });

  it("is deterministic", () => {
    expect(Buffer.from(writeIdlSave(samples())).equals(Buffer.from(writeIdlSave(samples())))).toBe(
      true,
    );
  });

  it("refuses what IDL cannot hold", () => {
    const bad =
      (value: IdlWriteValue, name = "x") =>
      () =>
        writeIdlSave([[name, value]]);
    expect(bad(idlNumeric("long", new Int32Array(3), [2, 2]))).toThrow(InvalidArgumentError);
    expect(bad(idlNumeric("byte", new Uint8Array(512), [2, 2, 2, 2, 2, 2, 2, 2, 2]))).toThrow(
      /0 to 8 dimensions/,
    );
    expect(bad(idlString("→"))).toThrow(/Latin-1/);
    expect(bad(idlStruct("", []))).toThrow(InvalidArgumentError);
    expect(bad(idlString("x"), "1abc")).toThrow(/identifier/);
    expect(() =>
      writeIdlSave([
        ["a", idlString("x")],
        ["A", idlString("y")],
      ]),
    ).toThrow(/twice/);
  });

  it("produces files whose truncations the reader rejects with FormatError", () => {
    const bytes = writeIdlSave(samples().slice(0, 6), { compress: true });
    for (let cut = 0; cut < bytes.length; cut += Math.max(1, Math.floor(bytes.length / 97))) {
      expect(() => read(bytes.subarray(0, cut))).toThrow(FormatError);
    }
  });
});
