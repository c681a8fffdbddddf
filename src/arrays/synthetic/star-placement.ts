import type { SkyGeometry } from "./sky-geometry.js";
import { STAR_BIN_DEG, STAR_BINS_AZ, STAR_BINS_EL } from "./sky-geometry.js";

const RAD = Math.PI / 180;

/** A star's position on the image: pixel index plus a sub-pixel offset (pixels). */
export interface StarPixel {
  pixel: number;
  dx: number;
  dy: number;
}

/** Unit look vector (ENU) of a star at hour angle and declination seen from a latitude. */
export function starLook(
  hourAngleDeg: number,
  declinationDeg: number,
  latitudeDeg: number,
  out: Float64Array,
): void {
  const h = hourAngleDeg * RAD;
  const d = declinationDeg * RAD;
  const p = latitudeDeg * RAD;
  // Equatorial → horizontal rotation (Meeus, Astronomical Algorithms, eq. 13.5/13.6, azimuth from north).
  out[0] = -Math.cos(d) * Math.sin(h);
  out[1] = Math.sin(d) * Math.cos(p) - Math.cos(d) * Math.cos(h) * Math.sin(p);
  out[2] = Math.sin(d) * Math.sin(p) + Math.cos(d) * Math.cos(h) * Math.cos(p);
}

function dot(g: SkyGeometry, i: number, s: Float64Array): number {
  return (
    (g.lookEast[i] as number) * (s[0] as number) +
    (g.lookNorth[i] as number) * (s[1] as number) +
    (g.lookUp[i] as number) * (s[2] as number)
  );
}

/**
 * Finds where look vector `s` falls on the image: start from the az/el index, climb to the
 * pixel whose look is closest, then refine to a sub-pixel offset from the local look
 * gradients. False when the look is outside the field of view.
 */
export function placeStar(g: SkyGeometry, s: Float64Array, out: StarPixel): boolean {
  const el = Math.asin(Math.max(-1, Math.min(1, s[2] as number))) / RAD;
  if (el < 0 || g.zenithPixel < 0) return false;
  const az = (Math.atan2(s[0] as number, s[1] as number) / RAD + 360) % 360;
  const azBin = Math.min(STAR_BINS_AZ - 1, Math.floor(az / STAR_BIN_DEG));
  const elBin = Math.min(STAR_BINS_EL - 1, Math.floor(el / STAR_BIN_DEG));
  let current = g.binPixel[elBin * STAR_BINS_AZ + azBin] as number;
  if (current < 0) current = g.zenithPixel;
  const { width, height } = g;
  let best = dot(g, current, s);
  // Hill climbing over the 8 neighbours; the look field of a lens is smooth and unimodal.
  for (let step = 0; step < width + height; step++) {
    const row = Math.floor(current / width);
    const col = current - row * width;
    let next = -1;
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const r = row + dr;
        const c = col + dc;
        if ((dr === 0 && dc === 0) || r < 0 || c < 0 || r >= height || c >= width) continue;
        const j = r * width + c;
        if (g.valid[j] === 0) continue;
        const value = dot(g, j, s);
        if (value > best) {
          best = value;
          next = j;
        }
      }
    }
    if (next < 0) break;
    current = next;
  }
  const row = Math.floor(current / width);
  const col = current - row * width;
  // Sub-pixel: least squares of s − d ≈ a (d_x − d) + b (d_y − d) over the neighbours' looks.
  const cx = col + 1 < width && g.valid[current + 1] === 1 ? 1 : -1;
  const cy = row + 1 < height && g.valid[current + width] === 1 ? 1 : -1;
  const jx = current + cx;
  const jy = current + cy * width;
  if (g.valid[jx] !== 1 || g.valid[jy] !== 1) return false;
  const tx0 = (g.lookEast[jx] as number) - (g.lookEast[current] as number);
  const tx1 = (g.lookNorth[jx] as number) - (g.lookNorth[current] as number);
  const tx2 = (g.lookUp[jx] as number) - (g.lookUp[current] as number);
  const ty0 = (g.lookEast[jy] as number) - (g.lookEast[current] as number);
  const ty1 = (g.lookNorth[jy] as number) - (g.lookNorth[current] as number);
  const ty2 = (g.lookUp[jy] as number) - (g.lookUp[current] as number);
  const r0 = (s[0] as number) - (g.lookEast[current] as number);
  const r1 = (s[1] as number) - (g.lookNorth[current] as number);
  const r2 = (s[2] as number) - (g.lookUp[current] as number);
  const xx = tx0 * tx0 + tx1 * tx1 + tx2 * tx2;
  const yy = ty0 * ty0 + ty1 * ty1 + ty2 * ty2;
  const xy = tx0 * ty0 + tx1 * ty1 + tx2 * ty2;
  const rx = r0 * tx0 + r1 * tx1 + r2 * tx2;
  const ry = r0 * ty0 + r1 * ty1 + r2 * ty2;
  const det = xx * yy - xy * xy;
  if (!(det > 0)) return false;
  const a = (rx * yy - ry * xy) / det;
  const b = (ry * xx - rx * xy) / det;
  // More than a pixel away from the closest pixel means the star lies beyond the image edge.
  if (Math.abs(a) > 1 || Math.abs(b) > 1) return false;
  out.pixel = current;
  out.dx = a * cx;
  out.dy = b * cy;
  return true;
}
