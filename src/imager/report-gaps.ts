import type { DataFileRef } from "../arrays/array-plugin.js";
import { NotFoundError } from "../core/errors.js";
import { formatIsoMicroseconds } from "../core/time/ucalgary-timestamp.js";

/** Warns about (or, with missingOk false, rejects) file periods of the range without a file. */
export function reportGaps(
  files: readonly DataFileRef[],
  startMs: number,
  endMs: number,
  spanMs: number,
  missingOk: boolean,
  warn: (message: string) => void,
  what: string,
): void {
  const present = new Set(files.map((f) => f.startMs));
  const missing: number[] = [];
  const first = Math.floor(startMs / spanMs) * spanMs;
  // A range ending exactly on a period boundary does not need the file starting there.
  for (let t = first; t < endMs || t === first; t += spanMs) if (!present.has(t)) missing.push(t);
  if (missing.length === 0) return;
  const list =
    missing
      .slice(0, 5)
      .map((t) => formatIsoMicroseconds(t))
      .join(", ") + (missing.length > 5 ? `, … (${missing.length} in all)` : "");
  if (!missingOk) {
    throw new NotFoundError(
      `${what} files starting ${list}`,
      "they are not in the archive; pass missingOk: true (--missing-ok) to skip them",
    );
  }
  warn(`${what}: no file for ${list}; skipping`);
}
