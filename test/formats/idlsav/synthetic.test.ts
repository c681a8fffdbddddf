/**
 * Synthetic save files (written by test/support/idlsav-writer.ts, whose output was checked
 * against scipy.io.readsav while it was written) for the types and layouts no real fixture
 * has. Every expected value below is derived by hand from the values written.
 */
import { describe, expect, it } from "vitest";
import { memorySource } from "../../../src/core/byte-source.js";
import { describeIdlSave } from "../../../src/formats/idlsav/describe.js";
import { readIdlSave } from "../../../src/formats/idlsav/read.js";
import type { IdlSaveFile } from "../../../src/formats/idlsav/types.js";
import {
  asObjref,
  asPointer,
  asStrings,
  asStruct,
  numericParts,
} from "../../support/idlsav-values.js";
import {
  SYNTH_TIMESTAMP,
  SYNTH_VERSION,
  type SynthSave,
  type SynthStructDef,
  type SynthValue,
  writeIdlSave,
} from "../../support/idlsav-writer.js";

function read(save: SynthSave): IdlSaveFile {
  return readIdlSave(memorySource(writeIdlSave(save), "synthetic.sav"));
}

const scalars: [string, SynthValue][] = [
  ["B", { type: "byte", values: [200] }],
  ["I", { type: "int", values: [-2] }],
  ["L", { type: "long", values: [-123456] }],
  ["F", { type: "float", values: [1.5] }],
  ["D", { type: "double", values: [-0.1] }],
  ["C", { type: "complex", values: [1, -2] }],
  ["DC", { type: "dcomplex", values: [0.5, -0.25] }],
  ["UI", { type: "uint", values: [65535] }],
  ["UL", { type: "ulong", values: [4294967295] }],
  ["L64", { type: "long64", values: [-(2n ** 62n)] }],
  ["UL64", { type: "ulong64", values: [2n ** 64n - 1n] }],
];

describe("IDL save reader: synthetic files", () => {
  it("synthetic: scalars of every numeric type, in their native dtypes, shape []", () => {
    const file = read({ variables: scalars });
    // Expected: the written values; float32 1.5 and the complex parts are exact in binary.
    const expected: Record<string, [string, unknown[]]> = {
      b: ["uint8", [200]],
      i: ["int16", [-2]],
      l: ["int32", [-123456]],
      f: ["float32", [1.5]],
      d: ["float64", [-0.1]],
      c: ["complex64", [1, -2]],
      dc: ["complex128", [0.5, -0.25]],
      ui: ["uint16", [65535]],
      ul: ["uint32", [4294967295]],
      l64: ["int64", [-(2n ** 62n)]],
      ul64: ["uint64", [2n ** 64n - 1n]],
    };
    expect([...file.variables.keys()]).toEqual(Object.keys(expected));
    for (const [name, [dtype, data]] of Object.entries(expected)) {
      expect(numericParts(file.variables.get(name)), name).toEqual([dtype, [], data]);
    }
    expect(file.timestamp).toEqual(SYNTH_TIMESTAMP);
    expect(file.version).toEqual(SYNTH_VERSION);
  });

  it("synthetic: arrays reverse IDL dimensions into row-major shapes, up to 8 dimensions", () => {
    const counting = Array.from({ length: 16 }, (_, i) => i);
    const file = read({
      variables: [
        ["M", { type: "long", dims: [3, 2], values: [0, 1, 2, 3, 4, 5] }],
        ["E", { type: "long", dims: [1, 2, 1, 2, 1, 2, 1, 2], values: counting }],
        ["V", { type: "int", dims: [4], values: [-2, 0, 32767, -32768] }],
        ["U", { type: "uint", dims: [2], values: [65535, 1] }],
        ["Z", { type: "complex", dims: [2], values: [1, 2, 3, -4] }],
        ["BY", { type: "byte", dims: [5], values: [1, 2, 3, 4, 255] }],
        ["Q", { type: "ulong64", dims: [2], values: [0n, 2n ** 63n] }],
      ],
    });
    // IDL dims [3, 2] (first fastest) are numpy shape [2, 3]; storage order is unchanged.
    expect(numericParts(file.variables.get("m"))).toEqual(["int32", [2, 3], [0, 1, 2, 3, 4, 5]]);
    expect(numericParts(file.variables.get("e"))).toEqual([
      "int32",
      [2, 1, 2, 1, 2, 1, 2, 1],
      counting,
    ]);
    expect(numericParts(file.variables.get("v"))).toEqual(["int16", [4], [-2, 0, 32767, -32768]]);
    expect(numericParts(file.variables.get("u"))).toEqual(["uint16", [2], [65535, 1]]);
    expect(numericParts(file.variables.get("z"))).toEqual(["complex64", [2], [1, 2, 3, -4]]);
    expect(numericParts(file.variables.get("by"))).toEqual(["uint8", [5], [1, 2, 3, 4, 255]]);
    expect(numericParts(file.variables.get("q"))).toEqual(["uint64", [2], [0n, 2n ** 63n]]);
  });

  it("synthetic: strings (empty, Latin-1, arrays) and the preamble text records", () => {
    const file = read({
      variables: [
        ["S", { type: "string", dims: [3], values: ["a", "", "xyz12"] }],
        ["T", { type: "string", values: ["caf\u00e9"] }],
        ["EMPTY", { type: "string", values: [""] }],
      ],
      notice: "a notice",
      description: "a description",
      identification: ["author", "title", "id"],
      commonBlocks: [["BLOCK", ["S", "T"]]],
    });
    expect(asStrings(file.variables.get("s")).array).toEqual({
      dtype: "string",
      shape: [3],
      data: ["a", "", "xyz12"],
    });
    expect(asStrings(file.variables.get("t")).array.data).toEqual(["caf\u00e9"]);
    expect(asStrings(file.variables.get("empty")).array).toEqual({
      dtype: "string",
      shape: [],
      data: [""],
    });
    expect(file.notice).toBe("a notice");
    expect(file.description).toBe("a description");
    expect(file.identification).toEqual({ author: "author", title: "title", idcode: "id" });
    expect(file.commonBlocks).toEqual([{ name: "BLOCK", variables: ["S", "T"] }]);
  });

  it("synthetic: replicated structures with nested structure arrays are held column-wise", () => {
    const inner: SynthStructDef = { name: "INNER", tags: ["A", "S"] };
    const innerValue = (a: number[], s: string[]): SynthValue => ({
      type: "struct",
      def: inner,
      dims: [2],
      elements: [
        { A: { type: "long", values: [a[0] ?? 0] }, S: { type: "string", values: [s[0] ?? ""] } },
        { A: { type: "long", values: [a[1] ?? 0] }, S: { type: "string", values: [s[1] ?? ""] } },
      ],
    });
    const outer: SynthStructDef = { name: "OUTER", tags: ["X", "IN", "BB"] };
    const element = (x: number, a: number[], s: string[], bb: number[]) => ({
      X: { type: "float", values: [x] } as SynthValue,
      IN: innerValue(a, s),
      BB: { type: "byte", dims: [3], values: bb } as SynthValue,
    });
    const file = read({
      variables: [
        [
          "ST",
          {
            type: "struct",
            def: outer,
            dims: [2],
            elements: [
              element(1.5, [1, 2], ["p", "q"], [1, 2, 3]),
              element(2.5, [3, 4], ["", "r"], [4, 5, 6]),
            ],
          },
        ],
        // The same structure again: written as a PREDEF reference to the definition above.
        [
          "AGAIN",
          {
            type: "struct",
            def: outer,
            dims: [1],
            elements: [element(9, [7, 8], ["u", "v"], [7, 8, 9])],
          },
        ],
      ],
    });
    const st = asStruct(file.variables.get("st"));
    expect([st.name, st.shape, [...st.fields.keys()]]).toEqual(["OUTER", [2], ["X", "IN", "BB"]]);
    expect(numericParts(st.fields.get("X"))).toEqual(["float32", [2], [1.5, 2.5]]);
    expect(numericParts(st.fields.get("BB"))).toEqual(["uint8", [2, 3], [1, 2, 3, 4, 5, 6]]);
    const nested = asStruct(st.fields.get("IN"));
    expect([nested.name, nested.shape]).toEqual(["INNER", [2, 2]]);
    expect(numericParts(nested.fields.get("A"))).toEqual(["int32", [2, 2], [1, 2, 3, 4]]);
    expect(asStrings(nested.fields.get("S")).array.data).toEqual(["p", "q", "", "r"]);
    // A one-element structure: fields keep their own shapes (IDL's s.field, scipy's s.FIELD[0]).
    const again = asStruct(file.variables.get("again"));
    expect(again.shape).toEqual([1]);
    expect(numericParts(again.fields.get("X"))).toEqual(["float32", [], [9]]);
    expect(numericParts(again.fields.get("BB"))).toEqual(["uint8", [3], [7, 8, 9]]);
    expect(numericParts(asStruct(again.fields.get("IN")).fields.get("A"))).toEqual([
      "int32",
      [2],
      [7, 8],
    ]);
  });

  it("synthetic: pointers resolve to heap values; null, shared, dangling and cyclic pointers", () => {
    const node: SynthStructDef = { name: "NODE", tags: ["VAL", "NEXT"] };
    const file = read({
      variables: [
        ["P", { type: "pointer", values: [1] }],
        ["PA", { type: "pointer", dims: [3], values: [1, 0, 2] }],
        ["PP", { type: "pointer", values: [4] }],
        ["LOOP", { type: "pointer", values: [3] }],
        ["LOST", { type: "pointer", values: [9] }],
      ],
      heap: [
        [1, { type: "float", dims: [2], values: [7, 8] }],
        [2, { type: "string", values: ["heap"] }],
        [
          3,
          {
            type: "struct",
            def: node,
            dims: [1],
            elements: [
              { VAL: { type: "long", values: [42] }, NEXT: { type: "pointer", values: [3] } },
            ],
          },
        ],
        [4, { type: "pointer", values: [1] }],
      ],
    });
    const p = asPointer(file.variables.get("p"));
    expect([p.shape, Array.from(p.heapIndices)]).toEqual([[], [1]]);
    expect(numericParts(p.targets[0])).toEqual(["float32", [2], [7, 8]]);
    const pa = asPointer(file.variables.get("pa"));
    expect(pa.targets[0]).toBe(p.targets[0]);
    expect(pa.targets[1]).toBeNull();
    expect(asStrings(pa.targets[2]).array.data).toEqual(["heap"]);
    const pp = asPointer(file.variables.get("pp"));
    expect(asPointer(pp.targets[0]).targets[0]).toBe(p.targets[0]);
    const loop = asStruct(asPointer(file.variables.get("loop")).targets[0]);
    expect(asPointer(loop.fields.get("NEXT")).targets[0]).toBe(loop);
    expect(asPointer(file.variables.get("lost")).targets[0]).toBeNull();
    expect(file.warnings).toEqual(["heap variable 9 is referenced but not saved"]);
    expect([...file.heap.keys()]).toEqual([1, 2, 3, 4]);
  });

  it("synthetic: object references reach inherited class data with its superclasses", () => {
    const parent: SynthStructDef = { name: "PARENT", tags: ["PTAG"] };
    const child: SynthStructDef = {
      name: "CHILD",
      tags: ["PTAG", "CTAG"],
      className: "CHILD",
      superclasses: [parent],
    };
    const file = read({
      variables: [["OBJ", { type: "objref", values: [5] }]],
      heap: [
        [
          5,
          {
            type: "struct",
            def: child,
            dims: [1],
            elements: [
              { PTAG: { type: "int", values: [-7] }, CTAG: { type: "double", values: [2.25] } },
            ],
          },
        ],
      ],
    });
    const data = asStruct(asObjref(file.variables.get("obj")).targets[0]);
    expect([data.name, data.className, data.superclasses]).toEqual(["CHILD", "CHILD", ["PARENT"]]);
    expect(numericParts(data.fields.get("PTAG"))).toEqual(["int16", [], [-7]]);
    expect(numericParts(data.fields.get("CTAG"))).toEqual(["float64", [], [2.25]]);
  });

  it("synthetic: PROMOTE64 files and 64-bit descriptors decode like plain ones", () => {
    const variables: [string, SynthValue][] = [
      ...scalars,
      ["M", { type: "double", dims: [2, 2], values: [1, 2, 3, 4] }],
      [
        "ST",
        {
          type: "struct",
          def: { name: "", tags: ["Q", "W"] },
          dims: [2],
          elements: [
            {
              Q: { type: "long", dims: [2], values: [1, 2] },
              W: { type: "string", values: ["a"] },
            },
            {
              Q: { type: "long", dims: [2], values: [3, 4] },
              W: { type: "string", values: ["b"] },
            },
          ],
        },
      ],
    ];
    const plain = read({ variables });
    for (const variant of [{ promote64: true }, { descriptors64: true }]) {
      const file = read({ variables, ...variant });
      expect(file.promote64, JSON.stringify(variant)).toBe(variant.promote64 === true);
      expect(file.variables, JSON.stringify(variant)).toEqual(plain.variables);
    }
  });

  it("synthetic: undefined variables, and unknown record types skipped with a warning", () => {
    const file = read({
      variables: [["NOTHING", { type: "undefined" }]],
      heap: [[1, { type: "undefined" }]],
      extraRecords: [[99, Uint8Array.of(1, 2, 3, 4)]],
    });
    expect(file.variables.get("nothing")).toEqual({ kind: "undefined" });
    expect(file.heap.get(1)).toBeNull();
    expect(file.warnings).toHaveLength(1);
    expect(file.warnings[0]).toMatch(/unknown type 99/);
  });

  it("synthetic: a chain of 20000 pointers reads and describes without deep recursion", () => {
    const links = 20_000;
    const heap: [number, SynthValue][] = [];
    for (let index = 1; index < links; index++) {
      heap.push([index, { type: "pointer", values: [index + 1] }]);
    }
    heap.push([links, { type: "long", values: [123] }]);
    const bytes = writeIdlSave({ variables: [["HEAD", { type: "pointer", values: [1] }]], heap });
    const described = describeIdlSave(memorySource(bytes, "chain.sav"));
    // Expected: the chain's only leaf, the LONG 123 at its end, under the head's path.
    const leaves = described.arrays.map((a) => [
      a.path,
      a.details,
      Array.from(a.array.data as ArrayLike<unknown>),
    ]);
    expect(leaves).toEqual([["head", { idlType: "long", heapIndex: links }, [123]]]);
  });

  it("synthetic: describe lists leaves once, pointers transparent or indexed", () => {
    const bytes = writeIdlSave({
      variables: [
        ["P", { type: "pointer", values: [1] }],
        ["PA", { type: "pointer", dims: [2], values: [2, 1] }],
        ["N", { type: "long", values: [3] }],
      ],
      heap: [
        [1, { type: "float", dims: [2], values: [7, 8] }],
        [2, { type: "string", values: ["heap"] }],
      ],
    });
    const described = describeIdlSave(memorySource(bytes, "synthetic.sav"));
    // Heap value 1 is reached first through P, so PA[1] (also heap 1) is not listed again.
    expect(described.arrays.map((a) => [a.path, a.details])).toEqual([
      ["p", { idlType: "float", heapIndex: 1 }],
      ["pa[0]", { idlType: "string", heapIndex: 2 }],
      ["n", { idlType: "long" }],
    ]);
    expect(described.attributes.timestamp).toEqual(SYNTH_TIMESTAMP);
  });
});
