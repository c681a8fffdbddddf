import type { FileHandle } from "node:fs/promises";
import { AttemptFailure } from "./retry-policy.js";

/** What one HTTP attempt needs; everything injected so tests control time and transport. */
export interface HttpGetOptions {
  readonly fetch: typeof globalThis.fetch;
  readonly url: string;
  readonly userAgent: string;
  /** Longest wait for the response headers, and for each body chunk after the previous one. */
  readonly timeoutMs: number;
}

/** An open response whose body is read chunk by chunk under the idle timeout. */
export interface OpenResponse {
  /** The URL that answered, after redirects. */
  readonly finalUrl: string;
  readonly contentType: string;
  /** Declared body length; undefined when absent or when the body is content-encoded. */
  readonly contentLength: number | undefined;
  /** Yields body chunks; throws AttemptFailure on timeouts and broken connections. */
  chunks(): AsyncGenerator<Uint8Array>;
  /** Stops reading (frees the connection) when the body is not wanted. */
  cancel(): Promise<void>;
}

function retryAfterMs(header: string | null): number | undefined {
  // RFC 9110 §10.2.3: Retry-After is delay-seconds or an HTTP-date; only seconds are honoured.
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header.trim()) * 1000;
}

function describeCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === "string" ? `${cause.message} (${code})` : cause.message;
  }
  return String(error);
}

/**
 * Sends one GET and classifies a failing status: 404/410 → missing, 408/429/5xx → retryable,
 * other non-2xx → fatal. The idle timer aborts the request when no bytes arrive for
 * `timeoutMs`, before the headers or between body chunks.
 */
export async function openGet(options: HttpGetOptions): Promise<OpenResponse> {
  const controller = new AbortController();
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
  };
  const failure = (error: unknown, during: string): AttemptFailure =>
    timedOut
      ? new AttemptFailure("retryable", `no data for ${options.timeoutMs / 1000} s ${during}`, {
          cause: error,
        })
      : new AttemptFailure("retryable", `connection failed ${during}: ${describeCause(error)}`, {
          cause: error,
        });
  arm();
  let response: Response;
  try {
    response = await options.fetch(options.url, {
      signal: controller.signal,
      redirect: "follow",
      // Identity encoding keeps Content-Length equal to the bytes we store.
      headers: { "User-Agent": options.userAgent, "Accept-Encoding": "identity" },
    });
  } catch (error) {
    clearTimeout(timer);
    throw failure(error, "before the response");
  }
  const status = response.status;
  const cancel = async (): Promise<void> => {
    clearTimeout(timer);
    await response.body?.cancel().catch(() => {});
  };
  if (status < 200 || status > 299) {
    await cancel();
    const reason = `HTTP ${status}`;
    if (status === 404 || status === 410) throw new AttemptFailure("missing", reason, { status });
    if (status === 408 || status === 429 || status >= 500) {
      const after = retryAfterMs(response.headers.get("retry-after"));
      throw new AttemptFailure("retryable", reason, { status, retryAfterMs: after });
    }
    throw new AttemptFailure("fatal", reason, { status });
  }
  const lengthHeader = response.headers.get("content-length");
  const encoded = (response.headers.get("content-encoding") ?? "identity") !== "identity";
  const contentLength =
    lengthHeader !== null && /^\d+$/.test(lengthHeader.trim()) && !encoded
      ? Number(lengthHeader)
      : undefined;
  const body = response.body;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    if (body === null) return;
    const reader = body.getReader();
    let finished = false;
    try {
      arm();
      for (;;) {
        let next: Awaited<ReturnType<typeof reader.read>>;
        try {
          next = await reader.read();
        } catch (error) {
          finished = true;
          throw failure(error, "while reading the body");
        }
        if (next.done) {
          finished = true;
          return;
        }
        arm();
        yield next.value;
      }
    } finally {
      clearTimeout(timer);
      // A consumer that stops early (an error, a size cap) frees the connection here.
      if (!finished) await reader.cancel().catch(() => {});
    }
  }
  return {
    finalUrl: response.url === "" ? options.url : response.url,
    contentType: (response.headers.get("content-type") ?? "").toLowerCase(),
    contentLength,
    chunks,
    cancel,
  };
}

/** Writes every chunk to `handle`, calling `onChunk` after each; returns the byte count. */
export async function streamToFile(
  response: OpenResponse,
  handle: FileHandle,
  onChunk: (chunk: Uint8Array) => void,
): Promise<number> {
  let written = 0;
  for await (const chunk of response.chunks()) {
    onChunk(chunk);
    await handle.write(chunk, 0, chunk.length, written);
    written += chunk.length;
  }
  return written;
}

/**
 * Reads a small body (a directory listing) into memory, refusing more than `maxBytes` so that
 * a wrong URL pointing at a data file cannot fill memory.
 */
export async function readSmallBody(
  response: OpenResponse,
  maxBytes: number,
): Promise<Uint8Array | null> {
  if (response.contentLength !== undefined && response.contentLength > maxBytes) {
    await response.cancel();
    return null;
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.chunks()) {
    total += chunk.length;
    // Leaving the loop cancels the rest of the body (see chunks()).
    if (total > maxBytes) return null;
    parts.push(chunk);
  }
  return Buffer.concat(parts, total);
}
