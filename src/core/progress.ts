/**
 * How long-running work (downloads, decoding many files) tells its caller what it is doing.
 * The library never prints: it calls an injected reporter. The CLI draws bars from these
 * calls; tests record them; library users pass their own or get `silentReporter`.
 */

export type ProgressUnit = "bytes" | "files" | "frames";

export interface ProgressTask {
  /** Unique while the task runs (e.g. the URL being downloaded). */
  readonly id: string;
  /** Short human label (e.g. the file name). */
  readonly label: string;
  readonly unit: ProgressUnit;
  /** Expected total in `unit`, when known in advance. */
  readonly total?: number | undefined;
}

export type ProgressOutcome = "done" | "failed" | "skipped";

export interface ProgressReporter {
  begin(task: ProgressTask): void;
  /** `amount` more units of task `id` are complete. */
  advance(id: string, amount: number): void;
  end(id: string, outcome: ProgressOutcome): void;
  /** Something the user should know that is not an error (a skipped missing file, a fallback). */
  warn(message: string): void;
}

/** Drops every report. The default wherever no reporter is given. */
export const silentReporter: ProgressReporter = {
  begin: () => {},
  advance: () => {},
  end: () => {},
  warn: () => {},
};
