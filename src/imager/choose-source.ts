import type { ArrayPlugin, ImageSource } from "../arrays/array-plugin.js";
import { NotFoundError } from "../core/errors.js";

/** The array's image source called `name`, or its default (first) source. */
export function chooseSource(array: ArrayPlugin, name: string | undefined): ImageSource {
  if (name === undefined) return array.sources[0] as ImageSource;
  const source = array.sources.find((s) => s.name === name);
  if (source === undefined) {
    throw new NotFoundError(
      `${array.label} source "${name}"`,
      `${array.label} data come from: ${array.sources.map((s) => s.name).join(", ")}`,
    );
  }
  return source;
}
