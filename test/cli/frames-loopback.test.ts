import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fileSource } from "../../src/core/byte-source.js";
import { cdfEpochToUnixMs } from "../../src/core/time/cdf-epochs.js";
import { parseUcalgaryTimestamp } from "../../src/core/time/ucalgary-timestamp.js";
import { openCdf } from "../../src/formats/cdf/cdf-file.js";
import { sha256LittleEndian } from "../../src/formats/summary.js";
import { describeWithFixtures } from "../support/describe-fixtures.js";
import { fixture, readOracle } from "../support/fixtures.js";
import { runCliWith } from "../support/run-cli.js";
import { loopbackEnv, upstreamFixtureMounts } from "../support/upstream-fixture-tree.js";
import { startUpstreamServer } from "../support/upstream-server.js";

interface FramesJson {
  array: string;
  site: string;
  source: string;
  width: number;
  height: number;
  frames: { time: string; min: number; max: number; mean: number; sha256: string }[];
}

interface PgmOracle {
  per_frame: { sha256_le: string; min: number; max: number; timestamp: string }[];
}

interface CdfOracle {
  variables: Record<
    string,
    { sha256_le: string; first: number[]; min: number; max: number; shape: number[] }
  >;
}

describeWithFixtures("aurorakit frames over a loopback upstream (issue 3, Done when)", () => {
  let server: Awaited<ReturnType<typeof startUpstreamServer>>;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startUpstreamServer({ mounts: upstreamFixtureMounts() });
    dataDir = mkdtempSync(join(tmpdir(), "aurorakit-frames-"));
    env = loopbackEnv(server.baseUrl, dataDir);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const frames = async (...args: string[]) => {
    const result = await runCliWith({ env }, "frames", ...args, "--json");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as FramesJson;
  };

  it("THEMIS gako from the Berkeley L1 CDF: all 23 frames, rotated 180°, bit-exact with the right times", async () => {
    const doc = await frames(
      "themis",
      "gako",
      "--start",
      "2011-01-06T17:00:00Z",
      "--end",
      "2011-01-06T17:01:10Z",
      "--source",
      "berkeley",
    );
    const oracle = readOracle<CdfOracle>("themis", "thg_l1_asf_gako_2011010617_v01.cdf").variables;
    // Expected frames: the stored stack, checked whole against cdflib's sha256 first, then each
    // frame reversed (a 180° rotation of a row-major frame is the frame read backwards).
    const cdf = openCdf(fileSource(fixture("themis", "thg_l1_asf_gako_2011010617_v01.cdf")));
    const stored = cdf.readVariable("thg_asf_gako").data as Uint16Array;
    cdf.close();
    expect(sha256LittleEndian(stored)).toBe(oracle.thg_asf_gako?.sha256_le);
    const pixels = 256 * 256;
    expect(doc.frames).toHaveLength(oracle.thg_asf_gako?.shape[0] as number);
    doc.frames.forEach((frame, i) => {
      const rotated = stored.slice(i * pixels, (i + 1) * pixels).reverse();
      expect(frame.sha256).toBe(sha256LittleEndian(rotated));
    });
    // Times: cdflib's first CDF_EPOCH values of thg_asf_gako_epoch (ms since 0000-01-01), exact to 1 µs.
    const firstEpochs = oracle.thg_asf_gako_epoch?.first ?? [];
    firstEpochs.forEach((epoch, i) => {
      expect(Date.parse(doc.frames[i]?.time as string)).toBe(cdfEpochToUnixMs(epoch));
    });
    expect(doc.frames.at(-1)?.time).toBe("2011-01-06T17:01:06.020000Z");
  });

  const pgmCases = [
    [
      "themis",
      "--start",
      "2014-03-10T06:00:00Z",
      "--end",
      "2014-03-10T06:01:59Z",
      [
        "themis-pgm",
        "20140310_0600_gill_themis19_full.pgm.gz",
        "20140310_0601_gill_themis19_full.pgm.gz",
      ],
    ],
    [
      "trex-nir",
      "--start",
      "2022-03-07T06:00:00Z",
      "--end",
      "2022-03-07T06:00:59Z",
      ["trex", "20220307_0600_gill_nir-216_8446.pgm.gz"],
    ],
    [
      "trex-blue",
      "--start",
      "2022-03-08T06:00:00Z",
      "--end",
      "2022-03-08T06:00:59Z",
      ["trex", "20220308_0600_gill_blue-814_full.pgm.gz"],
    ],
  ] as const;

  it.each(pgmCases)(
    "%s gill from UCalgary stream0: every frame bit-exact with its timestamp",
    async (array, a, start, b, end, [folder, ...files]) => {
      const doc = await frames(array, "gill", a, start, b, end, "--source", "ucalgary");
      // Oracle: per-frame sha256_le/min/max/timestamp from the independent PGM parser. UCalgary
      // THEMIS, NIR and Blue frames are stored in aurorakit orientation, so they match as stored.
      const expected = files.flatMap((file) => readOracle<PgmOracle>(folder, file).per_frame);
      expect(doc.frames).toHaveLength(expected.length);
      doc.frames.forEach((frame, i) => {
        const want = expected[i] as PgmOracle["per_frame"][number];
        expect(frame.sha256).toBe(want.sha256_le);
        expect([frame.min, frame.max]).toEqual([want.min, want.max]);
        expect(Date.parse(frame.time)).toBe(
          Math.floor(parseUcalgaryTimestamp(want.timestamp) as number),
        );
        expect(frame.time.slice(0, 26)).toBe(
          `${want.timestamp.slice(0, 10)}T${want.timestamp.slice(11, 26)}`,
        );
      });
    },
  );

  it("runs offline the second time, from the cache alone", async () => {
    const offline = await runCliWith(
      { env: { ...env, AURORAKIT_OFFLINE: "1" } },
      "frames",
      "trex-nir",
      "gill",
      "--start",
      "2022-03-07T06:00:00Z",
      "--end",
      "2022-03-07T06:00:59Z",
      "--json",
    );
    expect(offline.code).toBe(0);
    expect((JSON.parse(offline.stdout) as FramesJson).frames).toHaveLength(10);
  });
});
