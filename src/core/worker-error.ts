import {
  type AurorakitError,
  FormatError,
  InvalidArgumentError,
  NetworkError,
  NotFoundError,
  UnsupportedError,
} from "./errors.js";

/**
 * An error as it crosses a thread boundary. Structured cloning keeps only `message` and `name`
 * of an Error, so a worker sends the tag and fields and the pool rebuilds the same class: the
 * caller of a pooled task sees a FormatError exactly as if it had decoded the file itself.
 */
export interface WorkerErrorRecord {
  readonly tag: string;
  readonly message: string;
  readonly fields: Readonly<Record<string, string | number | undefined>>;
}

export function recordWorkerError(error: unknown): WorkerErrorRecord {
  if (error instanceof FormatError) {
    return {
      tag: error.tag,
      message: error.message,
      fields: {
        file: error.file,
        offset: error.offset,
        expected: error.expected,
        found: error.found,
      },
    };
  }
  if (error instanceof InvalidArgumentError) {
    return { tag: error.tag, message: error.message, fields: { argument: error.argument } };
  }
  if (error instanceof NotFoundError) {
    return { tag: error.tag, message: error.message, fields: { what: error.what } };
  }
  if (error instanceof UnsupportedError) {
    return { tag: error.tag, message: error.message, fields: { feature: error.feature } };
  }
  if (error instanceof NetworkError) {
    return {
      tag: error.tag,
      message: error.message,
      fields: { url: error.url, status: error.status, attempts: error.attempts },
    };
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { tag: "Error", message, fields: {} };
}

/** Rebuilds the error class a worker threw, with its original message. */
export function reviveWorkerError(record: WorkerErrorRecord): Error {
  const text = (name: string): string => String(record.fields[name] ?? "");
  let error: AurorakitError | Error;
  switch (record.tag) {
    case "FormatError":
      error = new FormatError("", { expected: text("expected") });
      Object.assign(error, {
        file: record.fields.file,
        offset: record.fields.offset,
        found: record.fields.found,
      });
      break;
    case "InvalidArgumentError":
      error = new InvalidArgumentError(text("argument"), "");
      break;
    case "NotFoundError":
      error = new NotFoundError(text("what"), "");
      break;
    case "UnsupportedError":
      error = new UnsupportedError(text("feature"), "");
      break;
    case "NetworkError":
      error = new NetworkError("", {
        url: text("url"),
        status: record.fields.status as number | undefined,
        attempts: Number(record.fields.attempts ?? 0),
      });
      break;
    default:
      return new Error(`in a worker thread: ${record.message}`);
  }
  error.message = record.message;
  return error;
}
