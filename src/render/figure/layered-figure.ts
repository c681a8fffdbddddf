/**
 * A figure split into the parts that never change from frame to frame and the one part that
 * does. Fisheye images, maps and mosaics are all "static vector layers around one raster box":
 * the vector layers (axes, land, coastlines, labels, colorbars) are rendered once, and each frame
 * only fills the raster box through a precomputed pixel mapping. A single PNG and every frame of
 * a movie go through the same path, so a still and a movie frame of the same instant are
 * identical.
 */
export interface RasterBox {
  /** Top-left corner of the box in figure pixels. */
  readonly x: number;
  readonly y: number;
  /** Size of the box in figure pixels. */
  readonly width: number;
  readonly height: number;
  /**
   * For each box pixel (row-major, width x height), the index of the image pixel drawn there
   * (row x imageWidth + column, in the project's orientation), or -1 where the box stays
   * transparent and the layer underneath shows.
   */
  readonly sourceIndex: Int32Array;
  /** Size of the image the indices refer to. */
  readonly imageWidth: number;
  readonly imageHeight: number;
}

/** Where and how the per-frame label (usually the UTC time) is written. */
export interface FrameLabelStyle {
  /** Anchor point in figure pixels: the baseline's start, middle or end. */
  readonly x: number;
  readonly y: number;
  readonly anchor: "start" | "middle" | "end";
  readonly fontSizePx: number;
  /** CSS-style hex colour, `#rrggbb`. */
  readonly color: string;
  /** A box behind the text (`#rrggbb`), for legibility over the image. */
  readonly background?: string;
}

export interface LayeredFigure {
  readonly width: number;
  readonly height: number;
  /** SVG elements drawn under the raster (no `<svg>` wrapper); must paint the whole figure. */
  readonly under: string;
  /** SVG elements drawn over the raster (no `<svg>` wrapper); transparent where empty. */
  readonly over: string;
  readonly raster: RasterBox;
  readonly frameLabel?: FrameLabelStyle;
}
