/**
 * Public IGRF-14 field at one point: north/east/down components, total and horizontal
 * intensity, declination and inclination. For many points at one instant, create the model once
 * with {@link igrfModel} and call its allocation-free methods.
 */
import { InvalidArgumentError } from "../../core/errors.js";
import { geodeticToEcefInto, type Vec3 } from "../wgs84.js";
import { type IgrfModel, type IgrfModelOptions, igrfModel } from "./igrf-model.js";

const DEG = Math.PI / 180;

export interface MagneticField {
  /** X, nT. */
  northNt: number;
  /** Y, nT. */
  eastNt: number;
  /** Z (positive downward), nT. */
  downNt: number;
  /** F, nT. */
  totalNt: number;
  /** H = √(X² + Y²), nT. */
  horizontalNt: number;
  /** D = atan2(Y, X), degrees east of north. */
  declinationDeg: number;
  /** I = atan2(Z, H), degrees below the horizontal. */
  inclinationDeg: number;
}

/** Options of {@link igrf}: the model date range (see {@link IgrfModelOptions}). */
export type IgrfOptions = IgrfModelOptions;

function fieldFromNed(northNt: number, eastNt: number, downNt: number): MagneticField {
  const horizontalNt = Math.hypot(northNt, eastNt);
  return {
    northNt,
    eastNt,
    downNt,
    totalNt: Math.hypot(horizontalNt, downNt),
    horizontalNt,
    declinationDeg: Math.atan2(eastNt, northNt) / DEG,
    inclinationDeg: Math.atan2(downNt, horizontalNt) / DEG,
  };
}

function requireFinite(values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isFinite(value))
      throw new InvalidArgumentError(name, `must be a finite number, got ${value}`);
  }
}

/** Geocentric north/east/down field of `model` at (r, θ, φ); reuses `scratch`. */
function geocentricNed(
  model: IgrfModel,
  radiusKm: number,
  colatitudeRad: number,
  longitudeRad: number,
  scratch: Float64Array,
): [number, number, number] {
  model.fieldSpherical(radiusKm, colatitudeRad, longitudeRad, scratch);
  return [-(scratch[1] as number), scratch[2] as number, -(scratch[0] as number)];
}

/**
 * IGRF-14 at geocentric coordinates (radius km, colatitude and east longitude in degrees), as
 * the official igrf14syn program reports them with its geocentric option: X north and Z down
 * relative to the geocentric sphere.
 */
export function igrfGeocentric(
  timeMs: number,
  radiusKm: number,
  colatitudeDeg: number,
  longitudeDeg: number,
  options: IgrfModelOptions = {},
): MagneticField {
  requireFinite({ radiusKm, colatitudeDeg, longitudeDeg });
  if (!(radiusKm > 0) || colatitudeDeg < 0 || colatitudeDeg > 180) {
    throw new InvalidArgumentError(
      "radiusKm/colatitudeDeg",
      "need radiusKm > 0 and colatitudeDeg in [0, 180]",
    );
  }
  const model = igrfModel(timeMs, options);
  const [x, y, z] = geocentricNed(
    model,
    radiusKm,
    colatitudeDeg * DEG,
    longitudeDeg * DEG,
    new Float64Array(3),
  );
  return fieldFromNed(x, y, z);
}

/**
 * IGRF-14 at a WGS84 geodetic position (latitude/longitude in degrees, altitude in km above the
 * ellipsoid); the geocentric field is rotated by the geodetic−geocentric latitude difference
 * into the local geodetic north/east/down frame (as igrf14syn does for geodetic input).
 */
export function igrf(
  timeMs: number,
  latitudeDeg: number,
  longitudeDeg: number,
  altitudeKm: number,
  options: IgrfOptions = {},
): MagneticField {
  requireFinite({ latitudeDeg, longitudeDeg, altitudeKm });
  if (Math.abs(latitudeDeg) > 90)
    throw new InvalidArgumentError("latitudeDeg", "must be within [-90, 90]");
  const model = igrfModel(timeMs, options);
  const ecef: Vec3 = geodeticToEcefInto(latitudeDeg * DEG, longitudeDeg * DEG, altitudeKm * 1e3, {
    x: 0,
    y: 0,
    z: 0,
  });
  const rhoM = Math.hypot(ecef.x, ecef.y);
  const radiusKm = Math.hypot(rhoM, ecef.z) / 1e3;
  const geocentricLatRad = Math.atan2(ecef.z, rhoM);
  const [x, y, z] = geocentricNed(
    model,
    radiusKm,
    Math.PI / 2 - geocentricLatRad,
    longitudeDeg * DEG,
    new Float64Array(3),
  );
  // Rotation by δ = geodetic − geocentric latitude about the east axis.
  const delta = latitudeDeg * DEG - geocentricLatRad;
  const cosD = Math.cos(delta);
  const sinD = Math.sin(delta);
  return fieldFromNed(x * cosD + z * sinD, y, z * cosD - x * sinD);
}
