import Bunzip, { type SeekBzipInput, type SeekBzipOutput } from "seek-bzip";
import { FormatError } from "../../core/errors.js";
import { PGM_FORMAT } from "./constants.js";

// bzip2 format (Joe Tsai, "BZip2 Format Specification", github.com/dsnet/compress,
// doc/bzip2-format.pdf, the StreamFooter structure, matching bzip2 1.0.x): a stream
// ends with the 48-bit magic 0x177245385090 (BCD of sqrt(pi)), a 32-bit CRC and 0-7 padding
// bits. Split in two 24-bit halves to stay within exact integer arithmetic.
const FOOTER_MAGIC_HIGH = 0x177245;
const FOOTER_MAGIC_LOW = 0x385090;
const FOOTER_BITS = 48 + 32;
// Same specification, StreamHeader: "BZh" plus one block-size digit (4 bytes).
const HEADER_BITS = 32;

function readBits(bytes: Uint8Array, bitOffset: number, count: number): number {
  let value = 0;
  for (let i = 0; i < count; i++) {
    const bit = bitOffset + i;
    value = value * 2 + (((bytes[bit >>> 3] as number) >>> (7 - (bit & 7))) & 1);
  }
  return value;
}

/**
 * True if the bytes end with a bzip2 stream footer. seek-bzip stops silently when the input
 * runs out at a block boundary; this check turns such a truncation into an error.
 */
function endsWithStreamFooter(bytes: Uint8Array): boolean {
  const totalBits = bytes.byteLength * 8;
  for (let padding = 0; padding < 8; padding++) {
    const start = totalBits - padding - FOOTER_BITS;
    if (start < HEADER_BITS) return false;
    if (
      readBits(bytes, start, 24) === FOOTER_MAGIC_HIGH &&
      readBits(bytes, start + 24, 24) === FOOTER_MAGIC_LOW
    ) {
      return true;
    }
  }
  return false;
}

class InputExhausted extends Error {}
class OutputCapReached extends Error {}

/**
 * Decodes a whole bzip2 file (one or more concatenated streams) with seek-bzip, which checks
 * every block and stream CRC. The output grows with the data and stops at `maxOutputBytes`,
 * so a decompression bomb becomes a FormatError; reading past the input's end does too.
 */
export function bunzipBounded(
  compressed: Uint8Array,
  maxOutputBytes: number,
  file: string | undefined,
): Uint8Array {
  let inputPosition = 0;
  const input: SeekBzipInput = {
    readByte() {
      if (inputPosition >= compressed.byteLength) throw new InputExhausted();
      return compressed[inputPosition++] as number;
    },
    read(buffer, offset, length) {
      const count = Math.min(length, compressed.byteLength - inputPosition);
      if (count <= 0) return -1;
      buffer.set(compressed.subarray(inputPosition, inputPosition + count), offset);
      inputPosition += count;
      return count;
    },
    seek(position) {
      inputPosition = position;
    },
    eof() {
      return inputPosition >= compressed.byteLength;
    },
  };
  let output = new Uint8Array(Math.min(maxOutputBytes, Math.max(1024, compressed.byteLength * 4)));
  let outputLength = 0;
  const sink: SeekBzipOutput = {
    writeByte(byte) {
      if (outputLength === output.byteLength) {
        if (outputLength >= maxOutputBytes) throw new OutputCapReached();
        const grown = new Uint8Array(Math.min(maxOutputBytes, output.byteLength * 2));
        grown.set(output, 0);
        output = grown;
      }
      output[outputLength++] = byte;
    },
  };

  const fail = (expected: string, found: string, cause?: unknown): never => {
    throw new FormatError(PGM_FORMAT, { file, offset: outputLength, expected, found, cause });
  };
  try {
    Bunzip.decode(input, sink, true);
  } catch (cause) {
    if (cause instanceof OutputCapReached) {
      fail(
        `bzip2 data that decodes to at most ${maxOutputBytes} bytes (option maxDecodedBytes)`,
        "more: a decompression bomb or a far larger file than UCalgary writes",
      );
    }
    const problem =
      cause instanceof InputExhausted ? "the end of the compressed data" : String(cause);
    fail(
      "complete, valid bzip2 data",
      `${problem} at compressed byte ${inputPosition} of ${compressed.byteLength}`,
      cause,
    );
  }
  if (!endsWithStreamFooter(compressed)) {
    fail("a bzip2 stream footer at the end of the file", "none: the file is truncated");
  }
  return output.subarray(0, outputLength);
}
