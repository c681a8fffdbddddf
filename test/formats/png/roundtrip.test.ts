import { spawnSync } from "node:child_process";
import { decode as fastPngDecode } from "fast-png";
import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../../src/core/errors.js";
import type { NDArray } from "../../../src/core/ndarray.js";
import { decodePng } from "../../../src/formats/png/decode.js";
import { encodePng } from "../../../src/formats/png/encode.js";
import { sha256LittleEndian } from "../../../src/formats/summary.js";
import { lcgSamples } from "../../support/png-builder.js";

const ROWS = 37;
const COLUMNS = 53;
const NOISE_ROWS = 6;

/**
 * Rows of full-range noise (where filter None wins) above a noisy gradient (where the
 * predicting filters win), so that round trips exercise several filter types.
 */
function testImage(
  dtype: "uint8" | "uint16",
  channels: number,
): NDArray<"uint8"> | NDArray<"uint16"> {
  const max = dtype === "uint8" ? 255 : 65535;
  const noise = lcgSamples(ROWS * COLUMNS * channels, max, channels);
  const values = noise.map((n, i) => {
    const pixel = Math.floor(i / channels);
    const row = Math.floor(pixel / COLUMNS);
    if (row < NOISE_ROWS) return n;
    const gradient = ((pixel % COLUMNS) * 5 + row * 3) * (max >> 8);
    return (gradient + (n >> 4)) % (max + 1);
  });
  const shape = channels === 1 ? [ROWS, COLUMNS] : [ROWS, COLUMNS, channels];
  return dtype === "uint8"
    ? { dtype, shape, data: Uint8Array.from(values) }
    : { dtype, shape, data: Uint16Array.from(values) };
}

/**
 * An independent PNG reader in Python's standard library (zlib + the PNG spec's filter
 * formulas): prints the SHA-256 of the samples serialised little-endian.
 */
const PYTHON_PNG_SHA = `
import sys, zlib, struct, hashlib
data = sys.stdin.buffer.read()
assert data[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
pos, idat = 8, b""
while True:
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, color = struct.unpack(">IIBB", body[:10])
    if kind == b"IDAT":
        idat += body
    pos += 12 + length
    if kind == b"IEND":
        break
channels = {0: 1, 2: 3, 4: 2, 6: 4}[color]
bpp = channels * depth // 8
stride = width * bpp
raw = zlib.decompress(idat)
out, prev = bytearray(), bytearray(stride)
for y in range(height):
    ftype, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if ftype == 1: line[i] = (line[i] + a) & 255
        elif ftype == 2: line[i] = (line[i] + b) & 255
        elif ftype == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif ftype == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    out += line
    prev = line
if depth == 16:
    out = b"".join(out[i + 1:i + 2] + out[i:i + 1] for i in range(0, len(out), 2))
print(hashlib.sha256(bytes(out)).hexdigest())
`;

const pythonAvailable = spawnSync("python3", ["-c", "import zlib, hashlib"]).status === 0;

describe("encodePng then decodePng", () => {
  for (const dtype of ["uint8", "uint16"] as const) {
    for (const channels of [1, 2, 3, 4]) {
      it(`round-trips ${dtype} with ${channels} channel(s) bit-exactly`, () => {
        const image = testImage(dtype, channels);
        const decoded = decodePng(encodePng(image), "roundtrip.png");
        expect(decoded.dtype).toBe(dtype);
        expect(decoded.shape).toEqual([ROWS, COLUMNS, channels]);
        // Oracle: the samples that went in (exact).
        expect(
          Buffer.compare(Buffer.from(decoded.data.buffer), Buffer.from(image.data.buffer)),
        ).toBe(0);
      });
    }
  }

  it("is read identically by fast-png, an independent decoder", () => {
    for (const dtype of ["uint8", "uint16"] as const) {
      const image = testImage(dtype, 3);
      const theirs = fastPngDecode(encodePng(image), { checkCrc: true });
      expect(theirs.depth).toBe(dtype === "uint8" ? 8 : 16);
      expect(Array.from(theirs.data)).toEqual(Array.from(image.data));
    }
  });

  it.runIf(pythonAvailable)(
    "writes 16-bit PNGs that Python's zlib-based reader decodes identically",
    () => {
      for (const channels of [1, 4]) {
        const image = testImage("uint16", channels);
        const result = spawnSync("python3", ["-c", PYTHON_PNG_SHA], { input: encodePng(image) });
        expect(result.stderr.toString()).toBe("");
        // Oracle: the independent Python reader's SHA-256 of the samples.
        expect(result.stdout.toString().trim()).toBe(sha256LittleEndian(image.data));
      }
    },
  );
  if (!pythonAvailable) console.warn("SKIPPED the Python PNG oracle: python3 is not available");

  it("keeps text chunks: Latin-1 as tEXt and other text as iTXt", () => {
    const text = { Site: "gill", Comment: "Fort Smith – 5577 Å" };
    const decoded = decodePng(encodePng(testImage("uint8", 1), { text }), "text.png");
    expect(decoded.text).toEqual(text);
  });

  it("rejects arrays PNG cannot hold with InvalidArgumentError", () => {
    const bad: NDArray[] = [
      { dtype: "float32", shape: [2, 2], data: new Float32Array(4) },
      { dtype: "uint8", shape: [2, 2, 5], data: new Uint8Array(20) },
      { dtype: "uint8", shape: [2, 2], data: new Uint8Array(3) },
      { dtype: "uint8", shape: [0, 2], data: new Uint8Array(0) },
      { dtype: "uint8", shape: [4], data: new Uint8Array(4) },
    ];
    for (const array of bad) expect(() => encodePng(array)).toThrow(InvalidArgumentError);
    expect(() => encodePng(testImage("uint8", 1), { compressionLevel: 11 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => encodePng(testImage("uint8", 1), { text: { "": "x" } })).toThrow(
      InvalidArgumentError,
    );
  });
});
