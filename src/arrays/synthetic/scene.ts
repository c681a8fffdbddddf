import { Mulberry32, mix32 } from "./prng.js";

/** One east-west auroral arc, in latitude relative to the site at the 110 km layer. */
export interface ArcParams {
  /** Latitude offset from the site at the start of a substorm cycle, degrees (poleward > 0). */
  readonly startOffsetDeg: number;
  /** Equatorward drift over one cycle, degrees. */
  readonly driftDeg: number;
  /** Gaussian half-width (σ) across the arc, degrees of latitude (0.1° ≈ 11 km). */
  readonly widthDeg: number;
  /** Brightness before the onset, counts at the zenith. */
  readonly baseCounts: number;
  /** Peak brightness multiple reached at the onset. */
  readonly onsetGain: number;
  /** Tilt of the arc against parallels, degrees of latitude per degree of longitude. */
  readonly tiltDegPerDeg: number;
  /** Fold (wave) along the arc: amplitude and wavelength in degrees, phase speed in rad/s. */
  readonly foldAmplitudeDeg: number;
  readonly foldLengthDeg: number;
  readonly foldRateRadPerS: number;
  /** Rayed structure along the arc: peak relative brightness modulation (0 = none). */
  readonly rayDepth: number;
  /** Drift of the ray pattern along the arc, degrees of longitude per second. */
  readonly raySpeedDegPerS: number;
  /** Waves summed into the irregular ray pattern; each fits a whole number of times in 360°. */
  readonly rayWaves: readonly RayWave[];
}

/** One sinusoid of the ray pattern along an arc. */
export interface RayWave {
  /** Whole cycles around 360° of longitude (wavelength 360/cycles degrees). */
  readonly cycles: number;
  /** Relative amplitude; the amplitudes of an arc sum to 1. */
  readonly amplitude: number;
  readonly phaseRad: number;
}

/** Waves per ray pattern, and the range of their wavelengths (degrees of longitude; ~10–60 km at 110 km). */
const RAY_WAVES = 6;
const RAY_SHORTEST_DEG = 0.15;
const RAY_LONGEST_DEG = 0.9;

function rayWaves(rng: Mulberry32): RayWave[] {
  const raw = Array.from({ length: RAY_WAVES }, () => ({
    cycles: Math.round(rng.between(360 / RAY_LONGEST_DEG, 360 / RAY_SHORTEST_DEG)),
    amplitude: rng.between(0.3, 1),
    phaseRad: rng.between(0, 2 * Math.PI),
  }));
  const total = raw.reduce((sum, wave) => sum + wave.amplitude, 0);
  return raw.map((wave) => ({ ...wave, amplitude: wave.amplitude / total }));
}

/** A pulsating patch: on/off with a fixed period, brighter after the onset. */
export interface PatchParams {
  readonly latitudeOffsetDeg: number;
  readonly longitudeOffsetDeg: number;
  readonly radiusDeg: number;
  readonly periodS: number;
  /** Fraction of each period the patch is on. */
  readonly dutyCycle: number;
  readonly counts: number;
}

/** Everything that makes one synthetic night; plain data, derived from the seed alone. */
export interface SyntheticScene {
  readonly seed: number;
  /**
   * Geographic latitude/longitude the arc and patch offsets are measured from; null: the
   * imager's own site. A network of imagers shares one reference so they see the same aurora.
   */
  readonly referenceLatitudeDeg: number | null;
  readonly referenceLongitudeDeg: number | null;
  /** Length of one growth–onset–recovery cycle, ms. */
  readonly cycleMs: number;
  /** Cycle phase at 1970-01-01T00:00Z, in [0, 1). */
  readonly cyclePhase: number;
  /** Phase of the substorm onset within a cycle, in (0, 1). */
  readonly onsetPhase: number;
  readonly arcs: readonly ArcParams[];
  readonly patch: PatchParams;
  /** Airglow brightness at the zenith, counts. */
  readonly airglowZenithCounts: number;
  /** Mean dark level (bias + dark current), counts: THEMIS frames sit near 2500–3500. */
  readonly darkCounts: number;
  readonly readNoiseCounts: number;
  /** Counts per photoelectron (shot-noise variance = signal × this). */
  readonly countsPerElectron: number;
  /** Peak counts of a magnitude-0 star at the zenith. */
  readonly starPeakCountsMag0: number;
  /** Vignetting falloff cos(zenith angle)^n. */
  readonly vignetteExponent: number;
}

export interface SyntheticSceneOptions {
  readonly referenceLatitudeDeg?: number;
  readonly referenceLongitudeDeg?: number;
}

/** A deterministic scene for `seed` (any integer). */
export function syntheticScene(seed: number, options: SyntheticSceneOptions = {}): SyntheticScene {
  const rng = new Mulberry32(mix32(seed | 0, 0x5ce4e));
  const arcCount = rng.next() < 0.5 ? 1 : 2;
  const arcs: ArcParams[] = [];
  for (let k = 0; k < arcCount; k++) {
    arcs.push({
      // The second arc sits poleward of the first and is dimmer.
      startOffsetDeg: rng.between(2.5, 4) + k * rng.between(1, 2),
      driftDeg: rng.between(4, 6),
      widthDeg: rng.between(0.08, 0.16),
      baseCounts: rng.between(900, 1600) / (1 + k),
      onsetGain: rng.between(6, 14) / (1 + k),
      tiltDegPerDeg: rng.between(-0.06, 0.06),
      foldAmplitudeDeg: rng.between(0.05, 0.2),
      foldLengthDeg: rng.between(4, 10),
      foldRateRadPerS: rng.between(-0.01, 0.01),
      rayDepth: rng.between(0.2, 0.5),
      raySpeedDegPerS: rng.between(-0.005, 0.005),
      rayWaves: rayWaves(rng),
    });
  }
  return {
    seed,
    referenceLatitudeDeg: options.referenceLatitudeDeg ?? null,
    referenceLongitudeDeg: options.referenceLongitudeDeg ?? null,
    cycleMs: rng.between(60, 120) * 60_000,
    cyclePhase: rng.next(),
    onsetPhase: rng.between(0.55, 0.7),
    arcs,
    patch: {
      latitudeOffsetDeg: rng.between(-2.5, -1),
      longitudeOffsetDeg: rng.between(-3, 3),
      radiusDeg: rng.between(0.3, 0.6),
      periodS: rng.between(5, 15),
      dutyCycle: rng.between(0.35, 0.6),
      counts: rng.between(800, 1500),
    },
    airglowZenithCounts: rng.between(250, 450),
    darkCounts: rng.between(2700, 3300),
    readNoiseCounts: rng.between(10, 20),
    countsPerElectron: 1.5,
    starPeakCountsMag0: rng.between(6000, 9000),
    vignetteExponent: rng.between(0.4, 0.7),
  };
}

/** How the arcs look at one instant: the time-varying part of the scene. */
export interface SceneState {
  /** Per arc: centre latitude offset from the site (degrees) and brightness (counts). */
  readonly arcOffsetDeg: Float64Array;
  readonly arcCounts: Float64Array;
  readonly arcWidthDeg: Float64Array;
  /** Brightness of the pulsating patch now (0 when off). */
  readonly patchCounts: number;
}

function smoothstep(x: number): number {
  const t = Math.min(1, Math.max(0, x));
  return t * t * (3 - 2 * t);
}

/** Rise time of the onset brightening and decay of the expansion, in cycle phase. */
const ONSET_RISE = 0.04;
const ONSET_DECAY = 0.15;
/** Fade at both ends of a cycle, so the reset of the arc positions happens in the dark. */
const CYCLE_FADE = 0.06;

/** The scene's arcs and patch at `timeMs`. */
export function sceneState(scene: SyntheticScene, timeMs: number): SceneState {
  const cycles = timeMs / scene.cycleMs + scene.cyclePhase;
  const phase = cycles - Math.floor(cycles);
  const fade = smoothstep(phase / CYCLE_FADE) * smoothstep((1 - phase) / CYCLE_FADE);
  const sinceOnset = phase - scene.onsetPhase;
  // Substorm-like: slow growth, a fast brightening over a few minutes, then a slow decay.
  const onset =
    sinceOnset < 0 ? 0 : smoothstep(sinceOnset / ONSET_RISE) * Math.exp(-sinceOnset / ONSET_DECAY);
  const n = scene.arcs.length;
  const arcOffsetDeg = new Float64Array(n);
  const arcCounts = new Float64Array(n);
  const arcWidthDeg = new Float64Array(n);
  scene.arcs.forEach((arc, k) => {
    arcOffsetDeg[k] = arc.startOffsetDeg - arc.driftDeg * phase;
    arcCounts[k] = fade * arc.baseCounts * (1 + (arc.onsetGain - 1) * onset);
    // Arcs broaden as they brighten (expansion phase).
    arcWidthDeg[k] = arc.widthDeg * (1 + 1.5 * onset);
  });
  const { patch } = scene;
  const pulses = timeMs / 1000 / patch.periodS;
  const on = pulses - Math.floor(pulses) < patch.dutyCycle;
  // Pulsating aurora follows the expansion phase: weak before the onset, strong after it.
  const strength = sinceOnset < 0 ? 0.3 : 0.3 + 0.7 * Math.min(1, sinceOnset / ONSET_RISE);
  return {
    arcOffsetDeg,
    arcCounts,
    arcWidthDeg,
    patchCounts: on ? fade * strength * patch.counts : 0,
  };
}
