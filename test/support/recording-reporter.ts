import type { ProgressReporter } from "../../src/core/progress.js";

/**
 * A progress reporter that keeps what it was told: warnings (what the user reads), task
 * begin/end events, bytes advanced and totals per task, and the most tasks running at once.
 */
export interface RecordingReporter extends ProgressReporter {
  readonly events: string[];
  readonly warnings: string[];
  readonly advanced: Map<string, number>;
  readonly totals: Map<string, number | undefined>;
  /** Most tasks running at once. */
  maxActive: number;
}

export function recordingReporter(): RecordingReporter {
  let active = 0;
  const reporter: RecordingReporter = {
    events: [],
    warnings: [],
    advanced: new Map(),
    totals: new Map(),
    maxActive: 0,
    begin(task) {
      active += 1;
      reporter.maxActive = Math.max(reporter.maxActive, active);
      reporter.events.push(`begin ${task.label}`);
      reporter.totals.set(task.id, task.total);
      reporter.advanced.set(task.id, 0);
    },
    advance(id, amount) {
      reporter.advanced.set(id, (reporter.advanced.get(id) ?? 0) + amount);
    },
    end(id, outcome) {
      active -= 1;
      reporter.events.push(`end ${outcome}`);
      void id;
    },
    warn(message) {
      reporter.warnings.push(message);
    },
  };
  return reporter;
}
