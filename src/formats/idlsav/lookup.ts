import { NotFoundError } from "../../core/errors.js";
import type { AnyNDArray } from "../../core/ndarray.js";
import type { IdlSaveFile, IdlValue } from "./types.js";

/**
 * The value at a describe-style path such as `skymap.FULL_AZIMUTH`: a variable name, then
 * structure tags joined by ".". Names and tags match case-insensitively, as in IDL. Scalar
 * pointers and object references are followed, as `describeIdlSave` lists them. Returns
 * undefined when a part of the path does not exist.
 */
export function lookupIdlValue(file: IdlSaveFile, path: string): IdlValue | undefined {
  const [name, ...tags] = path.split(".");
  let value = file.variables.get((name ?? "").toLowerCase());
  for (const tag of tags) {
    value = followScalarReference(value);
    if (value?.kind !== "struct") return undefined;
    const wanted = tag.toUpperCase();
    value = [...value.fields].find(([key]) => key.toUpperCase() === wanted)?.[1];
  }
  return followScalarReference(value);
}

function followScalarReference(value: IdlValue | undefined): IdlValue | undefined {
  const seen = new Set<IdlValue>();
  let current = value;
  while (
    (current?.kind === "pointer" || current?.kind === "objref") &&
    current.shape.length === 0
  ) {
    // A pointer that leads back to itself (heap cycle) points at no data.
    if (seen.has(current)) return undefined;
    seen.add(current);
    current = current.targets[0] ?? undefined;
  }
  return current;
}

/**
 * The numeric or string array at `path` (see lookupIdlValue), or a NotFoundError naming the
 * path and the file when it is missing or is not an array (a structure, pointer array, ...).
 */
export function requireIdlArray(file: IdlSaveFile, path: string, fileName: string): AnyNDArray {
  const value = lookupIdlValue(file, path);
  if (value?.kind === "numeric" || value?.kind === "string") return value.array;
  throw new NotFoundError(
    `array ${path} in IDL save file ${fileName}`,
    value === undefined
      ? "check the variable and tag names with `aurorakit inspect FILE`"
      : `it holds ${value.kind === "struct" ? "a structure" : `a ${value.kind} value`}, not an array`,
  );
}
