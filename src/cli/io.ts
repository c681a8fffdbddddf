import type { ProgressReporter } from "../core/progress.js";

/** Where a CLI run writes; injected so tests can run commands in-process and read the output. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Environment for configuration (AURORAKIT_*); default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Progress of downloads and long work; default: bars (or lines) on stderr. */
  readonly reporter?: ProgressReporter;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
