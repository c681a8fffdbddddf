import { InvalidArgumentError } from "../../core/errors.js";
import { LookObserver, type LookSite } from "../look-to-altitude.js";
import { cornerDirections, pixelDirections } from "./directions.js";

/** What a reprojection needs of a skymap: the site and the pixel-centre looks (h x w). */
export interface SkymapLooks {
  readonly site: LookSite;
  readonly width: number;
  readonly height: number;
  /** Degrees east of north; NaN outside the field of view. */
  readonly azimuthDeg: Float32Array;
  /** Degrees above the horizon; NaN outside the field of view. */
  readonly elevationDeg: Float32Array;
}

/** Geodetic latitude/longitude grids (degrees, longitude in [-180, 180), NaN for no crossing). */
export interface LatLonGrid {
  readonly latitudeDeg: Float32Array;
  readonly longitudeDeg: Float32Array;
}

/** Pixel centres (h x w) and corners ((h+1) x (w+1)) mapped to one altitude. */
export interface MappedSkymapGrids {
  readonly centres: LatLonGrid;
  readonly corners: LatLonGrid;
}

function checkLooks(looks: SkymapLooks, altitudeKm: number): void {
  const { width, height } = looks;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new InvalidArgumentError(
      "width/height",
      `need positive integers, got ${width}x${height}`,
    );
  }
  const pixels = width * height;
  if (looks.azimuthDeg.length !== pixels || looks.elevationDeg.length !== pixels) {
    throw new InvalidArgumentError(
      "azimuthDeg/elevationDeg",
      `need ${pixels} values each (${height}x${width}), got ${looks.azimuthDeg.length} and ${looks.elevationDeg.length}`,
    );
  }
  if (!Number.isFinite(altitudeKm)) {
    throw new InvalidArgumentError("altitudeKm", `${altitudeKm} is not a finite number`);
  }
}

/**
 * Latitude/longitude where each pixel centre's line of sight crosses `altitudeKm` (WGS84
 * geodetic height, exact to < 1 µm): h x w Float32Arrays, NaN outside the view or below the
 * horizon.
 */
export function mapPixelCentres(looks: SkymapLooks, altitudeKm: number): LatLonGrid {
  checkLooks(looks, altitudeKm);
  const count = looks.width * looks.height;
  const out = { latitudeDeg: new Float32Array(count), longitudeDeg: new Float32Array(count) };
  const observer = new LookObserver(looks.site, altitudeKm);
  observer.mapEnuInto(
    pixelDirections(looks.azimuthDeg, looks.elevationDeg),
    out.latitudeDeg,
    out.longitudeDeg,
  );
  return out;
}

/**
 * Pixel centres and pixel corners mapped to `altitudeKm`. Corner directions follow
 * `cornerDirections` (mean of the four adjacent centre unit vectors; linear extrapolation at
 * the field-of-view edge). One pass, no allocation per pixel.
 */
export function mapSkymapAtAltitude(looks: SkymapLooks, altitudeKm: number): MappedSkymapGrids {
  checkLooks(looks, altitudeKm);
  const { width, height } = looks;
  const centreDirections = pixelDirections(looks.azimuthDeg, looks.elevationDeg);
  const observer = new LookObserver(looks.site, altitudeKm);
  const centres = {
    latitudeDeg: new Float32Array(width * height),
    longitudeDeg: new Float32Array(width * height),
  };
  observer.mapEnuInto(centreDirections, centres.latitudeDeg, centres.longitudeDeg);
  const cornerCount = (width + 1) * (height + 1);
  const corners = {
    latitudeDeg: new Float32Array(cornerCount),
    longitudeDeg: new Float32Array(cornerCount),
  };
  observer.mapEnuInto(
    cornerDirections(centreDirections, width, height),
    corners.latitudeDeg,
    corners.longitudeDeg,
  );
  return { centres, corners };
}
