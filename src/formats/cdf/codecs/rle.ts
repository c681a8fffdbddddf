import type { InflateContext } from "../../compression/inflate.js";
import { checkMaxOutputBytes, codecError } from "./codec-support.js";

/*
 * CDF_RLE, run-length encoding of zero bytes (CDF User's Guide 3.9, chapter 2, "Compression";
 * CPR parameter 0 = RLE_OF_ZEROs, CDF Internal Format Description 3.9, section 2.13). Every
 * byte other than 0x00 stands for itself; a 0x00 is always followed by a count byte n and the
 * pair stands for n + 1 zero bytes, so one pair covers 1..256 zeros. There is no header and no
 * end marker: the stream ends with the compressed block. (Layout as in the CDF distribution's
 * cdfrle.c, described by NASA's CDF Java library class CDFRLE and by jcdf's
 * RunLengthInputStream.)
 */

/** The byte value whose runs are encoded (RLE_OF_ZEROs). */
const RUN_BYTE = 0;
/** Longest run one (0x00, n) pair can stand for: n = 255 means 256 zeros. */
const MAX_RUN = 256;

/** Literal stretches at least this long are copied with one native `set` call. */
const BULK_COPY_BYTES = 32;
/** Bytes probed one by one before handing the search to the native `indexOf`. */
const PROBE_BYTES = 16;

/**
 * Index of the next 0x00 at or after `from`, or -1. Dense zeros (save files, sparse images) are
 * found by the short probe; long nonzero stretches (image pixels) by the native search, whose
 * call costs more than a few byte compares.
 */
function nextRunByte(input: Uint8Array, from: number): number {
  const probeEnd = Math.min(input.length, from + PROBE_BYTES);
  for (let pos = from; pos < probeEnd; pos++) if (input[pos] === RUN_BYTE) return pos;
  return probeEnd === input.length ? -1 : input.indexOf(RUN_BYTE, probeEnd);
}

/**
 * Decodes a CDF_RLE block. A first pass sizes the output exactly (and finds a truncated final
 * pair or an over-long result before anything is allocated); the second pass fills it.
 */
export function decodeRle(
  input: Uint8Array,
  maxOutputBytes: number,
  context: InflateContext,
): Uint8Array {
  checkMaxOutputBytes(maxOutputBytes);
  const inputBytes = input.length;
  let outputBytes = 0;
  let pos = 0;
  for (;;) {
    const zero = nextRunByte(input, pos);
    const literalEnd = zero === -1 ? inputBytes : zero;
    outputBytes += literalEnd - pos;
    if (zero !== -1) {
      if (zero + 1 === inputBytes) {
        throw codecError(
          context,
          zero,
          "a run count after the 0x00 byte of a zero run",
          "the end of the block",
        );
      }
      outputBytes += input[zero + 1]! + 1;
      pos = zero + 2;
    }
    if (outputBytes > maxOutputBytes) {
      throw codecError(
        context,
        Math.min(literalEnd, inputBytes - 1),
        `the RLE block to decode to at most ${maxOutputBytes} bytes`,
        "more (a decompression bomb or a corrupt size)",
      );
    }
    if (zero === -1) break;
  }
  const output = new Uint8Array(outputBytes);
  let outPos = 0;
  pos = 0;
  for (;;) {
    const zero = nextRunByte(input, pos);
    const literalEnd = zero === -1 ? inputBytes : zero;
    if (literalEnd - pos >= BULK_COPY_BYTES) {
      output.set(input.subarray(pos, literalEnd), outPos);
      outPos += literalEnd - pos;
    } else {
      while (pos < literalEnd) output[outPos++] = input[pos++]!;
    }
    if (zero === -1) break;
    // The output is zero-filled already: skipping is writing the run.
    outPos += input[zero + 1]! + 1;
    pos = zero + 2;
  }
  return output;
}

/** Encodes bytes as CDF_RLE, splitting zero runs longer than 256 the way cdfrle.c does. */
export function encodeRle(input: Uint8Array): Uint8Array {
  // Worst case is isolated zeros: each becomes a two-byte pair.
  const output = new Uint8Array(input.length * 2);
  let outPos = 0;
  let pos = 0;
  while (pos < input.length) {
    const byte = input[pos]!;
    if (byte !== RUN_BYTE) {
      output[outPos++] = byte;
      pos++;
      continue;
    }
    let run = 1;
    while (run < MAX_RUN && pos + run < input.length && input[pos + run] === RUN_BYTE) run++;
    output[outPos++] = RUN_BYTE;
    output[outPos++] = run - 1;
    pos += run;
  }
  return output.slice(0, outPos);
}
