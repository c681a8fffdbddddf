import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { percentileBoundsU16, scaleToU8 } from "../../analysis/scale-intensity.js";
import { syntheticArcFrames } from "../../arrays/synthetic/arc-frames.js";
import { writeSampleImagerCdf } from "../../arrays/synthetic/write-sample-cdf.js";
import { inspectFile } from "../../formats/inspect.js";
import { encodePng } from "../../formats/png/encode.js";
import { formatInspectReport } from "../format-inspect.js";
import type { CliIo } from "../io.js";

/** 2011-01-06T17:00:00Z, the hour of the real THEMIS Gakona file the sample imitates. */
const SAMPLE_START_MS = Date.UTC(2011, 0, 6, 17, 0, 0);
const SAMPLE_CADENCE_S = 3;

export function registerDemo(program: Command, io: CliIo): void {
  program
    .command("demo")
    .description(
      "write a synthetic THEMIS-style CDF (20 frames of a drifting arc) and a PNG quick-look, then inspect the CDF",
    )
    .option("--out <dir>", "where to write the sample files", "aurorakit-demo")
    .action(async (options: { out: string }) => {
      const outDir = resolve(options.out);
      mkdirSync(outDir, { recursive: true });
      const frames = syntheticArcFrames({ frameCount: 20, sizePx: 256 });
      const cdfPath = join(outDir, "thg_l1_asf_demo_2011010617_synthetic.cdf");
      writeSampleImagerCdf({
        path: cdfPath,
        frames,
        startMs: SAMPLE_START_MS,
        cadenceS: SAMPLE_CADENCE_S,
        site: "demo",
      });
      const [, rows = 0, cols = 0] = frames.shape;
      const first = frames.data.subarray(0, rows * cols);
      const grey = scaleToU8(first, percentileBoundsU16(first, 1, 99.9));
      const pngPath = join(outDir, "frame0-quicklook.png");
      writeFileSync(
        pngPath,
        encodePng(
          { dtype: "uint8", shape: [rows, cols, 1], data: grey },
          { text: { Source: "aurorakit demo (synthetic)" } },
        ),
      );
      io.stdout(formatInspectReport(await inspectFile(cdfPath)));
      io.stdout(`\nwrote ${cdfPath}\nwrote ${pngPath}\n`);
    });
}
