import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWithFixtures } from "../support/describe-fixtures.js";
import { runCli, runCliWith } from "../support/run-cli.js";
import { loopbackEnv, upstreamFixtureMounts } from "../support/upstream-fixture-tree.js";
import { startUpstreamServer } from "../support/upstream-server.js";

describe("aurorakit sites", () => {
  it("lists every array with its sites", async () => {
    const result = await runCli("sites");
    expect(result.code).toBe(0);
    for (const id of ["themis", "rego", "trex-nir", "trex-blue"])
      expect(result.stdout).toMatch(new RegExp(`^${id} \\(`, "m"));
    // asilib's asi_locations.csv: Gillam (THEMIS) at 56.376 N, -94.64 E.
    expect(result.stdout).toMatch(/gill {2}Gillam +56\.376°N +-94\.640°E/);
  });

  it("prints one array as JSON", async () => {
    const result = await runCli("sites", "themis", "--json");
    const [themis] = JSON.parse(result.stdout) as {
      array: string;
      sites: { code: string }[];
      sources: string[];
    }[];
    expect(themis?.array).toBe("themis");
    // asilib's catalogue has 23 THEMIS sites.
    expect(themis?.sites).toHaveLength(23);
    expect(themis?.sources).toEqual(["ucalgary", "berkeley"]);
  });

  it("names the arrays it knows when asked for another", async () => {
    const result = await runCli("sites", "mango2");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^aurorakit: not found: imager array "mango2"; known arrays: themis, rego/,
    );
  });
});

describeWithFixtures("aurorakit availability and download over a loopback upstream", () => {
  let server: Awaited<ReturnType<typeof startUpstreamServer>>;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startUpstreamServer({ mounts: upstreamFixtureMounts() });
    dataDir = mkdtempSync(join(tmpdir(), "aurorakit-cli-data-"));
    env = loopbackEnv(server.baseUrl, dataDir);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("reports the minutes a site has, merged into runs", async () => {
    const result = await runCliWith(
      { env },
      "availability",
      "themis",
      "gill",
      "gako",
      "--start",
      "2014-03-10T05:50:00Z",
      "--end",
      "2014-03-10T06:10:00Z",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      "gill: 2 minute file(s) (ucalgary): 2014-03-10T06:00:00.000000Z – 2014-03-10T06:01:00.000000Z\ngako: nothing (ucalgary)\n",
    );
  });

  it("reports Berkeley hours as JSON", async () => {
    const result = await runCliWith(
      { env },
      "availability",
      "themis",
      "gako",
      "--source",
      "berkeley",
      "--start",
      "2011-01-06T00:00:00Z",
      "--end",
      "2011-01-07T00:00:00Z",
      "--json",
    );
    expect(JSON.parse(result.stdout)).toEqual([
      { site: "gako", source: "berkeley", periodS: 3600, starts: ["2011-01-06T17:00:00.000Z"] },
    ]);
  });

  it("downloads files and the skymap into a cache that mirrors the upstream paths, then works offline", async () => {
    const result = await runCliWith(
      { env },
      "download",
      "themis",
      "gako",
      "--source",
      "berkeley",
      "--start",
      "2011-01-06T17:00:00Z",
      "--end",
      "2011-01-06T17:30:00Z",
    );
    expect(result.code).toBe(0);
    const cdf = join(
      dataDir,
      "berkeley",
      "thg",
      "l1",
      "asi",
      "gako",
      "2011",
      "01",
      "thg_l1_asf_gako_2011010617_v01.cdf",
    );
    expect(result.stdout).toBe(`${cdf}\n`);
    expect(result.stderr).toMatch(
      /1 file\(s\) in the cache; skymap themis_skymap_gako_20110305-\+_vXX\.sav/,
    );
    expect(
      existsSync(
        join(
          dataDir,
          "ucalgary",
          "THEMIS",
          "asi",
          "skymaps",
          "gako",
          "gako_20110305",
          "themis_skymap_gako_20110305-+_vXX.sav",
        ),
      ),
    ).toBe(true);
    const before = server.requests.length;
    const offline = await runCliWith(
      { env },
      "frames",
      "themis",
      "gako",
      "--source",
      "berkeley",
      "--offline",
      "--start",
      "2011-01-06T17:00:00Z",
      "--end",
      "2011-01-06T17:00:10Z",
    );
    expect(offline.code).toBe(0);
    // 17:00:00.053, :03.038, :06.018, :09.023 (cdflib epochs): four frames, no request.
    expect(offline.stdout.trim().split("\n")).toHaveLength(4);
    expect(server.requests.length).toBe(before);
  });

  it("offline, says which file is missing and how to get it", async () => {
    const range = ["--start", "2022-03-08T06:00:00Z", "--end", "2022-03-08T06:00:30Z"];
    const nothing = await runCliWith({ env }, "frames", "trex-blue", "gill", "--offline", ...range);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(
      /^aurorakit: not found: TREx Blue gill files .*offline mode: nothing for this range is cached; run `aurorakit download`/,
    );
    // Listings cached online, the file itself not: the error names the file and the command.
    expect((await runCliWith({ env }, "availability", "trex-blue", "gill", ...range)).code).toBe(0);
    const listed = await runCliWith({ env }, "frames", "trex-blue", "gill", "--offline", ...range);
    expect(listed.code).toBe(1);
    expect(listed.stderr).toMatch(/20220308_0600_gill_blue-814_full\.pgm\.gz/);
    expect(listed.stderr).toMatch(
      /aurorakit download trex-blue gill --source ucalgary --start 2022-03-08T06:00:00\.000Z --end 2022-03-08T06:00:59\.999Z/,
    );
  });

  it("says when there is nothing to download in the range", async () => {
    const result = await runCliWith(
      { env },
      "download",
      "trex-nir",
      "gill",
      "--start",
      "2022-03-07T08:00:00Z",
      "--end",
      "2022-03-07T08:10:00Z",
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^aurorakit: not found: TREx NIR gill files \(ucalgary\) between .*aurorakit availability trex-nir gill/,
    );
  });

  it("rejects a malformed time with an example of a good one", async () => {
    const result = await runCliWith(
      { env },
      "frames",
      "themis",
      "gill",
      "--start",
      "yesterday",
      "--end",
      "2014-03-10T06:01:00Z",
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'aurorakit: invalid start: "yesterday" is not an ISO 8601 time; write it like 2014-03-10T06:00:00Z\n',
    );
  });
});
