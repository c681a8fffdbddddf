/**
 * Canonical texts of CDF values so that jcdf's listing (Java number and date formatting) and
 * the values our tests wrote can be compared exactly: numbers are parsed back to the exact
 * stored value, times are rendered as jcdf renders them.
 */

import { CDF_EPOCH_OF_UNIX_EPOCH_MS } from "../../src/core/time/cdf-epochs.js";
import type { CdfTypeName, CdfValues } from "../../src/formats/cdf/write/index.js";
import { J2000_UNIX_MS, LEAP_SECONDS_2000_TO_2017, tt2000After2017 } from "./cdf-write-samples.js";

const INTEGER_TYPES = new Set<CdfTypeName>([
  "INT1",
  "INT2",
  "INT4",
  "INT8",
  "UINT1",
  "UINT2",
  "UINT4",
  "BYTE",
]);
const FLOAT32_TYPES = new Set<CdfTypeName>(["REAL4", "FLOAT"]);
const FLOAT64_TYPES = new Set<CdfTypeName>(["REAL8", "DOUBLE"]);

/** String(x) that keeps the sign of zero, so -0 and 0 stay distinct. */
function numberKey(x: number): string {
  return Object.is(x, -0) ? "-0" : String(x);
}

/** Key of one value as jcdf printed it. */
export function jcdfTextKey(type: CdfTypeName, text: string): string {
  if (INTEGER_TYPES.has(type)) return BigInt(text).toString();
  // Java's Float/Double.toString round-trip: parsing gives back the exact stored value.
  if (FLOAT32_TYPES.has(type)) return numberKey(Math.fround(Number(text)));
  if (FLOAT64_TYPES.has(type)) return numberKey(Number(text));
  if (type === "CHAR" || type === "UCHAR") return text.replace(/\0+$/, "");
  return text;
}

/** ISO text to the millisecond without the zone, as jcdf prints CDF_EPOCH. */
function isoMs(unixMs: number): string {
  return new Date(unixMs).toISOString().slice(0, 23);
}

/** Keys of the values we wrote, one per element (EPOCH16 pairs give one key). */
export function expectedKeys(type: CdfTypeName, values: CdfValues): string[] {
  const out: string[] = [];
  if (type === "EPOCH16") {
    const v = values as Float64Array;
    for (let i = 0; i < v.length; i += 2) {
      const seconds = v[i]!;
      const picoseconds = v[i + 1]!;
      const whole = new Date(seconds * 1000 - CDF_EPOCH_OF_UNIX_EPOCH_MS)
        .toISOString()
        .slice(0, 19);
      out.push(`${whole}.${String(picoseconds).padStart(12, "0")}`);
    }
    return out;
  }
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (typeof value === "string") out.push(value);
    else if (type === "EPOCH") out.push(isoMs((value as number) - CDF_EPOCH_OF_UNIX_EPOCH_MS));
    else if (type === "TIME_TT2000") out.push(tt2000Text(value as bigint));
    else if (typeof value === "bigint") out.push(value.toString());
    else if (FLOAT32_TYPES.has(type)) out.push(numberKey(Math.fround(value)));
    else out.push(numberKey(value));
  }
  return out;
}

/**
 * UTC text of a TT2000 value to the nanosecond. Valid for J2000 itself and for instants after
 * 2017-01-01, the only ones the samples use (no leap second table needed in between).
 */
function tt2000Text(tt: bigint): string {
  const after2017 = tt >= tt2000After2017(Date.UTC(2017, 0, 1), 0);
  if (!after2017 && tt !== 0n) throw new Error(`sample TT2000 ${tt} is between 2000 and 2017`);
  const leapNs = after2017 ? LEAP_SECONDS_2000_TO_2017 * 1_000_000_000n : 0n;
  const unixNs = tt - leapNs + J2000_UNIX_MS * 1_000_000n;
  const ms = unixNs / 1_000_000n;
  const ns = unixNs % 1_000_000n;
  return `${isoMs(Number(ms))}${ns.toString().padStart(6, "0")}`;
}
