import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * The real-data fixtures folder (`AURORAKIT_FIXTURES`, default `../shared/fixtures`). Tests that
 * need it use `describeWithFixtures`, which skips with a visible reason when it is absent.
 */
export const fixturesDir = resolve(process.env.AURORAKIT_FIXTURES ?? "../shared/fixtures");

export const haveFixtures = existsSync(fixturesDir);

export const fixturesMissingReason = `real-data fixtures not found at ${fixturesDir}; set AURORAKIT_FIXTURES`;

/** Absolute path of a fixture, e.g. `fixture("themis", "thg_l1_asf_gako_2011010617_v01.cdf")`. */
export function fixture(...parts: string[]): string {
  return join(fixturesDir, ...parts);
}

export function readFixture(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(fixture(...parts)));
}

/**
 * Parses the `*.oracle.json` written by an independent reader beside a fixture. Python's json
 * module writes NaN as a bare `NaN` token (e.g. in skymap min/max lists), which JSON.parse
 * rejects; outside strings it becomes null here.
 */
export function readOracle<T = unknown>(...parts: string[]): T {
  const path = fixture(...parts);
  const text = readFileSync(`${path}.oracle.json`, "utf8");
  return JSON.parse(
    text.replace(
      /("(?:[^"\\]|\\.)*")|\bNaN\b/g,
      (_match: string, quoted: string | undefined) => quoted ?? "null",
    ),
  ) as T;
}
