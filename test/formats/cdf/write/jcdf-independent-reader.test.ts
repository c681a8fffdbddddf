/**
 * Oracle: jcdf (independent pure-Java CDF reader, Debian libjcdf-java). Files written by our
 * writer, in both encodings, GZIP and uncompressed, must list in jcdf with the names, types,
 * dimensions, record counts, attribute values and data values we wrote (exact, via canonical
 * keys: numbers parse back to the identical stored value).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { CdfAttributeEntry, CdfTypeName } from "../../../../src/formats/cdf/write/index.js";
import { CdfWriter, istpVariableAttributes } from "../../../../src/formats/cdf/write/index.js";
import { expectedKeys, jcdfTextKey } from "../../../support/cdf-expected-text.js";
import { jcdfList, jcdfMissingReason, jcdfRecordTypes } from "../../../support/cdf-jcdf.js";
import type { SampleVariable } from "../../../support/cdf-write-samples.js";
import {
  SAMPLE_GLOBALS,
  sampleVariables,
  writeSample,
  writeSampleBytes,
} from "../../../support/cdf-write-samples.js";

const suite = jcdfMissingReason === undefined ? describe : describe.skip;
if (jcdfMissingReason !== undefined) {
  console.warn(`SKIPPED "CDF writer vs jcdf": ${jcdfMissingReason}`);
}

/** jcdf's texts for fill values it renders specially (same text it prints for the real THEMIS file's EPOCH FILLVAL). */
const JCDF_TIME_FILL_TEXT: Partial<Record<CdfTypeName, string>> = {
  EPOCH: "292269055-12-02T16:47:04.192",
  TIME_TT2000: "9999-12-31T23:59:59.999999999",
};

function entryKey(entry: CdfAttributeEntry): { type: CdfTypeName; keys: string[] } {
  if (typeof entry === "string") return { type: "CHAR", keys: [entry] };
  if (typeof entry === "number") return { type: "DOUBLE", keys: expectedKeys("DOUBLE", [entry]) };
  const type = entry.dataType.replace(/^CDF_/, "") as CdfTypeName;
  const value = entry.value;
  if (typeof value === "string") return { type, keys: [value] };
  const list =
    typeof value === "number" || typeof value === "bigint"
      ? ([value] as number[] | bigint[])
      : value;
  return { type, keys: expectedKeys(type, list) };
}

function textKeys(type: CdfTypeName, text: string): string[] {
  return type === "CHAR" || type === "UCHAR"
    ? [text]
    : text.split(", ").map((t) => jcdfTextKey(type, t));
}

function blocksOf(sample: SampleVariable): number {
  if (sample.recordCount === 0) return 0;
  const perBlock = sample.spec.recordsPerBlock ?? sample.recordCount;
  return Math.ceil(sample.recordCount / perBlock);
}

/** VXRs in a tree of 16-entry nodes over `blocks` blocks (the writer's layout). */
function vxrNodes(blocks: number): number {
  let nodes = 0;
  for (let level = blocks; level > 0; ) {
    const parents = Math.ceil(level / 16);
    nodes += parents;
    level = parents === 1 ? 0 : parents;
  }
  return nodes;
}

suite("CDF writer vs jcdf", () => {
  const dir = mkdtempSync(join(tmpdir(), "aurorakit-cdfw-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const encoding of ["ibmpc", "network"] as const) {
    for (const compression of ["none", "gzip"] as const) {
      test(`${encoding}, ${compression}: every type reads back in jcdf`, () => {
        const { bytes, variables } = writeSampleBytes({ encoding, compression });
        const path = join(dir, `sample-${encoding}-${compression}.cdf`);
        writeFileSync(path, bytes);
        const listing = jcdfList(path);

        expect([...listing.globalAttributes.keys()]).toEqual(Object.keys(SAMPLE_GLOBALS));
        for (const [name, entries] of Object.entries(SAMPLE_GLOBALS)) {
          const texts = listing.globalAttributes.get(name)!;
          expect(texts.length, name).toBe(entries.length);
          entries.forEach((entry, i) => {
            const expected = entryKey(entry);
            expect(textKeys(expected.type, texts[i]!), `${name}[${i}]`).toEqual(expected.keys);
          });
        }

        expect([...listing.variables.keys()]).toEqual(variables.map((v) => v.spec.name));
        for (const sample of variables) {
          const got = listing.variables.get(sample.spec.name)!;
          const type = sample.spec.dataType;
          expect(got.type, sample.spec.name).toBe(type);
          expect(got.dims).toEqual(sample.spec.dims);
          expect(got.recordVarying).toBe(sample.spec.recordVarying ?? true);
          expect(got.records.length, `${sample.spec.name} records`).toBe(sample.recordCount);
          const keys = expectedKeys(type, sample.values);
          const perRecord = keys.length / Math.max(1, sample.recordCount);
          got.records.forEach((texts, r) => {
            const want = keys.slice(r * perRecord, (r + 1) * perRecord);
            expect(
              texts.map((t) => jcdfTextKey(type, t)),
              `${sample.spec.name} record ${r}`,
            ).toEqual(want);
          });
          const attributes = istpVariableAttributes({
            dataType: type,
            varType: "data",
            fieldName: sample.spec.name,
            catDesc: `sample ${type}`,
          });
          for (const [name, entry] of Object.entries(attributes)) {
            const text = got.attributes.get(name)!;
            const special = name === "FILLVAL" ? JCDF_TIME_FILL_TEXT[type] : undefined;
            if (type === "EPOCH16" && name === "FILLVAL") continue; // jcdf prints "??" for it
            if (special !== undefined) expect(text, `${sample.spec.name}.${name}`).toBe(special);
            else {
              const expected = entryKey(entry);
              expect(textKeys(expected.type, text), `${sample.spec.name}.${name}`).toEqual(
                expected.keys,
              );
            }
          }
        }

        // jcdf's sequential walk must reach the end through records of the expected kinds.
        const types = jcdfRecordTypes(path);
        const count = (name: string) => types.filter((t) => t === name).length;
        const blocks = variables.reduce((n, v) => n + blocksOf(v), 0);
        expect(count(compression === "gzip" ? "CVVR" : "VVR")).toBe(blocks);
        expect(count("VXR")).toBe(variables.reduce((n, v) => n + vxrNodes(blocksOf(v)), 0));
        expect(count("zVDR")).toBe(variables.length);
        expect(count("CPR")).toBe(compression === "gzip" ? variables.length : 0);
        expect(count("ADR")).toBe(listing.globalAttributes.size + 10);
      });
    }
  }

  test("a streamed file is byte-identical to the in-memory one", () => {
    const path = join(dir, "streamed.cdf");
    const writer = CdfWriter.create(path, { encoding: "network" });
    writeSample(writer, sampleVariables("gzip"));
    writer.close();
    const { bytes } = writeSampleBytes({ encoding: "network", compression: "gzip" });
    // Invariant: the sink changes where bytes go, never what they are.
    expect(Buffer.compare(readFileSync(path), bytes)).toBe(0);
  });
});
