import { InvalidArgumentError } from "../../core/errors.js";
import { mapPixelCentres, mapSkymapAtAltitude } from "../../geo/skymap/reproject.js";

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
  /** height x width pixel-centre latitudes at `altitudeKm` (computed from az/el); NaN outside. */
  readonly centreLatitudeDeg: Float32Array;
  /** height x width pixel-centre longitudes at `altitudeKm`, in [-180, 180); NaN outside. */
  readonly centreLongitudeDeg: Float32Array;
  /** True when the corner grids are the file's own; false when computed from az/el. */
  readonly cornersFromFile: boolean;
  readonly source: string;
}

/** Altitudes within this distance count as the same mapping altitude (file stores metres as float32). */
const ALTITUDE_MATCH_KM = 1e-3;

/**
 * Highest accepted mapping altitude, km: beyond geostationary orbit (35 786 km) a "mapping
 * altitude" is no longer an ionospheric shell but a typo (e.g. metres passed as km).
 */
const MAX_MAPPING_ALTITUDE_KM = 40_000;

/**
 * The skymap at one mapping altitude: the file's own corner grids when `altitudeKm` is one of
 * its altitudes, otherwise corners computed from the pixel-centre az/el (see
 * `mapSkymapAtAltitude`: ray to the WGS84 ellipsoid raised by the altitude). Pixel-centre
 * latitude/longitude are computed from az/el in both cases.
 */
export function skymapAtAltitude(skymap: Skymap, altitudeKm: number): AltitudeSkymap {
  if (!(Number.isFinite(altitudeKm) && altitudeKm >= 0 && altitudeKm <= MAX_MAPPING_ALTITUDE_KM)) {
    throw new InvalidArgumentError(
      "altitudeKm",
      `${altitudeKm} km is not a usable mapping altitude for skymap ${skymap.source}; ` +
        `give km between 0 and ${MAX_MAPPING_ALTITUDE_KM} (the file has ${skymap.altitudesKm.join(", ")} km)`,
    );
  }
  const { site, width, height, azimuthDeg, elevationDeg, source } = skymap;
  const index = skymap.altitudesKm.findIndex((a) => Math.abs(a - altitudeKm) < ALTITUDE_MATCH_KM);
  const fileLatitudeDeg = skymap.cornerLatitudeDeg[index];
  const fileLongitudeDeg = skymap.cornerLongitudeDeg[index];
  const common = { site, width, height, azimuthDeg, elevationDeg, altitudeKm, source };
  if (fileLatitudeDeg !== undefined && fileLongitudeDeg !== undefined) {
    const centres = mapPixelCentres(skymap, altitudeKm);
    return {
      ...common,
      latitudeDeg: fileLatitudeDeg,
      longitudeDeg: fileLongitudeDeg,
      centreLatitudeDeg: centres.latitudeDeg,
      centreLongitudeDeg: centres.longitudeDeg,
      cornersFromFile: true,
    };
  }
  const { centres, corners } = mapSkymapAtAltitude(skymap, altitudeKm);
  return {
    ...common,
    latitudeDeg: corners.latitudeDeg,
    longitudeDeg: corners.longitudeDeg,
    centreLatitudeDeg: centres.latitudeDeg,
    centreLongitudeDeg: centres.longitudeDeg,
    cornersFromFile: false,
  };
}
