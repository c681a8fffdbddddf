/**
 * Concatenates byte arrays into one fresh Uint8Array that owns its memory (unlike
 * Buffer.concat, which may return a view into Node's shared allocation pool).
 */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
