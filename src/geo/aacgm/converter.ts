/**
 * AACGM-v2 coefficient-mode conversions for one instant, reusable over many points
 * (Shepherd 2014, JGR 119, doi:10.1002/2014JA020264; algorithm of convert_geo_coord_v2 and
 * AACGM_v2_Convert in aacgmlib_v2.c, aburrell/aacgmv2 @5f855791).
 *
 * Everything inside is geocentric on a sphere of radius 6371.2 km. Geodetic (WGS84) inputs of
 * geo→AACGM are first converted to geocentric latitude and height, so the altitude polynomial
 * is evaluated at the geocentric height, exactly as the C library does. AACGM→geo takes the
 * geocentric height (r − 1)·6371.2 km (the `radiusRe` of geo→AACGM) and, unless geocentric
 * output is requested, returns WGS84 geodetic latitude and height.
 */
import type { GeodeticRad, Vec3 } from "../wgs84.js";
import {
  AACGM_ALTITUDE_POWERS,
  AACGM_COORDINATES,
  AACGM_EARTH_RADIUS_KM,
  AACGM_HARMONICS,
  AACGM_MAX_ALTITUDE_KM,
  AACGM_TO_GEO,
  coefficientOffset,
  GEO_TO_AACGM,
  interpolatedCoefficients,
} from "./coefficient-set.js";
import { geocentricToGeodeticInto, geodeticToGeocentricInto } from "./geocentric.js";
import { aacgmHarmonicsInto } from "./spherical-harmonics.js";
import {
  type AacgmBatchOutput,
  type AacgmConverterOptions,
  type AacgmPoint,
  type AacgmPointOptions,
  checkCoefficientAltitude,
  checkLatitude,
  type GeographicBatchOutput,
  type GeographicPoint,
} from "./types.js";

export type {
  AacgmBatchOutput,
  AacgmConverterOptions,
  AacgmPoint,
  AacgmPointOptions,
  GeographicBatchOutput,
  GeographicPoint,
} from "./types.js";

const DEG = Math.PI / 180;
/** aacgmlib_v2.c convert_geo_coord_v2: inverse results farther than 0.1 RE from the unit sphere are rejected. */
const INVERSE_RADIUS_MIN = 0.9;
const INVERSE_RADIUS_MAX = 1.1;

/** AACGM-v2 converter for one instant: coefficients interpolated in time once, reused for every point. */
export class AacgmConverter {
  readonly timeMs: number;
  readonly altitudeKm: number;
  private readonly coefficients: Float64Array;
  /** Altitude-collapsed coefficients per direction: [direction][coordinate][harmonic]. */
  private readonly collapsed = new Float64Array(2 * AACGM_COORDINATES * AACGM_HARMONICS);
  private readonly collapsedHeightKm = new Float64Array([Number.NaN, Number.NaN]);
  private readonly previousHeightKm = new Float64Array([Number.NaN, Number.NaN]);
  private readonly harmonics = new Float64Array(AACGM_HARMONICS);
  private readonly xyz = new Float64Array(3);
  private readonly ecef: Vec3 = { x: 0, y: 0, z: 0 };
  private readonly geodetic: GeodeticRad = { latitudeRad: 0, longitudeRad: 0, heightM: 0 };
  private readonly geocentricPoint: GeographicPoint = {
    latitudeDeg: 0,
    longitudeDeg: 0,
    altitudeKm: 0,
  };
  private readonly aacgmScratch: AacgmPoint = { latitudeDeg: 0, longitudeDeg: 0, radiusRe: 0 };
  private readonly geoScratch: GeographicPoint = { latitudeDeg: 0, longitudeDeg: 0, altitudeKm: 0 };

  constructor(timeMs: number, options: AacgmConverterOptions = {}) {
    this.timeMs = timeMs;
    this.altitudeKm = options.altitudeKm ?? 0;
    this.coefficients = interpolatedCoefficients(timeMs);
  }

  /** Geographic → AACGM-v2. NaN latitude/longitude where AACGM is undefined (near the magnetic equator). */
  geoToAacgm(
    latitudeDeg: number,
    longitudeDeg: number,
    altitudeKm: number,
    options: AacgmPointOptions = {},
  ): AacgmPoint {
    checkLatitude(latitudeDeg);
    checkCoefficientAltitude(altitudeKm, options.badIdea === true);
    const out: AacgmPoint = { latitudeDeg: 0, longitudeDeg: 0, radiusRe: 0 };
    this.geoToAacgmInto(latitudeDeg, longitudeDeg, altitudeKm, options.geocentric === true, out);
    return out;
  }

  /** AACGM-v2 → geographic; `altitudeKm` is the geocentric height (radiusRe − 1)·6371.2 km. NaN where undefined. */
  aacgmToGeo(
    mlatDeg: number,
    mlonDeg: number,
    altitudeKm: number,
    options: AacgmPointOptions = {},
  ): GeographicPoint {
    checkLatitude(mlatDeg);
    checkCoefficientAltitude(altitudeKm, options.badIdea === true);
    const out: GeographicPoint = { latitudeDeg: 0, longitudeDeg: 0, altitudeKm: 0 };
    this.aacgmToGeoInto(mlatDeg, mlonDeg, altitudeKm, options.geocentric === true, out);
    return out;
  }

  /**
   * Batch geo → AACGM without allocation: element i of the inputs goes to element i of the
   * outputs. `altitudeKm` is one height for all points or one per point (default: the
   * converter's). Returns the number of points where AACGM is undefined (written as NaN).
   */
  geoToAacgmBatch(
    latitudeDeg: ArrayLike<number>,
    longitudeDeg: ArrayLike<number>,
    out: AacgmBatchOutput,
    options: AacgmPointOptions & { altitudeKm?: number | ArrayLike<number> } = {},
  ): number {
    const heights = options.altitudeKm ?? this.altitudeKm;
    const geocentric = options.geocentric === true;
    const badIdea = options.badIdea === true;
    const point = this.aacgmScratch;
    let undefinedCount = 0;
    for (let i = 0; i < latitudeDeg.length; i++) {
      const lat = latitudeDeg[i] as number;
      const h = typeof heights === "number" ? heights : (heights[i] as number);
      checkLatitude(lat);
      checkCoefficientAltitude(h, badIdea);
      this.geoToAacgmInto(lat, longitudeDeg[i] as number, h, geocentric, point);
      out.latitudeDeg[i] = point.latitudeDeg;
      out.longitudeDeg[i] = point.longitudeDeg;
      if (out.radiusRe !== undefined) out.radiusRe[i] = point.radiusRe;
      if (Number.isNaN(point.latitudeDeg)) undefinedCount++;
    }
    return undefinedCount;
  }

  /** Batch AACGM → geo without allocation; same conventions as {@link geoToAacgmBatch}. */
  aacgmToGeoBatch(
    mlatDeg: ArrayLike<number>,
    mlonDeg: ArrayLike<number>,
    out: GeographicBatchOutput,
    options: AacgmPointOptions & { altitudeKm?: number | ArrayLike<number> } = {},
  ): number {
    const heights = options.altitudeKm ?? this.altitudeKm;
    const geocentric = options.geocentric === true;
    const badIdea = options.badIdea === true;
    const point = this.geoScratch;
    let undefinedCount = 0;
    for (let i = 0; i < mlatDeg.length; i++) {
      const lat = mlatDeg[i] as number;
      const h = typeof heights === "number" ? heights : (heights[i] as number);
      checkLatitude(lat);
      checkCoefficientAltitude(h, badIdea);
      this.aacgmToGeoInto(lat, mlonDeg[i] as number, h, geocentric, point);
      out.latitudeDeg[i] = point.latitudeDeg;
      out.longitudeDeg[i] = point.longitudeDeg;
      if (out.altitudeKm !== undefined) out.altitudeKm[i] = point.altitudeKm;
      if (Number.isNaN(point.latitudeDeg)) undefinedCount++;
    }
    return undefinedCount;
  }

  /** Unchecked geo → AACGM into `out` (inputs already validated). */
  geoToAacgmInto(
    latitudeDeg: number,
    longitudeDeg: number,
    altitudeKm: number,
    geocentric: boolean,
    out: AacgmPoint,
  ): AacgmPoint {
    let latGc = latitudeDeg;
    let heightKm = altitudeKm;
    if (!geocentric) {
      // aacgmlib_v2.c AACGM_v2_Convert: geodetic inputs become geocentric latitude and height.
      const g = geodeticToGeocentricInto(
        latitudeDeg,
        longitudeDeg,
        altitudeKm,
        this.ecef,
        this.geocentricPoint,
      );
      latGc = g.latitudeDeg;
      heightKm = g.altitudeKm;
    }
    out.radiusRe = (heightKm + AACGM_EARTH_RADIUS_KM) / AACGM_EARTH_RADIUS_KM;
    this.expand(GEO_TO_AACGM, (90 - latGc) * DEG, longitudeDeg * DEG, heightKm);
    const x = this.xyz[0] as number;
    const y = this.xyz[1] as number;
    const z = this.xyz[2] as number;
    // The fit gives x and y; z only selects the hemisphere so the result lies on the unit sphere.
    const horizontal = x * x + y * y;
    if (horizontal > 1 || Number.isNaN(horizontal)) {
      out.latitudeDeg = Number.NaN;
      out.longitudeDeg = Number.NaN;
      return out;
    }
    const zUnit = Math.sqrt(1 - horizontal);
    out.latitudeDeg = 90 - Math.acos(z < 0 ? -zUnit : zUnit) / DEG;
    out.longitudeDeg = longitudeOf(x, y);
    return out;
  }

  /** Unchecked AACGM → geo into `out`; `altitudeKm` is the geocentric height. */
  aacgmToGeoInto(
    mlatDeg: number,
    mlonDeg: number,
    altitudeKm: number,
    geocentric: boolean,
    out: GeographicPoint,
  ): GeographicPoint {
    // AACGM → "at-altitude" latitude: cos²λ_alt = (1 + h/RE) cos²λ (AACGM_v2_CGM2Alt); no
    // solution when the dipole field line through λ stays below h.
    const cosLat = Math.cos(mlatDeg * DEG);
    const cos2Alt = (altitudeKm / AACGM_EARTH_RADIUS_KM + 1) * cosLat * cosLat;
    if (cos2Alt > 1 || Number.isNaN(cos2Alt)) return undefinedGeo(out, altitudeKm);
    const latAltRad = Math.acos(Math.sqrt(cos2Alt));
    const latAdjRad = mlatDeg >= 0 ? latAltRad : -latAltRad;
    this.expand(AACGM_TO_GEO, Math.PI / 2 - latAdjRad, mlonDeg * DEG, altitudeKm);
    const x = this.xyz[0] as number;
    const y = this.xyz[1] as number;
    const z = this.xyz[2] as number;
    const r = Math.sqrt(x * x + y * y + z * z);
    if (!(r >= INVERSE_RADIUS_MIN && r <= INVERSE_RADIUS_MAX)) return undefinedGeo(out, altitudeKm);
    const zUnit = Math.min(1, Math.max(-1, z / r));
    const latGcDeg = 90 - Math.acos(zUnit) / DEG;
    const lonDeg = longitudeOf(x / r, y / r);
    if (geocentric) {
      out.latitudeDeg = latGcDeg;
      out.longitudeDeg = lonDeg;
      out.altitudeKm = altitudeKm;
      return out;
    }
    // Geocentric (radius RE + h) to WGS84 geodetic, as geoc2geod does after the inverse.
    return geocentricToGeodeticInto(latGcDeg, lonDeg, altitudeKm, this.geodetic, out);
  }

  /**
   * x, y, z of the expansion for one direction at (colatitude, longitude, geocentric height).
   * A height seen twice in a row is collapsed into one coefficient per harmonic (the C
   * library's cache, right for batches at one geocentric height); a changing height (geodetic
   * inputs) uses 15 contiguous dot products, one per coordinate and altitude power, instead.
   */
  private expand(
    direction: number,
    colatitudeRad: number,
    longitudeRad: number,
    heightKm: number,
  ): void {
    aacgmHarmonicsInto(colatitudeRad, longitudeRad, this.harmonics);
    const repeated = this.previousHeightKm[direction] === heightKm;
    this.previousHeightKm[direction] = heightKm;
    if (repeated || this.collapsedHeightKm[direction] === heightKm) {
      if (this.collapsedHeightKm[direction] !== heightKm) this.collapse(direction, heightKm);
      const base = direction * AACGM_COORDINATES * AACGM_HARMONICS;
      for (let c = 0; c < AACGM_COORDINATES; c++) {
        this.xyz[c] = this.dot(this.collapsed, base + c * AACGM_HARMONICS);
      }
      return;
    }
    const a = heightKm / AACGM_MAX_ALTITUDE_KM;
    for (let c = 0; c < AACGM_COORDINATES; c++) {
      let sum = 0;
      let power = 1;
      for (let p = 0; p < AACGM_ALTITUDE_POWERS; p++) {
        sum += power * this.dot(this.coefficients, coefficientOffset(direction, p, c));
        power *= a;
      }
      this.xyz[c] = sum;
    }
  }

  /** Σ_k values[offset + k] · Y_k over the harmonics. */
  private dot(values: Float64Array, offset: number): number {
    const y = this.harmonics;
    let sum = 0;
    for (let k = 0; k < AACGM_HARMONICS; k++)
      sum += (values[offset + k] as number) * (y[k] as number);
    return sum;
  }

  /** Evaluates the degree-4 polynomial in h/2000 km once per height (AACGM-v2 altitude dependence). */
  private collapse(direction: number, heightKm: number): void {
    const a = heightKm / AACGM_MAX_ALTITUDE_KM;
    const base = direction * AACGM_COORDINATES * AACGM_HARMONICS;
    for (let c = 0; c < AACGM_COORDINATES; c++) {
      for (let k = 0; k < AACGM_HARMONICS; k++) {
        let value = 0;
        let power = 1;
        for (let p = 0; p < AACGM_ALTITUDE_POWERS; p++) {
          value += (this.coefficients[coefficientOffset(direction, p, c) + k] as number) * power;
          power *= a;
        }
        this.collapsed[base + c * AACGM_HARMONICS + k] = value;
      }
    }
    this.collapsedHeightKm[direction] = heightKm;
  }
}

/** atan2 longitude in degrees, 0 at the pole where it is undefined (aacgmlib_v2.c: |x|,|y| < 1e-8). */
function longitudeOf(x: number, y: number): number {
  if (Math.abs(x) < 1e-8 && Math.abs(y) < 1e-8) return 0;
  return Math.atan2(y, x) / DEG;
}

function undefinedGeo(out: GeographicPoint, altitudeKm: number): GeographicPoint {
  out.latitudeDeg = Number.NaN;
  out.longitudeDeg = Number.NaN;
  out.altitudeKm = altitudeKm;
  return out;
}

/** A converter for `timeMs`: interpolate coefficients once, then convert many points. */
export function createAacgmConverter(
  timeMs: number,
  options: AacgmConverterOptions = {},
): AacgmConverter {
  return new AacgmConverter(timeMs, options);
}
