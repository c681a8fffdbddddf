import { formatIsoMicroseconds } from "../../core/time/ucalgary-timestamp.js";
import type { IdlWriteStruct } from "../../formats/idlsav/write/index.js";
import {
  idlDateText,
  idlNumeric,
  idlString,
  idlStruct,
  writeIdlSave,
} from "../../formats/idlsav/write/index.js";
import type { Skymap } from "../skymap/skymap.js";

export interface SkymapSaveOptions {
  readonly projectUid: string;
  readonly imagerUid: string;
  /** Written into GENERATION_INFO.DATE_GENERATED and the TIMESTAMP record. */
  readonly generatedAtMs: number;
}

/** Entries of the binned (BIN_*) variants in the real THEMIS skymaps (aurorax.md §3.7). */
const BIN_COUNT = 1024;
/** BIN_MAP_LATITUDE/LONGITUDE hold 4 corners per bin in the real file ([4, 1024]). */
const BIN_CORNERS = 4;

/** BIN_MAP_ALTITUDE of the real THEMIS skymap: one altitude, 110000 m (Gakona fixture oracle). */
const BIN_MAP_ALTITUDE_M = 110_000;

/** Degrees east in [0, 360), as the real skymap files store longitudes (aurorax.md §3.7). */
function eastLongitude(longitudeDeg: number): number {
  return longitudeDeg < 0 ? longitudeDeg + 360 : longitudeDeg;
}

/**
 * The SKYMAP structure of a UCalgary THEMIS skymap file (aurorax.md §3.7; field order, names,
 * types and shapes as in the real Gakona file) holding `skymap`, stored in aurorakit
 * orientation (as THEMIS skymaps are), longitudes 0–360 and altitudes in metres. Fields the
 * lens model does not produce are filled plainly: binned variants zero, no ignored pixels,
 * FULL_SUBTRACT 0 and FULL_MULTIPLY 1.
 */
export function skymapStruct(skymap: Skymap, options: SkymapSaveOptions): IdlWriteStruct {
  const { width, height } = skymap;
  const pixels = width * height;
  const corners = (width + 1) * (height + 1);
  const alts = skymap.altitudesKm.length;
  const lat = new Float32Array(alts * corners);
  const lon = new Float32Array(alts * corners);
  for (let a = 0; a < alts; a++) {
    lat.set(skymap.cornerLatitudeDeg[a] as Float32Array, a * corners);
    const source = skymap.cornerLongitudeDeg[a] as Float32Array;
    for (let i = 0; i < corners; i++) lon[a * corners + i] = eastLongitude(source[i] as number);
  }
  const row = new Uint16Array(pixels);
  const column = new Uint16Array(pixels);
  for (let i = 0; i < pixels; i++) {
    row[i] = Math.floor(i / width);
    column[i] = i % width;
  }
  const validDay = formatIsoMicroseconds(skymap.validFromMs);
  const dateCompact = `${validDay.slice(0, 4)}${validDay.slice(5, 7)}${validDay.slice(8, 10)}`;
  const generation = idlStruct("", [
    ["DATE_GENERATED", idlString(idlDateText(options.generatedAtMs))],
    ["AUTHOR", idlString("aurorakit")],
    ["VALID_INTERVAL_START", idlString(`${dateCompact}00`)],
    ["VALID_INTERVAL_STOP", idlString("+")],
    ["DATE_TIME_USED", idlString(`${dateCompact}_UT00`)],
    ["DATA_LOC", idlString(`synthetic: ${skymap.source}`)],
    ["CODE_USED", idlString("aurorakit fisheyeSkymap")],
    ["OPTICAL_PROJECTION", idlNumeric("double", new Float64Array(18), [2, 9])],
    ["OPTICAL_ORIENTATION", idlNumeric("double", new Float64Array(3))],
    ["CCD_CENTER", idlNumeric("double", new Float64Array([width / 2, height / 2]))],
    ["IMG_FLIP", idlNumeric("byte", new Uint8Array(2))],
    ["PIXEL_ASPECT_RATIO", idlNumeric("double", new Float64Array([1]))],
    ["BYTSCL_VALUES", idlNumeric("int", new Int16Array([-1, -1]))],
  ]);
  const grid = [height, width];
  return idlStruct("", [
    ["GENERATION_INFO", generation],
    ["SITE_UID", idlString(skymap.site.code)],
    ["IMAGER_UID", idlString(options.imagerUid)],
    ["PROJECT_UID", idlString(options.projectUid)],
    ["IMAGER_UNIX_TIME", idlNumeric("long", new Int32Array(1))],
    ["SITE_MAP_LATITUDE", idlNumeric("float", new Float32Array([skymap.site.latitudeDeg]))],
    [
      "SITE_MAP_LONGITUDE",
      idlNumeric("float", new Float32Array([eastLongitude(skymap.site.longitudeDeg)])),
    ],
    ["SITE_MAP_ALTITUDE", idlNumeric("float", new Float32Array([skymap.site.altitudeKm * 1000]))],
    ["FULL_ROW", idlNumeric("uint", row, grid)],
    ["FULL_COLUMN", idlNumeric("uint", column, grid)],
    ["FULL_IGNORE", idlNumeric("byte", new Uint8Array(pixels), grid)],
    ["FULL_SUBTRACT", idlNumeric("uint", new Uint16Array(pixels), grid)],
    ["FULL_MULTIPLY", idlNumeric("float", new Float32Array(pixels).fill(1), grid)],
    ["FULL_ELEVATION", idlNumeric("float", skymap.elevationDeg, grid)],
    ["FULL_AZIMUTH", idlNumeric("float", skymap.azimuthDeg, grid)],
    [
      "FULL_MAP_ALTITUDE",
      idlNumeric(
        "float",
        Float32Array.from(skymap.altitudesKm, (km) => km * 1000),
        [alts],
      ),
    ],
    ["FULL_MAP_LATITUDE", idlNumeric("float", lat, [alts, height + 1, width + 1])],
    ["FULL_MAP_LONGITUDE", idlNumeric("float", lon, [alts, height + 1, width + 1])],
    ["FULL_BIN", idlNumeric("uint", new Uint16Array(pixels), grid)],
    ["BIN_ROW", idlNumeric("uint", new Uint16Array(BIN_COUNT))],
    ["BIN_COLUMN", idlNumeric("uint", new Uint16Array(BIN_COUNT))],
    ["BIN_ELEVATION", idlNumeric("float", new Float32Array(BIN_COUNT))],
    ["BIN_AZIMUTH", idlNumeric("float", new Float32Array(BIN_COUNT))],
    ["BIN_MAP_ALTITUDE", idlNumeric("float", new Float32Array([BIN_MAP_ALTITUDE_M]))],
    [
      "BIN_MAP_LATITUDE",
      idlNumeric("float", new Float32Array(BIN_CORNERS * BIN_COUNT), [BIN_CORNERS, BIN_COUNT]),
    ],
    [
      "BIN_MAP_LONGITUDE",
      idlNumeric("float", new Float32Array(BIN_CORNERS * BIN_COUNT), [BIN_CORNERS, BIN_COUNT]),
    ],
  ]);
}

/** The skymap as IDL save bytes: one variable `SKYMAP` (uncompressed, as the real files). */
export function encodeSkymapSave(skymap: Skymap, options: SkymapSaveOptions): Uint8Array {
  return writeIdlSave([["skymap", skymapStruct(skymap, options)]], {
    savedAtMs: options.generatedAtMs,
  });
}
