import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { concatBytes as concatAll } from "../../src/core/bytes.js";

/** One synthetic PGM frame; the header text is written exactly as given. */
export interface SyntheticFrame {
  readonly width: number;
  readonly height: number;
  readonly maxValue: number;
  /** Comment lines without the leading `#`, e.g. `"Image request start" 2022-... UTC`. */
  readonly comments?: readonly string[];
  /** Sample values row by row; defaults to a ramp `(index * 7) % (maxValue + 1)`. */
  readonly samples?: readonly number[];
}

const encoder = new TextEncoder();

export function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
}

/** Variadic form of the library's concatBytes, for building test files piece by piece. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  return concatAll(parts);
}

/** Default sample ramp of a synthetic frame (the analytic oracle for its pixels). */
export function rampSamples(frame: SyntheticFrame): number[] {
  return Array.from(
    { length: frame.width * frame.height },
    (_, i) => (i * 7) % (frame.maxValue + 1),
  );
}

/** Samples in the raster's wire format: one byte, or two bytes big-endian (Netpbm PGM spec). */
export function rasterBytes(maxValue: number, samples: readonly number[]): Uint8Array {
  const wide = maxValue >= 256;
  const out = new Uint8Array(samples.length * (wide ? 2 : 1));
  samples.forEach((value, i) => {
    if (wide) {
      out[2 * i] = value >> 8;
      out[2 * i + 1] = value & 0xff;
    } else {
      out[i] = value;
    }
  });
  return out;
}

/** A frame as UCalgary writes it: `P5`, comment lines, `width height`, maxval, raster. */
export function pgmFrame(frame: SyntheticFrame): Uint8Array {
  const comments = (frame.comments ?? []).map((line) => `#${line}\n`).join("");
  const header = `P5\n${comments}${frame.width} ${frame.height}\n${frame.maxValue}\n`;
  return concatBytes(
    latin1Bytes(header),
    rasterBytes(frame.maxValue, frame.samples ?? rampSamples(frame)),
  );
}

export function asciiBytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Delivers bytes in chunks of `size` (views), as a network or file stream would. */
export async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += size) yield bytes.subarray(at, at + size);
}

const BZIP2_CANDIDATES = ["/usr/bin/bzip2", "/bin/bzip2", "/usr/local/bin/bzip2"];

/** The bzip2 command-line tool, if installed (tests that need it skip visibly otherwise). */
export const bzip2Path: string | undefined = BZIP2_CANDIDATES.find((path) => existsSync(path));

/** Compresses with the bzip2 CLI (an independent encoder); requires `bzip2Path`. */
export function bzip2(bytes: Uint8Array, level = 9): Uint8Array {
  if (bzip2Path === undefined) throw new Error("bzip2 CLI not installed");
  const result = spawnSync(bzip2Path, [`-${level}`, "-c"], {
    input: bytes,
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`bzip2 failed: ${result.stderr.toString()}`);
  return new Uint8Array(result.stdout);
}
