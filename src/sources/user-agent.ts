import { readFileSync } from "node:fs";

/**
 * `aurorakit/<version>` from package.json (two folders above both src/sources and
 * dist/sources), so archive operators can tell our traffic apart and reach us.
 */
export function defaultUserAgent(): string {
  try {
    const manifest = JSON.parse(
      readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
    ) as { version?: unknown };
    return typeof manifest.version === "string" ? `aurorakit/${manifest.version}` : "aurorakit";
  } catch {
    return "aurorakit";
  }
}
