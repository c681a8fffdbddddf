import { run } from "../../src/cli/main.js";
import { recordingReporter } from "./recording-reporter.js";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Warnings the command reported through its progress reporter. */
  readonly warnings: readonly string[];
}

export interface CliRunOptions {
  /** Environment for AURORAKIT_* configuration (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Runs `aurorakit ARGS` in-process and captures what it prints. */
export async function runCli(...args: string[]): Promise<CliResult> {
  return runCliWith({}, ...args);
}

export async function runCliWith(options: CliRunOptions, ...args: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const reporter = recordingReporter();
  const { warnings } = reporter;
  const code = await run(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    reporter,
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  return { code, stdout, stderr, warnings };
}
