import { InvalidArgumentError } from "../../core/errors.js";

/**
 * Largest figure side accepted, px: 8192² RGBA is 256 MiB in the renderer, past any
 * publication or screen size (a 300 dpi A0 poster side is about 14000 px: render it as SVG).
 */
export const MAX_FIGURE_SIDE_PX = 8192;

/** Rounds a requested figure size to whole pixels and checks it is drawable. */
export function checkFigureSize(width: number, height: number): { width: number; height: number } {
  const w = Math.round(width);
  const h = Math.round(height);
  if (!(w >= 1 && h >= 1 && w <= MAX_FIGURE_SIDE_PX && h <= MAX_FIGURE_SIDE_PX)) {
    throw new InvalidArgumentError(
      "figure size",
      `${width}x${height} px is not between 1 and ${MAX_FIGURE_SIDE_PX} px per side`,
    );
  }
  return { width: w, height: h };
}
