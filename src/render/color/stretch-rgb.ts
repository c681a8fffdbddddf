import { InvalidArgumentError } from "../../core/errors.js";

export interface ChannelBounds {
  readonly lower: number;
  readonly upper: number;
}

/** One pair for all three channels, or one per channel (R, G, B). */
export type RgbBounds = ChannelBounds | readonly [ChannelBounds, ChannelBounds, ChannelBounds];

/**
 * Per-channel contrast stretch of interleaved 8-bit RGB into opaque RGBA:
 * out = round(255 · clip((x − lower) / (upper − lower), 0, 1)) — asilib's
 * `utils.stretch_contrast` for TREx RGB (asilib.md §4.3). asilib hands the [0, 1] floats to
 * matplotlib, which truncates when converting to bytes; rounding here differs by at most one
 * level. Each channel is a 256-entry table built per call (768 bytes), then one read per byte.
 */
export function stretchRgb(frame: Uint8Array, bounds: RgbBounds, out: Uint8ClampedArray): void {
  if (frame.length % 3 !== 0) {
    throw new InvalidArgumentError("RGB frame", `length ${frame.length} is not a multiple of 3`);
  }
  const pixelCount = frame.length / 3;
  if (out.length !== pixelCount * 4) {
    throw new InvalidArgumentError(
      "output",
      `needs ${pixelCount * 4} bytes (RGBA for ${pixelCount} pixels), got ${out.length}`,
    );
  }
  const perChannel = "lower" in bounds ? [bounds, bounds, bounds] : bounds;
  const tables = new Uint8Array(3 * 256);
  perChannel.forEach((channel, c) => {
    const { lower, upper } = channel;
    if (!Number.isFinite(lower) || !Number.isFinite(upper) || !(lower < upper)) {
      throw new InvalidArgumentError(
        "RGB bounds",
        `channel ${"RGB"[c]} needs finite lower < upper, got ${lower} and ${upper}`,
      );
    }
    for (let x = 0; x < 256; x++) {
      const t = (x - lower) / (upper - lower);
      tables[c * 256 + x] = Math.round(255 * (t < 0 ? 0 : t > 1 ? 1 : t));
    }
  });
  for (let i = 0, o = 0; i < frame.length; i += 3, o += 4) {
    out[o] = tables[frame[i] as number] as number;
    out[o + 1] = tables[256 + (frame[i + 1] as number)] as number;
    out[o + 2] = tables[512 + (frame[i + 2] as number)] as number;
    out[o + 3] = 255;
  }
}
