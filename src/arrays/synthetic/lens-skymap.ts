import { InvalidArgumentError } from "../../core/errors.js";
import { wrap360Deg } from "../../geo/angles.js";
import { lookToAltitudeInto } from "../../geo/look-to-altitude.js";
import type { Skymap } from "../skymap/skymap.js";

/** A site with a known altitude (the lens model needs it for the mapping geometry). */
export interface LensSite {
  readonly code: string;
  readonly latitudeDeg: number;
  readonly longitudeDeg: number;
  readonly altitudeKm: number;
}

export interface FisheyeSkymapOptions {
  readonly site: LensSite;
  readonly width: number;
  readonly height: number;
  /** Full field of view across the image circle, degrees (default 170: zenith angle ≤ 85°). */
  readonly fieldOfViewDeg?: number;
  /** Clockwise rotation of the camera about the zenith: added to every azimuth, degrees. */
  readonly rotationDeg?: number;
  /** Mapping altitudes of the corner grids, km (default THEMIS's 90, 110, 150; aurorax.md §3.7). */
  readonly altitudesKm?: readonly number[];
  readonly validFromMs?: number;
}

const DEFAULT_FIELD_OF_VIEW_DEG = 170;
const DEFAULT_ALTITUDES_KM = [90, 110, 150] as const;
const DEG = 180 / Math.PI;

/**
 * Azimuth/elevation of image point (x, y) in pixel units (x right, y down, pixel centres at
 * half-integers) for an equidistant fisheye (radius ∝ zenith angle) centred on the image, in
 * aurorakit orientation: up is north and left is east, so azimuth = atan2(−dx, −dy).
 * Writes NaN outside the image circle.
 */
function fisheyeLook(
  x: number,
  y: number,
  geometry: { cx: number; cy: number; radiusPx: number; halfFovDeg: number; rotationDeg: number },
  out: Float32Array | Float64Array,
  index: number,
  outElevation: Float32Array | Float64Array,
): void {
  const dx = x - geometry.cx;
  const dy = y - geometry.cy;
  const r = Math.hypot(dx, dy) / geometry.radiusPx;
  if (r > 1) {
    out[index] = Number.NaN;
    outElevation[index] = Number.NaN;
    return;
  }
  const azimuth = Math.atan2(-dx, -dy) * DEG + geometry.rotationDeg;
  out[index] = wrap360Deg(azimuth);
  outElevation[index] = 90 - r * geometry.halfFovDeg;
}

/**
 * The skymap of an ideal equidistant fisheye centred on the image, with its image circle
 * touching the shorter image edges: pixel-centre azimuth/elevation (NaN outside the circle)
 * and pixel-corner latitude/longitude at each mapping altitude through `lookToAltitude`
 * (NaN outside the circle or below the horizon), longitudes in [-180, 180).
 */
export function fisheyeSkymap(options: FisheyeSkymapOptions): Skymap {
  const { site, width, height } = options;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 2 || height < 2) {
    throw new InvalidArgumentError(
      "width/height",
      `need integers of at least 2, got ${width}x${height}`,
    );
  }
  const fovDeg = options.fieldOfViewDeg ?? DEFAULT_FIELD_OF_VIEW_DEG;
  if (!(fovDeg > 0 && fovDeg <= 360)) {
    throw new InvalidArgumentError("fieldOfViewDeg", `${fovDeg} is not in (0, 360]`);
  }
  const altitudesKm = [...(options.altitudesKm ?? DEFAULT_ALTITUDES_KM)];
  const geometry = {
    cx: width / 2,
    cy: height / 2,
    radiusPx: Math.min(width, height) / 2,
    halfFovDeg: fovDeg / 2,
    rotationDeg: options.rotationDeg ?? 0,
  };
  const azimuthDeg = new Float32Array(width * height);
  const elevationDeg = new Float32Array(width * height);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      fisheyeLook(col + 0.5, row + 0.5, geometry, azimuthDeg, row * width + col, elevationDeg);
    }
  }
  // Corner looks in float64, so that the corner grids do not depend on float32 rounding twice.
  const corners = (width + 1) * (height + 1);
  const cornerAzimuthDeg = new Float64Array(corners);
  const cornerElevationDeg = new Float64Array(corners);
  for (let row = 0; row <= height; row++) {
    for (let col = 0; col <= width; col++) {
      fisheyeLook(
        col,
        row,
        geometry,
        cornerAzimuthDeg,
        row * (width + 1) + col,
        cornerElevationDeg,
      );
    }
  }
  const cornerLatitudeDeg: Float32Array[] = [];
  const cornerLongitudeDeg: Float32Array[] = [];
  for (const altitudeKm of altitudesKm) {
    const lat = new Float32Array(corners);
    const lon = new Float32Array(corners);
    lookToAltitudeInto(site, cornerAzimuthDeg, cornerElevationDeg, altitudeKm, lat, lon);
    // float32 rounding can lift 179.99999 to 180: keep the [-180, 180) promise.
    for (let i = 0; i < corners; i++) if ((lon[i] as number) >= 180) lon[i] = -180;
    cornerLatitudeDeg.push(lat);
    cornerLongitudeDeg.push(lon);
  }
  return {
    site: {
      code: site.code,
      latitudeDeg: site.latitudeDeg,
      longitudeDeg: site.longitudeDeg,
      altitudeKm: site.altitudeKm,
    },
    width,
    height,
    azimuthDeg,
    elevationDeg,
    altitudesKm,
    cornerLatitudeDeg,
    cornerLongitudeDeg,
    source: `synthetic equidistant fisheye (${fovDeg}° field of view) at ${site.code}`,
    validFromMs: options.validFromMs ?? 0,
    validUntilMs: null,
  };
}
