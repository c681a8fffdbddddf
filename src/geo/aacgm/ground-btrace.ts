/**
 * Magnetic conjugate of a ground site as AuroraX defines the "b-trace" of ground sources
 * (../shared/reference/aurorax.md §1.1, pyaurorax search/util/_calculate_btrace.py): convert
 * the site to AACGM-v2 at height 0, negate the magnetic latitude, convert back at height 0.
 * The site itself is the footprint in its own hemisphere.
 */
import { createAacgmConverter } from "./converter.js";

export interface LatLon {
  latitudeDeg: number;
  longitudeDeg: number;
}

export interface GroundBtrace {
  north: LatLon;
  south: LatLon;
}

/** Northern and southern b-trace of a ground site; the conjugate is NaN where AACGM is undefined. */
export function groundBtrace(
  timeMs: number,
  latitudeDeg: number,
  longitudeDeg: number,
): GroundBtrace {
  const converter = createAacgmConverter(timeMs);
  const magnetic = converter.geoToAacgm(latitudeDeg, longitudeDeg, 0);
  const back = converter.aacgmToGeo(-magnetic.latitudeDeg, magnetic.longitudeDeg, 0);
  const site = { latitudeDeg, longitudeDeg };
  const conjugate = { latitudeDeg: back.latitudeDeg, longitudeDeg: back.longitudeDeg };
  return latitudeDeg >= 0 ? { north: site, south: conjugate } : { north: conjugate, south: site };
}
