import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * Figures never depend on the fonts a machine happens to have: the DejaVu TrueType files ship
 * with the package (npm `dejavu-fonts-ttf`, Bitstream Vera licence) and are registered with the
 * renderer explicitly, system fonts are not loaded. Text therefore renders identically on a
 * fresh CI machine with no fonts and on a desktop.
 */
export const FIGURE_FONT_FAMILY = "DejaVu Sans";
/** Fixed-advance face for per-frame labels: every glyph has the same width, so labels don't jitter. */
export const MONO_FONT_FAMILY = "DejaVu Sans Mono";

const FONT_FILE_NAMES = [
  "DejaVuSans.ttf",
  "DejaVuSans-Bold.ttf",
  "DejaVuSansMono.ttf",
  "DejaVuSansMono-Bold.ttf",
] as const;

/** Absolute paths of the shipped font files. */
export function figureFontFiles(): string[] {
  const require = createRequire(import.meta.url);
  const fontDir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
  return FONT_FILE_NAMES.map((name) => join(fontDir, name));
}
