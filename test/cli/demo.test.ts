import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileSource } from "../../src/core/byte-source.js";
import { openCdf } from "../../src/formats/cdf/cdf-file.js";
import { readTimeVariableUnixMs } from "../../src/formats/cdf/epoch-arrays.js";
import { decodePng } from "../../src/formats/png/decode.js";
import { sha256LittleEndian } from "../../src/formats/summary.js";
import { openImager } from "../../src/imager/open-imager.js";
import { runCli } from "../support/run-cli.js";

const outDir = mkdtempSync(join(tmpdir(), "aurorakit-demo-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("aurorakit demo", () => {
  it("streams the synthetic imager, writes a quick-look PNG and the frames as upstream-layout THEMIS files", async () => {
    const result = await runCli("demo", "--out", outDir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    // Ten minutes at the 3 s cadence: 200 frames, 20 per minute.
    expect(result.stdout).toMatch(
      /^200 frames streamed; brightest at 2014-03-10T05:5\d:\d\d\.000000Z/m,
    );
    expect(result.stdout).toMatch(/thg_asf_gill {2}uint16\[200, 256, 256\]/);

    const cdfPath = join(
      outDir,
      "upstream",
      "berkeley",
      "thg",
      "l1",
      "asi",
      "gill",
      "2014",
      "03",
      "thg_l1_asf_gill_2014031005_v01.cdf",
    );
    const skymapPath = join(
      outDir,
      "upstream",
      "ucalgary",
      "THEMIS",
      "asi",
      "skymaps",
      "gill",
      "gill_20140310",
    );
    expect(existsSync(skymapPath)).toBe(true);
    const cdf = openCdf(fileSource(cdfPath, "CDF"));
    const storedFirst = (
      cdf.readVariable("thg_asf_gill", { firstRecord: 0, lastRecord: 0 }).data as Uint16Array
    ).slice();
    // Analytic: 3 s cadence from 05:48:00 UT; CDF_EPOCH holds whole ms, so exact.
    expect(readTimeVariableUnixMs(cdf, "thg_asf_gill_epoch")[0]).toBe(Date.UTC(2014, 2, 10, 5, 48));
    cdf.close();
    // Invariant: the CDF holds the synthetic imager's first frame, rotated 180° as THEMIS L1 stores it.
    const imager = await openImager("synthetic", "gill", { time: "2014-03-10T05:48:00Z" });
    const first = await imager.at("2014-03-10T05:48:00Z");
    expect(sha256LittleEndian(storedFirst.reverse())).toBe(sha256LittleEndian(first.image));

    const png = decodePng(
      new Uint8Array(readFileSync(join(outDir, "quicklook-synthetic-gill.png"))),
    );
    expect(png.shape).toEqual([256, 256, 4]);
    // Invariant: the 1-99.9 % stretch through the gray map uses the full 8-bit range (red channel), opaque.
    const red = (png.data as Uint8Array).filter((_, i) => i % 4 === 0);
    const alpha = (png.data as Uint8Array).filter((_, i) => i % 4 === 3);
    expect(Math.max(...red)).toBe(255);
    expect(Math.min(...red)).toBe(0);
    expect(Math.min(...alpha)).toBe(255);
  });

  it("names the synthetic sites when given another", async () => {
    const result = await runCli("demo", "--out", outDir, "--site", "fsmi");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/site "fsmi" of Synthetic.*known sites: gill, atha, tpas/);
  });
});
