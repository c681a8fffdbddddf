import type { Command } from "commander";
import { defaultArrayRegistry } from "../../arrays/registry.js";
import type { CliIo } from "../io.js";

export function registerSites(program: Command, io: CliIo): void {
  program
    .command("sites")
    .description("list the imager arrays and their sites (code, name, geodetic latitude/longitude)")
    .argument("[array]", "one array: themis, rego, trex-nir, trex-blue")
    .option("--json", "print JSON")
    .action((arrayId: string | undefined, options: { json?: boolean }) => {
      const registry = defaultArrayRegistry();
      const arrays = arrayId === undefined ? registry.list() : [registry.get(arrayId)];
      if (options.json === true) {
        const document = arrays.map((a) => ({
          array: a.id,
          label: a.label,
          cadenceS: a.cadenceS,
          width: a.geometry.width,
          height: a.geometry.height,
          sources: a.sources.map((s) => s.name),
          sites: a.sites,
        }));
        io.stdout(`${JSON.stringify(document, null, 1)}\n`);
        return;
      }
      for (const array of arrays) {
        const { width, height } = array.geometry;
        io.stdout(
          `${array.id} (${array.label}, ${height}x${width}, ${array.cadenceS} s; sources: ${array.sources.map((s) => s.name).join(", ")})\n`,
        );
        for (const site of array.sites) {
          io.stdout(
            `  ${site.code}  ${site.name.padEnd(16)} ${site.latitudeDeg.toFixed(3).padStart(8)}°N ${site.longitudeDeg.toFixed(3).padStart(9)}°E\n`,
          );
        }
      }
    });
}
