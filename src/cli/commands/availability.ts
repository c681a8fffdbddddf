import type { Command } from "commander";
import { formatIsoMicroseconds } from "../../core/time/ucalgary-timestamp.js";
import { availability } from "../../imager/availability.js";
import { type AccessFlags, accessOptions, addAccessOptions } from "../access-options.js";
import type { CliIo } from "../io.js";
import { addRangeOptions } from "../range-options.js";

interface AvailabilityFlags extends AccessFlags {
  readonly start: string;
  readonly end: string;
  readonly source?: string;
  readonly json?: boolean;
}

/** Consecutive periods as [first, last] pairs, so a day of minutes prints as a few runs. */
function runs(startsMs: readonly number[], periodMs: number): [number, number][] {
  const result: [number, number][] = [];
  for (const t of startsMs) {
    const last = result.at(-1);
    if (last !== undefined && t === last[1] + periodMs) last[1] = t;
    else result.push([t, t]);
  }
  return result;
}

export function registerAvailability(program: Command, io: CliIo): void {
  const command = program
    .command("availability")
    .description(
      "which hours (Berkeley CDF) or minutes (UCalgary PGM) exist upstream, from the directory listings",
    )
    .argument("<array>", "themis, rego, trex-nir, trex-blue")
    .argument("[sites...]", "site codes (default: every site of the array)")
    .option("--source <name>", "berkeley or ucalgary (default: the array's first)")
    .option("--json", "print JSON: period starts per site");
  addAccessOptions(addRangeOptions(command)).action(
    async (arrayId: string, sites: string[], flags: AvailabilityFlags) => {
      const result = await availability(arrayId, sites, flags.start, flags.end, {
        ...accessOptions(flags, io),
        ...(flags.source === undefined ? {} : { source: flags.source }),
      });
      if (flags.json === true) {
        const document = result.map((r) => ({
          site: r.site,
          source: r.source,
          periodS: r.periodMs / 1000,
          starts: r.periodStartsMs.map((t) => new Date(t).toISOString()),
        }));
        io.stdout(`${JSON.stringify(document, null, 1)}\n`);
        return;
      }
      for (const r of result) {
        const unit = r.periodMs >= 3_600_000 ? "hour" : "minute";
        if (r.periodStartsMs.length === 0) {
          io.stdout(`${r.site}: nothing (${r.source})\n`);
          continue;
        }
        const text = runs(r.periodStartsMs, r.periodMs)
          .map(([a, b]) =>
            a === b
              ? formatIsoMicroseconds(a)
              : `${formatIsoMicroseconds(a)} – ${formatIsoMicroseconds(b)}`,
          )
          .join(", ");
        io.stdout(`${r.site}: ${r.periodStartsMs.length} ${unit} file(s) (${r.source}): ${text}\n`);
      }
    },
  );
}
