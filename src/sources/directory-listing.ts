import { FormatError } from "../core/errors.js";

/** One child of a listed directory. */
export interface ListingEntry {
  /** Decoded name, e.g. "themis_skymap_gako_20110305-+_vXX.sav" (from href "...-%2B_vXX.sav"). */
  readonly name: string;
  readonly isDirectory: boolean;
}

// HTML Living Standard §13.5 named character references: only those that occur in file names
// and server index pages; numeric references cover the rest.
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, body: string) => {
    if (body.startsWith("#")) {
      const hex = body[1] === "x" || body[1] === "X";
      const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A stray "%" that is not an escape: the server meant the literal character.
    return segment;
  }
}

function pathSegments(pathname: string): string[] {
  return pathname.split("/").map(decodeSegment);
}

// Apache mod_autoindex and nginx autoindex title their pages "Index of /path"; Python's
// http.server writes "Directory listing for /path".
const LISTING_TITLE = /<(title|h1)\b[^>]*>\s*(index of|directory listing for)\b/i;

// href attribute values: double-quoted, single-quoted or unquoted (HTML §13.1.2.3).
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

/**
 * Reads the children of `dirUrl` from its HTML index page: Apache/nginx autoindex or a plain
 * page of links. Only links that resolve to a direct child of the directory count (parent
 * links, sort links with a query, fragments, other hosts and deeper paths are ignored). A page
 * counts as a listing when it is titled like one or links to the parent directory; anything
 * else (a portal home page served with 200 in place of a missing folder) is a FormatError.
 */
export function parseDirectoryListing(html: string, dirUrl: string): ListingEntry[] {
  const base = new URL(dirUrl.endsWith("/") ? dirUrl : `${dirUrl}/`);
  const baseSegments = pathSegments(base.pathname).slice(0, -1);
  const text = html.replace(/<!--[\s\S]*?-->/g, "");
  if (!/<a\b/i.test(text) && !LISTING_TITLE.test(text)) {
    throw notAListing(dirUrl, text);
  }
  let linksToParent = false;
  const byName = new Map<string, boolean>();
  for (const tag of text.matchAll(/<a\b[^>]*>/gi)) {
    const match = HREF.exec(tag[0]);
    if (match === null) continue;
    const raw = decodeHtmlEntities(match[1] ?? match[2] ?? match[3] ?? "").trim();
    let target: URL;
    try {
      target = new URL(raw, base);
    } catch {
      continue;
    }
    if (target.origin !== base.origin || target.search !== "" || target.hash !== "") continue;
    const segments = pathSegments(target.pathname);
    const folder = segments.at(-1) === "" ? segments.slice(0, -1) : segments;
    if (folder.length < baseSegments.length) {
      linksToParent ||= folder.every((segment, i) => baseSegments[i] === segment);
      continue;
    }
    if (!baseSegments.every((segment, i) => segments[i] === segment)) continue;
    const rest = segments.slice(baseSegments.length);
    const name = rest[0];
    const isDirectory = rest.length === 2 && rest[1] === "";
    if (name === undefined || rest.length > 2 || (rest.length === 2 && !isDirectory)) continue;
    // An encoded "/" (%2F), "." or ".." would address something other than one child.
    if (name === "" || name === "." || name === ".." || /[/\\\0]/.test(name)) continue;
    byName.set(name, (byName.get(name) ?? false) || isDirectory);
  }
  if (!LISTING_TITLE.test(text) && !linksToParent) throw notAListing(dirUrl, text);
  return [...byName.entries()]
    .map(([name, isDirectory]) => ({ name, isDirectory }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function notAListing(dirUrl: string, text: string): FormatError {
  const start = text.trimStart().slice(0, 40).replace(/\s+/g, " ");
  return new FormatError("directory listing", {
    file: dirUrl,
    offset: 0,
    expected: 'an HTML index page ("Index of ...", or links to the folder\'s files)',
    found: JSON.stringify(start),
  });
}
