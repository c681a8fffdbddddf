import { describe, expect, it } from "vitest";
import { FormatError } from "../../../src/core/errors.js";
import { type PgmFrame, pgmFrames } from "../../../src/formats/pgm/frames.js";
import { readPgm, readPgmFrames } from "../../../src/formats/pgm/read.js";
import {
  asciiBytes,
  concatBytes,
  inChunks,
  latin1Bytes,
  pgmFrame,
  rampSamples,
  rasterBytes,
  type SyntheticFrame,
} from "../../support/pgm-synthetic.js";

async function allFrames(bytes: Uint8Array): Promise<PgmFrame[]> {
  const frames: PgmFrame[] = [];
  for await (const frame of readPgmFrames(bytes, { fileName: "synthetic.pgm" })) frames.push(frame);
  return frames;
}

const THEMIS_LIKE: SyntheticFrame = {
  width: 5,
  height: 3,
  maxValue: 65535,
  comments: [
    '"Project unique ID" themis-gbo',
    '"Site unique ID" gill',
    "plain comment without quotes",
    '"Project unique ID" THEMIS',
    '"Image request start" 2014-03-10 06:00:00.063119 UTC',
    '"Exposure plus initial readout"    985.07 ms',
  ],
};

describe("PGM frames from synthetic files (analytic oracles)", () => {
  it("decodes 16-bit big-endian samples row-major, row 0 first, no flip", async () => {
    const [frame] = await allFrames(pgmFrame(THEMIS_LIKE));
    expect(frame?.bitDepth).toBe(16);
    expect(frame?.pixels).toBeInstanceOf(Uint16Array);
    // Analytic oracle: the ramp written by the helper, in file order.
    expect(Array.from(frame?.pixels ?? [])).toEqual(rampSamples(THEMIS_LIKE));
    expect([frame?.width, frame?.height, frame?.maxValue]).toEqual([5, 3, 65535]);
  });

  it("keeps metadata like the Python readers: first position, last value; all lines kept", async () => {
    const [frame] = await allFrames(pgmFrame(THEMIS_LIKE));
    expect(Object.keys(frame?.metadata ?? {})).toEqual([
      "Project unique ID",
      "Site unique ID",
      "Image request start",
      "Exposure plus initial readout",
    ]);
    expect(frame?.metadata["Project unique ID"]).toBe("THEMIS");
    expect(frame?.metadata["Exposure plus initial readout"]).toBe("985.07 ms");
    expect(frame?.metadataEntries.map(([key]) => key)).toEqual([
      "Project unique ID",
      "Site unique ID",
      "Project unique ID",
      "Image request start",
      "Exposure plus initial readout",
    ]);
    expect(frame?.endMarker).toBe("Exposure plus initial readout");
    // Analytic: Date.UTC(2014, 2, 10, 6, 0, 0) = 1394431200000 ms, plus 63.119 ms;
    // tolerance 0.5 microsecond (float64 resolution).
    expect(Math.abs((frame?.timeMs ?? 0) - 1394431200063.119)).toBeLessThan(0.0005);
  });

  it("recognises every instrument's end marker and reports frames without one", async () => {
    const markers = [
      "Exposure plus initial readout",
      "Exposure duration plus readout",
      "Exposure plus readout",
      "Effective image exposure",
    ];
    const bytes = concatBytes(
      ...markers.map((marker) =>
        pgmFrame({ width: 2, height: 2, maxValue: 65535, comments: [`"${marker}" 1 ms`] }),
      ),
      pgmFrame({ width: 2, height: 2, maxValue: 65535, comments: ['"Site unique ID" gill'] }),
    );
    const frames = await allFrames(bytes);
    expect(frames.map((frame) => frame.endMarker)).toEqual([...markers, null]);
    expect(frames.map((frame) => frame.timeMs)).toEqual([null, null, null, null, null]);
  });

  it("decodes 8-bit frames (maxval < 256) and 16-bit frames with maxval 256..65535", async () => {
    const eight: SyntheticFrame = { width: 4, height: 2, maxValue: 255 };
    const [frame8] = await allFrames(pgmFrame(eight));
    expect(frame8?.bitDepth).toBe(8);
    expect(frame8?.pixels).toBeInstanceOf(Uint8Array);
    expect(Array.from(frame8?.pixels ?? [])).toEqual(rampSamples(eight));
    const twelve: SyntheticFrame = {
      width: 3,
      height: 3,
      maxValue: 4095,
      samples: [0, 1, 255, 256, 4095, 4094, 2, 3, 4],
    };
    const [frame12] = await allFrames(pgmFrame(twelve));
    expect(frame12?.bitDepth).toBe(16);
    expect(Array.from(frame12?.pixels ?? [])).toEqual(twelve.samples);
    const stack = await readPgm(concatBytes(pgmFrame(eight), pgmFrame(eight)));
    expect(stack.stack.dtype).toBe("uint8");
    expect(stack.stack.shape).toEqual([2, 2, 4]);
  });

  it("follows the Netpbm grammar: tokens on one line, comments between tokens, CRLF", async () => {
    const samples = [0x0a20, 0x2020, 0x0d0a, 0x0909];
    const raster = rasterBytes(65535, samples);
    const variants = [
      asciiBytes("P5 2 2 65535\n"),
      asciiBytes('P5\n# c1\n2\n#"Site unique ID" gill\n2 #trailing\n65535\n'),
      asciiBytes('P5\r\n#"Site unique ID" gill\r\n2 2\r\n65535\r'),
      asciiBytes("P5\t2\t2\t65535 "),
    ];
    for (const header of variants) {
      const [frame] = await allFrames(concatBytes(header, raster));
      // Analytic oracle: the raster starts with bytes that look like whitespace and must be
      // read as samples (exactly one whitespace byte follows maxval).
      expect(Array.from(frame?.pixels ?? [])).toEqual(samples);
    }
    const [crlf] = await allFrames(concatBytes(variants[2]!, raster));
    expect(crlf?.metadata).toEqual({ "Site unique ID": "gill" });
  });

  it("keeps non-ASCII metadata as Latin-1 and stores any key as plain data", async () => {
    const header = latin1Bytes(
      'P5\n#"Bright Light Status" DARK \xb5\xff\xe9 (550)\n#"__proto__" polluted\n1 1\n255\n',
    );
    const [frame] = await allFrames(concatBytes(header, new Uint8Array([7])));
    expect(frame?.metadata["Bright Light Status"]).toBe("DARK \u00b5\u00ff\u00e9 (550)");
    expect(Object.getOwnPropertyDescriptor(frame?.metadata, "__proto__")?.value).toBe("polluted");
    expect(Object.getPrototypeOf(frame?.metadata)).toBe(Object.prototype);
  });

  it("tolerates whitespace between and after frames", async () => {
    const one = pgmFrame({ width: 2, height: 1, maxValue: 255 });
    const frames = await allFrames(concatBytes(one, asciiBytes("\n\n"), one, asciiBytes(" \n")));
    expect(frames.map((frame) => frame.byteOffset)).toEqual([0, one.byteLength + 2]);
  });

  it("parses identically from 1-byte chunks (every header split everywhere)", async () => {
    const bytes = concatBytes(pgmFrame(THEMIS_LIKE), pgmFrame({ ...THEMIS_LIKE, comments: [] }));
    const whole = await allFrames(bytes);
    const split: PgmFrame[] = [];
    for await (const frame of pgmFrames(inChunks(bytes, 1))) split.push(frame);
    expect(split).toEqual(whole);
  });

  it("parses timestamps with 0-6 fraction digits; rejects malformed ones as null", async () => {
    const cases: [string, number | null][] = [
      // Analytic: Date.UTC(2022, 2, 7, 6) = 1646632800000 ms.
      ["2022-03-07 06:00:00 UTC", 1646632800000],
      ["2022-03-07 06:00:00.5 UTC", 1646632800500],
      ["2022-03-07 06:00:00.000001 UTC", 1646632800000.001],
      ["2022-02-30 06:00:00.000000 UTC", null],
      ["2022-03-07 24:00:00.000000 UTC", null],
      ["2022-03-07T06:00:00Z", null],
      ["garbage", null],
    ];
    for (const [text, expected] of cases) {
      const header = `"Image request start" ${text}`;
      const [frame] = await allFrames(
        pgmFrame({ width: 1, height: 1, maxValue: 255, comments: [header] }),
      );
      if (expected === null) expect(frame?.timeMs, text).toBeNull();
      // Tolerance 0.5 microsecond (float64 resolution near 2022).
      else expect(Math.abs((frame?.timeMs ?? 0) - expected), text).toBeLessThan(0.0005);
    }
  });

  it("rejects a file whose frames change size or maxval (one stack per file)", async () => {
    const first = pgmFrame({ width: 2, height: 2, maxValue: 65535 });
    for (const other of [
      { width: 3, height: 2, maxValue: 65535 },
      { width: 2, height: 2, maxValue: 255 },
    ]) {
      const bytes = concatBytes(first, pgmFrame(other));
      const error = await allFrames(bytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FormatError);
      expect((error as FormatError).offset).toBe(first.byteLength);
      expect((error as FormatError).message).toMatch(/frame 1 to be 2x2 with maxval 65535/);
    }
  });
});
