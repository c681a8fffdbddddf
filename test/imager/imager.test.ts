import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fileSource } from "../../src/core/byte-source.js";
import { resolveConfig } from "../../src/core/config.js";
import { openCdf } from "../../src/formats/cdf/cdf-file.js";
import { sha256LittleEndian } from "../../src/formats/summary.js";
import { openImager, themis } from "../../src/imager/open-imager.js";
import { DataCache } from "../../src/sources/data-cache.js";
import { describeWithFixtures } from "../support/describe-fixtures.js";
import { fixture, readOracle } from "../support/fixtures.js";
import { recordingReporter } from "../support/recording-reporter.js";
import { loopbackEnv, upstreamFixtureMounts } from "../support/upstream-fixture-tree.js";
import { startUpstreamServer } from "../support/upstream-server.js";

interface PgmOracle {
  per_frame: { sha256_le: string; timestamp: string }[];
}

describeWithFixtures("the Imager over a loopback upstream", () => {
  let server: Awaited<ReturnType<typeof startUpstreamServer>>;
  let dataDir: string;
  const reporter = recordingReporter();
  const { warnings } = reporter;
  const options = () => ({
    config: resolveConfig({ env: loopbackEnv(server.baseUrl, dataDir) }),
    reporter,
  });

  beforeAll(async () => {
    server = await startUpstreamServer({ mounts: upstreamFixtureMounts() });
    dataDir = mkdtempSync(join(tmpdir(), "aurorakit-imager-"));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The 23 stored CDF frames rotated by 180° (read backwards): the expected decoded frames. */
  function rotatedCdfFrames(): Uint16Array {
    const cdf = openCdf(fileSource(fixture("themis", "thg_l1_asf_gako_2011010617_v01.cdf")));
    const stored = cdf.readVariable("thg_asf_gako").data as Uint16Array;
    cdf.close();
    const out = new Uint16Array(stored.length);
    const n = 256 * 256;
    for (let f = 0; f < 23; f++)
      out.set(
        stored
          .subarray(f * n, (f + 1) * n)
          .slice()
          .reverse(),
        f * n,
      );
    return out;
  }

  it("maps the skymap at an altitude the file does not have (THEMIS at 230 km)", async () => {
    const imager = await themis(
      "gako",
      { time: "2011-01-06T17:00:03Z" },
      { ...options(), source: "berkeley", altitudeKm: 230 },
    );
    expect(imager.skymap.altitudeKm).toBe(230);
    expect(imager.skymap.cornersFromFile).toBe(false);
    // Invariant: the most zenith-ward pixel (89.7° elevation) maps within 230 km × tan(0.3°) ≈ 1.2 km
    // of the point above the site; 0.02° of latitude (2.2 km) allows for that.
    const { width, elevationDeg, centreLatitudeDeg } = imager.skymap;
    let zenith = -1;
    for (let i = 0; i < elevationDeg.length; i++) {
      const el = elevationDeg[i] as number;
      if (Number.isFinite(el) && (zenith < 0 || el > (elevationDeg[zenith] as number))) zenith = i;
    }
    expect(Math.abs((centreLatitudeDeg[zenith] as number) - imager.meta.latitudeDeg)).toBeLessThan(
      0.02,
    );
    expect(width).toBe(256);
  });

  it("opens THEMIS gako from Berkeley with the skymap (earliest, with a warning) and loads the hour in one array", async () => {
    warnings.length = 0;
    const imager = await themis(
      "gako",
      { start: "2011-01-06T17:00:00Z", end: "2011-01-06T17:59:59Z" },
      { ...options(), source: "berkeley" },
    );
    // Oracle: the skymap's SITE_MAP_LATITUDE/LONGITUDE (scipy) 62.41 / 214.84 → -145.16, float32 within 1e-4°.
    expect(imager.meta.latitudeDeg).toBeCloseTo(62.41, 4);
    expect(imager.meta.longitudeDeg).toBeCloseTo(-145.16, 4);
    expect(imager.skymap.altitudeKm).toBe(110);
    expect(imager.skymap.latitudeDeg).toHaveLength(257 * 257);
    expect(
      warnings.some((w) => /using the earliest, themis_skymap_gako_20110305-\+_vXX\.sav/.test(w)),
    ).toBe(true);
    const loaded = await imager.load();
    expect(loaded.shape).toEqual([23, 256, 256]);
    // Invariant: load() equals the stored frames rotated by 180°.
    expect(sha256LittleEndian(loaded.images)).toBe(sha256LittleEndian(rotatedCdfFrames()));
    // Oracle: cdflib thg_asf_gako_time (Unix s) min/max 1294333200 / 1294333266; epochs add the ms.
    expect(loaded.timesMs[0]).toBe(1_294_333_200_053);
    expect(loaded.timesMs[22]).toBe(1_294_333_266_020);
  });

  it("finds the nearest frame within one cadence, and says clearly when there is none", async () => {
    const imager = await openImager(
      "themis",
      "gill",
      { start: "2014-03-10T06:00:00Z", end: "2014-03-10T06:01:59Z" },
      { ...options(), skymap: false },
    );
    const oracle = readOracle<PgmOracle>(
      "themis-pgm",
      "20140310_0600_gill_themis19_full.pgm.gz",
    ).per_frame;
    // 06:00:04.0 is nearest frame 1 (06:00:03.042202), 0.96 s away; cadence 3 s.
    const frame = await imager.at("2014-03-10T06:00:04Z");
    expect(sha256LittleEndian(frame.image)).toBe(oracle[1]?.sha256_le);
    await expect(imager.at("2014-03-10T06:05:00Z")).rejects.toThrow(
      /not found: a THEMIS gill frame within 3 s/,
    );
    const single = await openImager(
      "themis",
      "gill",
      { time: "2014-03-10T06:00:04Z" },
      { ...options(), skymap: false },
    );
    const only = [];
    for await (const f of single.frames()) only.push(f);
    expect(only.map((f) => sha256LittleEndian(f.image))).toEqual([oracle[1]?.sha256_le]);
  });

  it("slices without touching the network and streams only the frames inside", async () => {
    const imager = await openImager(
      "themis",
      "gill",
      { start: "2014-03-10T06:00:00Z", end: "2014-03-10T06:01:59Z" },
      { ...options(), skymap: false },
    );
    const before = server.requests.length;
    const part = imager.slice("2014-03-10T06:00:30Z", "2014-03-10T06:00:45Z");
    expect(part.files).toHaveLength(1);
    const times: number[] = [];
    for await (const f of part.frames()) times.push(f.timeMs);
    // Oracle timestamps 06:00:30.x … 06:00:42.x: frames 10–14 of the minute file (3 s cadence).
    expect(times).toHaveLength(5);
    expect(server.requests.length).toBe(before);
  });

  it("skips missing minutes with a warning, or refuses them with missingOk false", async () => {
    warnings.length = 0;
    const range = { start: "2014-03-10T06:00:00Z", end: "2014-03-10T06:03:30Z" };
    const imager = await openImager("themis", "gill", range, { ...options(), skymap: false });
    expect(imager.files).toHaveLength(2);
    expect(warnings.join("\n")).toMatch(
      /no file for 2014-03-10T06:02:00\.000000Z, 2014-03-10T06:03:00\.000000Z; skipping/,
    );
    let count = 0;
    for await (const _ of imager.frames()) count++;
    // Oracle: 20 frames per minute file in each PGM oracle.
    expect(count).toBe(40);
    await expect(
      openImager("themis", "gill", range, { ...options(), skymap: false, missingOk: false }),
    ).rejects.toThrow(/missingOk/);
  });

  it("rejects unknown arrays, sites, sources and altitudes with what to use instead", async () => {
    const range = { start: "2014-03-10T06:00:00Z", end: "2014-03-10T06:01:00Z" };
    await expect(openImager("themsi", "gill", range, options())).rejects.toThrow(
      /known arrays: themis, rego, trex-nir, trex-blue/,
    );
    await expect(openImager("themis", "gilx", range, options())).rejects.toThrow(
      /known sites: atha,/,
    );
    await expect(
      openImager("trex-nir", "gill", range, { ...options(), source: "berkeley" }),
    ).rejects.toThrow(/TREx NIR data come from: ucalgary/);
    await expect(
      themis(
        "gako",
        { time: "2011-01-06T17:00:03Z" },
        { ...options(), source: "berkeley", altitudeKm: -5 },
      ),
    ).rejects.toThrow(/-5 km is not a usable mapping altitude .*the file has 90, 110, 150 km/);
    await expect(
      themis("gill", { start: "2014-03-10T06:00:00Z", end: "2014-03-09T06:00:00Z" }, options()),
    ).rejects.toThrow(/end/);
  });

  it("survives a reset and a 503, skips a listed file that is gone, and stays bit-exact", async () => {
    const freshDir = mkdtempSync(join(tmpdir(), "aurorakit-imager-faults-"));
    try {
      warnings.length = 0;
      const config = resolveConfig({ env: loopbackEnv(server.baseUrl, freshDir) });
      // Retries wait on an injected sleep, so the test does not sit through the backoff.
      const cache = new DataCache({ dataDir: freshDir, reporter, sleep: async () => {} });
      server.setFaults([
        { match: /20140310_0600_gill_themis19_full\.pgm\.gz$/, kind: "reset", times: 1 },
        {
          match: /20140310_0600_gill_themis19_full\.pgm\.gz$/,
          kind: "status",
          status: 503,
          times: 1,
        },
        { match: /20140310_0601_gill_themis19_full\.pgm\.gz$/, kind: "status", status: 404 },
      ]);
      const imager = await openImager(
        "themis",
        "gill",
        { start: "2014-03-10T06:00:00Z", end: "2014-03-10T06:01:59Z" },
        { config, cache, reporter, skymap: false },
      );
      const got: string[] = [];
      for await (const f of imager.frames()) got.push(sha256LittleEndian(f.image));
      // Oracle: the per-frame sha256 of the 06:00 file; the 06:01 file is skipped with a warning.
      expect(got).toEqual(
        readOracle<PgmOracle>(
          "themis-pgm",
          "20140310_0600_gill_themis19_full.pgm.gz",
        ).per_frame.map((f) => f.sha256_le),
      );
      expect(
        warnings.some((w) => /skipping .*20140310_0601_gill_themis19_full\.pgm\.gz/.test(w)),
      ).toBe(true);
      expect(warnings.some((w) => /retrying/.test(w))).toBe(true);
    } finally {
      server.setFaults([]);
      rmSync(freshDir, { recursive: true, force: true });
    }
  });

  it("says there is nothing when the archive has no file for the range", async () => {
    await expect(
      openImager(
        "themis",
        "gill",
        { start: "2015-01-01T00:00:00Z", end: "2015-01-01T00:10:00Z" },
        { ...options(), skymap: false },
      ),
    ).rejects.toThrow(/not found: THEMIS gill files \(ucalgary\)/);
  });
});
