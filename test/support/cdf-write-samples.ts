/**
 * A CDF that exercises every data type the writer supports, with deterministic pseudo-random
 * values (including each type's extremes), ISTP attributes, a non-record-varying variable, an
 * empty variable and variables split over many blocks. Shared by the independent-reader (jcdf)
 * test and the round-trip test through our own reader.
 */
import type {
  CdfAttributeEntry,
  CdfCompressionSpec,
  CdfTypeName,
  CdfValues,
  CdfZVariableSpec,
} from "../../src/formats/cdf/write/index.js";
import {
  CdfWriter,
  istpGlobalAttributes,
  istpVariableAttributes,
} from "../../src/formats/cdf/write/index.js";

export interface SampleVariable {
  spec: CdfZVariableSpec & { dataType: CdfTypeName };
  /** All records' values, row-major; strings for CHAR/UCHAR. */
  values: CdfValues;
  recordCount: number;
}

export interface SampleOptions {
  encoding: "ibmpc" | "network";
  /** "gzip" is GZIP level 6; a spec names any method. */
  compression: "gzip" | CdfCompressionSpec;
}

/** POSIX ms of J2000 (2000-01-01T11:58:55.816Z, the TT2000 origin in UTC; CDF UG 3.9, 2.5.7). */
export const J2000_UNIX_MS = 946_727_935_816n;
/** Leap seconds inserted between 2000 and 2017-01-01 (IERS Bulletin C: 2005, 2008, 2012, 2015, 2016). */
export const LEAP_SECONDS_2000_TO_2017 = 5n;

/** Mulberry32: a small deterministic generator so every run writes the same bytes. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fill<T>(count: number, make: (i: number) => T, extremes: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(i < extremes.length ? extremes[i]! : make(i));
  return out;
}

/** TT2000 of a UTC instant after 2017-01-01 given as POSIX ms plus extra nanoseconds. */
export function tt2000After2017(unixMs: number, extraNs: number): bigint {
  return (
    (BigInt(unixMs) - J2000_UNIX_MS) * 1_000_000n +
    LEAP_SECONDS_2000_TO_2017 * 1_000_000_000n +
    BigInt(extraNs)
  );
}

export function sampleVariables(compression: SampleOptions["compression"]): SampleVariable[] {
  const r = random(20110106);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const gzip: CdfCompressionSpec =
    compression === "gzip" ? { type: "gzip", level: 6 } : compression;
  const out: SampleVariable[] = [];
  const add = (
    dataType: CdfTypeName,
    dims: number[],
    recordCount: number,
    values: CdfValues,
    extra: Partial<Omit<CdfZVariableSpec, "name" | "dataType">> = {},
  ) => {
    const name = `v_${dataType.toLowerCase()}`;
    out.push({
      spec: { name, dataType, dims, compression: gzip, ...extra },
      values,
      recordCount,
    });
  };
  const n = (dims: number[], records: number) => dims.reduce((a, b) => a * b, 1) * records;
  add("INT1", [3], 37, new Int8Array(fill(n([3], 37), () => int(-128, 127), [-128, 127, 0])), {
    recordsPerBlock: 2,
  });
  add(
    "INT2",
    [2, 3],
    11,
    new Int16Array(fill(n([2, 3], 11), () => int(-32768, 32767), [-32768, 32767])),
  );
  add(
    "INT4",
    [],
    29,
    new Int32Array(fill(29, () => int(-2147483648, 2147483647), [-2147483648, 2147483647])),
    {
      recordsPerBlock: 3,
    },
  );
  add(
    "INT8",
    [2],
    9,
    new BigInt64Array(
      fill(18, () => BigInt(int(-1e15, 1e15)) * 7919n, [-(2n ** 63n), 2n ** 63n - 1n]),
    ),
  );
  add("UINT1", [4], 10, new Uint8Array(fill(40, () => int(0, 255), [0, 255])));
  add("UINT2", [4, 5], 40, new Uint16Array(fill(800, () => int(0, 65535), [0, 65535])), {
    recordsPerBlock: 2,
    padValue: 65534,
  });
  add("UINT4", [], 12, new Uint32Array(fill(12, () => int(0, 4294967295), [0, 4294967295])));
  add(
    "REAL4",
    [2],
    13,
    new Float32Array(
      fill(26, () => (r() - 0.5) * 1e6, [
        3.4028234663852886e38,
        -1.401298464324817e-45,
        -0,
        Number.NaN,
        Number.POSITIVE_INFINITY,
      ]),
    ),
  );
  add("FLOAT", [], 7, new Float32Array(fill(7, () => r() * 1e-20, [1.17549435e-38])));
  add(
    "REAL8",
    [3],
    15,
    new Float64Array(
      fill(45, () => (r() - 0.5) * 1e300, [
        Number.MAX_VALUE,
        Number.MIN_VALUE,
        -0,
        Number.NaN,
        Number.NEGATIVE_INFINITY,
        0.1,
      ]),
    ),
    {
      recordsPerBlock: 4,
    },
  );
  add("DOUBLE", [], 5, new Float64Array(fill(5, () => r() * 1e9, [1294333200.98172])));
  add("BYTE", [2], 6, new Int8Array(fill(12, () => int(-128, 127), [-128, 127])));
  // Whole milliseconds between 2000 and 2030 (62167219200000 = 1970-01-01 in CDF_EPOCH).
  add(
    "EPOCH",
    [],
    23,
    new Float64Array(
      fill(
        23,
        () => 62167219200000 + int(946684800, 1893456000) * 1000 + int(0, 999),
        [63461552400053],
      ),
    ),
  );
  const epoch16: number[] = [];
  for (let i = 0; i < 6; i++)
    epoch16.push(62167219200 + int(946684800, 1893456000), int(0, 999_999_999_999));
  add("EPOCH16", [], 6, new Float64Array(epoch16));
  add(
    "TIME_TT2000",
    [],
    21,
    new BigInt64Array(
      fill(
        21,
        () => tt2000After2017(int(1483228800, 1893456000) * 1000 + int(0, 999), int(0, 999_999)),
        [0n],
      ),
    ),
    {
      recordsPerBlock: 5,
    },
  );
  const letters = (length: number) =>
    Array.from({ length }, () => String.fromCharCode(int(97, 122))).join("");
  add(
    "CHAR",
    [2],
    8,
    fill(16, () => letters(int(1, 6)), ["", "abcdef"]),
    { numElems: 6 },
  );
  add(
    "UCHAR",
    [],
    4,
    fill(4, () => letters(int(1, 3)), []),
    { numElems: 3, recordVarying: true },
  );
  out.push({
    spec: { name: "v_nrv", dataType: "UINT2", dims: [5], recordVarying: false, compression: gzip },
    values: new Uint16Array([0, 1, 2, 3, 255]),
    recordCount: 1,
  });
  out.push({
    spec: { name: "v_empty", dataType: "REAL8", dims: [], compression: gzip },
    values: new Float64Array(0),
    recordCount: 0,
  });
  return out;
}

/** Global attribute entries of every kind (strings, several numeric types, several entries). */
export const SAMPLE_GLOBALS: Readonly<Record<string, readonly CdfAttributeEntry[]>> = {
  ...istpGlobalAttributes({
    project: "THEMIS",
    sourceName: "THG_L1>THEMIS Ground Based Observatory",
    discipline: ["Space Physics>Magnetospheric Science", "Space Physics>Ionospheric Science"],
    dataType: "ASF>All Sky Imager",
    descriptor: "GAKO>Gakona Alaska",
    dataVersion: "1",
    logicalSource: "thg_l1_asf_gako",
    logicalFileId: "thg_l1_asf_gako_2011010617_v01",
    logicalSourceDescription: "synthetic writer test",
    piName: "nobody",
    piAffiliation: "aurorakit tests",
    instrumentType: "Ground-Based Imagers",
    missionGroup: "THEMIS",
    text: ["line one", "line two"],
    generatedBy: "aurorakit",
    generationDate: "2026-11-22",
  }),
  Numbers: [
    { dataType: "INT4", value: [1, -2, 2147483647] },
    { dataType: "REAL4", value: [0.5] },
    2.25,
    { dataType: "UINT1", value: [255] },
    { dataType: "INT8", value: [-(2n ** 63n)] },
  ],
};

/** Writes the sample variables (with ISTP attributes) and globals into `writer`. */
export function writeSample(writer: CdfWriter, variables: readonly SampleVariable[]): void {
  writer.addGlobalAttributes(SAMPLE_GLOBALS);
  for (const sample of variables) {
    const v = writer.addZVariable(sample.spec);
    const numeric =
      sample.spec.dataType !== "CHAR" &&
      sample.spec.dataType !== "UCHAR" &&
      sample.spec.dataType !== "EPOCH16";
    const attributes = istpVariableAttributes({
      dataType: sample.spec.dataType,
      varType: "data",
      fieldName: sample.spec.name,
      catDesc: `sample ${sample.spec.dataType}`,
      units: "counts",
      ...(numeric && sample.spec.dataType !== "TIME_TT2000" && sample.spec.dataType !== "EPOCH"
        ? { validMin: 0, validMax: 100 }
        : {}),
      depend0: "v_epoch",
      displayType: "time_series",
      format: "I5",
    });
    for (const [name, entry] of Object.entries(attributes)) v.setAttribute(name, entry);
    if (sample.recordCount > 0) v.appendRecords(sample.values);
  }
}

export function writeSampleBytes(options: SampleOptions): {
  bytes: Uint8Array;
  variables: SampleVariable[];
} {
  const writer = new CdfWriter({ encoding: options.encoding });
  const variables = sampleVariables(options.compression);
  writeSample(writer, variables);
  return { bytes: writer.toBytes(), variables };
}
