/**
 * Time variables against jcdf's own calendar code (TtScaler with its leap second table, and its
 * EPOCH/EPOCH16 formatters). Oracles: jcdf's UTC text of each stored value. Checked: the writer's
 * tt2000FromUnixMs/cdfEpochFromUnixMs (jcdf must print exactly the instant given), and our
 * reader's readTimeVariableUnixMs on raw TT2000 values with nanoseconds, on both sides of every
 * leap second from 1972 to 2017 and inside them, where jcdf prints second 60 and our reader
 * returns the first instant after the leap second (documented in tt2000ToUnixMs).
 * Instants before 1972 (drifting TAI-UTC) are left out: see the report.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { memorySource } from "../../../../src/core/byte-source.js";
import { LEAP_SECOND_TABLE } from "../../../../src/core/time/leap-seconds.js";
import { openCdf } from "../../../../src/formats/cdf/cdf-file.js";
import { readTimeVariableUnixMs } from "../../../../src/formats/cdf/epoch-arrays.js";
import {
  CdfWriter,
  cdfEpochFromUnixMs,
  tt2000FromUnixMs,
} from "../../../../src/formats/cdf/write/index.js";
import { jcdfVariable, listBytes } from "../../../support/cdf-features.js";
import { jcdfMissingReason } from "../../../support/cdf-jcdf.js";

const jcdfSuite = jcdfMissingReason === undefined ? describe : describe.skip;
if (jcdfMissingReason !== undefined) {
  console.warn(`SKIPPED "time values vs jcdf": ${jcdfMissingReason}`);
}

/** UTC starts of the integer leap seconds' new offsets, 1972-07-01 .. 2017-01-01. */
const LEAP_STARTS_MS = LEAP_SECOND_TABLE.filter(
  (e) => e.driftSPerDay === 0 && e.startMs > Date.UTC(1972, 0, 1),
).map((e) => e.startMs);

/** Whole-ms instants: 1972..2035, and around every leap second. */
function instantsMs(): number[] {
  const out = [Date.UTC(1972, 0, 1), Date.UTC(2000, 0, 1, 11, 58, 55, 816), Date.UTC(2035, 5, 30)];
  for (const start of LEAP_STARTS_MS) out.push(start - 1, start, start + 1, start - 1000);
  return out;
}

/** jcdf's "YYYY-MM-DDThh:mm:ss.fffffffff" as Unix ms plus leftover ns, and the leap flag. */
function parseJcdfIso(text: string): { ms: number; ns: number; leap: boolean } {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d):(\d\d)\.(\d+)$/.exec(text);
  if (m === null) throw new Error(`unexpected jcdf time text ${text}`);
  const second = Number(m[2]);
  const digits = m[3]!.padEnd(9, "0");
  const base = Date.parse(`${m[1]}:${String(Math.min(second, 59)).padStart(2, "0")}Z`);
  const ms = base + (second === 60 ? 1000 : 0) + Number(digits.slice(0, 3));
  return { ms, ns: Number(digits.slice(3)), leap: second === 60 };
}

jcdfSuite("time values vs jcdf", () => {
  const dir = mkdtempSync(join(tmpdir(), "aurorakit-cdf-time-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("the writer's TT2000 and EPOCH of whole-ms instants print as those instants", () => {
    const times = instantsMs();
    const w = new CdfWriter();
    w.addZVariable({ name: "tt", dataType: "TIME_TT2000" }).appendRecords(tt2000FromUnixMs(times));
    w.addZVariable({ name: "ep", dataType: "EPOCH" }).appendRecords(cdfEpochFromUnixMs(times));
    const listing = listBytes(dir, "whole-ms.cdf", w.toBytes());
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 23);
    // Oracle: jcdf's text is the ISO instant we converted, to the ns (TT2000) or ms (EPOCH).
    expect(jcdfVariable(listing, "tt").records.map((r) => r[0])).toEqual(
      times.map((t) => `${iso(t)}000000`),
    );
    expect(jcdfVariable(listing, "ep").records.map((r) => r[0])).toEqual(times.map(iso));
  });

  test("our reader's Unix ms of raw TT2000 values, inside and around leap seconds", () => {
    const values: bigint[] = [];
    for (const start of LEAP_STARTS_MS) {
      const [after] = tt2000FromUnixMs([start]);
      // 1.5 s and 1 ns before the new offset starts (the first inside the leap second), the
      // start itself, and 123456789 ns after it.
      values.push(after! - 1_500_000_000n, after! - 1n, after!, after! + 123_456_789n);
    }
    const w = new CdfWriter({ encoding: "network" });
    w.addZVariable({ name: "tt", dataType: "TIME_TT2000" }).appendRecords(
      new BigInt64Array(values),
    );
    const bytes = w.toBytes();
    const texts = jcdfVariable(listBytes(dir, "raw.cdf", bytes), "tt").records.map((r) => r[0]!);
    const ours = readTimeVariableUnixMs(openCdf(memorySource(bytes, "raw.cdf", "CDF")), "tt");
    texts.forEach((text, i) => {
      const jcdf = parseJcdfIso(text);
      const got = ours[i]!;
      if (jcdf.leap) {
        // Inside a leap second: our documented mapping is the first instant after it.
        expect(got, `${text}`).toBe(Math.floor(jcdf.ms / 1000) * 1000);
      } else {
        // Tolerance 0.5 us: float64 resolution of Unix ms near 2017 is 0.24 us.
        expect(Math.abs(got - (jcdf.ms + jcdf.ns / 1e6)), text).toBeLessThanOrEqual(5e-4);
      }
    });
    // Each leap second contributes one value inside it (1.5 s before holds 23:59:59.5).
    expect(texts.filter((t) => parseJcdfIso(t).leap).length).toBe(LEAP_STARTS_MS.length);
  });
});
