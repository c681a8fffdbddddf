/**
 * Builds an hour-long THEMIS ASI level-1 CDF (`thg_l1_asf_gako_2011010617_v01`-style: same
 * variables, types, attributes, GZIP level 6, 7 frames per compressed block, NETWORK encoding,
 * like the real file) from the 23 real frames of the fixture, cycling them with timestamps 3 s
 * apart. Used by tests and benchmarks that need a realistic large file without committing one.
 */
import { statSync } from "node:fs";
import { fileSource } from "../../src/core/byte-source.js";
import type { CdfAttributeEntry as ReadEntry } from "../../src/formats/cdf/attributes.js";
import { openCdf } from "../../src/formats/cdf/cdf-file.js";
import type {
  CdfAttributeEntry,
  CdfTypeName,
  CdfValues,
} from "../../src/formats/cdf/write/index.js";
import { CdfWriter } from "../../src/formats/cdf/write/index.js";
import { fixture } from "./fixtures.js";

export const THEMIS_HOUR_SOURCE = fixture("themis", "thg_l1_asf_gako_2011010617_v01.cdf");

/** Frames per CVVR block in the real file (its zVDR blocking factor and VXR entries). */
const REAL_FRAMES_PER_BLOCK = 7;
/** THEMIS ASI cadence (Logical_source_description: "3sec Level-1"). */
const CADENCE_S = 3;
/** GZIP level of the real file's CPRs. */
const REAL_GZIP_LEVEL = 6;

export interface ThemisHourOptions {
  outPath: string;
  /** Frames to write; 1200 is one hour at 3 s. */
  frames?: number;
  /** The real 23-frame file to cycle (default: the fixture). */
  sourcePath?: string;
}

export interface ThemisHourResult {
  path: string;
  frames: number;
  fileBytes: number;
}

function writerEntry(entry: ReadEntry, where: string): CdfAttributeEntry {
  const dataType = entry.dataType.name.replace(/^CDF_/, "") as CdfTypeName;
  if (Array.isArray(entry.value)) throw new Error(`${where}: multi-string entries are not copied`);
  return { dataType, value: entry.value as string | CdfValues };
}

const name = (station: string, suffix: string) => `thg_asf_${station}${suffix}`;

export function generateThemisHour(options: ThemisHourOptions): ThemisHourResult {
  const frames = options.frames ?? 1200;
  const source = openCdf(fileSource(options.sourcePath ?? THEMIS_HOUR_SOURCE, "CDF"));
  try {
    const station = "gako";
    const images = source.readVariable(name(station, "")).data as Uint16Array;
    const times = source.readVariable(name(station, "_time")).data as Float64Array;
    const tends = source.readVariable(name(station, "_tend")).data as Float64Array;
    const epochs = source.readVariable(name(station, "_epoch")).data as Float64Array;
    const sourceFrames = times.length;
    const pixels = images.length / sourceFrames;

    const writer = CdfWriter.create(options.outPath, { encoding: "network" });
    // Every attribute in the real file's order (so attribute numbers match), empty ones too.
    for (const attribute of source.attributes) {
      if (attribute.scope === "variable") writer.addVariableAttribute(attribute.name);
      else {
        const entries = attribute.grEntries.map((e, i) =>
          writerEntry(e, `${attribute.name}[${i}]`),
        );
        writer.addGlobalAttribute(attribute.name, entries);
      }
    }
    const declare = (varName: string, compressed: boolean, recordsPerBlock?: number) => {
      const info = source.variable(varName);
      const attributes: Record<string, CdfAttributeEntry> = {};
      for (const [attr, entry] of Object.entries(info.attributes)) {
        attributes[attr] = writerEntry(entry, `${varName}.${attr}`);
      }
      return writer.addZVariable({
        name: varName,
        dataType: info.dataType.name.replace(/^CDF_/, "") as CdfTypeName,
        dims: info.dims,
        recordVarying: info.recordVarying,
        compression: compressed ? { type: "gzip", level: REAL_GZIP_LEVEL } : "none",
        ...(recordsPerBlock === undefined ? {} : { recordsPerBlock }),
        // The real file states a pad value for every variable.
        padValue: typeof info.padValue === "object" ? [...info.padValue] : info.padValue,
        attributes,
      });
    };
    // Variable order, compression and blocking as in the real file.
    const image = declare(name(station, ""), true, REAL_FRAMES_PER_BLOCK);
    declare(name(station, "_column"), false).appendRecords(
      source.readVariable(name(station, "_column")).data as Uint16Array,
    );
    declare(name(station, "_row"), false).appendRecords(
      source.readVariable(name(station, "_row")).data as Uint16Array,
    );
    const time = declare(name(station, "_time"), true, frames);
    const tend = declare(name(station, "_tend"), true, frames);
    const epoch = declare(name(station, "_epoch"), false);
    declare(name(station, "_epoch0"), false).appendRecords(
      source.readVariable(name(station, "_epoch0")).data as Float64Array,
    );
    const range = declare("range_epoch", false);

    const timeOut = new Float64Array(frames);
    const tendOut = new Float64Array(frames);
    const epochOut = new Float64Array(frames);
    for (let i = 0; i < frames; i++) {
      const k = i % sourceFrames;
      // Whole cycles of the source frames shift every time by the same number of seconds.
      const shiftS = (i - k) * CADENCE_S;
      image.appendRecords(images.subarray(k * pixels, (k + 1) * pixels));
      timeOut[i] = times[k]! + shiftS;
      tendOut[i] = tends[k]! + shiftS;
      epochOut[i] = epochs[k]! + shiftS * 1000;
    }
    time.appendRecords(timeOut);
    tend.appendRecords(tendOut);
    epoch.appendRecords(epochOut);
    range.appendRecords(new Float64Array([epochOut[0]!, epochOut[frames - 1]!]));
    writer.close();
    return { path: options.outPath, frames, fileBytes: statSync(options.outPath).size };
  } finally {
    source.close();
  }
}
