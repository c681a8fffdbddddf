/**
 * Public AACGM-v2 conversions for single points, with the C library's method choices
 * (aacgmlib_v2.h: TRACE, ALLOWTRACE, BADIDEA; default coefficients). For many points at one
 * instant use {@link createAacgmConverter}, which interpolates the coefficients only once.
 */
import { AACGM_MAX_ALTITUDE_KM } from "./coefficient-set.js";
import { type AacgmPoint, createAacgmConverter, type GeographicPoint } from "./converter.js";
import { geocentricToGeodeticInto, geodeticToGeocentricInto } from "./geocentric.js";
import { aacgmToGeoTrace, geoToAacgmTrace } from "./trace-mode.js";

const emptyPoint = (): GeographicPoint => ({ latitudeDeg: 0, longitudeDeg: 0, altitudeKm: 0 });
const emptyGeodetic = () => ({ latitudeRad: 0, longitudeRad: 0, heightM: 0 });

/**
 * "coefficients": spherical-harmonic fit, valid 0–2000 km (default).
 * "trace": IGRF field-line tracing at any altitude (trace-mode.ts).
 * "allowTrace": coefficients up to 2000 km, tracing above.
 * "badIdea": coefficients at any altitude (extrapolated above 2000 km).
 */
export type AacgmMethod = "coefficients" | "trace" | "allowTrace" | "badIdea";

export interface AacgmOptions {
  method?: AacgmMethod;
  /** Geographic side is geocentric (sphere of 6371.2 km) instead of WGS84 geodetic. */
  geocentric?: boolean;
}

function usesTrace(method: AacgmMethod, altitudeKm: number): boolean {
  return method === "trace" || (method === "allowTrace" && altitudeKm > AACGM_MAX_ALTITUDE_KM);
}

/**
 * Geographic (WGS84 geodetic by default) → AACGM-v2 latitude, longitude and the geocentric
 * radius of the input point in Earth radii (6371.2 km). Latitude and longitude are NaN where
 * AACGM-v2 is undefined (field lines near the magnetic equator that do not reach the point).
 * Throws InvalidArgumentError above 2000 km with coefficients, outside the coefficient years
 * [2000, 2030) or for |latitude| > 90°.
 */
export function geoToAacgm(
  timeMs: number,
  latitudeDeg: number,
  longitudeDeg: number,
  altitudeKm: number,
  options: AacgmOptions = {},
): AacgmPoint {
  const method = options.method ?? "coefficients";
  if (usesTrace(method, altitudeKm)) {
    if (options.geocentric !== true)
      return geoToAacgmTrace(timeMs, latitudeDeg, longitudeDeg, altitudeKm);
    const g = geocentricToGeodeticInto(
      latitudeDeg,
      longitudeDeg,
      altitudeKm,
      emptyGeodetic(),
      emptyPoint(),
    );
    return geoToAacgmTrace(timeMs, g.latitudeDeg, g.longitudeDeg, g.altitudeKm);
  }
  return createAacgmConverter(timeMs).geoToAacgm(latitudeDeg, longitudeDeg, altitudeKm, {
    geocentric: options.geocentric === true,
    badIdea: method === "badIdea",
  });
}

/**
 * AACGM-v2 → geographic. `altitudeKm` is the geocentric height above 6371.2 km, i.e.
 * (radiusRe − 1)·6371.2 from {@link geoToAacgm}, as in the C library; the result is WGS84
 * geodetic latitude and height (or geocentric with `geocentric: true`). NaN where undefined.
 */
export function aacgmToGeo(
  timeMs: number,
  mlatDeg: number,
  mlonDeg: number,
  altitudeKm: number,
  options: AacgmOptions = {},
): GeographicPoint {
  const method = options.method ?? "coefficients";
  if (usesTrace(method, altitudeKm)) {
    const g = aacgmToGeoTrace(timeMs, mlatDeg, mlonDeg, altitudeKm);
    return options.geocentric === true && !Number.isNaN(g.latitudeDeg)
      ? geodeticToGeocentricInto(
          g.latitudeDeg,
          g.longitudeDeg,
          g.altitudeKm,
          { x: 0, y: 0, z: 0 },
          emptyPoint(),
        )
      : g;
  }
  return createAacgmConverter(timeMs).aacgmToGeo(mlatDeg, mlonDeg, altitudeKm, {
    geocentric: options.geocentric === true,
    badIdea: method === "badIdea",
  });
}
