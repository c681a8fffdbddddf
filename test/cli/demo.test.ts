import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { syntheticArcFrames } from "../../src/arrays/synthetic/arc-frames.js";
import { fileSource } from "../../src/core/byte-source.js";
import { openCdf } from "../../src/formats/cdf/cdf-file.js";
import { readTimeVariableUnixMs } from "../../src/formats/cdf/epoch-arrays.js";
import { decodePng } from "../../src/formats/png/decode.js";
import { runCli } from "../support/run-cli.js";

const outDir = mkdtempSync(join(tmpdir(), "aurorakit-demo-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("aurorakit demo", () => {
  it("writes a synthetic THEMIS-style CDF and a quick-look PNG, and describes the CDF", async () => {
    const result = await runCli("demo", "--out", outDir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/format: cdf/);
    expect(result.stdout).toMatch(/thg_asf_demo {2}uint16\[20, 256, 256\]/);

    const cdfPath = join(outDir, "thg_l1_asf_demo_2011010617_synthetic.cdf");
    const cdf = openCdf(fileSource(cdfPath, "CDF"));
    try {
      // Invariant: the file holds exactly the frames the generator makes (lossless GZIP).
      const expected = syntheticArcFrames({ frameCount: 20, sizePx: 256 });
      const images = cdf.readVariable("thg_asf_demo");
      expect(images.shape).toEqual([20, 256, 256]);
      expect(
        Buffer.from((images.data as Uint16Array).buffer).equals(Buffer.from(expected.data.buffer)),
      ).toBe(true);
      // Analytic: 3 s cadence from 2011-01-06T17:00:00Z; CDF_EPOCH holds whole ms, so exact.
      const timesMs = readTimeVariableUnixMs(cdf, "thg_asf_demo_epoch");
      expect(Array.from(timesMs)).toEqual(
        Array.from({ length: 20 }, (_, i) => Date.UTC(2011, 0, 6, 17) + i * 3000),
      );
    } finally {
      cdf.close();
    }

    const png = decodePng(new Uint8Array(readFileSync(join(outDir, "frame0-quicklook.png"))));
    expect(png.shape).toEqual([256, 256, 1]);
    // Invariant: the 1-99.9 % stretch uses the full 8-bit range.
    expect(Math.max(...png.data)).toBe(255);
    expect(Math.min(...png.data)).toBe(0);
  });
});
