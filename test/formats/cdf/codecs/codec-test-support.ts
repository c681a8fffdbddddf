import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { expect } from "vitest";
import { FormatError } from "../../../../src/core/errors.js";
import type { InflateContext } from "../../../../src/formats/compression/inflate.js";
import { fixture } from "../../../support/fixtures.js";

/** A context whose file and offset must show up in every FormatError. */
export const context: InflateContext = {
  format: "CDF",
  file: "test.cdf",
  offset: 1000,
  what: "CVVR of variable test",
};

export function fromHex(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex, "hex"));
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function ascii(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Runs `run`, expects a FormatError naming the context's file, and returns it. */
export function expectFormatError(run: () => unknown): FormatError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    const formatError = error as FormatError;
    expect(formatError.file).toBe(context.file);
    // Offsets are reported in the file: never before the block's own offset.
    expect(formatError.offset).toBeGreaterThanOrEqual(context.offset ?? 0);
    // And they say which block was being decoded.
    expect(formatError.expected).toContain(context.what);
    return formatError;
  }
  throw new Error("expected a FormatError, but decoding succeeded");
}

/** The first 2 MiB of the real THEMIS frame file (16-bit pixels, big-endian PGM). */
export function realImageBytes(): Uint8Array {
  const gz = readFileSync(fixture("themis-pgm", "20140310_0600_gill_themis19_full.pgm.gz"));
  const pgm = gunzipSync(gz);
  return new Uint8Array(pgm.buffer, pgm.byteOffset, 2 * 1024 * 1024);
}

/** The real IDL save file (THEMIS skymap), as-is. */
export function realSaveFileBytes(): Uint8Array {
  return new Uint8Array(readFileSync(fixture("themis", "themis_skymap_gako_20110305-+_vXX.sav")));
}

/** Deterministic pseudo-random bytes (xorshift32), for inputs no fixture provides. */
export function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out[i] = state & 0xff;
  }
  return out;
}

/**
 * Exact byte equality with a readable failure (first differing index); vitest's deep equality
 * is too slow for megabytes.
 */
export function expectSameBytes(actual: Uint8Array, expected: Uint8Array): void {
  expect(actual.length).toBe(expected.length);
  if (Buffer.compare(actual, expected) === 0) return;
  let index = 0;
  while (actual[index] === expected[index]) index++;
  expect({ index, actual: actual[index] }).toEqual({ index, actual: expected[index] });
}
