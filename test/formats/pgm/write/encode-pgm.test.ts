import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../../../src/core/errors.js";
import { readPgm, readPgmFrames } from "../../../../src/formats/pgm/read.js";
import {
  encodeUcalgaryPgm,
  formatUcalgaryTimestamp,
} from "../../../../src/formats/pgm/write/encode-pgm.js";
import { describeWithFixtures } from "../../../support/describe-fixtures.js";
import { fixture } from "../../../support/fixtures.js";

const T0_MS = Date.UTC(2014, 2, 10, 6, 0, 0) + 63.119;

function frame(k: number, width = 7, height = 5) {
  const pixels = new Uint16Array(width * height);
  // Values spanning both bytes and the full range, so a byte-order slip cannot go unseen.
  for (let i = 0; i < pixels.length; i++)
    pixels[i] = (i * 4099 + k * 257 + (i === 0 ? 65535 : 0)) % 65536;
  const metadata: [string, string][] = [
    ["Project unique ID", "THEMIS"],
    ["Site unique ID", "gill"],
    ["Image request start", formatUcalgaryTimestamp(T0_MS + k * 3000)],
    ["Exposure plus initial readout", "999.27 ms"],
  ];
  return { pixels, width, height, metadata };
}

describe("formatUcalgaryTimestamp", () => {
  it("writes %Y-%m-%d %H:%M:%S.%f UTC with six fraction digits", () => {
    // Oracle: the first frame timestamp of 20140310_0600_gill_themis19_full.pgm.gz (its oracle json).
    expect(formatUcalgaryTimestamp(T0_MS)).toBe("2014-03-10 06:00:00.063119 UTC");
  });
});

describe("encodeUcalgaryPgm", () => {
  for (const gzip of [false, true]) {
    it(`round-trips pixels, metadata and times through readPgm (gzip ${gzip})`, async () => {
      const frames = [frame(0), frame(1), frame(2)];
      const bytes = encodeUcalgaryPgm(frames, { gzip });
      const stack = await readPgm(bytes);
      expect(stack.stack.shape).toEqual([3, 5, 7]);
      expect(stack.maxValue).toBe(65535);
      frames.forEach((f, k) => {
        // Exact: the reader is the oracle for the layout.
        expect(Array.from(stack.stack.data.subarray(k * 35, (k + 1) * 35))).toEqual(
          Array.from(f.pixels),
        );
        expect(stack.frames[k]?.metadataEntries).toEqual(f.metadata);
        expect(stack.frames[k]?.endMarker).toBe("Exposure plus initial readout");
        // Microsecond text → ms: exact to 1e-6 ms (float64 rounding).
        expect(Math.abs((stack.frames[k]?.timeMs ?? 0) - (T0_MS + k * 3000))).toBeLessThan(1e-6);
      });
    });
  }

  it("starts each frame with the P5 line like the real files", () => {
    const bytes = encodeUcalgaryPgm([frame(0)]);
    expect(Buffer.from(bytes.subarray(0, 24)).toString("latin1")).toBe('P5\n#"Project unique ID" ');
    // Header (text) + 7·5·2 pixel bytes.
    expect(bytes[bytes.length - 70 - 1]).toBe(0x0a);
  });

  it("leaves the caller's pixels untouched", () => {
    const f = frame(4);
    const copy = Uint16Array.from(f.pixels);
    encodeUcalgaryPgm([f]);
    expect(f.pixels).toEqual(copy);
  });

  it("refuses frames the UCalgary readers could not parse", () => {
    const f = frame(0);
    expect(() => encodeUcalgaryPgm([])).toThrow(InvalidArgumentError);
    expect(() => encodeUcalgaryPgm([{ ...f, pixels: new Uint16Array(3) }])).toThrow(
      InvalidArgumentError,
    );
    expect(() =>
      encodeUcalgaryPgm([
        {
          ...f,
          metadata: [
            ['a"b', "x"],
            ["Exposure plus readout", "1"],
          ],
        },
      ]),
    ).toThrow(InvalidArgumentError);
    expect(() => encodeUcalgaryPgm([{ ...f, metadata: [["Site unique ID", "gill"]] }])).toThrow(
      /end-marker/,
    );
  });
});

describeWithFixtures("encodeUcalgaryPgm against a real THEMIS PGM", () => {
  it("re-encodes the real file's frames and metadata into bytes our reader decodes identically", async () => {
    const path = fixture("themis-pgm", "20140310_0600_gill_themis19_full.pgm.gz");
    const original = [];
    for await (const f of readPgmFrames(path)) {
      if (f.bitDepth !== 16) throw new Error("expected 16-bit");
      original.push({
        pixels: Uint16Array.from(f.pixels),
        width: f.width,
        height: f.height,
        metadata: f.metadataEntries,
        timeMs: f.timeMs,
      });
    }
    const again = await readPgm(encodeUcalgaryPgm(original, { gzip: true }));
    expect(again.frames).toHaveLength(20);
    original.forEach((f, k) => {
      // Exact: pixels (the oracle's per-frame sha256 covers the originals) and every metadata line.
      const got = again.stack.data.subarray(k * 65536, (k + 1) * 65536);
      expect(
        Buffer.from(got.buffer, got.byteOffset, got.byteLength).equals(
          Buffer.from(f.pixels.buffer),
        ),
      ).toBe(true);
      expect(again.frames[k]?.metadataEntries).toEqual(f.metadata);
      expect(again.frames[k]?.timeMs).toBe(f.timeMs);
    });
  });
});

describe("encodeUcalgaryPgm output, damaged", () => {
  it("makes readPgm fail with FormatError when truncated anywhere", async () => {
    const { FormatError } = await import("../../../../src/core/errors.js");
    const bytes = encodeUcalgaryPgm([frame(0), frame(1)]);
    // Every cut inside the second frame's header or pixels (bounded: ~60 cuts).
    const firstFrameBytes = bytes.length / 2;
    for (let cut = firstFrameBytes + 1; cut < bytes.length; cut += 3) {
      await expect(readPgm(bytes.subarray(0, cut)), `cut at ${cut}`).rejects.toThrow(FormatError);
    }
  });
});
