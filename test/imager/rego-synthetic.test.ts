/**
 * REGO has no public raw file or skymap to test with (fixtures README), so these files are
 * synthetic, built from the documented layouts (asilib.md §3.1, aurorax.md §3.3–3.7): a REGO
 * stream0 minute file and a REGO skymap, both stored rotated by 180° from aurorakit
 * orientation as REGO's raw files are, and a Berkeley `clg_l1_rgf` L1 CDF stored as is.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { orientFrame } from "../../src/arrays/orientation.js";
import type { Skymap } from "../../src/arrays/skymap/skymap.js";
import { fisheyeSkymap } from "../../src/arrays/synthetic/lens-skymap.js";
import { encodeSkymapSave } from "../../src/arrays/synthetic/skymap-save.js";
import { resolveConfig } from "../../src/core/config.js";
import { CdfWriter } from "../../src/formats/cdf/write/cdf-writer.js";
import { cdfEpochFromUnixMs } from "../../src/formats/cdf/write/epoch.js";
import {
  encodeUcalgaryPgm,
  formatUcalgaryTimestamp,
} from "../../src/formats/pgm/write/encode-pgm.js";
import { sha256LittleEndian } from "../../src/formats/summary.js";
import { rego } from "../../src/imager/open-imager.js";
import { loopbackEnv } from "../support/upstream-fixture-tree.js";
import { startUpstreamServer } from "../support/upstream-server.js";

const SIZE = 512;
const START_MS = Date.UTC(2021, 8, 10, 6, 0, 0);
const FRAMES = 20;

/** Frame k in aurorakit orientation: a ramp that differs per frame and per pixel. */
function frame(k: number): Uint16Array {
  const out = new Uint16Array(SIZE * SIZE);
  for (let i = 0; i < out.length; i++) out[i] = (i * 7 + k * 131) & 0xffff;
  return out;
}

/** The lens skymap rotated by 180°, as a raw REGO skymap file stores it. */
function rawRegoSkymap(skymap: Skymap): Skymap {
  const rotate = (values: Float32Array, w: number, h: number) =>
    orientFrame(values, new Float32Array(values.length), w, h, 1, "rotate180");
  const { width, height } = skymap;
  return {
    ...skymap,
    azimuthDeg: rotate(skymap.azimuthDeg, width, height),
    elevationDeg: rotate(skymap.elevationDeg, width, height),
    cornerLatitudeDeg: skymap.cornerLatitudeDeg.map((g) => rotate(g, width + 1, height + 1)),
    cornerLongitudeDeg: skymap.cornerLongitudeDeg.map((g) => rotate(g, width + 1, height + 1)),
  };
}

let root: string;
let dataDir: string;
let server: Awaited<ReturnType<typeof startUpstreamServer>>;
let lens: Skymap;

function put(relPath: string, bytes: Uint8Array): void {
  const path = join(root, relPath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "aurorakit-rego-upstream-"));
  dataDir = mkdtempSync(join(tmpdir(), "aurorakit-rego-cache-"));
  const site = {
    code: "gill",
    name: "Gillam",
    latitudeDeg: 56.376,
    longitudeDeg: -94.64,
    altitudeKm: 0.1,
  };
  lens = fisheyeSkymap({
    site,
    width: SIZE,
    height: SIZE,
    altitudesKm: [110, 230],
    validFromMs: Date.UTC(2014, 9, 15),
  });
  put(
    "ucalgary/GO-Canada/REGO/skymap/gill/gill_20141015/rego_skymap_gill_20141015-+_v01.sav",
    encodeSkymapSave(rawRegoSkymap(lens), {
      projectUid: "rego",
      imagerUid: "rego-652",
      generatedAtMs: Date.UTC(2014, 9, 16),
    }),
  );
  const pgm = (dark: boolean) =>
    encodeUcalgaryPgm(
      Array.from({ length: FRAMES }, (_, k) => ({
        pixels: orientFrame(
          frame(dark ? 99 : k),
          new Uint16Array(SIZE * SIZE),
          SIZE,
          SIZE,
          1,
          "rotate180",
        ),
        width: SIZE,
        height: SIZE,
        metadata: [
          ["Site unique ID", "gill"],
          ["Imager unique ID", "rego-652"],
          ["Image request start", formatUcalgaryTimestamp(START_MS + k * 3000)],
          ["Exposure plus readout", "2000.0 ms"],
        ] as const,
      })),
      { gzip: true },
    );
  const minuteDir = "ucalgary/GO-Canada/REGO/stream0/2021/09/10/gill_rego-652/ut06";
  put(`${minuteDir}/20210910_0600_gill_rego-652_6300.pgm.gz`, pgm(false));
  // Dark frames share the folder; the loader must not pick them up.
  put(`${minuteDir}/20210910_0600_gill_rego-652_6300_dark.pgm.gz`, pgm(true));
  const cdfPath = join(root, "berkeley/thg/l1/reg/gill/2021/09/clg_l1_rgf_gill_2021091006_v01.cdf");
  mkdirSync(dirname(cdfPath), { recursive: true });
  const writer = CdfWriter.create(cdfPath, { encoding: "network" });
  writer
    .addZVariable({ name: "clg_rgf_gill_epoch", dataType: "EPOCH" })
    .appendRecords(
      cdfEpochFromUnixMs(Array.from({ length: FRAMES }, (_, k) => START_MS + k * 3000)),
    );
  const images = writer.addZVariable({
    name: "clg_rgf_gill",
    dataType: "UINT2",
    dims: [SIZE, SIZE],
    compression: { type: "gzip", level: 6 },
  });
  for (let k = 0; k < FRAMES; k++) images.appendRecords(frame(k));
  writer.close();
  server = await startUpstreamServer({ root });
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

const options = () => ({ config: resolveConfig({ env: loopbackEnv(server.baseUrl, dataDir) }) });
const range = { start: "2021-09-10T06:00:00Z", end: "2021-09-10T06:00:59Z" };

it("rotates REGO stream0 frames and skymaps by 180° into aurorakit orientation, skipping dark files (synthetic files)", async () => {
  const imager = await rego("gill", range, options());
  expect(imager.files.map((f) => f.relPath.split("/").at(-1))).toEqual([
    "20210910_0600_gill_rego-652_6300.pgm.gz",
  ]);
  // REGO maps at 230 km by default (aurorax.md §6).
  expect(imager.skymap.altitudeKm).toBe(230);
  // Invariant: the skymap read back equals the lens skymap (exact float32 after two rotations).
  expect(sha256LittleEndian(imager.skymap.azimuthDeg)).toBe(sha256LittleEndian(lens.azimuthDeg));
  expect(sha256LittleEndian(imager.skymap.latitudeDeg)).toBe(
    sha256LittleEndian(lens.cornerLatitudeDeg[1] as Float32Array),
  );
  let k = 0;
  for await (const f of imager.frames()) {
    // Invariant: frame k comes back exactly as generated, at START + 3 s·k (microsecond text, exact).
    expect(sha256LittleEndian(f.image)).toBe(sha256LittleEndian(frame(k)));
    expect(f.timeMs).toBe(START_MS + k * 3000);
    k++;
  }
  expect(k).toBe(FRAMES);
});

it("reads REGO Berkeley L1 CDF frames as stored (already in aurorakit orientation; synthetic file)", async () => {
  const imager = await rego("gill", range, { ...options(), source: "berkeley", skymap: false });
  const loaded = await imager.load();
  expect(loaded.shape).toEqual([FRAMES, SIZE, SIZE]);
  const expected = new Uint16Array(FRAMES * SIZE * SIZE);
  for (let k = 0; k < FRAMES; k++) expected.set(frame(k), k * SIZE * SIZE);
  expect(sha256LittleEndian(loaded.images)).toBe(sha256LittleEndian(expected));
});
