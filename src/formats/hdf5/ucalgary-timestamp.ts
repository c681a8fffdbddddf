import { FormatError } from "../../core/errors.js";
import { parseUcalgaryTimestamp } from "../../core/time/ucalgary-timestamp.js";

/** Parses every frame timestamp; a bad one is a FormatError naming the dataset index. */
export function parseUcalgaryTimestamps(
  texts: readonly string[],
  file: string,
  firstIndex: number,
): Float64Array {
  const out = new Float64Array(texts.length);
  texts.forEach((text, index) => {
    const timeMs = parseUcalgaryTimestamp(text);
    if (timeMs === undefined) {
      throw new FormatError("HDF5", {
        file,
        expected: `data/timestamp[${firstIndex + index}] as "YYYY-MM-DD HH:MM:SS[.ffffff] UTC"`,
        found: JSON.stringify(text.slice(0, 64)),
      });
    }
    out[index] = timeMs;
  });
  return out;
}
