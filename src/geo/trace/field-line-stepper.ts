/**
 * Adaptive Runge–Kutta integration of a field line dr/ds = σ B̂(r) (arc length s in km, σ = ±1)
 * with the Dormand–Prince 5(4) pair (J. R. Dormand and P. J. Prince, "A family of embedded
 * Runge–Kutta formulae", J. Comput. Appl. Math. 6(1), 1980, Table 2), advancing with the
 * 5th-order solution and using the first-same-as-last property. All scratch is preallocated.
 */
import type { FieldFunction } from "./field-function.js";

// Dormand–Prince 5(4) coefficients (Dormand & Prince 1980, Table 2).
const A21 = 1 / 5;
const A31 = 3 / 40;
const A32 = 9 / 40;
const A41 = 44 / 45;
const A42 = -56 / 15;
const A43 = 32 / 9;
const A51 = 19372 / 6561;
const A52 = -25360 / 2187;
const A53 = 64448 / 6561;
const A54 = -212 / 729;
const A61 = 9017 / 3168;
const A62 = -355 / 33;
const A63 = 46732 / 5247;
const A64 = 49 / 176;
const A65 = -5103 / 18656;
// 5th-order weights (also row 7 of the tableau, hence FSAL).
const B1 = 35 / 384;
const B3 = 500 / 1113;
const B4 = 125 / 192;
const B5 = -2187 / 6784;
const B6 = 11 / 84;
// Differences between the 5th- and 4th-order weights (error estimate).
const E1 = 71 / 57600;
const E3 = -71 / 16695;
const E4 = 71 / 1920;
const E5 = -17253 / 339200;
const E6 = 22 / 525;
const E7 = -1 / 40;

export class FieldLineStepper {
  /** Stages k1..k7, three components each. */
  private readonly k = new Float64Array(21);
  private readonly field = new Float64Array(3);
  /** Set by {@link step}: the unit direction at the step's end (k7), valid for the next step's k1. */
  readonly endDirection = new Float64Array(3);

  constructor(private readonly fieldAt: FieldFunction) {}

  /** σ B̂ at (x, y, z) into k[offset..offset+2]; false where |B| is zero or not finite. */
  private direction(x: number, y: number, z: number, sign: number, offset: number): boolean {
    const b = this.field;
    this.fieldAt(x, y, z, b);
    const bx = b[0] as number;
    const by = b[1] as number;
    const bz = b[2] as number;
    const norm = Math.sqrt(bx * bx + by * by + bz * bz);
    if (!(norm > 0) || !Number.isFinite(norm)) return false;
    const scale = sign / norm;
    const k = this.k;
    k[offset] = bx * scale;
    k[offset + 1] = by * scale;
    k[offset + 2] = bz * scale;
    return true;
  }

  /** σ B̂ at a point into `out`; false where the field vanishes. */
  directionAt(x: number, y: number, z: number, sign: number, out: Float64Array): boolean {
    if (!this.direction(x, y, z, sign, 18)) return false;
    out[0] = this.k[18] as number;
    out[1] = this.k[19] as number;
    out[2] = this.k[20] as number;
    return true;
  }

  /**
   * One step of length `hKm` from `from` with start direction `startDirection` (σ B̂ there),
   * result into `to`. Returns the local error estimate in km (NaN if the field vanished).
   */
  step(
    from: Float64Array,
    startDirection: Float64Array,
    sign: number,
    hKm: number,
    to: Float64Array,
  ): number {
    const k = this.k;
    const x = from[0] as number;
    const y = from[1] as number;
    const z = from[2] as number;
    const k1x = startDirection[0] as number;
    const k1y = startDirection[1] as number;
    const k1z = startDirection[2] as number;
    if (!this.direction(x + hKm * A21 * k1x, y + hKm * A21 * k1y, z + hKm * A21 * k1z, sign, 3))
      return Number.NaN;
    const k2x = k[3] as number;
    const k2y = k[4] as number;
    const k2z = k[5] as number;
    if (
      !this.direction(
        x + hKm * (A31 * k1x + A32 * k2x),
        y + hKm * (A31 * k1y + A32 * k2y),
        z + hKm * (A31 * k1z + A32 * k2z),
        sign,
        6,
      )
    )
      return Number.NaN;
    const k3x = k[6] as number;
    const k3y = k[7] as number;
    const k3z = k[8] as number;
    if (
      !this.direction(
        x + hKm * (A41 * k1x + A42 * k2x + A43 * k3x),
        y + hKm * (A41 * k1y + A42 * k2y + A43 * k3y),
        z + hKm * (A41 * k1z + A42 * k2z + A43 * k3z),
        sign,
        9,
      )
    )
      return Number.NaN;
    const k4x = k[9] as number;
    const k4y = k[10] as number;
    const k4z = k[11] as number;
    if (
      !this.direction(
        x + hKm * (A51 * k1x + A52 * k2x + A53 * k3x + A54 * k4x),
        y + hKm * (A51 * k1y + A52 * k2y + A53 * k3y + A54 * k4y),
        z + hKm * (A51 * k1z + A52 * k2z + A53 * k3z + A54 * k4z),
        sign,
        12,
      )
    )
      return Number.NaN;
    const k5x = k[12] as number;
    const k5y = k[13] as number;
    const k5z = k[14] as number;
    if (
      !this.direction(
        x + hKm * (A61 * k1x + A62 * k2x + A63 * k3x + A64 * k4x + A65 * k5x),
        y + hKm * (A61 * k1y + A62 * k2y + A63 * k3y + A64 * k4y + A65 * k5y),
        z + hKm * (A61 * k1z + A62 * k2z + A63 * k3z + A64 * k4z + A65 * k5z),
        sign,
        15,
      )
    )
      return Number.NaN;
    const k6x = k[15] as number;
    const k6y = k[16] as number;
    const k6z = k[17] as number;
    const nx = x + hKm * (B1 * k1x + B3 * k3x + B4 * k4x + B5 * k5x + B6 * k6x);
    const ny = y + hKm * (B1 * k1y + B3 * k3y + B4 * k4y + B5 * k5y + B6 * k6y);
    const nz = z + hKm * (B1 * k1z + B3 * k3z + B4 * k4z + B5 * k5z + B6 * k6z);
    if (!this.direction(nx, ny, nz, sign, 18)) return Number.NaN;
    const k7x = k[18] as number;
    const k7y = k[19] as number;
    const k7z = k[20] as number;
    to[0] = nx;
    to[1] = ny;
    to[2] = nz;
    const end = this.endDirection;
    end[0] = k7x;
    end[1] = k7y;
    end[2] = k7z;
    const ex = hKm * (E1 * k1x + E3 * k3x + E4 * k4x + E5 * k5x + E6 * k6x + E7 * k7x);
    const ey = hKm * (E1 * k1y + E3 * k3y + E4 * k4y + E5 * k5y + E6 * k6y + E7 * k7y);
    const ez = hKm * (E1 * k1z + E3 * k3z + E4 * k4z + E5 * k5z + E6 * k6z + E7 * k7z);
    return Math.sqrt(ex * ex + ey * ey + ez * ez);
  }
}
