import { fileSource } from "../core/byte-source.js";
import { FormatError } from "../core/errors.js";
import { describeCdf } from "./cdf/describe.js";
import type { FileDescription } from "./description.js";
import { detectFormat } from "./detect.js";
import { describeHdf5 } from "./hdf5/describe.js";
import { describeIdlSave } from "./idlsav/describe.js";
import { describePgm } from "./pgm/describe.js";
import { describePng } from "./png/describe.js";

/**
 * Decodes every array of a file of any supported format, chosen by the file's magic bytes.
 * Throws FormatError when the bytes match no supported format.
 */
export async function describeFile(path: string): Promise<FileDescription> {
  const source = fileSource(path);
  try {
    const detection = detectFormat(source);
    if (detection === undefined) {
      throw new FormatError("inspect", {
        file: path,
        offset: 0,
        expected:
          "the magic bytes of a CDF, IDL save, UCalgary PGM (.pgm, .pgm.gz, .pgm.bz2), HDF5 or PNG file",
      });
    }
    switch (detection.format) {
      case "cdf":
        return describeCdf(source);
      case "idl-save":
        return describeIdlSave(source);
      case "pgm":
        return await describePgm(source);
      case "hdf5":
        return await describeHdf5(source);
      case "png":
        return describePng(source.read(0, source.byteLength), source.name);
    }
  } finally {
    source.close();
  }
}
