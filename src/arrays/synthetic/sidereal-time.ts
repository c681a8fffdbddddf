/** Julian date of the Unix epoch 1970-01-01T00:00:00Z (J. Meeus, Astronomical Algorithms, 2nd ed., ch. 7). */
const JD_UNIX_EPOCH = 2_440_587.5;
/** Julian date of J2000.0, 2000-01-01T12:00:00 TT ≈ UT (Meeus ch. 12). */
const JD_J2000 = 2_451_545.0;
const MS_PER_DAY = 86_400_000;

/**
 * Greenwich mean sidereal time in degrees [0, 360) at a UT instant (ms since 1970; UTC is
 * used for UT1, an error below 0.9 s of time, i.e. < 0.004°). IAU 1982 GMST expression in the
 * form of Meeus, Astronomical Algorithms, eq. 12.4:
 * θ0 = 280.46061837 + 360.98564736629 (JD − 2451545.0) + 0.000387933 T² − T³ / 38710000.
 */

import { wrap360Deg } from "../../geo/angles.js";
export function greenwichMeanSiderealTimeDeg(timeMs: number): number {
  const days = timeMs / MS_PER_DAY + JD_UNIX_EPOCH - JD_J2000;
  const t = days / 36_525;
  const theta =
    280.46061837 + 360.98564736629 * days + 0.000387933 * t * t - (t * t * t) / 38_710_000;
  return wrap360Deg(theta);
}

/** Local mean sidereal time in degrees [0, 360) at a longitude (degrees east). */
export function localSiderealTimeDeg(timeMs: number, longitudeDeg: number): number {
  return wrap360Deg(greenwichMeanSiderealTimeDeg(timeMs) + longitudeDeg);
}
