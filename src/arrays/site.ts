/** One observatory of an imager array, as listed in the array's public site catalogue. */
export interface SiteInfo {
  /** Lower-case site code used in file names and URLs, e.g. "gill". */
  readonly code: string;
  readonly name: string;
  /** Geodetic latitude, degrees north. */
  readonly latitudeDeg: number;
  /** Geodetic longitude, degrees east in [-180, 180). */
  readonly longitudeDeg: number;
  /**
   * Altitude above the WGS84 ellipsoid in km when the catalogue publishes it; null otherwise.
   * The skymap's SITE_MAP_ALTITUDE is authoritative and is what the Imager reports.
   */
  readonly altitudeKm: number | null;
}

/** Builds a catalogue from compact rows `[code, name, latitudeDeg, longitudeDeg]`. */
export function siteCatalogue(
  rows: readonly (readonly [string, string, number, number])[],
): readonly SiteInfo[] {
  return rows.map(([code, name, latitudeDeg, longitudeDeg]) => ({
    code,
    name,
    latitudeDeg,
    longitudeDeg,
    altitudeKm: null,
  }));
}
