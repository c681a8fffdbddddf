import { readFileSync } from "node:fs";
import { fixture } from "../../../support/fixtures.js";

const MARKER = "@@non-finite:";
const SPECIAL = /([:[,]\s*)(-?)(NaN|Infinity)(?=\s*[,\]}])/g;

/**
 * Reads a cdflib `*.oracle.json`. Python's json module writes NaN and Infinity as bare tokens
 * (FILLVAL of REAL8 variables), which JSON.parse rejects: they are quoted, then revived.
 */
export function readCdfOracle<T>(...parts: string[]): T {
  const text = readFileSync(`${fixture(...parts)}.oracle.json`, "utf8").replace(
    SPECIAL,
    '$1"@@non-finite:$2$3"',
  );
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value !== "string" || !value.startsWith(MARKER)) return value;
    return Number(value.slice(MARKER.length));
  }) as T;
}
