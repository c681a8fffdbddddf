import type { Command } from "commander";
import { resolveConfig } from "../core/config.js";
import type { ProgressReporter } from "../core/progress.js";
import type { AccessOptions } from "../imager/source-context.js";
import type { CliIo } from "./io.js";
import { terminalProgressReporter } from "./progress-bars.js";

/** Flags shared by every command that reads the archives. */
export interface AccessFlags {
  readonly dataDir?: string;
  readonly offline?: boolean;
  readonly urlBerkeley?: string;
  readonly urlUcalgary?: string;
}

export function addAccessOptions(command: Command): Command {
  return command
    .option(
      "--data-dir <dir>",
      "download cache (default: AURORAKIT_DATA_DIR, config file, or the user cache dir)",
    )
    .option("--offline", "never touch the network; use cached files and listings only")
    .option(
      "--url-berkeley <url>",
      "base URL of the Berkeley THEMIS archive or a mirror (AURORAKIT_URL_BERKELEY)",
    )
    .option(
      "--url-ucalgary <url>",
      "base URL of the UCalgary archive or a mirror (AURORAKIT_URL_UCALGARY)",
    );
}

/** The reporter the CLI uses: the injected one, or bars on stderr. */
export function cliReporter(io: CliIo): ProgressReporter {
  return io.reporter ?? terminalProgressReporter(process.stderr);
}

export function accessOptions(flags: AccessFlags, io: CliIo): AccessOptions {
  const config = resolveConfig({
    env: io.env ?? process.env,
    overrides: {
      dataDir: flags.dataDir,
      offline: flags.offline,
      urls: {
        ...(flags.urlBerkeley === undefined ? {} : { berkeley: flags.urlBerkeley }),
        ...(flags.urlUcalgary === undefined ? {} : { ucalgary: flags.urlUcalgary }),
      },
    },
  });
  return { config, reporter: cliReporter(io) };
}
