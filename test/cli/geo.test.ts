import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

describe("aurorakit geo", () => {
  it("azel: a target straight above the observer is at 90° elevation, its height difference away", async () => {
    const result = await runCli(
      "geo",
      "azel",
      "--from",
      "62.41,-145.16,0.5",
      "--to",
      "62.41,-145.16,110.5",
      "--json",
    );
    expect(result.code).toBe(0);
    const look = JSON.parse(result.stdout) as { elevationDeg: number; rangeKm: number };
    // Analytic: along the ellipsoid normal the range is exactly the height difference (1 mm).
    expect(look.elevationDeg).toBeCloseTo(90, 6);
    expect(Math.abs(look.rangeKm - 110)).toBeLessThan(1e-6);
  });

  it("aacgm: reproduces the AACGM-v2 C library's documented coefficient-mode output", async () => {
    const result = await runCli(
      "geo",
      "aacgm",
      "--time",
      "2029-03-22T03:11:00Z",
      "--at",
      "45.5,-23.5,1135",
    );
    expect(result.code).toBe(0);
    // Oracle: c_aacgmv2 README test_aacgm output (aacgm_documented_examples.txt): 47.402897 56.602300 r 1.177533.
    expect(result.stdout).toMatch(
      /^AACGM 47\.4028\d\d° {2}56\.6023\d\d°E {2}r 1\.17753\d Re {2}MLT \d+\.\d{4} h\n$/,
    );
  });

  it("footprint: traces down from 800 km and says so when the line never gets there", async () => {
    const down = await runCli(
      "geo",
      "footprint",
      "--time",
      "2015-03-17T12:00:00Z",
      "--at",
      "65,-147,800",
      "--json",
    );
    expect(down.code).toBe(0);
    const foot = JSON.parse(down.stdout) as { latitudeDeg: number; altitudeKm: number };
    // Invariant: the footprint is at the requested 110 km (1 mm), a little poleward-ish of the start (within 3°).
    expect(Math.abs(foot.altitudeKm - 110)).toBeLessThan(1e-6);
    expect(Math.abs(foot.latitudeDeg - 65)).toBeLessThan(3);
    const high = await runCli(
      "geo",
      "footprint",
      "--time",
      "2015-03-17T12:00:00Z",
      "--at",
      "65,-147,100",
      "--altitude",
      "120000",
      "--hemisphere",
      "opposite",
    );
    expect(high.code).toBe(0);
    expect(high.stdout).toMatch(/does not reach that altitude/);
  });

  it("rejects malformed points and options with an example", async () => {
    const bad = await runCli("geo", "azel", "--from", "95,0,0", "--to", "0,0,0");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /invalid --from: "95,0,0" is not lat,lon\[,altKm\] with \|lat\| <= 90/,
    );
    const method = await runCli(
      "geo",
      "aacgm",
      "--time",
      "2020-01-01T00:00:00Z",
      "--at",
      "60,15,300",
      "--method",
      "fast",
    );
    expect(method.stderr).toMatch(/must be one of coefficients, trace, allowTrace, badIdea/);
  });
});
