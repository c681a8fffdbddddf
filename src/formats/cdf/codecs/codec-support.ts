import { FormatError, InvalidArgumentError } from "../../../core/errors.js";
import type { InflateContext } from "../../compression/inflate.js";

/**
 * A FormatError for a problem `inputOffset` bytes into a compressed block. The block's own file
 * offset (`context.offset`) is added so the message points into the file; without it the
 * offset is relative to the start of the compressed bytes.
 */
export function codecError(
  context: InflateContext,
  inputOffset: number,
  expected: string,
  found?: string,
): FormatError {
  return new FormatError(context.format, {
    file: context.file,
    offset: (context.offset ?? 0) + inputOffset,
    expected: `${expected} in ${context.what}`,
    found,
  });
}

/** Rejects a cap that is not a usable byte count before any decoding starts. */
export function checkMaxOutputBytes(maxOutputBytes: number): void {
  if (!Number.isSafeInteger(maxOutputBytes) || maxOutputBytes < 0) {
    throw new InvalidArgumentError(
      "maxOutputBytes",
      `must be a non-negative integer, got ${maxOutputBytes}`,
    );
  }
}

/**
 * Output storage for a decoder whose output size is known only as a cap. `hardLimitBytes` is
 * what the input can physically expand to (e.g. 8 bytes per input byte when every symbol costs
 * at least one bit), so no allocation exceeds what the input justifies. When the caller's cap
 * is within that limit (the usual case: CDF knows the decoded size of every block) the buffer is
 * allocated once at the cap; otherwise it starts small and doubles.
 */
export function initialOutput(maxOutputBytes: number, hardLimitBytes: number): Uint8Array {
  if (maxOutputBytes <= hardLimitBytes) return new Uint8Array(maxOutputBytes);
  // Typical Huffman ratios on image bytes are 1.2-3; 4x rarely needs a second buffer.
  const guess = Math.max(4096, Math.ceil(hardLimitBytes / 2));
  return new Uint8Array(Math.min(hardLimitBytes, guess));
}

/**
 * Makes room for one more output byte when `buffer` is full: doubles it (keeping `usedBytes`),
 * never beyond `limitBytes`; at the limit the block decodes to more than it may, which is a
 * FormatError at `inputOffset` naming the codec (`blockName`, e.g. "Huffman block").
 */
export function growOutput(
  buffer: Uint8Array,
  usedBytes: number,
  limitBytes: number,
  context: InflateContext,
  inputOffset: number,
  blockName: string,
): Uint8Array {
  if (usedBytes >= limitBytes) {
    throw codecError(
      context,
      inputOffset,
      `the ${blockName} to decode to at most ${limitBytes} bytes`,
      "more (a decompression bomb or a corrupt size)",
    );
  }
  const grown = new Uint8Array(Math.min(limitBytes, Math.max(1024, buffer.length * 2)));
  grown.set(buffer.subarray(0, usedBytes));
  return grown;
}

/** The decoded bytes without the unused tail of the buffer (a copy only when there is a tail). */
export function finishOutput(buffer: Uint8Array, usedBytes: number): Uint8Array {
  return usedBytes === buffer.length ? buffer : buffer.slice(0, usedBytes);
}
