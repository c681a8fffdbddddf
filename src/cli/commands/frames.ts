import type { Command } from "commander";
import { formatIsoMicroseconds } from "../../core/time/ucalgary-timestamp.js";
import { sha256LittleEndian } from "../../formats/summary.js";
import { openImager } from "../../imager/open-imager.js";
import { type AccessFlags, accessOptions, addAccessOptions } from "../access-options.js";
import type { CliIo } from "../io.js";
import { addRangeOptions } from "../range-options.js";

interface FramesFlags extends AccessFlags {
  readonly start: string;
  readonly end: string;
  readonly source?: string;
  readonly json?: boolean;
  readonly missingOk: boolean;
}

interface FrameLine {
  readonly time: string;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly sha256: string;
}

function summarizeFrame(timeMs: number, image: Uint16Array | Uint8Array): FrameLine {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (let i = 0; i < image.length; i++) {
    const v = image[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  return {
    time: formatIsoMicroseconds(timeMs),
    min,
    max,
    mean: sum / image.length,
    // The decoded values as little-endian bytes, row-major, in aurorakit orientation.
    sha256: sha256LittleEndian(image),
  };
}

export function registerFrames(program: Command, io: CliIo): void {
  const command = program
    .command("frames")
    .description(
      "decode an imager's frames over a range and print per-frame time, min/max/mean and SHA-256 (no skymap needed)",
    )
    .argument("<array>", "themis, rego, trex-nir, trex-blue")
    .argument("<site>", "site code, e.g. gill")
    .option("--source <name>", "berkeley or ucalgary (default: the array's first)")
    .option("--no-missing-ok", "fail when a file inside the range is missing")
    .option("--json", "print one JSON document");
  addAccessOptions(addRangeOptions(command)).action(
    async (arrayId: string, site: string, flags: FramesFlags) => {
      const imager = await openImager(
        arrayId,
        site,
        { start: flags.start, end: flags.end },
        {
          ...accessOptions(flags, io),
          ...(flags.source === undefined ? {} : { source: flags.source }),
          skymap: false,
          missingOk: flags.missingOk,
        },
      );
      const lines: FrameLine[] = [];
      for await (const frame of imager.frames()) {
        const line = summarizeFrame(frame.timeMs, frame.image);
        if (flags.json === true) lines.push(line);
        else
          io.stdout(
            `${line.time}  min ${line.min}  max ${line.max}  mean ${line.mean.toFixed(2)}  sha256 ${line.sha256}\n`,
          );
      }
      if (flags.json === true) {
        const { array, site: code, source, width, height, channels, dtype, cadenceS } = imager.meta;
        io.stdout(
          `${JSON.stringify({ array, site: code, source, width, height, channels, dtype, cadenceS, frames: lines }, null, 1)}\n`,
        );
      }
    },
  );
}
