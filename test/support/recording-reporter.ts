import type { ProgressReporter } from "../../src/core/progress.js";

/** A progress reporter that keeps the warnings, for tests that check what the user is told. */
export function recordingReporter(): { reporter: ProgressReporter; warnings: string[] } {
  const warnings: string[] = [];
  const reporter: ProgressReporter = {
    begin: () => {},
    advance: () => {},
    end: () => {},
    warn: (message) => warnings.push(message),
  };
  return { reporter, warnings };
}
