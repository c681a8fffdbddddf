/**
 * Unit line-of-sight vectors of skymap pixels in the site's local east-north-up frame, and the
 * rule that turns pixel-centre directions into pixel-corner directions.
 */

const DEG = Math.PI / 180;

/**
 * ENU unit vectors (e, n, u interleaved, 3 per pixel) of each pixel's azimuth/elevation;
 * NaN for pixels whose azimuth or elevation is not finite (outside the field of view).
 */
export function pixelDirections(
  azimuthDeg: ArrayLike<number>,
  elevationDeg: ArrayLike<number>,
): Float64Array {
  const count = azimuthDeg.length;
  const out = new Float64Array(3 * count);
  for (let i = 0; i < count; i++) {
    const az = (azimuthDeg[i] as number) * DEG;
    const el = (elevationDeg[i] as number) * DEG;
    const cosEl = Math.cos(el);
    // NaN inputs propagate to NaN components, which is the "no direction" marker.
    out[3 * i] = cosEl * Math.sin(az);
    out[3 * i + 1] = cosEl * Math.cos(az);
    out[3 * i + 2] = Math.sin(el);
  }
  return out;
}

/** Axis steps tried first, then diagonals, when extrapolating an edge corner. */
const AXIS_STEPS = [
  [0, 1],
  [0, -1],
  [1, 0],
  [-1, 0],
] as const;
const DIAGONAL_STEPS = [
  [1, 1],
  [1, -1],
  [-1, 1],
  [-1, -1],
] as const;

/**
 * Directions of the (height+1) x (width+1) pixel corners from the h x w centre directions.
 *
 * Rule: a corner whose four adjacent pixel centres all have directions ("interior corner")
 * looks along the normalised mean of those four unit vectors. A corner with only some
 * adjacent centres (the field-of-view edge, the image border) is extrapolated linearly from
 * interior corners further in: 2·C₁ − C₂ along each axis (row or column) where the next two
 * corners are interior, averaged over the axes that allow it; diagonals when no axis does; and
 * as a last resort the mean of its adjacent centres. Corners with no adjacent centre are NaN.
 * All results are unit vectors; a corner may point below the horizon (then it has no crossing
 * with a mapping shell).
 */
export function cornerDirections(
  centres: Float64Array,
  width: number,
  height: number,
): Float64Array {
  const cornerWidth = width + 1;
  const cornerCount = cornerWidth * (height + 1);
  const out = new Float64Array(3 * cornerCount).fill(Number.NaN);
  // 0: no adjacent centre, 1: edge corner, 2: interior corner.
  const kind = new Uint8Array(cornerCount);
  for (let r = 0; r <= height; r++) {
    for (let c = 0; c <= width; c++) {
      let e = 0;
      let n = 0;
      let u = 0;
      let valid = 0;
      for (let dr = -1; dr <= 0; dr++) {
        const pr = r + dr;
        if (pr < 0 || pr >= height) continue;
        for (let dc = -1; dc <= 0; dc++) {
          const pc = c + dc;
          if (pc < 0 || pc >= width) continue;
          const p = 3 * (pr * width + pc);
          const pe = centres[p] as number;
          if (Number.isNaN(pe)) continue;
          e += pe;
          n += centres[p + 1] as number;
          u += centres[p + 2] as number;
          valid++;
        }
      }
      if (valid === 0) continue;
      const k = r * cornerWidth + c;
      kind[k] = valid === 4 ? 2 : 1;
      // Edge corners keep the mean of their adjacent centres as the last-resort value.
      writeUnit(out, 3 * k, e, n, u);
    }
  }
  for (let r = 0; r <= height; r++) {
    for (let c = 0; c <= width; c++) {
      const k = r * cornerWidth + c;
      if (kind[k] !== 1) continue;
      if (!extrapolate(out, kind, r, c, cornerWidth, height + 1, AXIS_STEPS)) {
        extrapolate(out, kind, r, c, cornerWidth, height + 1, DIAGONAL_STEPS);
      }
    }
  }
  return out;
}

function writeUnit(out: Float64Array, at: number, e: number, n: number, u: number): boolean {
  // sqrt, not Math.hypot (much slower in V8); unit-scale inputs cannot overflow.
  const norm = Math.sqrt(e * e + n * n + u * u);
  if (!(norm > 0)) return false;
  out[at] = e / norm;
  out[at + 1] = n / norm;
  out[at + 2] = u / norm;
  return true;
}

function extrapolate(
  out: Float64Array,
  kind: Uint8Array,
  r: number,
  c: number,
  cornerWidth: number,
  cornerHeight: number,
  steps: readonly (readonly [number, number])[],
): boolean {
  let e = 0;
  let n = 0;
  let u = 0;
  let used = 0;
  for (const [dr, dc] of steps) {
    const r2 = r + 2 * dr;
    const c2 = c + 2 * dc;
    if (r2 < 0 || r2 >= cornerHeight || c2 < 0 || c2 >= cornerWidth) continue;
    const k1 = (r + dr) * cornerWidth + (c + dc);
    const k2 = r2 * cornerWidth + c2;
    if (kind[k1] !== 2 || kind[k2] !== 2) continue;
    e += 2 * (out[3 * k1] as number) - (out[3 * k2] as number);
    n += 2 * (out[3 * k1 + 1] as number) - (out[3 * k2 + 1] as number);
    u += 2 * (out[3 * k1 + 2] as number) - (out[3 * k2 + 2] as number);
    used++;
  }
  return used > 0 && writeUnit(out, 3 * (r * cornerWidth + c), e, n, u);
}
