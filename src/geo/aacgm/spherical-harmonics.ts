/**
 * The real spherical harmonics the AACGM-v2 coefficients were fitted to (Shepherd 2014, JGR 119,
 * §3; evaluated by AACGM_v2_Rylm in aacgmlib_v2.c). With x = cos θ (θ colatitude), φ longitude,
 * P_l^m the associated Legendre function including the Condon–Shortley phase (−1)^m, and
 * N_lm = sqrt((2l+1)/(4π) · (l−m)!/(l+m)!), the harmonic with index k = l(l+1) + m is
 *   m > 0:  N_lm P_l^m(x) cos(mφ)
 *   m = 0:  N_l0 P_l(x)
 *   m < 0:  (−1)^(|m|+1) N_l|m| P_l^|m|(x) sin(|m|φ)
 * (the sign for m < 0 follows from the library's complex recursion on −sin θ·e^{iφ} and its
 * (−1)^|m| normalisation; the coefficients only make sense with exactly these signs).
 */
import { AACGM_HARMONICS, AACGM_SH_ORDER } from "./coefficient-set.js";

const ORDER = AACGM_SH_ORDER;

/** N_lm at index l(l+1)+m (m ≥ 0) and the signed factor for m < 0 at index l(l+1)−m. */
const NORMALISATION = computeNormalisation();

function computeNormalisation(): Float64Array {
  const factorial = new Float64Array(2 * ORDER + 2);
  factorial[0] = 1;
  for (let k = 1; k < factorial.length; k++) factorial[k] = k * (factorial[k - 1] as number);
  const out = new Float64Array(AACGM_HARMONICS);
  for (let l = 0; l <= ORDER; l++) {
    for (let m = 0; m <= l; m++) {
      const n = Math.sqrt(
        ((2 * l + 1) / (4 * Math.PI)) *
          ((factorial[l - m] as number) / (factorial[l + m] as number)),
      );
      out[l * (l + 1) + m] = n;
      if (m > 0) out[l * (l + 1) - m] = (m % 2 === 0 ? -1 : 1) * n;
    }
  }
  return out;
}

/** Recursion factors at index l(l+1)+m: (2l−1)/(l−m) and (l+m−1)/(l−m), so the inner loop has no division. */
const RECURSION_A = new Float64Array(AACGM_HARMONICS);
const RECURSION_B = new Float64Array(AACGM_HARMONICS);
for (let l = 1; l <= ORDER; l++) {
  for (let m = 0; m < l; m++) {
    RECURSION_A[l * (l + 1) + m] = (2 * l - 1) / (l - m);
    RECURSION_B[l * (l + 1) + m] = (l + m - 1) / (l - m);
  }
}

/** Writes the (ORDER+1)² harmonics at (colatitude, longitude) in radians into `out`. */
export function aacgmHarmonicsInto(
  colatitudeRad: number,
  longitudeRad: number,
  out: Float64Array,
): void {
  const x = Math.cos(colatitudeRad);
  const s = Math.sin(colatitudeRad);
  const cos1 = Math.cos(longitudeRad);
  const sin1 = Math.sin(longitudeRad);
  let cosM = 1;
  let sinM = 0;
  // P_m^m with the Condon–Shortley phase: P_m^m = −(2m−1) sin θ · P_{m−1}^{m−1}.
  let pmm = 1;
  for (let m = 0; m <= ORDER; m++) {
    if (m > 0) {
      pmm *= -(2 * m - 1) * s;
      const c = cosM * cos1 - sinM * sin1;
      sinM = sinM * cos1 + cosM * sin1;
      cosM = c;
    }
    // Upward recursion in l at fixed m: (l−m) P_l^m = (2l−1) x P_{l−1}^m − (l+m−1) P_{l−2}^m.
    let pPrev = 0;
    let p = pmm;
    for (let l = m; l <= ORDER; l++) {
      const centre = l * (l + 1);
      if (l > m) {
        const next =
          (RECURSION_A[centre + m] as number) * x * p - (RECURSION_B[centre + m] as number) * pPrev;
        pPrev = p;
        p = next;
      }
      out[centre + m] = (NORMALISATION[centre + m] as number) * p * cosM;
      if (m > 0) out[centre - m] = (NORMALISATION[centre - m] as number) * p * sinM;
    }
  }
}
