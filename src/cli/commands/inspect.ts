import type { Command } from "commander";
import { inspectFile } from "../../formats/inspect.js";
import { formatInspectReport } from "../format-inspect.js";
import type { CliIo } from "../io.js";

export function registerInspect(program: Command, io: CliIo): void {
  program
    .command("inspect")
    .description("describe a CDF, IDL save, UCalgary PGM (.pgm/.gz/.bz2), HDF5 or PNG file")
    .argument("<file>", "the file to describe")
    .option(
      "--json",
      "print a JSON document (format, arrays with summaries and SHA-256, attributes)",
    )
    .action(async (file: string, options: { json?: boolean }) => {
      const report = await inspectFile(file);
      io.stdout(
        options.json === true
          ? `${JSON.stringify(report, null, 1)}\n`
          : formatInspectReport(report),
      );
    });
}
