import { describeFile } from "./describe-file.js";
import type { AttributeValue, FileDescription, FileFormat } from "./description.js";
import { type ArraySummary, summarize } from "./summary.js";

/** One array of `inspect --json`: the summary plus its attributes and format-specific details. */
export interface InspectedArray extends ArraySummary {
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  readonly [detail: string]: unknown;
}

/** The `aurorakit inspect --json` document. */
export interface InspectReport {
  readonly file: string;
  readonly format: FileFormat;
  readonly arrays: readonly InspectedArray[];
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

/** Summarises a described file: min, max, sum, NaN count and SHA-256 of every array. */
export function inspectDescription(file: string, description: FileDescription): InspectReport {
  return {
    file,
    format: description.format,
    arrays: description.arrays.map((described) => ({
      ...described.details,
      ...summarize(described.path, described.array),
      ...(described.attributes === undefined ? {} : { attributes: described.attributes }),
    })),
    attributes: description.attributes,
  };
}

export async function inspectFile(path: string): Promise<InspectReport> {
  return inspectDescription(path, await describeFile(path));
}
