import { siteCatalogue } from "./site.js";

/** TREx sites (asilib's bundled asi_locations.csv, TREx rows; geodetic degrees). */
export const TREX_SITE_ROWS = [
  ["atha", "Athabasca", 54.6, -113.64],
  ["fsmi", "Fort Smith", 60.03, -111.93],
  ["gill", "Gillam", 56.38, -94.64],
  ["luck", "Lucky Lake", 51.15, -107.26],
  ["pina", "Pinawa", 50.26, -95.87],
  ["rabb", "Rabbit Lake", 58.23, -103.68],
] as const;

export function trexSites() {
  return siteCatalogue(TREX_SITE_ROWS);
}
