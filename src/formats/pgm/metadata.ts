import { latin1Text } from "../../core/byte-reader.js";
import { METADATA_END_MARKERS } from "./constants.js";

const QUOTE = 0x22;

/** One `#"key" value` comment line, in file order. */
export type PgmMetadataEntry = readonly [key: string, value: string];

// Python's str.strip() removes more (e.g. U+00A0); aurorakit trims ASCII whitespace only, so a
// Latin-1 no-break space that is part of a value survives.
function trimAscii(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isAsciiSpace(text.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/**
 * Parses a comment line (the bytes after `#`, without the line end). UCalgary metadata lines
 * are `#"key" value` (aurorax reference section 3.5, item 2): the key is the text between the
 * first two double quotes, the value the rest of the line with surrounding whitespace removed
 * (a value may itself contain quotes). Other comments return undefined. Bytes that are not
 * ASCII (seen in REGO `Bright Light Status` lines) are kept, decoded as Latin-1.
 */
export function parseMetadataComment(comment: Uint8Array): PgmMetadataEntry | undefined {
  if (comment[0] !== QUOTE) return undefined;
  const close = comment.indexOf(QUOTE, 1);
  if (close < 0) return undefined;
  return [
    latin1Text(comment.subarray(1, close)),
    trimAscii(latin1Text(comment.subarray(close + 1))),
  ];
}

/**
 * Metadata of one frame as a record, with the semantics of the Python readers' dict: keys in
 * the order of their first appearance, a repeated key keeps the LAST value (THEMIS headers
 * repeat `Project unique ID`: `themis-gbo`, then `THEMIS`). All lines, duplicates included,
 * stay available as entries. Note: JavaScript lists integer-like keys first in any object;
 * use the entries when such keys matter.
 */
export function metadataRecord(entries: readonly PgmMetadataEntry[]): Record<string, string> {
  const byKey = new Map<string, string>();
  for (const [key, value] of entries) byKey.set(key, value);
  // Object.fromEntries defines own properties, so a key like "__proto__" stays plain data.
  return Object.fromEntries(byKey);
}

/** The first key that closes a metadata block in the UCalgary readers, or null if none. */
export function findEndMarker(entries: readonly PgmMetadataEntry[]): string | null {
  for (const [key] of entries) {
    if (METADATA_END_MARKERS.some((marker) => key.startsWith(marker))) return key;
  }
  return null;
}
