import type { NDArray } from "../../core/ndarray.js";
import type { FileDescription } from "../description.js";
import { decodePng } from "./decode.js";

/**
 * Describes a PNG for `inspect`: one array `pixels` [rows, cols, channels] (see decodePng),
 * the file's text chunks as attributes, and its header facts as details.
 */
export function describePng(bytes: Uint8Array, fileName: string): FileDescription {
  const image = decodePng(bytes, fileName);
  const { text, bitDepth, colorType, interlaced, shape } = image;
  const pixels: NDArray =
    image.dtype === "uint16"
      ? { dtype: "uint16", shape, data: image.data }
      : { dtype: "uint8", shape, data: image.data };
  return {
    format: "png",
    arrays: [
      {
        path: "pixels",
        array: pixels,
        details: { bitDepth, colorType, interlaced },
      },
    ],
    attributes: { ...text },
  };
}
