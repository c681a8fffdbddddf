/**
 * Tagged error classes. Callers branch on `tag` (or `instanceof`), never on message text, so
 * the wording stays free to improve. Every message says what was wrong and what to do next.
 */

export type AurorakitErrorTag =
  | "FormatError"
  | "InvalidArgumentError"
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

export function isAurorakitError(value: unknown): value is AurorakitError {
  return value instanceof AurorakitError;
}
