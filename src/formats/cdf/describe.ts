import type { ByteSource } from "../../core/byte-source.js";
import type { AnyNDArray } from "../../core/ndarray.js";
import type { AttributeValue, DescribedArray, FileDescription } from "../description.js";
import type { CdfAttributeEntry } from "./attributes.js";
import { openCdf } from "./cdf-file.js";
import { CdfDataType } from "./constants.js";
import { epochValuesToUnixMs } from "./epoch-arrays.js";
import type { CdfPadValue, CdfVariableInfo } from "./types.js";

const TIME_TYPE_CODES: ReadonlySet<number> = new Set([
  CdfDataType.CDF_EPOCH,
  CdfDataType.CDF_EPOCH16,
  CdfDataType.CDF_TIME_TT2000,
]);

/** First and last valid instant of a time variable as ISO 8601 UTC (fill values skipped). */
function timeRange(array: AnyNDArray, typeCode: number): AttributeValue {
  const timesMs = epochValuesToUnixMs(array, typeCode).filter((t) => Number.isFinite(t));
  const first = timesMs[0];
  const last = timesMs[timesMs.length - 1];
  if (first === undefined || last === undefined) return null;
  return { first: new Date(first).toISOString(), last: new Date(last).toISOString() };
}

function scalar(value: number | bigint): AttributeValue {
  return typeof value === "bigint" ? value.toString() : value;
}

/**
 * An attribute entry as JSON: text as is; a single number as a number, several as a list, as
 * cdflib reports them; int64/TT2000 as decimal strings; EPOCH16 as [seconds, picoseconds] pairs.
 */
export function attributeEntryValue(entry: CdfAttributeEntry): AttributeValue {
  const { value } = entry;
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value as readonly string[];
  const numbers = value as ArrayLike<number | bigint>;
  const items: AttributeValue[] = [];
  if (entry.dataType.name === "CDF_EPOCH16") {
    for (let i = 0; i + 1 < numbers.length; i += 2)
      items.push([scalar(numbers[i] ?? 0), scalar(numbers[i + 1] ?? 0)]);
  } else {
    for (let i = 0; i < numbers.length; i++) items.push(scalar(numbers[i] ?? 0));
  }
  return items.length === 1 ? (items[0] ?? null) : items;
}

function padJson(value: CdfPadValue): AttributeValue {
  if (typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "bigint") return value.toString();
  return [value[0], value[1]];
}

function details(v: CdfVariableInfo): Record<string, AttributeValue> {
  return {
    cdfType: v.dataType.name,
    cdfTypeCode: v.dataType.code,
    kind: v.kind,
    number: v.number,
    numElements: v.numElements,
    dims: v.dims,
    dimVarys: v.dimVarys,
    recordVarying: v.recordVarying,
    records: v.recordCount,
    compression: v.compression === null ? "none" : v.compression.type,
    compressionLevel: v.compression === null ? 0 : v.compression.level,
    padValue: padJson(v.padValue),
    sparseRecords: v.sparseRecords,
    blockingFactor: v.blockingFactor,
  };
}

/**
 * Everything `inspect` shows of a CDF: one array per variable (path = variable name) with its
 * variable attributes, and the global attributes (each a list of its gEntries) plus the file's
 * `cdf.version`, `cdf.majority`, `cdf.encoding` (name), `cdf.encodingCode` and, when whole-file compressed, `cdf.compression`.
 */
export function describeCdf(source: ByteSource): FileDescription {
  const cdf = openCdf(source);
  const arrays: DescribedArray[] = cdf.variables.map((v) => {
    const attributes: Record<string, AttributeValue> = {};
    for (const [name, entry] of Object.entries(v.attributes))
      attributes[name] = attributeEntryValue(entry);
    const array = cdf.readVariable(v.name);
    const facts = details(v);
    if (TIME_TYPE_CODES.has(v.dataType.code)) facts.timeRange = timeRange(array, v.dataType.code);
    return { path: v.name, array, attributes, details: facts };
  });
  const attributes: Record<string, AttributeValue> = {};
  for (const [name, entries] of Object.entries(cdf.globalAttributes)) {
    attributes[name] = entries.map(attributeEntryValue);
  }
  attributes["cdf.version"] = cdf.version;
  attributes["cdf.majority"] = cdf.majority;
  attributes["cdf.encoding"] = cdf.encoding.name;
  attributes["cdf.encodingCode"] = cdf.encoding.code;
  if (cdf.compressed !== null) attributes["cdf.compression"] = cdf.compressed.type;
  return { format: "cdf", arrays, attributes };
}
