/**
 * Tagged error classes. Callers branch on `tag` (or `instanceof`), never on message text, so
 * the wording stays free to improve. Every message says what was wrong and what to do next.
 */

export type AurorakitErrorTag =
  | "FormatError"
  | "InvalidArgumentError"
  | "NetworkError"
  | "NotFoundError"
  | "UnsupportedError";

export abstract class AurorakitError extends Error {
  abstract readonly tag: AurorakitErrorTag;
}

export interface FormatErrorDetails {
  /** File name or URL the bytes came from, when known. */
  file?: string | undefined;
  /** Byte offset (in the decoded stream the reader was parsing) where the problem was found. */
  offset?: number | undefined;
  /** What the reader expected at that place. */
  expected: string;
  /** What it found instead, if that helps the user. */
  found?: string | undefined;
  cause?: unknown;
}

/** The bytes do not form a valid file of the format being read. */
export class FormatError extends AurorakitError {
  readonly tag = "FormatError" as const;
  readonly file: string | undefined;
  readonly offset: number | undefined;
  readonly expected: string;
  readonly found: string | undefined;

  constructor(format: string, details: FormatErrorDetails) {
    const where = [
      details.file === undefined ? undefined : details.file,
      details.offset === undefined ? undefined : `byte ${details.offset}`,
    ]
      .filter((part) => part !== undefined)
      .join(" at ");
    const found = details.found === undefined ? "" : `, found ${details.found}`;
    super(
      `${format}: ${where === "" ? "" : `${where}: `}expected ${details.expected}${found}; ` +
        "the file is corrupt, truncated or not this format: download it again or check its source",
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.name = "FormatError";
    this.file = details.file;
    this.offset = details.offset;
    this.expected = details.expected;
    this.found = details.found;
  }
}

/** A valid file uses a feature this version of aurorakit does not decode. */
export class UnsupportedError extends AurorakitError {
  readonly tag = "UnsupportedError" as const;
  readonly feature: string;

  constructor(feature: string, advice: string, options?: { cause?: unknown }) {
    super(`unsupported: ${feature}; ${advice}`, options);
    this.name = "UnsupportedError";
    this.feature = feature;
  }
}

/** A caller passed an argument outside what the function accepts. */
export class InvalidArgumentError extends AurorakitError {
  readonly tag = "InvalidArgumentError" as const;
  readonly argument: string;

  constructor(argument: string, problem: string, options?: { cause?: unknown }) {
    super(`invalid ${argument}: ${problem}`, options);
    this.name = "InvalidArgumentError";
    this.argument = argument;
  }
}

/** Something that was asked for by name does not exist (a file, a variable, a dataset). */
export class NotFoundError extends AurorakitError {
  readonly tag = "NotFoundError" as const;
  readonly what: string;

  constructor(what: string, advice: string, options?: { cause?: unknown }) {
    super(`not found: ${what}; ${advice}`, options);
    this.name = "NotFoundError";
    this.what = what;
  }
}

export interface NetworkErrorDetails {
  /** The URL that could not be fetched. */
  url: string;
  /** Last HTTP status seen, if the server answered at all. */
  status?: number | undefined;
  /** How many attempts were made before giving up. */
  attempts: number;
  cause?: unknown;
}

/**
 * A server could not be reached or kept failing (timeouts, resets, 5xx, short bodies) after
 * every retry. Absence (404) is a NotFoundError instead: retrying it would not help.
 */
export class NetworkError extends AurorakitError {
  readonly tag = "NetworkError" as const;
  readonly url: string;
  readonly status: number | undefined;
  readonly attempts: number;

  constructor(problem: string, details: NetworkErrorDetails) {
    super(
      `network: ${details.url}: ${problem} (after ${details.attempts} attempt${details.attempts === 1 ? "" : "s"}); ` +
        "check the connection or the mirror URL (AURORAKIT_URL_*), or work offline with files already cached",
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.name = "NetworkError";
    this.url = details.url;
    this.status = details.status;
    this.attempts = details.attempts;
  }
}

export function isAurorakitError(value: unknown): value is AurorakitError {
  return value instanceof AurorakitError;
}
