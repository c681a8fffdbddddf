/** Angle wrapping shared by every module that reports azimuths, longitudes or sidereal angles. */

/** Degrees reduced to [0, 360). (x % 360 + 360) % 360 cannot round up to 360. */
export function wrap360Deg(angleDeg: number): number {
  return ((angleDeg % 360) + 360) % 360;
}

/** Degrees (a longitude) reduced to [-180, 180). */
export function wrapLongitudeDeg(longitudeDeg: number): number {
  return wrap360Deg(longitudeDeg + 180) - 180;
}
