/**
 * The IGRF-14 main field at one instant: Gauss coefficients interpolated once, then evaluated
 * allocation-free at any number of points. Spherical-harmonic synthesis of the internal
 * potential V = a Σₙ (a/r)ⁿ⁺¹ Σₘ (gₙᵐ cos mφ + hₙᵐ sin mφ) Pₙᵐ(cos θ) with Schmidt
 * semi-normalised associated Legendre functions (IGRF-14 definition: Alken et al.,
 * "International Geomagnetic Reference Field: the fourteenth generation", Earth Planets Space
 * 2025; a = 6371.2 km).
 */
import { InvalidArgumentError } from "../../core/errors.js";
import { decimalYearFromTimeMs } from "./decimal-year.js";
import {
  IGRF14_EPOCH_STEP_YEARS,
  IGRF14_EPOCHS,
  IGRF14_FIRST_EPOCH_YEAR,
  IGRF14_SECULAR_VARIATION,
} from "./igrf14-coefficients.js";

/** Geomagnetic reference radius a, km (IGRF definition). */
export const IGRF_REFERENCE_RADIUS_KM = 6371.2;
/** Highest degree of any IGRF-14 model (2000.0 onwards). */
export const IGRF_MAX_DEGREE = 13;
/** Last epoch with a main-field model; secular variation extrapolates from it (IGRF-14 table). */
const LAST_EPOCH_YEAR = 2025;
/** IGRF-14 is defined for 1900.0 ≤ t < 2030.0 (the SV column covers 2025–2030). */
const VALID_END_YEAR = 2030;
/** igrf14syn accepts dates up to 2035.0 with a warning about degraded accuracy. */
const EXTRAPOLATION_END_YEAR = 2035;
/** Within this many radians of a pole Bφ's 1/sin θ is evaluated at this offset (≈ 6 µm at 1 RE). */
const POLE_SIN_THETA = 1e-12;

const triangle = (n: number, m: number): number => (n * (n + 1)) / 2 + m;
const TRIANGLE_SIZE = triangle(IGRF_MAX_DEGREE, IGRF_MAX_DEGREE) + 1;

/**
 * Recursion constants for Schmidt semi-normalised Pₙᵐ (e.g. Winch et al., GJI 160, 2005, eq. 2):
 * Pₙᵐ = [(2n−1) cos θ Pₙ₋₁ᵐ − √((n−1)²−m²) Pₙ₋₂ᵐ] / √(n²−m²), Pₘᵐ = √((2m−1)/(2m)) sin θ Pₘ₋₁ᵐ⁻¹
 * (with P₁¹ = sin θ, i.e. factor 1 at m = 1).
 */
const RECURSION_A = new Float64Array(TRIANGLE_SIZE);
const RECURSION_B = new Float64Array(TRIANGLE_SIZE);
const DIAGONAL = new Float64Array(IGRF_MAX_DEGREE + 1);
for (let n = 1; n <= IGRF_MAX_DEGREE; n++) {
  DIAGONAL[n] = n === 1 ? 1 : Math.sqrt((2 * n - 1) / (2 * n));
  for (let m = 0; m < n; m++) {
    const k = triangle(n, m);
    const denominator = Math.sqrt(n * n - m * m);
    RECURSION_A[k] = (2 * n - 1) / denominator;
    RECURSION_B[k] = Math.sqrt(Math.max(0, (n - 1) * (n - 1) - m * m)) / denominator;
  }
}

/** Number of (m, n ≥ m) pairs up to the maximum degree, n = 0 included for a uniform walk. */
const ORDER_SIZE = TRIANGLE_SIZE;
/** Recursion constants in the evaluation order: m = 0..N outer, n = m..N inner. */
const ORDER_A = new Float64Array(ORDER_SIZE);
const ORDER_B = new Float64Array(ORDER_SIZE);
/** Position of (n, m) in that order. */
const orderIndex = (n: number, m: number): number =>
  m * (IGRF_MAX_DEGREE + 1) - (m * (m - 1)) / 2 + (n - m);
for (let m = 0; m <= IGRF_MAX_DEGREE; m++) {
  for (let n = m; n <= IGRF_MAX_DEGREE; n++) {
    ORDER_A[orderIndex(n, m)] = RECURSION_A[triangle(n, m)] as number;
    ORDER_B[orderIndex(n, m)] = RECURSION_B[triangle(n, m)] as number;
  }
}

export interface IgrfModelOptions {
  /** Accept 2030.0–2035.0 as igrf14syn does (SV extrapolated past its 5-year validity). */
  allowExtrapolation?: boolean;
}

/** Writes Gauss coefficients of the table's order into triangle-indexed g and h. */
function addCoefficients(
  source: readonly number[],
  weight: number,
  g: Float64Array,
  h: Float64Array,
): void {
  let i = 0;
  for (let n = 1; i < source.length; n++) {
    for (let m = 0; m <= n; m++) {
      const k = triangle(n, m);
      g[k] = (g[k] as number) + weight * (source[i++] as number);
      if (m > 0) h[k] = (h[k] as number) + weight * (source[i++] as number);
    }
  }
}

export class IgrfModel {
  /** Decimal year of the instant (see decimal-year.ts). */
  readonly decimalYear: number;
  /** Gauss coefficients gₙᵐ, hₙᵐ (nT) indexed n(n+1)/2 + m. */
  readonly g = new Float64Array(TRIANGLE_SIZE);
  readonly h = new Float64Array(TRIANGLE_SIZE);
  readonly maxDegree: number;
  private readonly radiusPower = new Float64Array(IGRF_MAX_DEGREE + 1);
  /** g and h laid out in evaluation order (see orderIndex) for a sequential inner loop. */
  private readonly gByOrder = new Float64Array(ORDER_SIZE);
  private readonly hByOrder = new Float64Array(ORDER_SIZE);

  /** Unchecked: prefer {@link igrfModel}, which validates the date range. */
  constructor(decimalYear: number) {
    this.decimalYear = decimalYear;
    if (decimalYear >= LAST_EPOCH_YEAR) {
      addCoefficients(IGRF14_EPOCHS[IGRF14_EPOCHS.length - 1] as number[], 1, this.g, this.h);
      addCoefficients(IGRF14_SECULAR_VARIATION, decimalYear - LAST_EPOCH_YEAR, this.g, this.h);
      this.maxDegree = IGRF_MAX_DEGREE;
    } else {
      // Linear interpolation between the bracketing 5-year epochs (igrf14syn); a degree-10
      // model contributes zeros above degree 10.
      const position = (decimalYear - IGRF14_FIRST_EPOCH_YEAR) / IGRF14_EPOCH_STEP_YEARS;
      const index = Math.min(Math.floor(position), IGRF14_EPOCHS.length - 2);
      const fraction = position - index;
      const before = IGRF14_EPOCHS[index] as number[];
      const after = IGRF14_EPOCHS[index + 1] as number[];
      addCoefficients(before, 1 - fraction, this.g, this.h);
      addCoefficients(after, fraction, this.g, this.h);
      this.maxDegree = Math.round(Math.sqrt(Math.max(before.length, after.length) + 1)) - 1;
    }
    this.refreshOrder();
  }

  /** Copies g, h into evaluation order; call after editing {@link g} or {@link h} directly. */
  refreshOrder(): void {
    for (let n = 1; n <= IGRF_MAX_DEGREE; n++) {
      for (let m = 0; m <= n; m++) {
        this.gByOrder[orderIndex(n, m)] = this.g[triangle(n, m)] as number;
        this.hByOrder[orderIndex(n, m)] = this.h[triangle(n, m)] as number;
      }
    }
  }

  /** The centred-dipole terms g₁⁰, g₁¹, h₁¹ (nT). */
  get dipole(): { g10: number; g11: number; h11: number } {
    return { g10: this.g[1] as number, g11: this.g[2] as number, h11: this.h[2] as number };
  }

  /**
   * Field at geocentric spherical coordinates, written into out[0..2] as
   * [Br (outward), Bθ (southward), Bφ (eastward)] in nT. Allocation-free.
   */
  fieldSpherical(
    radiusKm: number,
    colatitudeRad: number,
    longitudeRad: number,
    out: Float64Array,
  ): void {
    const cosT = Math.cos(colatitudeRad);
    const sinT = Math.sin(colatitudeRad);
    this.sphericalFromTrig(
      radiusKm,
      cosT,
      sinT,
      Math.cos(longitudeRad),
      Math.sin(longitudeRad),
      out,
    );
  }

  /** Field at Earth-centred Earth-fixed cartesian km, written as ECEF components (nT). */
  fieldEcef(xKm: number, yKm: number, zKm: number, out: Float64Array): void {
    const rhoKm = Math.sqrt(xKm * xKm + yKm * yKm);
    const radiusKm = Math.sqrt(rhoKm * rhoKm + zKm * zKm);
    const cosT = zKm / radiusKm;
    const sinT = rhoKm / radiusKm;
    const cosP = rhoKm > 0 ? xKm / rhoKm : 1;
    const sinP = rhoKm > 0 ? yKm / rhoKm : 0;
    this.sphericalFromTrig(radiusKm, cosT, sinT, cosP, sinP, out);
    const br = out[0] as number;
    const bt = out[1] as number;
    const bp = out[2] as number;
    const horizontal = br * sinT + bt * cosT;
    out[0] = horizontal * cosP - bp * sinP;
    out[1] = horizontal * sinP + bp * cosP;
    out[2] = br * cosT - bt * sinT;
  }

  private sphericalFromTrig(
    radiusKm: number,
    cosT: number,
    sinTIn: number,
    cosP: number,
    sinP: number,
    out: Float64Array,
  ): void {
    const nMax = this.maxDegree;
    const gm = this.gByOrder;
    const hm = this.hByOrder;
    const sinT = sinTIn < POLE_SIN_THETA ? POLE_SIN_THETA : sinTIn;
    const ratio = IGRF_REFERENCE_RADIUS_KM / radiusKm;
    const rp = this.radiusPower;
    // (a/r)ⁿ⁺² multiplies every degree-n term of B = −∇V.
    let power = ratio * ratio;
    for (let n = 1; n <= nMax; n++) {
      power *= ratio;
      rp[n] = power;
    }
    let br = 0;
    let bt = 0;
    let bp = 0;
    // Running diagonal P_m^m, its θ-derivative, and cos mφ, sin mφ by angle addition.
    let pmm = 1;
    let dpmm = 0;
    let cosM = 1;
    let sinM = 0;
    for (let m = 0; m <= nMax; m++) {
      if (m > 0) {
        const d = DIAGONAL[m] as number;
        const nextDp = d * (cosT * pmm + sinT * dpmm);
        pmm = d * sinT * pmm;
        dpmm = nextDp;
        const nextCos = cosM * cosP - sinM * sinP;
        sinM = sinM * cosP + cosM * sinP;
        cosM = nextCos;
      }
      let p1 = pmm;
      let dp1 = dpmm;
      let p2 = 0;
      let dp2 = 0;
      // Sums over n of the m-th order, combined with cos mφ, sin mφ once per order.
      let sumRc = 0;
      let sumRs = 0;
      let sumTc = 0;
      let sumTs = 0;
      let sumPc = 0;
      let sumPs = 0;
      const nFirst = m === 0 ? 1 : m;
      // j walks the (m, n ≥ m) pairs in the order of ORDER_A/ORDER_B and gByOrder/hByOrder.
      for (let n = nFirst, j = orderIndex(nFirst, m); n <= nMax; n++, j++) {
        if (n > m) {
          const a = ORDER_A[j] as number;
          const b = ORDER_B[j] as number;
          const p = a * cosT * p1 - b * p2;
          const dp = a * (cosT * dp1 - sinT * p1) - b * dp2;
          p2 = p1;
          dp2 = dp1;
          p1 = p;
          dp1 = dp;
        }
        const w = rp[n] as number;
        const gw = (gm[j] as number) * w;
        const hw = (hm[j] as number) * w;
        const radial = (n + 1) * p1;
        sumRc += gw * radial;
        sumRs += hw * radial;
        sumTc += gw * dp1;
        sumTs += hw * dp1;
        sumPc += gw * p1;
        sumPs += hw * p1;
      }
      br += sumRc * cosM + sumRs * sinM;
      bt -= sumTc * cosM + sumTs * sinM;
      bp += m * (sumPc * sinM - sumPs * cosM);
    }
    out[0] = br;
    out[1] = bt;
    out[2] = bp / sinT;
  }
}

/**
 * The IGRF-14 model at `timeMs` (ms since 1970 UTC). Throws InvalidArgumentError outside
 * [1900-01-01, 2030-01-01) (or 2035-01-01 with `allowExtrapolation`).
 */
export function igrfModel(timeMs: number, options: IgrfModelOptions = {}): IgrfModel {
  const decimalYear = decimalYearFromTimeMs(timeMs);
  const endYear = options.allowExtrapolation === true ? EXTRAPOLATION_END_YEAR : VALID_END_YEAR;
  if (!(decimalYear >= IGRF14_FIRST_EPOCH_YEAR && decimalYear < endYear)) {
    throw new InvalidArgumentError(
      "timeMs",
      `IGRF-14 is defined from ${IGRF14_FIRST_EPOCH_YEAR}-01-01 to ${endYear}-01-01 (exclusive), ` +
        `got ${Number.isFinite(timeMs) ? new Date(timeMs).toISOString() : String(timeMs)}; ` +
        "choose a time in that range",
    );
  }
  return new IgrfModel(decimalYear);
}
