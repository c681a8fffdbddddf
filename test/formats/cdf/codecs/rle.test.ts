import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../../../src/core/errors.js";
import { decodeRle, encodeRle } from "../../../../src/formats/cdf/codecs/rle.js";
import {
  context,
  expectFormatError,
  expectSameBytes,
  fromHex,
  toHex,
} from "./codec-test-support.js";

describe("CDF_RLE", () => {
  it("decodes the documented example: 0x00 n stands for n + 1 zeros", () => {
    // Oracle: the example in jcdf's RunLengthInputStream documentation (deduced from the CDF
    // distribution's cdfrle.c): 1 2 3 0 0 4 5 6 0 2 -> 1 2 3 0 4 5 6 0 0 0.
    const decoded = decodeRle(fromHex("01020300000405060002"), 100, context);
    expect(toHex(decoded)).toBe("01020300040506000000");
  });

  it("encodes hand-computed vectors", () => {
    // Analytic: nonzero bytes pass through; each run of k <= 256 zeros becomes 00 (k - 1).
    expect(toHex(encodeRle(fromHex("0102030004050600000000")))).toBe("01020300000405060003");
    expect(toHex(encodeRle(new Uint8Array(0)))).toBe("");
    expect(toHex(encodeRle(fromHex("07")))).toBe("07");
    expect(toHex(encodeRle(fromHex("00")))).toBe("0000");
    // 256 zeros fit one pair (00 ff); 257 need a second pair (00 00).
    expect(toHex(encodeRle(new Uint8Array(256)))).toBe("00ff");
    expect(toHex(encodeRle(new Uint8Array(257)))).toBe("00ff0000");
    // 1000 = 3 * 256 + 232 zeros: three full pairs and 00 e7 (231 = 232 - 1).
    expect(toHex(encodeRle(new Uint8Array(1000)))).toBe("00ff00ff00ff00e7");
  });

  it("round-trips edge cases", () => {
    const distinct = Uint8Array.from({ length: 256 }, (_, i) => i);
    const longRuns = new Uint8Array(5000);
    longRuns[0] = 9;
    longRuns[700] = 1;
    longRuns[4999] = 255;
    for (const input of [new Uint8Array(0), new Uint8Array(1), fromHex("ff"), distinct, longRuns]) {
      // Invariant: decode(encode(x)) == x, with the exact size as the cap.
      expectSameBytes(decodeRle(encodeRle(input), input.length, context), input);
    }
  });

  it("rejects a zero byte without its count (truncated block)", () => {
    const error = expectFormatError(() => decodeRle(fromHex("010200"), 100, context));
    // The 0x00 is at index 2 of the block, which starts at file offset 1000.
    expect(error.offset).toBe(1002);
  });

  it("rejects output beyond maxOutputBytes (decompression bomb) before allocating it", () => {
    // 2 bytes per 256 zeros: 200 000 input bytes claim 25.6 MB.
    const bomb = new Uint8Array(200_000);
    for (let i = 1; i < bomb.length; i += 2) bomb[i] = 0xff;
    expectFormatError(() => decodeRle(bomb, 1_000_000, context));
    // Exactly at the cap is fine: 4 zeros in a 4-byte cap.
    expectSameBytes(decodeRle(fromHex("0003"), 4, context), new Uint8Array(4));
    expectFormatError(() => decodeRle(fromHex("0003"), 3, context));
  });

  it("rejects a cap that is not a byte count", () => {
    expect(() => decodeRle(fromHex("01"), -1, context)).toThrow(InvalidArgumentError);
    expect(() => decodeRle(fromHex("01"), 1.5, context)).toThrow(InvalidArgumentError);
  });
});
