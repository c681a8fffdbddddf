import { InvalidArgumentError } from "../../core/errors.js";

/** The observatory a skymap belongs to, from the skymap file itself. */
export interface SkymapSite {
  readonly code: string;
  readonly latitudeDeg: number;
  /** Degrees east in [-180, 180). */
  readonly longitudeDeg: number;
  readonly altitudeKm: number;
}

/**
 * An imager's calibration: where each pixel looks, and where that line of sight crosses each
 * mapping altitude. In aurorakit orientation (row 0 north edge, column 0 east edge).
 */
export interface Skymap {
  readonly site: SkymapSite;
  readonly width: number;
  readonly height: number;
  /** Azimuth of each pixel centre, degrees east of north; NaN outside the field of view. */
  readonly azimuthDeg: Float32Array;
  /** Elevation of each pixel centre, degrees above the horizon; NaN outside the field of view. */
  readonly elevationDeg: Float32Array;
  /** Mapping altitudes of the corner grids, km. */
  readonly altitudesKm: readonly number[];
  /** Per altitude: geodetic latitude of the (height+1) x (width+1) pixel corners; NaN outside. */
  readonly cornerLatitudeDeg: readonly Float32Array[];
  /** Per altitude: longitude of the pixel corners, degrees east in [-180, 180); NaN outside. */
  readonly cornerLongitudeDeg: readonly Float32Array[];
  /** The file it came from (a name; a description for computed skymaps). */
  readonly source: string;
  /** Start of validity (from the file name), ms since 1970 UTC. */
  readonly validFromMs: number;
  /** End of validity, or null when open-ended (`+`: valid until the next skymap). */
  readonly validUntilMs: number | null;
}

/** A skymap reduced to one mapping altitude, as an Imager carries it. */
export interface AltitudeSkymap {
  readonly site: SkymapSite;
  readonly width: number;
  readonly height: number;
  readonly azimuthDeg: Float32Array;
  readonly elevationDeg: Float32Array;
  readonly altitudeKm: number;
  /** (height+1) x (width+1) pixel-corner latitudes at `altitudeKm`. */
  readonly latitudeDeg: Float32Array;
  /** (height+1) x (width+1) pixel-corner longitudes at `altitudeKm`, in [-180, 180). */
  readonly longitudeDeg: Float32Array;
  readonly source: string;
}

/** Altitudes within this distance count as the same mapping altitude (file stores metres as float32). */
const ALTITUDE_MATCH_KM = 1e-3;

/** The skymap's corner grids at one of its mapping altitudes. */
export function skymapAtAltitude(skymap: Skymap, altitudeKm: number): AltitudeSkymap {
  const index = skymap.altitudesKm.findIndex((a) => Math.abs(a - altitudeKm) < ALTITUDE_MATCH_KM);
  const latitudeDeg = skymap.cornerLatitudeDeg[index];
  const longitudeDeg = skymap.cornerLongitudeDeg[index];
  if (latitudeDeg === undefined || longitudeDeg === undefined) {
    throw new InvalidArgumentError(
      "altitudeKm",
      `${altitudeKm} km is not a mapping altitude of skymap ${skymap.source}; ` +
        `choose one of ${skymap.altitudesKm.join(", ")} km`,
    );
  }
  const { site, width, height, azimuthDeg, elevationDeg, source } = skymap;
  return {
    site,
    width,
    height,
    azimuthDeg,
    elevationDeg,
    altitudeKm,
    latitudeDeg,
    longitudeDeg,
    source,
  };
}
