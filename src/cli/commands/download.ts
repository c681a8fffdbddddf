import type { Command } from "commander";
import { downloadRange } from "../../imager/download.js";
import { type AccessFlags, accessOptions, addAccessOptions } from "../access-options.js";
import type { CliIo } from "../io.js";
import { addRangeOptions } from "../range-options.js";

interface DownloadFlags extends AccessFlags {
  readonly start: string;
  readonly end: string;
  readonly source?: string;
  readonly redownload?: boolean;
  readonly skymap: boolean;
}

export function registerDownload(program: Command, io: CliIo): void {
  const command = program
    .command("download")
    .description(
      "download an imager's files for a time range (and its skymap) into the cache, for offline work",
    )
    .argument("<array>", "themis, rego, trex-nir, trex-blue")
    .argument("<site>", "site code, e.g. gill (see `aurorakit sites`)")
    .option("--source <name>", "berkeley or ucalgary (default: the array's first)")
    .option("--redownload", "download again even when cached")
    .option("--no-skymap", "do not fetch the skymap");
  addAccessOptions(addRangeOptions(command)).action(
    async (arrayId: string, site: string, flags: DownloadFlags) => {
      const result = await downloadRange(
        arrayId,
        site,
        { start: flags.start, end: flags.end },
        {
          ...accessOptions(flags, io),
          ...(flags.source === undefined ? {} : { source: flags.source }),
          redownload: flags.redownload === true,
          skymap: flags.skymap,
        },
      );
      for (const path of result.files) io.stdout(`${path}\n`);
      const skymap = result.skymapSource === null ? "" : `; skymap ${result.skymapSource}`;
      const skipped =
        result.skipped.length === 0
          ? ""
          : `; ${result.skipped.length} listed file(s) missing upstream`;
      io.stderr(`aurorakit: ${result.files.length} file(s) in the cache${skipped}${skymap}\n`);
    },
  );
}
