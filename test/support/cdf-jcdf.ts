/**
 * Runs jcdf (Mark Taylor's independent pure-Java CDF reader, Debian package libjcdf-java) on a
 * file and parses its `CdfList -data` text listing, so tests can compare our CDF writer's
 * output with an implementation that shares no code with ours.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const jcdfJar = process.env.JCDF_JAR ?? "/usr/share/java/jcdf.jar";

function javaWorks(): boolean {
  const run = spawnSync("java", ["-version"], { encoding: "utf8" });
  return run.status === 0;
}

/** Why jcdf cannot run here, or undefined when it can. */
export const jcdfMissingReason: string | undefined = !existsSync(jcdfJar)
  ? `jcdf jar not found at ${jcdfJar} (install libjcdf-java or set JCDF_JAR)`
  : !javaWorks()
    ? "`java` is not on PATH (install a JRE, e.g. default-jre-headless)"
    : undefined;

export interface JcdfVariable {
  num: number;
  name: string;
  /** Type name as jcdf prints it, e.g. "UINT2", "TIME_TT2000". */
  type: string;
  dims: number[];
  recordVarying: boolean;
  attributes: Map<string, string>;
  /** One array of value texts per record, in record order. */
  records: string[][];
  /**
   * Records jcdf lists in brackets: not stored in the file (sparse gaps, or past the last
   * record written), shown with the value jcdf substitutes.
   */
  virtualRecords: Set<number>;
}

export interface JcdfListing {
  /** Entry texts of each global attribute, in entry order. */
  globalAttributes: Map<string, string[]>;
  variables: Map<string, JcdfVariable>;
}

function runJcdf(tool: "CdfList" | "CdfDump", args: string[]): string {
  const run = spawnSync("java", ["-cp", jcdfJar, `uk.ac.bristol.star.cdf.util.${tool}`, ...args], {
    encoding: "latin1",
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0) {
    throw new Error(`jcdf ${tool} failed (status ${run.status}): ${run.stderr}`);
  }
  return run.stdout;
}

/**
 * Warnings jcdf's CdfDump prints while walking every record (a field read past or short of its
 * RecordSize, a reserved field with an unexpected value): none for a well-formed file.
 */
export function jcdfDumpWarnings(path: string): string[] {
  const run = spawnSync("java", ["-cp", jcdfJar, "uk.ac.bristol.star.cdf.util.CdfDump", path], {
    encoding: "latin1",
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0)
    throw new Error(`jcdf CdfDump failed (status ${run.status}): ${run.stderr}`);
  return run.stderr.split("\n").filter((line) => line.includes("WARNING"));
}

/** Internal record type names in file order, as jcdf's CdfDump walks them. */
export function jcdfRecordTypes(path: string): string[] {
  return runJcdf("CdfDump", [path])
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => line.split("\t")[1] ?? "");
}

const VARIABLE_HEADER =
  /^Variable (\d+): (.+?) {2}--- {2}(\w+) \(([zr])\) \d+:\[([\d,]*)\] ([TF])\//;
/** Not a record line: jcdf indents record numbers too ("    0:" once there are 1000+ records). */
const VARIABLE_ATTRIBUTE = /^ {4}([^\s:\d][^\s:]*):\t(.*)$/;
const RECORD_LINE = /^([[{]?) *(\d+):\t(.*?)(?: [\]}])?$/;

/** Parses `CdfList` output; with `data: false` records are not listed (large files). */
export function jcdfList(path: string, options: { data?: boolean } = {}): JcdfListing {
  const args = options.data === false ? [path] : ["-data", path];
  const lines = runJcdf("CdfList", args).split("\n");
  const globalAttributes = new Map<string, string[]>();
  const variables = new Map<string, JcdfVariable>();
  let current: JcdfVariable | undefined;
  let currentGlobal: string[] | undefined;
  for (const line of lines) {
    const header = VARIABLE_HEADER.exec(line);
    if (header !== null) {
      current = {
        num: Number(header[1]),
        name: header[2]!,
        type: header[3]!,
        dims: header[5] === "" ? [] : header[5]!.split(",").map(Number),
        recordVarying: header[6] === "T",
        attributes: new Map(),
        records: [],
        virtualRecords: new Set(),
      };
      variables.set(current.name, current);
      continue;
    }
    if (current === undefined) {
      if (line.startsWith("        ")) currentGlobal?.push(line.slice(8));
      else if (line.startsWith("    ")) {
        currentGlobal = [];
        globalAttributes.set(line.slice(4), currentGlobal);
      }
      continue;
    }
    const attribute = VARIABLE_ATTRIBUTE.exec(line);
    if (attribute !== null) {
      current.attributes.set(attribute[1]!, attribute[2]!);
      continue;
    }
    const record = RECORD_LINE.exec(line);
    if (record !== null) {
      const index = Number(record[2]);
      current.records[index] = record[3]!.split(", ");
      if (record[1] === "[") current.virtualRecords.add(index);
    }
  }
  return { globalAttributes, variables };
}

export interface JcdfDumpRecord {
  /** Record type name, e.g. "VXR", "zVDR". */
  type: string;
  offset: number;
  /** Field name -> value text as `CdfDump -fields` prints it. */
  fields: Map<string, string>;
}

const DUMP_RECORD = /^\d+:\t(\w+)\t-?\d+\t\d+\t0x([0-9a-f]+)$/;
const DUMP_FIELD = /^ {4}(\w+):\s+(.*)$/;

/** Every internal record with its fields, as jcdf's `CdfDump -fields` walks the file. */
export function jcdfDumpRecords(path: string): JcdfDumpRecord[] {
  const out: JcdfDumpRecord[] = [];
  for (const line of runJcdf("CdfDump", ["-fields", path]).split("\n")) {
    const record = DUMP_RECORD.exec(line);
    if (record !== null) {
      out.push({ type: record[1]!, offset: Number.parseInt(record[2]!, 16), fields: new Map() });
      continue;
    }
    const field = DUMP_FIELD.exec(line);
    if (field !== null) out[out.length - 1]?.fields.set(field[1]!, field[2]!);
  }
  return out;
}

/** A dumped field holding a list of integers ("0, 3, 6" or "0x140, 0x17d"). */
export function dumpNumbers(record: JcdfDumpRecord, field: string): number[] {
  const text = record.fields.get(field);
  if (text === undefined) throw new Error(`${record.type} at ${record.offset} has no ${field}`);
  return text.split(", ").map((t) => Number(t));
}
