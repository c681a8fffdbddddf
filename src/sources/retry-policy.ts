import { NetworkError, NotFoundError } from "../core/errors.js";
import type { ProgressReporter } from "../core/progress.js";

/** How one request is retried. Delays double from `firstDelayMs` up to `maxDelayMs`. */
export interface RetryPolicy {
  /** Extra attempts after the first one. */
  readonly retries: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

/** What went wrong in one attempt, and whether trying again can help. */
export type AttemptFailureKind =
  /** 5xx, 429, timeouts, resets, wrong lengths, corrupt bodies: try again after a pause. */
  | "retryable"
  /** 404/410 or an HTML page in place of the file: the file does not exist upstream. */
  | "missing"
  /** Other 4xx (403, 401, ...): the same request will fail again. */
  | "fatal";

export class AttemptFailure extends Error {
  readonly kind: AttemptFailureKind;
  readonly status: number | undefined;
  /** A server-requested pause (Retry-After), when it gave one. */
  readonly retryAfterMs: number | undefined;

  constructor(
    kind: AttemptFailureKind,
    reason: string,
    details: {
      status?: number | undefined;
      retryAfterMs?: number | undefined;
      cause?: unknown;
    } = {},
  ) {
    super(reason, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "AttemptFailure";
    this.kind = kind;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** Pause before retry number `retryIndex` (0 = the first retry). */
export function backoffDelayMs(policy: RetryPolicy, retryIndex: number): number {
  return Math.min(policy.firstDelayMs * 2 ** retryIndex, policy.maxDelayMs);
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

export interface RetryContext {
  readonly url: string;
  readonly policy: RetryPolicy;
  readonly sleep: (ms: number) => Promise<void>;
  readonly reporter: ProgressReporter;
  /** Appended to the NotFoundError, e.g. where the file would have been cached. */
  readonly missingAdvice: string;
}

/**
 * Runs `attempt` until it succeeds, a failure that retrying cannot fix, or the retries are
 * spent. Maps the outcome to the public errors: NotFoundError for absence (never retried),
 * NetworkError with url, last status and attempt count otherwise.
 */
export async function withRetries<T>(
  context: RetryContext,
  attempt: (attemptNumber: number) => Promise<T>,
): Promise<T> {
  const { url, policy } = context;
  const total = policy.retries + 1;
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      if (!(error instanceof AttemptFailure)) throw error;
      if (error.kind === "missing") {
        throw new NotFoundError(
          url,
          `the file does not exist upstream (${error.message}); ${context.missingAdvice}`,
          { cause: error },
        );
      }
      if (error.kind === "fatal" || attemptNumber >= total) {
        throw new NetworkError(error.message, {
          url,
          status: error.status,
          attempts: attemptNumber,
          cause: error,
        });
      }
      const delayMs = Math.min(
        Math.max(backoffDelayMs(policy, attemptNumber - 1), error.retryAfterMs ?? 0),
        policy.maxDelayMs,
      );
      context.reporter.warn(
        `retrying ${url} in ${formatSeconds(delayMs)} after ${error.message} (attempt ${attemptNumber + 1} of ${total})`,
      );
      await context.sleep(delayMs);
    }
  }
}
