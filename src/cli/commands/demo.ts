import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { writeSyntheticUpstream } from "../../arrays/synthetic/write-upstream-tree.js";
import { formatIsoMicroseconds } from "../../core/time/ucalgary-timestamp.js";
import { inspectFile } from "../../formats/inspect.js";
import { encodePng } from "../../formats/png/encode.js";
import { openImager } from "../../imager/open-imager.js";
import { createColorizer } from "../../render/color/colorizer.js";
import { percentileBounds } from "../../render/color/percentile-bounds.js";
import { formatInspectReport } from "../format-inspect.js";
import type { CliIo } from "../io.js";

/** Ten minutes of the synthetic night at Gillam (local midnight is about 06:20 UT) spanning its substorm onset. */
const DEMO_START = "2014-03-10T05:48:00Z";
const DEMO_END = "2014-03-10T05:57:59Z";

export function registerDemo(program: Command, io: CliIo): void {
  program
    .command("demo")
    .description(
      "open the synthetic imager for ten minutes, stream its frames, write a quick-look PNG and the same frames as THEMIS files laid out like the upstream archives",
    )
    .option("--out <dir>", "where to write the files", "aurorakit-demo")
    .option("--site <code>", "synthetic site: gill, atha or tpas", "gill")
    .action(async (options: { out: string; site: string }) => {
      const outDir = resolve(options.out);
      mkdirSync(outDir, { recursive: true });
      // The synthetic array needs no network or cache: its frames are rendered on demand.
      const imager = await openImager("synthetic", options.site, {
        start: DEMO_START,
        end: DEMO_END,
      });
      io.stdout(`${imager.toString()}\n`);
      const { latitudeDeg, longitudeDeg, width, height, cadenceS } = imager.meta;
      io.stdout(
        `site ${latitudeDeg.toFixed(3)}°N ${longitudeDeg.toFixed(3)}°E, ${height}x${width} uint16 every ${cadenceS} s, skymap at ${imager.skymap.altitudeKm} km\n\n`,
      );

      let frames = 0;
      let brightest = { timeMs: 0, meanCounts: -1, image: new Uint16Array(0) };
      const minuteMeans = new Map<number, { sum: number; n: number }>();
      for await (const { timeMs, image } of imager.frames()) {
        frames++;
        let sum = 0;
        for (let i = 0; i < image.length; i++) sum += image[i] as number;
        const meanCounts = sum / image.length;
        const minute = Math.floor(timeMs / 60_000) * 60_000;
        const entry = minuteMeans.get(minute) ?? { sum: 0, n: 0 };
        minuteMeans.set(minute, { sum: entry.sum + meanCounts, n: entry.n + 1 });
        // Keep a copy: the frame buffer belongs to the iteration.
        if (meanCounts > brightest.meanCounts)
          brightest = { timeMs, meanCounts, image: Uint16Array.from(image) };
      }
      io.stdout("minute (UT)             frames  mean counts\n");
      for (const [minute, { sum, n }] of minuteMeans) {
        io.stdout(
          `${formatIsoMicroseconds(minute).slice(0, 16)}Z   ${String(n).padStart(6)}  ${(sum / n).toFixed(1).padStart(11)}\n`,
        );
      }

      const quicklook = brightest.image;
      const bounds = percentileBounds([quicklook], { lowerPercentile: 1, upperPercentile: 99.9 });
      const rgba = new Uint8ClampedArray(width * height * 4);
      createColorizer({ norm: "linear", ...bounds, colormap: "gray" }).apply(quicklook, rgba);
      const pngPath = join(outDir, `quicklook-synthetic-${options.site}.png`);
      writeFileSync(
        pngPath,
        encodePng(
          { dtype: "uint8", shape: [height, width, 4], data: new Uint8Array(rgba.buffer) },
          {
            text: {
              Source: "aurorakit synthetic imager (not real data)",
              Description: `${options.site} ${formatIsoMicroseconds(brightest.timeMs)}, north up, east left`,
            },
          },
        ),
      );

      // The same frames as real-format THEMIS files, laid out like the Berkeley and UCalgary trees.
      const upstreamDir = join(outDir, "upstream");
      const { files } = await writeSyntheticUpstream({
        dir: upstreamDir,
        siteCode: options.site,
        startMs: imager.startMs,
        endMs: imager.endMs,
      });
      const cdfPath = files.find((f) => f.endsWith(".cdf"));
      if (cdfPath !== undefined) io.stdout(`\n${formatInspectReport(await inspectFile(cdfPath))}`);
      io.stdout(
        `\n${frames} frames streamed; brightest at ${formatIsoMicroseconds(brightest.timeMs)} (mean ${brightest.meanCounts.toFixed(1)} counts)\n` +
          `wrote ${pngPath}\nwrote ${files.length} files under ${upstreamDir} (Berkeley L1 CDF, UCalgary stream0 PGM, skymap)\n`,
      );
    });
}
