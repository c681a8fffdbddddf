import type { AttributeValue } from "../formats/description.js";
import type { InspectedArray, InspectReport } from "../formats/inspect.js";

const MAX_VALUE_CHARS = 100;

function formatValue(value: AttributeValue | unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

function formatAttributes(attributes: Readonly<Record<string, unknown>>, indent: string): string[] {
  return Object.entries(attributes).map(([key, value]) => `${indent}${key}: ${formatValue(value)}`);
}

/**
 * The UTC span of an array that carries times: a CDF time variable (`timeRange` detail) or a
 * PGM stack (`frames` detail with per-frame timestamps).
 */
function timeSpan(array: InspectedArray): string | undefined {
  const range = array.timeRange as { first?: string; last?: string } | null | undefined;
  if (range?.first !== undefined) return `${range.first} .. ${range.last}`;
  const frames = array.frames as readonly { timestamp?: string | null }[] | undefined;
  if (!Array.isArray(frames) || frames.length === 0) return undefined;
  const first = frames[0]?.timestamp;
  const last = frames[frames.length - 1]?.timestamp;
  return first == null ? undefined : `${first} .. ${last} (${frames.length} frames)`;
}

/** The human-readable `aurorakit inspect` listing. */
export function formatInspectReport(report: InspectReport): string {
  const lines = [`${report.file}`, `  format: ${report.format}`];
  if (Object.keys(report.attributes).length > 0) {
    lines.push("  attributes:", ...formatAttributes(report.attributes, "    "));
  }
  lines.push(`  arrays (${report.arrays.length}):`);
  for (const array of report.arrays) {
    const range =
      array.dtype === "string"
        ? ""
        : `  min ${array.min} max ${array.max} sum ${array.sum}` +
          (array.nanCount > 0 ? ` NaN ${array.nanCount}` : "");
    lines.push(`    ${array.path}  ${array.dtype}[${array.shape.join(", ")}]${range}`);
    const times = timeSpan(array);
    if (times !== undefined) lines.push(`      time: ${times}`);
    if (array.attributes !== undefined) {
      lines.push(...formatAttributes(array.attributes, "      "));
    }
  }
  return `${lines.join("\n")}\n`;
}
