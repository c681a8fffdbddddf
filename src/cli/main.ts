import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { isAurorakitError } from "../core/errors.js";
import { registerAvailability } from "./commands/availability.js";
import { registerDemo } from "./commands/demo.js";
import { registerDownload } from "./commands/download.js";
import { registerFrames } from "./commands/frames.js";
import { registerGeo } from "./commands/geo.js";
import { registerInspect } from "./commands/inspect.js";
import { registerSites } from "./commands/sites.js";
import { type CliIo, processIo } from "./io.js";

function packageVersion(): string {
  const manifest = JSON.parse(
    readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
  ) as { version: string };
  return manifest.version;
}

/** Builds the `aurorakit` command tree, writing through `io`. */
export function buildProgram(io: CliIo): Command {
  const program = new Command("aurorakit")
    .description("Auroral all-sky imager toolkit: find, download, decode and inspect imager data")
    .version(packageVersion(), "-V, --version", "print the aurorakit version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .showHelpAfterError(false);
  registerInspect(program, io);
  registerSites(program, io);
  registerAvailability(program, io);
  registerDownload(program, io);
  registerFrames(program, io);
  registerGeo(program, io);
  registerDemo(program, io);
  return program;
}

/**
 * Runs the CLI and returns the process exit code: 0 on success, 1 for a user-facing error
 * (bad arguments, unreadable or invalid file), 2 for an internal error (a bug to report).
 * Every failure prints exactly one line starting with `aurorakit:`.
 */
export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride with exit code 0.
      if (error.exitCode === 0) return 0;
      io.stderr(`aurorakit: ${error.message.replace(/^error: /, "")} (see aurorakit --help)\n`);
      return 1;
    }
    if (isAurorakitError(error)) {
      io.stderr(`aurorakit: ${error.message}\n`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR") {
      const path = (error as NodeJS.ErrnoException).path ?? "";
      io.stderr(`aurorakit: cannot read ${path} (${code}); check the path and permissions\n`);
      return 1;
    }
    io.stderr(`aurorakit: internal error: ${String(error)}; please report this with the file\n`);
    return 2;
  }
}
