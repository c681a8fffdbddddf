import { InvalidArgumentError } from "../../core/errors.js";
import { encodePng } from "../../formats/png/encode.js";
import { px } from "./svg.js";

export interface EmbeddedImage {
  /** Where the image is drawn, figure pixels. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Straight (not premultiplied) RGBA, imageWidth x imageHeight, row 0 at the top. */
  readonly rgba: Uint8Array | Uint8ClampedArray;
  readonly imageWidth: number;
  readonly imageHeight: number;
}

/**
 * Nearest-neighbour scaling, so data pixels stay sharp squares. resvg honours only the SVG 1.1
 * keyword `optimizeSpeed`; browsers take the last value they understand, and CSS Images 3
 * (section 5.3) makes `optimizeSpeed` an alias of `pixelated` where it is still accepted.
 */
const PIXELATED_STYLE = "image-rendering:pixelated;image-rendering:optimizeSpeed";

/**
 * An `<image>` element holding the pixels as an embedded PNG (data URI), stretched to the
 * given box without keeping the aspect ratio and without smoothing.
 */
export function embeddedImageSvg(image: EmbeddedImage): string {
  const { rgba, imageWidth, imageHeight } = image;
  if (
    !(Number.isInteger(imageWidth) && Number.isInteger(imageHeight)) ||
    imageWidth < 1 ||
    imageHeight < 1 ||
    rgba.length !== imageWidth * imageHeight * 4
  ) {
    throw new InvalidArgumentError(
      "embedded image",
      `${rgba.length} bytes are not RGBA for ${imageWidth}x${imageHeight} pixels`,
    );
  }
  const bytes = new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.length);
  const png = encodePng({ dtype: "uint8", shape: [imageHeight, imageWidth, 4], data: bytes });
  const uri = `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
  return `<image x="${px(image.x)}" y="${px(image.y)}" width="${px(image.width)}" height="${px(image.height)}" preserveAspectRatio="none" style="${PIXELATED_STYLE}" href="${uri}"/>`;
}
