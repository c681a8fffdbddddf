/**
 * The centred-dipole (geomagnetic) frame of an IGRF epoch from its degree-1 Gauss coefficients:
 * the axis points to the geomagnetic north pole, m̂ = −(g₁¹, h₁¹, g₁⁰)/B₀; the Y axis is ẑ × m̂
 * (normalised) and X = Y × m̂, so the 0° magnetic meridian is the half-plane facing away from
 * the geographic north pole (the GEO→MAG transform of M. A. Hapgood, "Space physics coordinate
 * transformations: a user guide", Planet. Space Sci. 40(5), 1992, §4.3).
 */

export interface DipoleFrame {
  /** Unit vectors in ECEF components. */
  readonly xAxis: readonly [number, number, number];
  readonly yAxis: readonly [number, number, number];
  readonly zAxis: readonly [number, number, number];
}

export function dipoleFrame(g10: number, g11: number, h11: number): DipoleFrame {
  const b0 = Math.sqrt(g10 * g10 + g11 * g11 + h11 * h11);
  const mx = -g11 / b0;
  const my = -h11 / b0;
  const mz = -g10 / b0;
  // ẑ × m̂ = (−my, mx, 0).
  const horizontal = Math.hypot(mx, my);
  const yx = -my / horizontal;
  const yy = mx / horizontal;
  // X = Y × m̂.
  return {
    xAxis: [yy * mz, -yx * mz, yx * my - yy * mx],
    yAxis: [yx, yy, 0],
    zAxis: [mx, my, mz],
  };
}
