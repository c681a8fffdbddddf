import { InvalidArgumentError } from "../core/errors.js";

/**
 * One archive aurorakit downloads from. `name` is also the first folder of the local cache
 * (`<dataDir>/<name>/...`), so two upstreams never share cached files.
 */
export interface Upstream {
  /** e.g. "berkeley" or "ucalgary"; a single safe path segment. */
  readonly name: string;
  /** Without a trailing slash; may contain a path, e.g. `http://127.0.0.1:4312/data/themis`. */
  readonly baseUrl: string;
}

/**
 * Splits a path relative to an upstream into its (decoded) segments. Empty segments from
 * doubled or trailing slashes are dropped; `.`/`..` and absolute paths are refused so that a
 * listing entry can never address a file outside the upstream tree or the cache folder.
 */
export function relativeSegments(relPath: string, argument = "relPath"): string[] {
  if (relPath.startsWith("/") || relPath.startsWith("\\") || /^[A-Za-z]:/.test(relPath)) {
    throw new InvalidArgumentError(argument, `expected a relative path, got "${relPath}"`);
  }
  const segments = relPath.split("/").filter((segment) => segment !== "");
  for (const segment of segments) {
    if (segment === "." || segment === ".." || segment.includes("\\") || segment.includes("\0")) {
      throw new InvalidArgumentError(
        argument,
        `segment "${segment}" in "${relPath}" is not allowed (no ".", "..", backslashes or NUL)`,
      );
    }
  }
  return segments;
}

/** Checks that an upstream name can serve as one cache folder name. */
export function checkUpstreamName(upstream: Upstream): void {
  relativeSegments(upstream.name, "upstream.name");
  if (upstream.name.includes("/") || upstream.name === "" || upstream.name.startsWith(".")) {
    throw new InvalidArgumentError(
      "upstream.name",
      `expected one folder name, got "${upstream.name}"`,
    );
  }
}

/**
 * The URL of `relPath` (decoded text, `+` meaning a literal plus) below the upstream. Each
 * segment is percent-encoded (RFC 3986 §2.1; `+` → `%2B` because some servers read a bare
 * `+` as a space); a trailing slash in `relPath` is kept (directory URLs).
 */
export function upstreamUrl(upstream: Upstream, relPath: string): string {
  const segments = relativeSegments(relPath);
  const base = upstream.baseUrl.replace(/\/+$/, "");
  const trailing = relPath.endsWith("/") && segments.length > 0 ? "/" : "";
  const encoded = segments.map((segment) => encodeURIComponent(segment)).join("/");
  return encoded === "" ? `${base}/` : `${base}/${encoded}${trailing}`;
}
