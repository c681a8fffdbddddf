/**
 * The writer's new options refuse bad arguments with InvalidArgumentError naming the argument,
 * before anything is written (invariant: no partial file from a bad call).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { memorySource } from "../../../../src/core/byte-source.js";
import { InvalidArgumentError } from "../../../../src/core/errors.js";
import { openCdf } from "../../../../src/formats/cdf/cdf-file.js";
import type {
  CdfRVariableSpec,
  CdfWriterOptions,
} from "../../../../src/formats/cdf/write/index.js";
import { CdfWriter } from "../../../../src/formats/cdf/write/index.js";

describe("CDF writer options", () => {
  test.each([
    ["unknown file compression", { fileCompression: { type: "zip" } }],
    ["file GZIP level 0", { fileCompression: { type: "gzip", level: 0 } }],
    ["a level for HUFF", { fileCompression: { type: "huff", level: 1 } }],
    ["unknown majority", { majority: "diagonal" }],
    ["zero rDim", { rDims: [0] }],
    ["fractional rDim", { rDims: [1.5] }],
  ])("%s", (_label, options) => {
    expect(() => new CdfWriter(options as unknown as CdfWriterOptions)).toThrow(
      InvalidArgumentError,
    );
  });

  test("rVariables take the writer's rDims, not their own", () => {
    const writer = new CdfWriter({ rDims: [2] });
    const spec = { name: "r", dataType: "INT2", dims: [3] } as unknown as CdfRVariableSpec;
    expect(() => writer.addRVariable(spec)).toThrow(/rDims/);
    writer.addRVariable({ name: "r", dataType: "INT2" });
    expect(() => writer.addZVariable({ name: "r", dataType: "INT2" })).toThrow(/already/);
    expect(() =>
      writer.addRVariable({ name: "r2", dataType: "INT2", dimVarys: [1] as never }),
    ).toThrow(InvalidArgumentError);
  });

  test("record numbers", () => {
    const writer = new CdfWriter();
    const nrv = writer.addZVariable({ name: "nrv", dataType: "INT2", recordVarying: false });
    expect(() => nrv.writeRecords(1, [1])).toThrow(/record 0/);
    const v = writer.addZVariable({ name: "v", dataType: "INT2", sparseRecords: "previous" });
    expect(() => v.writeRecords(-1, [1])).toThrow(InvalidArgumentError);
    expect(() => v.writeRecords(1.5, [1])).toThrow(InvalidArgumentError);
    expect(() => v.writeRecords(0x7fffffff, [1])).toThrow(/records do not fit/);
    expect(v.recordCount).toBe(0);
  });

  test("a file streamed to disk equals the in-memory one, for every new option", () => {
    const dir = mkdtempSync(join(tmpdir(), "aurorakit-cdf-options-"));
    try {
      const options: CdfWriterOptions[] = [
        { version: 2, majority: "column", rDims: [2], vxrLayout: "chain", vxrEntries: 2 },
        { encoding: "network", fileCompression: { type: "rle" }, rDims: [3, 1] },
        { version: 2, fileCompression: { type: "huff" } },
      ];
      options.forEach((option, i) => {
        const fill = (writer: CdfWriter) => {
          writer
            .addZVariable({ name: "z", dataType: "INT2", dims: [2, 2], sparseRecords: "pad" })
            .writeRecords(3, [1, 2, 3, 4])
            .writeRecords(9, [5, 6, 7, 8]);
          writer
            .addRVariable({ name: "r", dataType: "UINT1", compression: { type: "ahuff" } })
            .appendRecords(new Uint8Array(writer.rDims.reduce((a, b) => a * b, 1) * 3));
        };
        const path = join(dir, `option-${i}.cdf`);
        const streamed = CdfWriter.create(path, option);
        fill(streamed);
        streamed.close();
        const memory = new CdfWriter(option);
        fill(memory);
        // Invariant: the sink changes where bytes go, never what they are.
        expect(Buffer.compare(readFileSync(path), memory.toBytes()), `options ${i}`).toBe(0);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("records() batches over sparse gaps equal one read", () => {
    // Invariant: batching changes how records arrive, not their values.
    const writer = new CdfWriter();
    const v = writer.addZVariable({
      name: "s",
      dataType: "INT4",
      sparseRecords: "previous",
      recordsPerBlock: 3,
      compression: { type: "rle" },
    });
    v.writeRecords(2, [2, 3, 4, 5]).writeRecords(9, [9]).writeRecords(14, [14, 15]);
    const cdf = openCdf(memorySource(writer.toBytes(), "s.cdf", "CDF"));
    const whole = [...(cdf.readVariable("s").data as Int32Array)];
    // Previous-record semantics (CDF User's Guide 3.9, sparse records); before record 2 the
    // INT4 default pad -2147483647 (CDF 3.x default, see sparse-records.test.ts).
    expect(whole).toEqual([-2147483647, -2147483647, 2, 3, 4, 5, 5, 5, 5, 9, 9, 9, 9, 9, 14, 15]);
    for (const perBatch of [1, 2, 4, 5, 16]) {
      const batched: number[] = [];
      for (const batch of cdf.records("s", { recordsPerBatch: perBatch })) {
        expect(batch.firstRecord).toBe(batched.length);
        batched.push(...(batch.array.data as Int32Array));
      }
      expect(batched, `batches of ${perBatch}`).toEqual(whole);
    }
  });
});
