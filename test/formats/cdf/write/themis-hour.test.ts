/**
 * The generated THEMIS hour: real frames cycled by our writer, read back by our reader and
 * listed by jcdf. Oracles: thg_l1_asf_gako_2011010617_v01.cdf.oracle.json (cdflib) for the
 * source frames' sha256 and epochs; the 3 s cadence (analytic); the real file's own attributes.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { fileSource } from "../../../../src/core/byte-source.js";
import { openCdf } from "../../../../src/formats/cdf/cdf-file.js";
import { sha256LittleEndian } from "../../../../src/formats/summary.js";
import { jcdfList, jcdfMissingReason, jcdfRecordTypes } from "../../../support/cdf-jcdf.js";
import { describeWithFixtures } from "../../../support/describe-fixtures.js";

import { generateThemisHour, THEMIS_HOUR_SOURCE } from "../../../support/themis-hour.js";

interface Oracle {
  variables: Record<
    string,
    { cdf_type: string; dims: number[]; sha256_le: string; first: number[] }
  >;
}

const IMAGE = "thg_asf_gako";
const SOURCE_FRAMES = 23;
const PIXELS = 256 * 256;

describeWithFixtures("generated THEMIS hour", () => {
  const dir = mkdtempSync(join(tmpdir(), "aurorakit-themis-hour-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // The oracle holds bare NaN (Python's json) for FILLVALs, which JSON.parse rejects.
  const oracle = JSON.parse(
    readFileSync(`${THEMIS_HOUR_SOURCE}.oracle.json`, "utf8").replace(/\bNaN\b/g, "null"),
  ) as Oracle;

  test("120 frames: frames cycle bit-exactly, times step 3 s, attributes match the real file", () => {
    const path = join(dir, "hour-120.cdf");
    const result = generateThemisHour({ outPath: path, frames: 120 });
    expect(result.frames).toBe(120);
    const cdf = openCdf(fileSource(path, "CDF"));
    const real = openCdf(fileSource(THEMIS_HOUR_SOURCE, "CDF"));
    try {
      expect(cdf.encoding.littleEndian).toBe(false);
      const image = cdf.variable(IMAGE);
      expect(image.recordCount).toBe(120);
      expect(image.compression).toEqual({ type: "GZIP", code: 5, level: 6 });
      expect(image.blockingFactor).toBe(7);
      // Each cycle of 23 frames hashes like the source (oracle sha256_le from cdflib).
      for (const first of [0, SOURCE_FRAMES, 4 * SOURCE_FRAMES]) {
        const frames = cdf.readVariable(IMAGE, {
          firstRecord: first,
          lastRecord: first + SOURCE_FRAMES - 1,
        });
        expect(sha256LittleEndian(frames.data as Uint16Array), `frames ${first}..`).toBe(
          oracle.variables[IMAGE]!.sha256_le,
        );
      }
      // A frame across a block boundary (record 48 is in the block 42..48) equals source frame 48 % 23.
      const frame = cdf.readVariable(IMAGE, { firstRecord: 48, lastRecord: 48 })
        .data as Uint16Array;
      const source = real.readVariable(IMAGE, { firstRecord: 2, lastRecord: 2 })
        .data as Uint16Array;
      expect(
        Buffer.compare(
          Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength),
          Buffer.from(source.buffer, source.byteOffset, source.byteLength),
        ),
      ).toBe(0);

      // Copied support variables hash like the oracle's (cdflib sha256_le).
      for (const name of ["thg_asf_gako_column", "thg_asf_gako_row", "thg_asf_gako_epoch0"]) {
        const data = cdf.readVariable(name).data as Uint16Array | Float64Array;
        expect(sha256LittleEndian(data), name).toBe(oracle.variables[name]!.sha256_le);
      }
      const times = cdf.readVariable("thg_asf_gako_time").data as Float64Array;
      // Oracle: first time 1294333200 (cdflib); cadence 3 s exactly, so every step is exact in float64.
      expect(times[0]).toBe(oracle.variables.thg_asf_gako_time!.first[0]);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(3);
      const epochs = cdf.readVariable("thg_asf_gako_epoch").data as Float64Array;
      expect(epochs[0]).toBe(oracle.variables.thg_asf_gako_epoch!.first[0]);
      // Whole 69 s cycles: epoch i = source epoch (i mod 23) + 69000 ms * floor(i / 23).
      expect(epochs[SOURCE_FRAMES + 1]! - epochs[1]!).toBe(69_000);
      const range = cdf.readVariable("range_epoch").data as Float64Array;
      expect([...range]).toEqual([epochs[0], epochs[119]]);

      // Same attributes, in the same order and numbering, with the same entries.
      expect(cdf.attributes.map((a) => [a.name, a.scope, a.number])).toEqual(
        real.attributes.map((a) => [a.name, a.scope, a.number]),
      );
      expect(cdf.globalAttributes).toEqual(real.globalAttributes);
      for (const v of real.variables) {
        const got = cdf.variable(v.name);
        expect(got.attributes, v.name).toEqual(v.attributes);
        expect([got.dataType.name, got.dims, got.recordVarying, got.padValue]).toEqual([
          v.dataType.name,
          v.dims,
          v.recordVarying,
          v.padValue,
        ]);
        expect(got.compression?.type, v.name).toBe(v.compression?.type);
      }
    } finally {
      cdf.close();
      real.close();
    }

    if (jcdfMissingReason !== undefined) {
      console.warn(`SKIPPED jcdf part of "generated THEMIS hour": ${jcdfMissingReason}`);
      return;
    }
    // Independent reader: names, types and dims as in the oracle; 18 image blocks + time + tend.
    const listing = jcdfList(path, { data: false });
    for (const [name, expected] of Object.entries(oracle.variables)) {
      const got = listing.variables.get(name)!;
      expect(`CDF_${got.type}`, name).toBe(expected.cdf_type);
      expect(got.dims, name).toEqual(expected.dims);
    }
    const types = jcdfRecordTypes(path);
    expect(types.filter((t) => t === "CVVR").length).toBe(Math.ceil(120 / 7) + 2);
    expect(types.filter((t) => t === "ADR").length).toBe(real.attributes.length);
  });

  test("a full hour: 1200 frames, last block complete and in order", () => {
    const path = join(dir, "hour-1200.cdf");
    const result = generateThemisHour({ outPath: path, frames: 1200 });
    // The real 23-frame file is 2.34 MB; 1200 frames of similar images compress alike
    // (invariant: within 10 % of 1200/23 times the real file's size).
    const scaled = (2_341_938 * 1200) / SOURCE_FRAMES;
    expect(Math.abs(result.fileBytes - scaled) / scaled).toBeLessThan(0.1);
    const cdf = openCdf(fileSource(path, "CDF"));
    try {
      expect(cdf.variable(IMAGE).recordCount).toBe(1200);
      const last = cdf.readVariable(IMAGE, { firstRecord: 1199, lastRecord: 1199 })
        .data as Uint16Array;
      const times = cdf.readVariable("thg_asf_gako_time").data as Float64Array;
      // Analytic: 1199 steps of 3 s after 17:00:00.
      expect(times[1199]).toBe(1294333200 + 3 * 1199);
      const real = openCdf(fileSource(THEMIS_HOUR_SOURCE, "CDF"));
      // 1199 mod 23 = 3.
      const want = real.readVariable(IMAGE, { firstRecord: 3, lastRecord: 3 }).data as Uint16Array;
      real.close();
      expect(last.length).toBe(PIXELS);
      expect(sha256LittleEndian(last)).toBe(sha256LittleEndian(want));
    } finally {
      cdf.close();
    }
  });
});
