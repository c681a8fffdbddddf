import { Buffer } from "node:buffer";
import { gzipSync } from "node:zlib";
import { InvalidArgumentError } from "../../../core/errors.js";
import { formatIsoMicroseconds } from "../../../core/time/ucalgary-timestamp.js";
import { METADATA_END_MARKERS } from "../constants.js";

/** One frame to write: row-major pixels as they are to be stored, and its metadata lines. */
export interface PgmFrameInput {
  readonly pixels: Uint16Array;
  readonly width: number;
  readonly height: number;
  /** `#"key" value` lines in file order; a UCalgary reader needs an end-marker key last. */
  readonly metadata: readonly (readonly [key: string, value: string])[];
}

export interface EncodePgmOptions {
  /** Gzip the whole multi-frame stream, as UCalgary's `.pgm.gz` files are (default false). */
  readonly gzip?: boolean;
}

/** Largest sample value: UCalgary imagers write maxval 65535 (aurorax.md §3.5, item 4). */
const MAXVAL_16_BIT = 65535;

/**
 * `Image request start` text: `%Y-%m-%d %H:%M:%S.%f UTC` with six fraction digits (aurorax.md
 * §3.5, "Timestamps"), e.g. `2014-03-10 06:00:00.063119 UTC`.
 */
export function formatUcalgaryTimestamp(timeMs: number): string {
  const iso = formatIsoMicroseconds(timeMs);
  return `${iso.slice(0, 10)} ${iso.slice(11, 26)} UTC`;
}

/** True when every character fits in one Latin-1 byte (code point below 256). */
function isLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

function checkFrame(frame: PgmFrameInput, index: number): void {
  const { width, height, pixels, metadata } = frame;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new InvalidArgumentError(
      `frames[${index}]`,
      `width and height must be positive integers, got ${width}x${height}`,
    );
  }
  if (pixels.length !== width * height) {
    throw new InvalidArgumentError(
      `frames[${index}].pixels`,
      `expected ${width * height} samples, got ${pixels.length}`,
    );
  }
  for (const [key, value] of metadata) {
    // A key ends at the next double quote and a line at the next line feed (aurorax.md §3.5, item 2).
    if (key.includes('"') || /[\r\n]/.test(key) || /[\r\n]/.test(value)) {
      throw new InvalidArgumentError(
        `frames[${index}].metadata`,
        `key ${JSON.stringify(key)} or its value contains a quote or line break`,
      );
    }
    if (!isLatin1(key + value)) {
      throw new InvalidArgumentError(
        `frames[${index}].metadata`,
        `key ${JSON.stringify(key)}: only Latin-1 text can be stored`,
      );
    }
  }
  if (!metadata.some(([key]) => METADATA_END_MARKERS.some((marker) => key.startsWith(marker)))) {
    throw new InvalidArgumentError(
      `frames[${index}].metadata`,
      `needs an end-marker key (${METADATA_END_MARKERS.join(", ")}) or UCalgary readers will not close the frame`,
    );
  }
}

/**
 * Encodes frames as one UCalgary multi-frame PGM stream (aurorax.md §3.5): per frame a `P5`
 * line, the `#"key" value` lines, `width height`, `65535`, then the pixels as big-endian
 * uint16 (Netpbm PGM specification: 2-byte samples are most significant byte first).
 */
export function encodeUcalgaryPgm(
  frames: readonly PgmFrameInput[],
  options: EncodePgmOptions = {},
): Uint8Array {
  if (frames.length === 0) throw new InvalidArgumentError("frames", "at least one frame is needed");
  const parts: Uint8Array[] = [];
  frames.forEach((frame, index) => {
    checkFrame(frame, index);
    // `P5` magic line, then `#"key" value` comments (aurorax.md §3.5 items 1-2; Netpbm PGM: "P5").
    const lines = ["P5", ...frame.metadata.map(([key, value]) => `#"${key}" ${value}`)];
    // Dimensions line, maxval line, each ended by a line feed (aurorax.md §3.5 items 3-4).
    lines.push(`${frame.width} ${frame.height}`, `${MAXVAL_16_BIT}`, "");
    parts.push(Buffer.from(lines.join("\n"), "latin1"));
    const raster = Buffer.from(
      new Uint8Array(frame.pixels.buffer, frame.pixels.byteOffset, frame.pixels.byteLength),
    );
    // Copy first: swap16 works in place and must not touch the caller's pixels.
    const bigEndian = Buffer.from(raster);
    if (new Uint8Array(new Uint16Array([1]).buffer)[0] === 1) bigEndian.swap16();
    parts.push(bigEndian);
  });
  const stream = Buffer.concat(parts);
  return options.gzip === true
    ? new Uint8Array(gzipSync(stream))
    : new Uint8Array(stream.buffer, stream.byteOffset, stream.byteLength);
}
