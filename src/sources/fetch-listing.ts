import { FormatError } from "../core/errors.js";
import { type ListingEntry, parseDirectoryListing } from "./directory-listing.js";
import { type HttpGetOptions, openGet, readSmallBody } from "./http-get.js";
import { AttemptFailure } from "./retry-policy.js";

// Large archive folders (a month of hourly CDFs per site, a day of minute folders) list in
// well under 1 MiB; a bigger answer is a data file, not an index page.
const MAX_LISTING_BYTES = 16 * 1024 * 1024;

function samePath(a: string, b: string): boolean {
  const strip = (url: string): string => new URL(url).pathname.replace(/\/+$/, "");
  return strip(a) === strip(b);
}

/**
 * One attempt to list a folder: its entries, or null when the folder does not exist
 * upstream (404, a redirect elsewhere, or a page that is not a listing, such as a portal's
 * home page sent with 200). Broken transfers throw AttemptFailure so they are retried.
 */
export async function fetchListing(options: HttpGetOptions): Promise<ListingEntry[] | null> {
  let response: Awaited<ReturnType<typeof openGet>>;
  try {
    response = await openGet(options);
  } catch (error) {
    if (error instanceof AttemptFailure && error.kind === "missing") return null;
    throw error;
  }
  if (!samePath(response.finalUrl, options.url)) {
    await response.cancel();
    return null;
  }
  const body = await readSmallBody(response, MAX_LISTING_BYTES);
  if (body === null) return null;
  if (response.contentLength !== undefined && body.length !== response.contentLength) {
    throw new AttemptFailure(
      "retryable",
      `listing body shorter than Content-Length (${body.length} of ${response.contentLength} bytes)`,
    );
  }
  try {
    return parseDirectoryListing(Buffer.from(body).toString("utf8"), options.url);
  } catch (error) {
    if (error instanceof FormatError) return null;
    throw error;
  }
}
