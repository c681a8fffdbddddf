import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readPgm } from "../../../src/formats/pgm/read.js";
import { concatBytes, pgmFrame, type SyntheticFrame } from "../../support/pgm-synthetic.js";

/**
 * SYNTHETIC: no REGO raw file is public (fixtures README), so this builds a REGO-like minute
 * file from the documented layout (aurorax reference 3.5): 512 x 512 16-bit frames, `rego`
 * keys, the `Exposure plus readout` end marker, and a `Bright Light Status` line with a
 * non-ASCII byte as REGO writes it.
 */
const REGO_SIZE_PX = 512;

function regoFrame(index: number): SyntheticFrame {
  const samples = Array.from(
    { length: REGO_SIZE_PX * REGO_SIZE_PX },
    (_, i) => (i * 13 + index * 1000) % 65536,
  );
  return {
    width: REGO_SIZE_PX,
    height: REGO_SIZE_PX,
    maxValue: 65535,
    samples,
    comments: [
      '"Project unique ID" rego',
      '"Site unique ID" gill',
      '"Imager unique ID" rego-652',
      '"Mode unique ID" 6300',
      // 0xB0 is the Latin-1 degree sign; REGO files carry such bytes in this line.
      `"Bright Light Status" DARK (0) 12.5\u00b0C`,
      `"Image request start" 2021-11-04 09:00:${String(index * 3).padStart(2, "0")}.024704 UTC`,
      '"Exposure plus readout" 2000.00 ms',
    ],
  };
}

describe("REGO-like minute file (synthetic)", () => {
  it("decodes 512 x 512 frames, REGO metadata and timestamps", async () => {
    const frames = [0, 1, 2].map(regoFrame);
    const file = gzipSync(concatBytes(...frames.map(pgmFrame)));
    const stack = await readPgm(new Uint8Array(file), {
      fileName: "20211104_0900_gill_rego-652_6300.pgm.gz",
    });
    expect(stack.stack.shape).toEqual([3, REGO_SIZE_PX, REGO_SIZE_PX]);
    // Invariant: samples come back exactly as generated, row-major, no flip.
    const expected = Uint16Array.from(frames.flatMap((frame) => frame.samples ?? []));
    expect(Buffer.from(stack.stack.data.buffer).equals(Buffer.from(expected.buffer))).toBe(true);
    expect(stack.frames.map((frame) => frame.metadata["Imager unique ID"])).toEqual([
      "rego-652",
      "rego-652",
      "rego-652",
    ]);
    expect(stack.frames[0]?.metadata["Bright Light Status"]).toBe("DARK (0) 12.5\u00b0C");
    // Analytic: 2021-11-04T09:00:00Z + 24.704 ms + 3 s per frame; tolerance 0.5 microsecond.
    stack.frames.forEach((frame, i) => {
      const expectedMs = Date.UTC(2021, 10, 4, 9, 0, 3 * i) + 24.704;
      expect(Math.abs((frame.timeMs ?? Number.NaN) - expectedMs)).toBeLessThan(0.0005);
    });
  });
});
