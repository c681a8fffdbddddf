/**
 * Keograms of the synthetic imager (no network): every value is checked against the frames
 * the same Imager streams, so the oracle is the frame itself (exact: uint16 fits float32).
 */
import { describe, expect, it } from "vitest";
import { keogram } from "../../../src/analysis/keogram/keogram.js";
import type { ImagerFrame, ImageSource } from "../../../src/arrays/array-plugin.js";
import { ArrayRegistry } from "../../../src/arrays/registry.js";
import { syntheticArray } from "../../../src/arrays/synthetic/synthetic-array.js";
import { InvalidArgumentError, NotFoundError } from "../../../src/core/errors.js";
import type { ProgressReporter } from "../../../src/core/progress.js";
import { createAacgmConverter } from "../../../src/geo/aacgm/converter.js";
import type { Imager } from "../../../src/imager/imager.js";
import { openImager } from "../../../src/imager/open-imager.js";

const START = "2014-03-10T06:00:00Z";
const START_MS = Date.UTC(2014, 2, 10, 6, 0, 0);
const CADENCE_MS = 3000;
const twoMinutes = { start: START, end: "2014-03-10T06:01:59Z" };

/** A synthetic array whose source drops frames for which `drop(timeMs)` holds, and whole minutes. */
function gappyRegistry(drop: (timeMs: number) => boolean, missingMinuteMs?: number): ArrayRegistry {
  const base = syntheticArray();
  const source = base.sources[0] as ImageSource;
  const gappy: ImageSource = {
    ...source,
    async findFiles(context, site, startMs, endMs) {
      const files = await source.findFiles(context, site, startMs, endMs);
      return files.filter((f) => f.startMs !== missingMinuteMs);
    },
    async *readFrames(path, site, startMs, endMs): AsyncGenerator<ImagerFrame, void, undefined> {
      for await (const frame of source.readFrames(path, site, startMs, endMs)) {
        if (!drop(frame.timeMs)) yield frame;
      }
    },
  };
  return new ArrayRegistry().register({ ...base, sources: [gappy] });
}

async function collect(imager: Imager): Promise<ImagerFrame[]> {
  const frames: ImagerFrame[] = [];
  for await (const frame of imager.frames()) frames.push(frame);
  return frames;
}

const recorder = (): ProgressReporter & { warnings: string[] } => {
  const warnings: string[] = [];
  return {
    begin: () => {},
    advance: () => {},
    end: () => {},
    warn: (m) => warnings.push(m),
    warnings,
  };
};

describe("keogram of the synthetic imager", () => {
  it("samples the centre column, north to south, with the frames' exact values", async () => {
    const imager = await openImager("synthetic", "gill", twoMinutes);
    const k = await keogram(imager);
    const frames = await collect(imager);
    const width = imager.meta.width;
    // Invariant: 2 minutes at the 3 s cadence, slots 06:00:00 … 06:01:57 (floor(119 / 3) + 1 = 40).
    expect(k.timesMs).toHaveLength(40);
    expect(k.timesMs[39]).toBe(START_MS + 39 * CADENCE_MS);
    expect(frames).toHaveLength(40);
    expect(Array.from(k.present).every((p) => p === 1)).toBe(true);
    // asilib.md §4.6: column W//2 = 128.
    expect(new Set(k.columns)).toEqual(new Set([128]));
    const rows = Array.from(k.rows);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    // Invariant: the centre column spans the field of view, so most of its 256 pixels are kept,
    // and every kept pixel is at or above the horizon.
    expect(rows.length).toBeGreaterThan(200);
    expect(Array.from(k.elevationDeg).every((e) => e >= 0)).toBe(true);
    // Invariant: row 0 is the north edge, so centre latitude decreases down the column.
    for (let p = 1; p < rows.length; p++) {
      expect(k.latitudeDeg[p] as number).toBeLessThan(k.latitudeDeg[p - 1] as number);
    }
    const pixels = rows.length;
    for (const frame of frames) {
      const slot = Math.round((frame.timeMs - START_MS) / CADENCE_MS);
      expect(k.frameTimesMs[slot]).toBe(frame.timeMs);
      for (let p = 0; p < pixels; p++) {
        const expected = frame.image[(k.rows[p] as number) * width + (k.columns[p] as number)];
        // Oracle: the streamed frame itself, exact.
        if (k.values[slot * pixels + p] !== expected) {
          expect(k.values[slot * pixels + p]).toBe(expected);
        }
      }
    }
  });

  it("takes the centre row, east to west, for an ewogram", async () => {
    const imager = await openImager("synthetic", "gill", {
      start: START,
      end: "2014-03-10T06:00:08Z",
    });
    const k = await keogram(imager, { along: "ewogram" });
    const frames = await collect(imager);
    expect(new Set(k.rows)).toEqual(new Set([128]));
    const columns = Array.from(k.columns);
    expect(columns).toEqual([...columns].sort((a, b) => a - b));
    // Invariant: column 0 is the east edge, so centre longitude decreases along the row.
    for (let p = 1; p < columns.length; p++) {
      expect(k.longitudeDeg[p] as number).toBeLessThan(k.longitudeDeg[p - 1] as number);
    }
    expect(frames).toHaveLength(3);
    frames.forEach((frame, slot) => {
      const got = k.values.subarray(slot * columns.length, (slot + 1) * columns.length);
      const expected = Float32Array.from(columns, (c) => frame.image[128 * 256 + c] as number);
      // Oracle: the streamed frame's centre row, exact.
      expect(got).toEqual(expected);
    });
  });

  it("leaves NaN gaps with present = 0 where frames or a whole minute are missing", async () => {
    const dropped = (t: number) => ((t - START_MS) / CADENCE_MS) % 7 === 3;
    const registry = gappyRegistry(dropped, START_MS + 60_000);
    const reporter = recorder();
    const imager = await openImager(
      "synthetic",
      "gill",
      { start: START, end: "2014-03-10T06:02:59Z" },
      {
        registry,
        reporter,
      },
    );
    const k = await keogram(imager);
    const frames = await collect(imager);
    const pixels = k.rows.length;
    // Invariant: 3 minutes = 60 slots; minute 06:01 (slots 20–39) and every slot ≡ 3 (mod 7) are gaps.
    expect(k.timesMs).toHaveLength(60);
    for (let slot = 0; slot < 60; slot++) {
      const missing = (slot >= 20 && slot < 40) || slot % 7 === 3;
      expect(k.present[slot]).toBe(missing ? 0 : 1);
      const row = k.values.subarray(slot * pixels, (slot + 1) * pixels);
      expect(row.every((v) => Number.isNaN(v))).toBe(missing);
      expect(Number.isNaN(k.frameTimesMs[slot])).toBe(missing);
    }
    expect(frames.length).toBe(Array.from(k.present).filter((p) => p === 1).length);
    for (const frame of frames) {
      const slot = Math.round((frame.timeMs - START_MS) / CADENCE_MS);
      const expected = Float32Array.from(
        k.rows,
        (r, p) => frame.image[r * 256 + (k.columns[p] as number)] as number,
      );
      // Oracle: the streamed frame, exact.
      expect(k.values.subarray(slot * pixels, (slot + 1) * pixels)).toEqual(expected);
    }
  });

  /** An Imager over 06:00:00 – 06:00:59 whose frames arrive `lateMs` after their grid instant. */
  async function lateImager(lateMs: number): Promise<Imager> {
    const base = syntheticArray();
    const source = base.sources[0] as ImageSource;
    const late: ImageSource = {
      ...source,
      async *readFrames(path, site, startMs, endMs): AsyncGenerator<ImagerFrame, void, undefined> {
        for await (const f of source.readFrames(path, site, startMs, endMs))
          yield { ...f, timeMs: f.timeMs + lateMs };
      },
    };
    const registry = new ArrayRegistry().register({ ...base, sources: [late] });
    return openImager(
      "synthetic",
      "gill",
      { start: START, end: "2014-03-10T06:00:59Z" },
      { registry },
    );
  }

  it("places a frame 1.4 s late in its own slot (nearest; half a cadence is 1.5 s)", async () => {
    const k = await keogram(await lateImager(1400));
    // Invariant: 59 s at 3 s → 20 slots; frame k at 3k + 1.4 s rounds to slot k.
    expect(k.timesMs).toHaveLength(20);
    expect(Array.from(k.present).every((p) => p === 1)).toBe(true);
    expect(k.frameTimesMs[0]).toBe(START_MS + 1400);
    expect(k.frameTimesMs[19]).toBe(START_MS + 19 * CADENCE_MS + 1400);
  });

  it("places a frame 1.6 s late in the next slot, keeping the nearer frame when two meet", async () => {
    const reporter = recorder();
    const k = await keogram(await lateImager(1600), { reporter });
    // Invariant: frame k at 3k + 1.6 s rounds to slot k + 1, so slot 0 is a gap; frame 19
    // (58.6 s) rounds past the last slot (57 s), is clamped into it, and loses to frame 18
    // (55.6 s), which is 1.4 s from 57 s against its 1.6 s.
    expect(k.present[0]).toBe(0);
    expect(Array.from(k.present.subarray(1)).every((p) => p === 1)).toBe(true);
    expect(k.frameTimesMs[1]).toBe(START_MS + 1600);
    expect(k.frameTimesMs[19]).toBe(START_MS + 18 * CADENCE_MS + 1600);
    expect(reporter.warnings.some((w) => /1 frame\(s\) .* shared a 3 s slot/.test(w))).toBe(true);
  });

  it("ignores frames a plugin delivers outside the range, and says so", async () => {
    const reporter = recorder();
    // Frames 5 s late: frame 19 lands at 06:01:02, after the 06:00:59 end. Inside, frame 17
    // (56 s) and frame 18 (59 s, clamped) meet in the last slot (57 s); frame 17 is nearer.
    const k = await keogram(await lateImager(5000), { reporter });
    expect(k.frameTimesMs[19]).toBe(START_MS + 17 * CADENCE_MS + 5000);
    expect(reporter.warnings.some((w) => /1 frame\(s\) outside .* were ignored/.test(w))).toBe(
      true,
    );
    // All frames two minutes late: none inside, which is "no frame", not an empty keogram.
    await expect(keogram(await lateImager(120_000))).rejects.toThrow(NotFoundError);
  });

  it("adds AACGM latitudes of the pixel centres at the mapping altitude and range start", async () => {
    const imager = await openImager("synthetic", "gill", { start: START, end: START });
    const k = await keogram(imager, { magnetic: true });
    const mlat = k.magneticLatitudeDeg as Float32Array;
    expect(mlat).toHaveLength(k.rows.length);
    const converter = createAacgmConverter(START_MS, { altitudeKm: 110 });
    const p = Math.floor(k.rows.length / 2);
    const point = converter.geoToAacgm(
      k.latitudeDeg[p] as number,
      k.longitudeDeg[p] as number,
      110,
    );
    // Oracle: the AACGM-v2 converter on the same centre (float32 rounding: 1e-4°).
    expect(mlat[p]).toBeCloseTo(point.latitudeDeg, 4);
    // Invariant: along a meridian north of the magnetic equator, magnetic latitude falls from
    // north to south as geographic latitude does; Gillam is ~10° poleward magnetically
    // (AACGM-v2 offset in central Canada: between 5° and 15°).
    for (let q = 1; q < mlat.length; q++)
      expect(mlat[q] as number).toBeLessThan(mlat[q - 1] as number);
    const offset = (mlat[p] as number) - (k.latitudeDeg[p] as number);
    expect(offset).toBeGreaterThan(5);
    expect(offset).toBeLessThan(15);
  });
});

describe("keogram errors", () => {
  it("refuses single-instant imagers, impossible filters and bad paths with what to do", async () => {
    const single = await openImager("synthetic", "gill", { time: "2014-03-10T06:00:03Z" });
    await expect(keogram(single)).rejects.toThrow(/open it with \{ start, end \}/);
    const imager = await openImager("synthetic", "gill", { start: START, end: START });
    await expect(keogram(imager, { minElevationDeg: 95 })).rejects.toThrow(InvalidArgumentError);
    await expect(keogram(imager, { minElevationDeg: 95 })).rejects.toThrow(/lower minElevationDeg/);
    await expect(keogram(imager, { along: [] })).rejects.toThrow(/it is empty/);
    await expect(
      keogram(imager, { along: [{ latitudeDeg: Number.NaN, longitudeDeg: 0 }] }),
    ).rejects.toThrow(/point 0 .* is not finite/);
    await expect(
      keogram(imager, { along: [{ latitudeDeg: -94.6, longitudeDeg: 56.4 }] }),
    ).rejects.toThrow(/outside \[-90, 90\]; are latitude and longitude swapped/);
    // A path entirely on the other side of the Earth: no pixel is within 1° of it.
    await expect(
      keogram(imager, { along: [{ latitudeDeg: -56, longitudeDeg: 85 }] }),
    ).rejects.toThrow(/no pixel .* is left/);
    await expect(keogram(imager, { maxDistanceKm: 10 })).rejects.toThrow(/applies to a path only/);
    await expect(keogram(imager, { minElevationDeg: Number.NaN })).rejects.toThrow(/not an angle/);
  });

  it("says so when the imager delivers no frame at all", async () => {
    const registry = gappyRegistry(() => true);
    const imager = await openImager("synthetic", "gill", twoMinutes, { registry });
    await expect(keogram(imager)).rejects.toThrow(NotFoundError);
    await expect(keogram(imager)).rejects.toThrow(
      /frame in 2014-03-10T06:00:00\.000000.*availability/,
    );
  });
});
