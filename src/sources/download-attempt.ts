import { open, rename } from "node:fs/promises";
import { FormatError } from "../core/errors.js";
import type { ProgressOutcome, ProgressReporter } from "../core/progress.js";
import { removeQuietly, tempPathFor } from "./atomic-file.js";
import { type HttpGetOptions, openGet, streamToFile } from "./http-get.js";
import { AttemptFailure } from "./retry-policy.js";
import { isGzip, readHead, validateGzipFile } from "./validate-download.js";

export interface DownloadAttemptOptions extends HttpGetOptions {
  readonly finalPath: string;
  /** Label for progress (the file name). */
  readonly label: string;
  readonly reporter: ProgressReporter;
  /** Whether the wanted file is itself an HTML page (then text/html is not "missing"). */
  readonly expectsHtml: boolean;
}

// UCalgary answers a missing file with its home page and status 200 (aurorax.md §3.1);
// such pages start with a doctype or an <html> tag (HTML Living Standard §13.1).
const HTML_START = /^\s*(<!doctype\s+html|<html[\s>])/i;

function looksLikeHtml(head: Uint8Array): boolean {
  return HTML_START.test(Buffer.from(head).toString("latin1"));
}

/**
 * One download attempt: GET the URL into a temp file beside `finalPath`, check its length and
 * (for gzip) its integrity, flush it, and rename it into place. On any failure the temp file
 * is removed and an AttemptFailure says whether retrying can help; the final path is only
 * ever replaced by a complete, validated file.
 */
export async function downloadAttempt(options: DownloadAttemptOptions): Promise<void> {
  const response = await openGet(options);
  const { url, reporter } = options;
  if (!options.expectsHtml && response.contentType.startsWith("text/html")) {
    await response.cancel();
    throw new AttemptFailure(
      "missing",
      "the server sent an HTML page (text/html) instead of the file",
    );
  }
  reporter.begin({ id: url, label: options.label, unit: "bytes", total: response.contentLength });
  const temp = tempPathFor(options.finalPath);
  let outcome: ProgressOutcome = "done";
  try {
    const handle = await open(temp, "wx");
    let bytes: number;
    try {
      bytes = await streamToFile(response, handle, (chunk) => reporter.advance(url, chunk.length));
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (response.contentLength !== undefined && bytes !== response.contentLength) {
      throw new AttemptFailure(
        "retryable",
        `body ${bytes < response.contentLength ? "shorter" : "longer"} than Content-Length (${bytes} of ${response.contentLength} bytes)`,
      );
    }
    const head = await readHead(temp, 64);
    if (!options.expectsHtml && looksLikeHtml(head)) {
      throw new AttemptFailure("missing", "the server sent an HTML page instead of the file");
    }
    if (isGzip(head)) {
      try {
        await validateGzipFile(temp, url);
      } catch (error) {
        if (!(error instanceof FormatError)) throw error;
        throw new AttemptFailure(
          "retryable",
          `the upstream file is corrupt (${error.found ?? error.message})`,
          {
            cause: error,
          },
        );
      }
    }
    await rename(temp, options.finalPath);
  } catch (error) {
    outcome = error instanceof AttemptFailure && error.kind === "missing" ? "skipped" : "failed";
    await removeQuietly(temp);
    throw error;
  } finally {
    reporter.end(url, outcome);
  }
}
