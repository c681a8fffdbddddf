import { describe, expect, it } from "vitest";
import { fisheyeSkymap } from "../../../src/arrays/synthetic/lens-skymap.js";
import {
  type SyntheticScene,
  sceneState,
  syntheticScene,
} from "../../../src/arrays/synthetic/scene.js";
import { greenwichMeanSiderealTimeDeg } from "../../../src/arrays/synthetic/sidereal-time.js";
import {
  renderSyntheticFrame,
  SyntheticRenderer,
} from "../../../src/arrays/synthetic/sky-model.js";
import { brightStars } from "../../../src/arrays/synthetic/star-catalogue.js";

const SITE = { code: "gill", latitudeDeg: 56.376, longitudeDeg: -94.64, altitudeKm: 0.14 };
const SIZE = 256;
const skymap = fisheyeSkymap({ site: SITE, width: SIZE, height: SIZE });
const BASE_MS = Date.UTC(2014, 2, 10, 6, 0, 0);
const R = Math.PI / 180;

/** The start of the cycle nearest `near`: phase 0, where the scene fades arcs and patch to zero. */
function darkTime(scene: SyntheticScene, near: number): number {
  return (Math.round(near / scene.cycleMs + scene.cyclePhase) - scene.cyclePhase) * scene.cycleMs;
}

/** Analytic pixel (x right, y down, in pixel units) of az/el in the 170° equidistant fisheye. */
function fisheyePixel(azDeg: number, elDeg: number): [number, number] {
  const r = ((90 - elDeg) / 85) * (SIZE / 2);
  return [SIZE / 2 - r * Math.sin(azDeg * R), SIZE / 2 - r * Math.cos(azDeg * R)];
}

/** Az/el of a star from RA/Dec and GMST by the standard spherical-astronomy formulas (test's own). */
function starAzEl(raDeg: number, decDeg: number, timeMs: number): [number, number] {
  const hourAngle = (greenwichMeanSiderealTimeDeg(timeMs) + SITE.longitudeDeg - raDeg) * R;
  const lat = SITE.latitudeDeg * R;
  const dec = decDeg * R;
  const sinEl = Math.sin(lat) * Math.sin(dec) + Math.cos(lat) * Math.cos(dec) * Math.cos(hourAngle);
  const el = Math.asin(sinEl);
  const y = -Math.sin(hourAngle) * Math.cos(dec);
  const x = Math.sin(dec) * Math.cos(lat) - Math.cos(dec) * Math.cos(hourAngle) * Math.sin(lat);
  return [(Math.atan2(y, x) / R + 360) % 360, el / R];
}

describe("greenwichMeanSiderealTimeDeg", () => {
  it("reproduces Meeus example 12.a and the J2000 constant", () => {
    // Meeus, Astronomical Algorithms, example 12.a: 1987-04-10 0h UT → 13h10m46.3668s = 197.693195°.
    expect(Math.abs(greenwichMeanSiderealTimeDeg(Date.UTC(1987, 3, 10)) - 197.693195)).toBeLessThan(
      1e-5,
    );
    // Meeus eq. 12.4 at JD 2451545.0 (2000-01-01T12:00 UT): 280.46061837°.
    expect(
      Math.abs(greenwichMeanSiderealTimeDeg(Date.UTC(2000, 0, 1, 12)) - 280.46061837),
    ).toBeLessThan(1e-6);
  });
});

describe("star catalogue", () => {
  it("holds 50-100 stars with J2000 positions in range", () => {
    const stars = brightStars();
    expect(stars.length).toBeGreaterThanOrEqual(50);
    expect(stars.length).toBeLessThanOrEqual(100);
    for (const s of stars) {
      expect(s.rightAscensionDeg >= 0 && s.rightAscensionDeg < 360).toBe(true);
      expect(Math.abs(s.declinationDeg)).toBeLessThanOrEqual(90);
    }
    // BSC5: Polaris at RA 2h31m49s = 37.954°, Dec +89.264° (to 0.001°).
    const polaris = stars.find((s) => s.name === "Polaris");
    expect(Math.abs((polaris?.rightAscensionDeg ?? 0) - 37.954)).toBeLessThan(1e-3);
    expect(Math.abs((polaris?.declinationDeg ?? 0) - 89.264)).toBeLessThan(1e-3);
  });
});

describe("SyntheticRenderer", () => {
  const scene = syntheticScene(7);
  const renderer = new SyntheticRenderer(scene, skymap);

  it("renders the same frame for the same (seed, time), whatever the order", () => {
    const a = renderer.render(BASE_MS, new Uint16Array(SIZE * SIZE));
    const b = renderer.render(BASE_MS + 3000, new Uint16Array(SIZE * SIZE));
    const fresh = new SyntheticRenderer(scene, skymap);
    const b2 = fresh.render(BASE_MS + 3000, new Uint16Array(SIZE * SIZE));
    const a2 = renderSyntheticFrame(scene, skymap, BASE_MS, new Uint16Array(SIZE * SIZE));
    // Exact (invariant: deterministic per seed and time).
    expect(Buffer.from(a.buffer).equals(Buffer.from(a2.buffer))).toBe(true);
    expect(Buffer.from(b.buffer).equals(Buffer.from(b2.buffer))).toBe(true);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(false);
  });

  it("keeps the dark corners at the dark level, with THEMIS-like counts", () => {
    const frame = renderer.render(BASE_MS, new Uint16Array(SIZE * SIZE));
    let sum = 0;
    let count = 0;
    for (let row = 0; row < 20; row++)
      for (let col = 0; col < 20; col++) {
        sum += frame[row * SIZE + col] as number;
        count++;
      }
    // Invariant: outside the lens circle only dark level + read noise (σ ≤ 20) + fixed pattern
    // (±12) + rare hot pixels; the mean of 400 pixels is within 60 counts of the dark level.
    expect(Math.abs(sum / count - scene.darkCounts)).toBeLessThan(60);
    expect(scene.darkCounts).toBeGreaterThanOrEqual(2500);
    expect(scene.darkCounts).toBeLessThanOrEqual(3500);
  });

  it("draws stars where spherical astronomy puts them, turning with the sky over an hour", () => {
    const t0 = darkTime(scene, BASE_MS);
    for (const t of [t0, t0 + 3_600_000 * 0.9]) {
      const frame = renderer.render(t, new Uint16Array(SIZE * SIZE));
      let checked = 0;
      for (const name of ["Polaris", "Capella", "Vega", "Dubhe", "Deneb", "Arcturus"]) {
        const star = brightStars().find((s) => s.name === name);
        if (star === undefined) throw new Error(name);
        const [az, el] = starAzEl(star.rightAscensionDeg, star.declinationDeg, t);
        if (el < 25) continue;
        const [x, y] = fisheyePixel(az, el);
        // Brightest pixel of a 9x9 window around the predicted position.
        let best = -1;
        let bestX = 0;
        let bestY = 0;
        for (let row = Math.floor(y) - 4; row <= Math.floor(y) + 4; row++) {
          for (let col = Math.floor(x) - 4; col <= Math.floor(x) + 4; col++) {
            const v = frame[row * SIZE + col] as number;
            if (v > best) {
              best = v;
              bestX = col + 0.5;
              bestY = row + 0.5;
            }
          }
        }
        // Oracle: the analytic fisheye position of the star's az/el (Meeus eq. 13.5/13.6 with
        // GMST eq. 12.4); within 1.5 px (pixel quantisation plus noise).
        expect(
          Math.hypot(bestX - x, bestY - y),
          `${name} at ${new Date(t).toISOString()}`,
        ).toBeLessThan(1.5);
        // Stands clear of the local sky (median of the window): more than 150 counts, i.e. over
        // 4σ of the noise there (σ² = read² + sky × counts/e⁻ ≈ 20² + 900 × 1.5 → σ < 42).
        const window: number[] = [];
        for (let row = Math.floor(y) - 4; row <= Math.floor(y) + 4; row++) {
          for (let col = Math.floor(x) - 4; col <= Math.floor(x) + 4; col++)
            window.push(frame[row * SIZE + col] as number);
        }
        window.sort((a, b) => a - b);
        expect(best - (window[40] as number), name).toBeGreaterThan(150);
        checked++;
      }
      expect(checked).toBeGreaterThanOrEqual(3);
    }
  });

  it("draws an arc as a band of constant geographic latitude at 110 km (so it bends in the fisheye)", () => {
    const arcScene: SyntheticScene = {
      ...scene,
      cyclePhase: 0.5,
      onsetPhase: 0.9,
      arcs: [
        {
          startOffsetDeg: 4,
          driftDeg: 4,
          widthDeg: 0.1,
          baseCounts: 4000,
          onsetGain: 1,
          tiltDegPerDeg: 0,
          foldAmplitudeDeg: 0,
          foldLengthDeg: 5,
          foldRateRadPerS: 0,
          rayDepth: 0,
          raySpeedDegPerS: 0,
          rayWaves: [],
        },
      ],
      patch: { ...scene.patch, counts: 0 },
    };
    const arcRenderer = new SyntheticRenderer(arcScene, skymap);
    const t = 0;
    const frame = arcRenderer.render(t, new Uint16Array(SIZE * SIZE));
    // Analytic: at phase 0.5 the arc sits at site latitude + 4 − 4·0.5 = +2°.
    const expectedLat = SITE.latitudeDeg + 2;
    expect(Math.abs((sceneState(arcScene, t).arcOffsetDeg[0] as number) - 2)).toBeLessThan(1e-9);
    const g = arcRenderer.geometry;
    const rows: number[] = [];
    for (const col of [60, 90, 128, 166, 196]) {
      let best = -1;
      let bestRow = -1;
      for (let row = 0; row < SIZE / 2; row++) {
        const v = frame[row * SIZE + col] as number;
        if (g.valid[row * SIZE + col] === 1 && v > best) {
          best = v;
          bestRow = row;
        }
      }
      // The brightest pixel of the northern half lies on the arc: its 110 km latitude is the
      // arc's within 0.1° (one arc width; pixels are ~0.05–0.1° apart there).
      expect(
        Math.abs((g.latitudeDeg[bestRow * SIZE + col] as number) - expectedLat),
        `column ${col}`,
      ).toBeLessThan(0.1);
      rows.push(bestRow);
    }
    // North of the zenith a parallel looks like an arch (∩): its ends are lower in the image.
    expect(rows[0]).toBeGreaterThan(rows[2] as number);
    expect(rows[4]).toBeGreaterThan(rows[2] as number);
  });

  it("saturates at 65535 instead of wrapping", () => {
    const hot: SyntheticScene = {
      ...scene,
      cyclePhase: 0.5,
      onsetPhase: 0.9,
      arcs: [
        {
          startOffsetDeg: 0,
          driftDeg: 0,
          widthDeg: 3,
          baseCounts: 200_000,
          onsetGain: 1,
          tiltDegPerDeg: 0,
          foldAmplitudeDeg: 0,
          foldLengthDeg: 5,
          foldRateRadPerS: 0,
          rayDepth: 0,
          raySpeedDegPerS: 0,
          rayWaves: [],
        },
      ],
    };
    const frame = new SyntheticRenderer(hot, skymap).render(0, new Uint16Array(SIZE * SIZE));
    // Invariant: the zenith pixel would be ~200 000 counts; clipped, not wrapped.
    expect(frame[128 * SIZE + 128]).toBe(65535);
  });
});

describe("scene dynamics", () => {
  const scene = syntheticScene(3);
  const onsetMs =
    (Math.floor(BASE_MS / scene.cycleMs) + scene.onsetPhase - scene.cyclePhase + 1) * scene.cycleMs;

  it("drifts the arcs equatorward and brightens them at the onset", () => {
    const before = sceneState(scene, onsetMs - 20 * 60_000);
    const after = sceneState(scene, onsetMs + 4 * 60_000);
    // Model invariants: equatorward drift over 24 min, and a brightening by at least 3x.
    expect(after.arcOffsetDeg[0] as number).toBeLessThan(before.arcOffsetDeg[0] as number);
    expect(after.arcCounts[0] as number).toBeGreaterThan(3 * (before.arcCounts[0] as number));
  });

  it("pulses the patch on and off with its period and duty cycle", () => {
    let on = 0;
    let switches = 0;
    let previous = false;
    const stepMs = 100;
    const spanMs = 600_000;
    for (let t = onsetMs + 60_000; t < onsetMs + 60_000 + spanMs; t += stepMs) {
      const isOn = sceneState(scene, t).patchCounts > 0;
      if (isOn) on++;
      if (isOn !== previous) switches++;
      previous = isOn;
    }
    // Analytic: fraction on = duty cycle (± one sample per period); two switches per period (± 2).
    const periods = spanMs / 1000 / scene.patch.periodS;
    expect(Math.abs(on / (spanMs / stepMs) - scene.patch.dutyCycle)).toBeLessThan(0.02);
    expect(Math.abs(switches - 2 * periods)).toBeLessThanOrEqual(2);
    expect(scene.patch.periodS).toBeGreaterThanOrEqual(3);
    expect(scene.patch.periodS).toBeLessThanOrEqual(20);
  });
});
