import { expect, it } from "vitest";
import { fileSource, memorySource } from "../../../../src/core/byte-source.js";
import { readIdlSave } from "../../../../src/formats/idlsav/index.js";
import type { IdlSaveFile, IdlValue } from "../../../../src/formats/idlsav/types.js";
import {
  type IdlWriteValue,
  idlStruct,
  writeIdlSave,
} from "../../../../src/formats/idlsav/write/index.js";
import { describeWithFixtures } from "../../../support/describe-fixtures.js";
import { fixture } from "../../../support/fixtures.js";

/** A decoded value as writer input (one-element structures, the numeric and string types). */
function toWrite(value: IdlValue): IdlWriteValue {
  if (value.kind === "struct") {
    return idlStruct(
      value.name,
      [...value.fields].map(([tag, field]) => [tag, toWrite(field)] as const),
    );
  }
  if (value.kind === "string")
    return { kind: "string", shape: value.array.shape, data: value.array.data };
  if (value.kind !== "numeric") throw new Error(`unexpected ${value.kind}`);
  return {
    kind: "numeric",
    idlType: value.idlType,
    shape: value.array.shape,
    data: value.array.data,
  } as IdlWriteValue;
}

/** Exact comparison of decoded values: names, kinds, types, shapes, and data bit for bit. */
function expectIdentical(a: IdlValue | undefined, b: IdlValue | undefined, path: string): void {
  expect(b?.kind, path).toBe(a?.kind);
  if (a?.kind === "struct" && b?.kind === "struct") {
    expect(b.name, path).toBe(a.name);
    expect(b.shape, path).toEqual(a.shape);
    expect([...b.fields.keys()], path).toEqual([...a.fields.keys()]);
    for (const [tag, field] of a.fields)
      expectIdentical(field, b.fields.get(tag), `${path}.${tag}`);
  } else if (a?.kind === "string" && b?.kind === "string") {
    expect(b.array.shape, path).toEqual(a.array.shape);
    expect(b.array.data, path).toEqual(a.array.data);
  } else if (a?.kind === "numeric" && b?.kind === "numeric") {
    expect(b.idlType, path).toBe(a.idlType);
    expect(b.array.shape, path).toEqual(a.array.shape);
    const x = a.array.data;
    const y = b.array.data;
    expect(
      Buffer.from(y.buffer, y.byteOffset, y.byteLength).equals(
        Buffer.from(x.buffer, x.byteOffset, x.byteLength),
      ),
      path,
    ).toBe(true);
  } else {
    throw new Error(`${path}: unexpected ${a?.kind}`);
  }
}

/** Re-encodes every variable of a real file and checks our reader decodes the copy identically. */
function rewrite(path: string, compress: boolean): { original: IdlSaveFile; copy: IdlSaveFile } {
  const original = readIdlSave(fileSource(path, "IDL save"));
  const bytes = writeIdlSave(
    [...original.variables].map(([name, value]) => [name, toWrite(value)] as const),
    { compress },
  );
  return { original, copy: readIdlSave(memorySource(bytes, "copy.sav", "IDL save")) };
}

describeWithFixtures("writeIdlSave on the contents of real IDL save files", () => {
  for (const [dir, name] of [
    ["themis", "themis_skymap_gako_20110305-+_vXX.sav"],
    ["calibration", "REGO_Rayleighs_15651_20210908-+_v02.sav"],
  ] as const) {
    for (const compress of [false, true]) {
      it(`rewrites ${name} (compress ${compress}) into a file that decodes to the same values`, () => {
        const { original, copy } = rewrite(fixture(dir, name), compress);
        // Oracle: the real file as read by our reader (itself checked against scipy's oracle
        // json); exact equality of every name, type, shape and value bit for bit (NaNs included).
        expect([...copy.variables.keys()]).toEqual([...original.variables.keys()]);
        for (const [key, value] of original.variables)
          expectIdentical(value, copy.variables.get(key), key);
        expect(copy.warnings).toEqual([]);
      });
    }
  }
});
