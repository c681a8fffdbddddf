import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { describeWithFixtures } from "../support/describe-fixtures.js";
import { fixture } from "../support/fixtures.js";
import { runCli } from "../support/run-cli.js";

const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

describe("aurorakit CLI", () => {
  it("--version prints the package version", async () => {
    const result = await runCli("--version");
    expect(result).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: "", warnings: [] });
  });

  it("--help lists the commands", async () => {
    const result = await runCli("--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/inspect/);
    expect(result.stdout).toMatch(/demo/);
  });

  it("an unknown command fails with one line and exit code 1", async () => {
    const result = await runCli("frobnicate");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^aurorakit: /);
  });

  it("a missing file fails with one line naming it", async () => {
    const result = await runCli("inspect", "/nonexistent/file.cdf");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^aurorakit: cannot read \/nonexistent\/file\.cdf \(ENOENT\)/);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("the installed bin runs (compiled by npm test's build step)", async () => {
    const { stdout } = await promisify(execFile)("node", ["bin/aurorakit.js", "--version"]);
    expect(stdout).toBe(`${manifest.version}\n`);
  });
});

describeWithFixtures("aurorakit inspect on real files", () => {
  it("a file of no supported format fails with a FormatError line", async () => {
    const result = await runCli("inspect", fixture("satellites", "auroral_sats_sample.tle"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^aurorakit: inspect: .*expected the magic bytes of a CDF/);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("describes a THEMIS CDF for a person: format, variables with type and shape, attributes", async () => {
    const path = fixture("themis", "thg_l1_asf_gako_2011010617_v01.cdf");
    const result = await runCli("inspect", path);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/format: cdf/);
    expect(result.stdout).toMatch(/thg_asf_gako {2}uint16\[23, 256, 256\]/);
    expect(result.stdout).toMatch(/CATDESC: Images of 256x256 pixels/);
    // Oracle: cdflib's ISO strings for thg_asf_gako_epoch (first and last), exact to the ms.
    expect(result.stdout).toContain("time: 2011-01-06T17:00:00.053Z .. 2011-01-06T17:01:06.020Z");
  });
});
