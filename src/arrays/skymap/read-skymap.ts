import { fileSource } from "../../core/byte-source.js";
import { FormatError } from "../../core/errors.js";
import { lookupIdlValue, readIdlSave, requireIdlArray } from "../../formats/idlsav/index.js";
import type { IdlSaveFile } from "../../formats/idlsav/types.js";
import { wrapLongitudeDeg } from "../../geo/angles.js";
import { type Orientation, orientFrame } from "../orientation.js";
import type { Skymap } from "./skymap.js";
import type { SkymapFileName } from "./skymap-file-name.js";

function float32Field(
  save: IdlSaveFile,
  field: string,
  file: string,
  expectedLength?: number,
): Float32Array {
  const array = requireIdlArray(save, `skymap.${field}`, file);
  if (array.dtype !== "float32" && array.dtype !== "float64") {
    throw new FormatError("skymap", { file, expected: `${field} as float32`, found: array.dtype });
  }
  const values =
    array.data instanceof Float32Array ? array.data : Float32Array.from(array.data as Float64Array);
  if (expectedLength !== undefined && values.length !== expectedLength) {
    throw new FormatError("skymap", {
      file,
      expected: `${field} with ${expectedLength} values`,
      found: `${values.length} (shape ${array.shape.join("x")})`,
    });
  }
  return values;
}

function scalar(save: IdlSaveFile, field: string, file: string): number {
  const [value] = float32Field(save, field, file, 1);
  return value as number;
}

/**
 * Reads an IDL-save skymap (the SKYMAP structure of UCalgary's THEMIS/REGO/TREx skymaps,
 * aurorax.md §3.7) into aurorakit orientation. `orientation` says how the file's rows and
 * columns relate to it; corner grids are transformed the same way as the centre grids.
 */
export function readSkymapFile(
  path: string,
  name: SkymapFileName,
  orientation: Orientation,
): Skymap {
  const source = fileSource(path, "IDL save");
  let save: IdlSaveFile;
  try {
    save = readIdlSave(source);
  } finally {
    source.close();
  }
  const file = name.name;
  const azimuth = requireIdlArray(save, "skymap.FULL_AZIMUTH", file);
  const [height = 0, width = 0] = azimuth.shape;
  if (azimuth.shape.length !== 2 || height < 1 || width < 1) {
    throw new FormatError("skymap", {
      file,
      expected: "FULL_AZIMUTH of shape [rows, cols]",
      found: azimuth.shape.join("x"),
    });
  }
  const pixels = width * height;
  const corners = (width + 1) * (height + 1);
  const altitudesM = float32Field(save, "FULL_MAP_ALTITUDE", file);
  const latitudes = float32Field(save, "FULL_MAP_LATITUDE", file, altitudesM.length * corners);
  const longitudes = float32Field(save, "FULL_MAP_LONGITUDE", file, altitudesM.length * corners);
  const orient = (values: Float32Array, w: number, h: number) =>
    orientFrame(values, new Float32Array(values.length), w, h, 1, orientation);
  const cornerLatitudeDeg: Float32Array[] = [];
  const cornerLongitudeDeg: Float32Array[] = [];
  for (let a = 0; a < altitudesM.length; a++) {
    cornerLatitudeDeg.push(
      orient(latitudes.subarray(a * corners, (a + 1) * corners), width + 1, height + 1),
    );
    const lon = orient(longitudes.subarray(a * corners, (a + 1) * corners), width + 1, height + 1);
    for (let i = 0; i < lon.length; i++) {
      const value = lon[i] as number;
      // Skymap files store 0–360 (asilib.md §3.5).
      if (Number.isFinite(value)) lon[i] = wrapLongitudeDeg(value);
    }
    cornerLongitudeDeg.push(lon);
  }
  const siteUid = lookupIdlValue(save, "skymap.SITE_UID");
  const siteCode =
    siteUid?.kind === "string"
      ? (siteUid.array.data[0] ?? name.siteCode).toLowerCase()
      : name.siteCode;
  return {
    site: {
      code: siteCode,
      latitudeDeg: scalar(save, "SITE_MAP_LATITUDE", file),
      longitudeDeg: wrapLongitudeDeg(scalar(save, "SITE_MAP_LONGITUDE", file)),
      // Stored in metres (aurorax.md §3.7).
      altitudeKm: scalar(save, "SITE_MAP_ALTITUDE", file) / 1000,
    },
    width,
    height,
    azimuthDeg: orient(float32Field(save, "FULL_AZIMUTH", file, pixels), width, height),
    elevationDeg: orient(float32Field(save, "FULL_ELEVATION", file, pixels), width, height),
    // Stored in metres (aurorax.md §3.7: 90000, 110000, 150000 for THEMIS).
    altitudesKm: Array.from(altitudesM, (m) => m / 1000),
    cornerLatitudeDeg,
    cornerLongitudeDeg,
    source: file,
    validFromMs: name.validFromMs,
    validUntilMs: name.validUntilMs,
  };
}
