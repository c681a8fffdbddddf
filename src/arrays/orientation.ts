import { InvalidArgumentError } from "../core/errors.js";

/**
 * How a file's stored rows and columns relate to aurorakit's orientation (DESIGN.md: row 0 =
 * north edge, column 0 = east edge — the sky seen from below with north up, which is how
 * THEMIS skymaps are stored in their IDL save files). Each array plugin names the transform
 * per file type; the facts behind each choice are cited where the plugin declares it.
 */
export type Orientation = "asStored" | "rotate180" | "flipRows" | "flipColumns";

/**
 * Writes `source` (one frame: `height` rows of `width` pixels of `channels` interleaved
 * samples) into `target` in aurorakit orientation. `target` must not alias `source`.
 */
export function orientFrame<T extends Uint8Array | Uint16Array | Float32Array>(
  source: T,
  target: T,
  width: number,
  height: number,
  channels: number,
  orientation: Orientation,
): T {
  const pixels = width * height;
  if (source.length !== pixels * channels || target.length !== source.length) {
    throw new InvalidArgumentError(
      "frame",
      `expected ${pixels * channels} samples (${height}x${width}x${channels}), got ${source.length} → ${target.length}`,
    );
  }
  if (orientation === "asStored") {
    target.set(source);
  } else if (orientation === "rotate180" && channels === 1) {
    // A 180° rotation of a row-major raster is the raster read backwards.
    for (let i = 0, j = pixels - 1; i < pixels; i++, j--) target[i] = source[j] as number;
  } else {
    const rowStride = width * channels;
    const flipRows = orientation !== "flipColumns";
    const flipColumns = orientation !== "flipRows";
    for (let row = 0; row < height; row++) {
      const fromRow = (flipRows ? height - 1 - row : row) * rowStride;
      const toRow = row * rowStride;
      if (!flipColumns) {
        target.set(source.subarray(fromRow, fromRow + rowStride), toRow);
        continue;
      }
      for (let col = 0; col < width; col++) {
        const from = fromRow + (width - 1 - col) * channels;
        const to = toRow + col * channels;
        for (let k = 0; k < channels; k++) target[to + k] = source[from + k] as number;
      }
    }
  }
  return target;
}

/**
 * Turns one frame into aurorakit orientation in place (no allocation, no copy: the decoders'
 * hot path). Uses the typed arrays' native reverse, which runs at about memcpy speed.
 */
export function orientFrameInPlace<T extends Uint8Array | Uint16Array | Float32Array>(
  pixels: T,
  width: number,
  height: number,
  channels: number,
  orientation: Orientation,
): T {
  const rowStride = width * channels;
  if (pixels.length !== rowStride * height) {
    throw new InvalidArgumentError(
      "frame",
      `expected ${rowStride * height} samples (${height}x${width}x${channels}), got ${pixels.length}`,
    );
  }
  if (orientation === "asStored") return pixels;
  if (orientation === "rotate180" || orientation === "flipColumns") {
    // Reversing the samples rotates by 180° but also reverses each pixel's channel order;
    // reversing every pixel again restores it (RGB stays RGB).
    if (orientation === "rotate180") pixels.reverse();
    else
      for (let row = 0; row < height; row++)
        pixels.subarray(row * rowStride, (row + 1) * rowStride).reverse();
    if (channels > 1) {
      for (let at = 0; at < pixels.length; at += channels)
        pixels.subarray(at, at + channels).reverse();
    }
    return pixels;
  }
  // flipRows: swap whole rows through one row of scratch space.
  const scratch = pixels.slice(0, rowStride);
  for (let top = 0, bottom = height - 1; top < bottom; top++, bottom--) {
    const topRow = pixels.subarray(top * rowStride, (top + 1) * rowStride);
    scratch.set(topRow);
    pixels.copyWithin(top * rowStride, bottom * rowStride, (bottom + 1) * rowStride);
    pixels.set(scratch, bottom * rowStride);
  }
  return pixels;
}
