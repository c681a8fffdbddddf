import type { Command } from "commander";

/** `--start` and `--end`, required, ISO 8601 (no zone = UTC). */
export function addRangeOptions(command: Command): Command {
  return command
    .requiredOption("--start <time>", "start, ISO 8601 UTC, e.g. 2014-03-10T06:00:00Z")
    .requiredOption("--end <time>", "end (inclusive), ISO 8601 UTC");
}
