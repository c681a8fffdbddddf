/**
 * The keogram of a real THEMIS hour (Gakona, 2011-01-06 17 UT, 23 frames) served by a loopback
 * upstream, checked value for value against the stored CDF frames and against asilib's
 * meridian keogram rebuilt independently from those frames.
 *
 * The orientation chain (asilib.md §3.3, §4.6; DESIGN.md "Orientation"):
 * - stored: the L1 CDF frame as the file holds it; aurorakit orientation (row 0 north,
 *   column 0 east) is stored rotated by 180°: ours[r][c] = stored[255 − r][255 − c].
 * - asilib orientation: row 0 south, column 0 east, i.e. ours with rows reversed:
 *   asilib[i][j] = ours[255 − i][j] = stored[i][255 − j] (stored with columns reversed).
 * - asilib's meridian keogram is asilib[:, 128] (column W//2), south to north; ours is
 *   ours[:, 128] north to south, so ours in reverse row order equals asilib's column 128.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { keogram } from "../../../src/analysis/keogram/keogram.js";
import { fileSource } from "../../../src/core/byte-source.js";
import { resolveConfig } from "../../../src/core/config.js";
import { silentReporter } from "../../../src/core/progress.js";
import { openCdf } from "../../../src/formats/cdf/cdf-file.js";
import { sha256LittleEndian } from "../../../src/formats/summary.js";
import { themis } from "../../../src/imager/open-imager.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { fixture, readOracle } from "../../support/fixtures.js";
import { loopbackEnv, upstreamFixtureMounts } from "../../support/upstream-fixture-tree.js";
import { startUpstreamServer } from "../../support/upstream-server.js";

interface CdfOracle {
  variables: Record<string, { sha256_le: string; first: number[]; max: number; min: number }>;
}

const SIZE = 256;
const FRAME = SIZE * SIZE;
/** CDF_EPOCH of 1970-01-01T00:00:00 in ms since 0000-01-01 (CDF User's Guide §2.3.1; the file's own epoch0 record). */
const UNIX_EPOCH_IN_CDF_EPOCH_MS = 62_167_219_200_000;

describeWithFixtures("keogram of the real Gakona THEMIS hour", () => {
  let server: Awaited<ReturnType<typeof startUpstreamServer>>;
  let dataDir: string;

  beforeAll(async () => {
    server = await startUpstreamServer({ mounts: upstreamFixtureMounts() });
    dataDir = mkdtempSync(join(tmpdir(), "aurorakit-keogram-"));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The real Gakona hour from the loopback Berkeley tree, 17:00:00 to `end`. */
  const openGakona = (end: string) =>
    themis(
      "gako",
      { start: "2011-01-06T17:00:00Z", end },
      {
        config: resolveConfig({ env: loopbackEnv(server.baseUrl, dataDir) }),
        reporter: silentReporter,
        source: "berkeley",
      },
    );

  it("equals the stored frames at the meridian pixels and asilib's column 128", async () => {
    const imager = await openGakona("2011-01-06T17:59:59Z");
    const k = await keogram(imager);

    const name = "thg_l1_asf_gako_2011010617_v01.cdf";
    const oracle = readOracle<CdfOracle>("themis", name).variables;
    const cdf = openCdf(fileSource(fixture("themis", name)));
    const stored = cdf.readVariable("thg_asf_gako").data as Uint16Array;
    cdf.close();
    // Oracle (cdflib): our reading of the stored frames is the file's content.
    expect(sha256LittleEndian(stored)).toBe(oracle.thg_asf_gako?.sha256_le);

    // Invariant: 3599 s at 3 s → 1200 slots; the file holds 23 consecutive frames (17:00:00 – 17:01:06).
    expect(k.timesMs).toHaveLength(1200);
    const slots = Array.from(k.present.keys()).filter((s) => k.present[s] === 1);
    expect(slots).toEqual(Array.from({ length: 23 }, (_, s) => s));
    // Oracle (cdflib thg_asf_gako_epoch): first six epochs and the last, converted to Unix ms, exact.
    const epochs = oracle.thg_asf_gako_epoch as { first: number[]; max: number };
    epochs.first.forEach((epochMs, s) => {
      expect(k.frameTimesMs[s]).toBe(epochMs - UNIX_EPOCH_IN_CDF_EPOCH_MS);
    });
    expect(k.frameTimesMs[22]).toBe(epochs.max - UNIX_EPOCH_IN_CDF_EPOCH_MS);
    expect(Number.isNaN(k.values[23 * k.rows.length])).toBe(true);

    const pixels = k.rows.length;
    expect(new Set(k.columns)).toEqual(new Set([128]));
    // Invariant: the meridian crosses the whole field of view; the real skymap keeps most rows.
    expect(pixels).toBeGreaterThan(200);
    for (let f = 0; f < 23; f++) {
      const frame = stored.subarray(f * FRAME, (f + 1) * FRAME);
      // asilib's frame, built straight from the stored one: stored with columns reversed.
      const asilibColumn128 = new Float32Array(SIZE);
      for (let i = 0; i < SIZE; i++)
        asilibColumn128[i] = frame[i * SIZE + (SIZE - 1 - 128)] as number;
      for (let p = 0; p < pixels; p++) {
        const r = k.rows[p] as number;
        const got = k.values[f * pixels + p] as number;
        // Oracle: the stored CDF frame rotated by 180° at (r, 128), exact.
        const storedValue = frame[(SIZE - 1 - r) * SIZE + (SIZE - 1 - 128)] as number;
        // Oracle: asilib's keogram value at its row 255 − r (ours reversed), exact.
        const asilibValue = asilibColumn128[SIZE - 1 - r] as number;
        if (got !== storedValue || got !== asilibValue) {
          expect([f, r, got]).toEqual([f, r, storedValue]);
          expect([f, r, got]).toEqual([f, r, asilibValue]);
        }
      }
    }
  });

  it("puts the latitude axis at pixel centres, inside each pixel's corners", async () => {
    const imager = await openGakona("2011-01-06T17:00:10Z");
    const k = await keogram(imager);
    const corners = imager.skymap.latitudeDeg;
    const w = SIZE + 1;
    let checked = 0;
    k.rows.forEach((r, p) => {
      const c = k.columns[p] as number;
      const around = [r * w + c, r * w + c + 1, (r + 1) * w + c, (r + 1) * w + c + 1].map(
        (i) => corners[i] as number,
      );
      if (!around.every(Number.isFinite)) return;
      const lat = k.latitudeDeg[p] as number;
      // Invariant: a pixel centre lies within its corners' latitude span (file corners, scipy
      // oracle grid); 0.01° allows for the centre being mapped from az/el, not averaged.
      expect(lat).toBeGreaterThanOrEqual(Math.min(...around) - 0.01);
      expect(lat).toBeLessThanOrEqual(Math.max(...around) + 0.01);
      checked++;
    });
    expect(checked).toBeGreaterThan(200);
  });
});
