import { InvalidArgumentError } from "../../core/errors.js";
import type { Skymap } from "../skymap/skymap.js";
import { Mulberry32, mix32, timeWords } from "./prng.js";
import { type SyntheticScene, sceneState } from "./scene.js";
import { localSiderealTimeDeg } from "./sidereal-time.js";
import { type SkyGeometry, skyGeometry } from "./sky-geometry.js";
import { brightStars, type CatalogueStar } from "./star-catalogue.js";
import { placeStar, type StarPixel, starLook } from "./star-placement.js";

/** Gaussian PSF width of a star, pixels (THEMIS stars spread over 2–3 pixels). */
const STAR_SIGMA_PX = 0.7;
/** Half-size of the window a star is drawn in, pixels (3σ). */
const STAR_WINDOW_PX = 2;
/** Extinction coefficient, magnitudes per airmass (typical visual value at a good site). */
const EXTINCTION_MAG_PER_AIRMASS = 0.2;
/** Airmass is capped where the plane-parallel 1/sin(el) formula stops being useful. */
const MAX_AIRMASS = 12;
/** Fraction of pixels that are hot, and their extra dark counts range. */
const HOT_PIXEL_FRACTION = 2e-4;
/** Fixed-pattern spread of the dark level, counts (pixel-to-pixel bias differences). */
const DARK_PATTERN_COUNTS = 12;
/** Full scale of the 16-bit camera: brighter pixels saturate here (uint16 maximum). */
const MAX_COUNTS = 65535;
/** Arcs and patches are not evaluated beyond this many widths from their centre. */
const CUTOFF_SIGMAS = 6;
/** Size of the table of normal deviates: 2^16, indexed by 16 random bits. */
const NORMAL_TABLE_SIZE = 65536;
/** Steps of the ray-pattern table over 360° of longitude (0.005° each, ~0.3 km at 110 km and 55°N). */
const RAY_TABLE_SIZE = 72_000;
const RAD = Math.PI / 180;

/**
 * Renders synthetic all-sky frames of one scene through one skymap. Geometry (pixel
 * positions at 110 km, gains, star index) and the fixed dark pattern are computed once;
 * `render` only evaluates what changes with time. Each frame depends only on (scene seed,
 * time), never on the order frames are asked for.
 */
export class SyntheticRenderer {
  readonly geometry: SkyGeometry;
  private readonly dark: Float32Array;
  private readonly signal: Float32Array;
  /** Per arc: latitude relative to the reference minus the arc's tilt, and sin/cos of the fold phase. */
  private readonly arcLatitude: readonly Float32Array[];
  private readonly foldSin: readonly Float32Array[];
  private readonly foldCos: readonly Float32Array[];
  /** Per arc: the ray pattern tabulated over 360° of longitude (1 + depth × waves). */
  private readonly rayProfile: readonly Float32Array[];
  /** Per pixel: longitude offset in ray-table steps, in [0, RAY_TABLE_SIZE). */
  private readonly rayIndex: Float32Array;
  /** Airglow counts per pixel (static): zenith airglow × van Rhijn × vignetting. */
  private readonly airglow: Float32Array;
  /** Standard normal deviates, drawn once; frames index them with per-frame random numbers. */
  private readonly normals: Float32Array;
  private readonly stars: readonly CatalogueStar[];
  private readonly look = new Float64Array(3);
  private readonly place: StarPixel = { pixel: 0, dx: 0, dy: 0 };

  constructor(
    readonly scene: SyntheticScene,
    readonly skymap: Skymap,
  ) {
    this.geometry = skyGeometry(skymap, scene.vignetteExponent, {
      latitudeDeg: scene.referenceLatitudeDeg,
      longitudeDeg: scene.referenceLongitudeDeg,
    });
    const n = skymap.width * skymap.height;
    this.signal = new Float32Array(n);
    this.dark = new Float32Array(n);
    const rng = new Mulberry32(mix32(scene.seed | 0, 0xda4c));
    for (let i = 0; i < n; i++) {
      let level = scene.darkCounts + DARK_PATTERN_COUNTS * (rng.next() - 0.5) * 2;
      if (rng.next() < HOT_PIXEL_FRACTION) level += rng.between(2000, 20000);
      this.dark[i] = level;
    }
    this.stars = brightStars();
    const g = this.geometry;
    // The time-independent part of each arc's shape, so a frame costs no trigonometry per pixel:
    // sin(x + ωt) = sin x cos ωt + cos x sin ωt.
    this.arcLatitude = scene.arcs.map((arc) =>
      g.latitudeDeg.map(
        (lat, i) =>
          lat - g.referenceLatitudeDeg - arc.tiltDegPerDeg * (g.longitudeOffsetDeg[i] as number),
      ),
    );
    this.foldSin = scene.arcs.map((arc) =>
      g.longitudeOffsetDeg.map((d) => Math.sin((2 * Math.PI * d) / arc.foldLengthDeg)),
    );
    this.foldCos = scene.arcs.map((arc) =>
      g.longitudeOffsetDeg.map((d) => Math.cos((2 * Math.PI * d) / arc.foldLengthDeg)),
    );
    // Ray patterns are tabulated once, so a frame only shifts and looks them up.
    this.rayProfile = scene.arcs.map((arc) => {
      const table = new Float32Array(RAY_TABLE_SIZE);
      for (let j = 0; j < RAY_TABLE_SIZE; j++) {
        const x = (2 * Math.PI * j) / RAY_TABLE_SIZE;
        let sum = 0;
        for (const wave of arc.rayWaves)
          sum += wave.amplitude * Math.sin(wave.cycles * x + wave.phaseRad);
        table[j] = 1 + arc.rayDepth * sum;
      }
      return table;
    });
    this.rayIndex = g.longitudeOffsetDeg.map((d) => ((((d / 360) % 1) + 1) % 1) * RAY_TABLE_SIZE);
    this.airglow = g.airglowGain.map((gain) => gain * scene.airglowZenithCounts);
    this.normals = new Float32Array(NORMAL_TABLE_SIZE);
    for (let i = 0; i < NORMAL_TABLE_SIZE; i += 2) {
      // Box–Muller: two independent normals from two uniforms (1 − u keeps the log finite).
      const radius = Math.sqrt(-2 * Math.log(1 - rng.next()));
      const angle = 2 * Math.PI * rng.next();
      this.normals[i] = radius * Math.cos(angle);
      this.normals[i + 1] = radius * Math.sin(angle);
    }
  }

  /** Renders the frame at `timeMs` into `out` (width × height counts, aurorakit orientation). */
  render(timeMs: number, out: Uint16Array): Uint16Array {
    const { width, height } = this.skymap;
    if (out.length !== width * height) {
      throw new InvalidArgumentError("out", `expected ${width * height} pixels, got ${out.length}`);
    }
    this.renderSky(timeMs);
    this.renderStars(timeMs);
    this.addNoise(timeMs, out);
    return out;
  }

  private renderSky(timeMs: number): void {
    const g = this.geometry;
    const { scene, signal } = this;
    const state = sceneState(scene, timeMs);
    const timeS = timeMs / 1000;
    const arcs = scene.arcs;
    const patch = scene.patch;
    const patchLat = g.referenceLatitudeDeg + patch.latitudeOffsetDeg;
    const patchScale = Math.cos(patchLat * RAD);
    const n = signal.length;
    const { valid, arcGain, latitudeDeg, longitudeOffsetDeg } = g;
    // Airglow is static: start every frame from it (0 outside the field of view).
    signal.set(this.airglow);
    arcs.forEach((arc, k) => {
      const counts = state.arcCounts[k] as number;
      if (!(counts > 0)) return;
      const offset = state.arcOffsetDeg[k] as number;
      const inverseWidth = 1 / (state.arcWidthDeg[k] as number);
      // sin(x + ωt) = sin x cos ωt + cos x sin ωt, with sin x and cos x precomputed per pixel.
      const foldA = arc.foldAmplitudeDeg * Math.cos(arc.foldRateRadPerS * timeS);
      const foldB = arc.foldAmplitudeDeg * Math.sin(arc.foldRateRadPerS * timeS);
      const lat = this.arcLatitude[k] as Float32Array;
      const sin = this.foldSin[k] as Float32Array;
      const cos = this.foldCos[k] as Float32Array;
      const rays = this.rayProfile[k] as Float32Array;
      const rayIndex = this.rayIndex;
      // The pattern drifts along the arc: shift the table index, wrapped into [0, size).
      const drift = (arc.raySpeedDegPerS * timeS) / 360;
      const rayShift = (drift - Math.floor(drift)) * RAY_TABLE_SIZE;
      for (let i = 0; i < n; i++) {
        if (valid[i] === 0) continue;
        const across =
          ((lat[i] as number) - offset - foldA * (sin[i] as number) - foldB * (cos[i] as number)) *
          inverseWidth;
        // Arcs are sharper on their equatorward edge than on their poleward side.
        const shaped = across < 0 ? across * 1.4 : across;
        if (shaped > -CUTOFF_SIGMAS && shaped < CUTOFF_SIGMAS) {
          let j = (rayIndex[i] as number) - rayShift;
          if (j < 0) j += RAY_TABLE_SIZE;
          signal[i] =
            (signal[i] as number) +
            counts *
              (rays[j | 0] as number) *
              Math.exp(-0.5 * shaped * shaped) *
              (arcGain[i] as number);
        }
      }
    });
    if (state.patchCounts > 0) {
      const inverseRadius = 1 / patch.radiusDeg;
      for (let i = 0; i < n; i++) {
        if (valid[i] === 0) continue;
        const dy = ((latitudeDeg[i] as number) - patchLat) * inverseRadius;
        const dx =
          ((longitudeOffsetDeg[i] as number) - patch.longitudeOffsetDeg) *
          patchScale *
          inverseRadius;
        const r2 = dx * dx + dy * dy;
        // A flat-topped patch with soft edges (super-Gaussian of order 2).
        if (r2 < CUTOFF_SIGMAS) {
          signal[i] =
            (signal[i] as number) + state.patchCounts * Math.exp(-r2 * r2) * (arcGain[i] as number);
        }
      }
    }
  }

  private renderStars(timeMs: number): void {
    const g = this.geometry;
    const { signal, look, place, scene } = this;
    const { width, height } = g;
    const lstDeg = localSiderealTimeDeg(timeMs, g.siteLongitudeDeg);
    const twoSigma2 = 2 * STAR_SIGMA_PX * STAR_SIGMA_PX;
    for (const star of this.stars) {
      starLook(lstDeg - star.rightAscensionDeg, star.declinationDeg, g.siteLatitudeDeg, look);
      if (!placeStar(g, look, place)) continue;
      const sinEl = look[2] as number;
      const airmass = Math.min(MAX_AIRMASS, 1 / Math.max(sinEl, 1 / MAX_AIRMASS));
      // Pogson's magnitude scale: a factor 10^(−0.4) per magnitude.
      const peak =
        scene.starPeakCountsMag0 *
        10 ** (-0.4 * (star.magnitudeV + EXTINCTION_MAG_PER_AIRMASS * (airmass - 1))) *
        (g.vignette[place.pixel] as number);
      const row0 = Math.floor(place.pixel / width);
      const col0 = place.pixel - row0 * width;
      for (let dr = -STAR_WINDOW_PX; dr <= STAR_WINDOW_PX; dr++) {
        const r = row0 + dr;
        if (r < 0 || r >= height) continue;
        for (let dc = -STAR_WINDOW_PX; dc <= STAR_WINDOW_PX; dc++) {
          const c = col0 + dc;
          if (c < 0 || c >= width) continue;
          const j = r * width + c;
          if (g.valid[j] === 0) continue;
          const ex = dc - place.dx;
          const ey = dr - place.dy;
          signal[j] = (signal[j] as number) + peak * Math.exp(-(ex * ex + ey * ey) / twoSigma2);
        }
      }
    }
  }

  /** Dark level, shot noise (variance = signal × counts/e⁻) and read noise; saturates at 65535. */
  private addNoise(timeMs: number, out: Uint16Array): void {
    const { signal, dark, scene } = this;
    const [low, high] = timeWords(timeMs);
    const rng = new Mulberry32(mix32(scene.seed | 0, low, high));
    const read2 = scene.readNoiseCounts * scene.readNoiseCounts;
    const gain = scene.countsPerElectron;
    const n = signal.length;
    const normals = this.normals;
    let bits = 0;
    for (let i = 0; i < n; i++) {
      // One 32-bit random number gives two 16-bit indices into the normal table.
      if ((i & 1) === 0) bits = rng.nextUint32();
      const z = normals[(i & 1) === 0 ? bits >>> 16 : bits & 0xffff] as number;
      const s = signal[i] as number;
      const value = (dark[i] as number) + s + Math.sqrt(read2 + s * gain) * z + 0.5;
      out[i] = value < 0 ? 0 : value >= MAX_COUNTS ? MAX_COUNTS : Math.floor(value);
    }
  }
}

/**
 * One-shot convenience: renders the frame of `scene` at `timeMs` through `skymap` into
 * `out`. It recomputes the skymap geometry on every call; to render many frames, create one
 * SyntheticRenderer and call `render`.
 */
export function renderSyntheticFrame(
  scene: SyntheticScene,
  skymap: Skymap,
  timeMs: number,
  out: Uint16Array,
): Uint16Array {
  return new SyntheticRenderer(scene, skymap).render(timeMs, out);
}
