import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImagerFrame } from "../../../src/arrays/array-plugin.js";
import { skymapAtAltitude } from "../../../src/arrays/skymap/skymap.js";
import { SyntheticNetwork } from "../../../src/arrays/synthetic/synthetic-array.js";
import { writeSyntheticUpstream } from "../../../src/arrays/synthetic/write-upstream-tree.js";
import { resolveConfig } from "../../../src/core/config.js";
import { openImager } from "../../../src/imager/open-imager.js";
import { loopbackEnv } from "../../support/upstream-fixture-tree.js";
import { startUpstreamServer, type UpstreamServer } from "../../support/upstream-server.js";

// Two minutes across an hour boundary, as the THEMIS plugin would be asked for them.
const START_MS = Date.UTC(2015, 0, 20, 8, 59, 30);
const END_MS = Date.UTC(2015, 0, 20, 9, 0, 30);
const SEED = 17;

describe("the THEMIS plugin over a loopback server serving writeSyntheticUpstream's tree", () => {
  let server: UpstreamServer;
  const treeDir = mkdtempSync(join(tmpdir(), "aurorakit-synthetic-tree-"));
  const dataDir = mkdtempSync(join(tmpdir(), "aurorakit-synthetic-cache-"));

  beforeAll(async () => {
    await writeSyntheticUpstream({
      dir: treeDir,
      siteCode: "gill",
      startMs: START_MS,
      endMs: END_MS,
      seed: SEED,
    });
    server = await startUpstreamServer({ root: treeDir });
  });
  afterAll(async () => {
    await server.close();
    rmSync(treeDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  const network = new SyntheticNetwork({ seed: SEED });
  const expected: ImagerFrame[] = [
    ...network.minuteFrames("gill", Date.UTC(2015, 0, 20, 8, 59), START_MS, END_MS),
    ...network.minuteFrames("gill", Date.UTC(2015, 0, 20, 9, 0), START_MS, END_MS),
  ];

  for (const source of ["ucalgary", "berkeley"] as const) {
    it(`returns exactly the synthetic frames and skymap (source ${source})`, async () => {
      const imager = await openImager(
        "themis",
        "gill",
        { start: START_MS, end: END_MS },
        { config: resolveConfig({ env: loopbackEnv(server.baseUrl, dataDir) }), source },
      );
      const got: ImagerFrame[] = [];
      for await (const frame of imager.frames()) got.push(frame);
      // Analytic: 08:59:30 … 09:00:30 at 3 s → 21 frames.
      expect(got.map((f) => f.timeMs)).toEqual(expected.map((f) => f.timeMs));
      expect(got).toHaveLength(21);
      got.forEach((f, i) => {
        const e = expected[i]?.image as Uint16Array;
        // Exact, bit for bit: the plugin's download, decode and orientation undo the writer's.
        expect(
          Buffer.from(f.image.buffer, f.image.byteOffset, f.image.byteLength).equals(
            Buffer.from(e.buffer),
          ),
          `frame ${i}`,
        ).toBe(true);
      });
      const lens = skymapAtAltitude(network.skymap("gill"), 110);
      // float32 exact (stored as float32, orientation asStored).
      expect(
        Buffer.from(imager.skymap.elevationDeg.buffer).equals(
          Buffer.from(lens.elevationDeg.buffer),
        ),
      ).toBe(true);
      expect(
        Buffer.from(imager.skymap.latitudeDeg.buffer).equals(Buffer.from(lens.latitudeDeg.buffer)),
      ).toBe(true);
    });
  }
});
