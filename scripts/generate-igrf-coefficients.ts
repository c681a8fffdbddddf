/**
 * Regenerates src/geo/igrf/igrf14-coefficients.ts from the IAGA IGRF-14 coefficient table
 * igrf14coeffs.txt (the fixture copy in AURORAKIT_FIXTURES/magnetic, default
 * ../shared/fixtures/magnetic, of the file published by IAGA Working Group V-MOD at
 * https://www.ncei.noaa.gov/products/international-geomagnetic-reference-field).
 * Usage: npx vite-node scripts/generate-igrf-coefficients.ts -- [SOURCE_FILE] [OUT.ts]
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2).filter((a) => a !== "--");
const fixtures = process.env.AURORAKIT_FIXTURES ?? join("..", "shared", "fixtures");
const sourcePath = args[0] ?? join(fixtures, "magnetic", "igrf14coeffs.txt");
const outPath = args[1] ?? join("src", "geo", "igrf", "igrf14-coefficients.ts");

// IGRF-14 table layout: epochs 1900.0..2025.0 every 5 years, then one secular-variation column
// (header line "g/h n m 1900.0 ... 2025.0 2025-30").
const FIRST_EPOCH = 1900;
const EPOCH_STEP = 5;
const EPOCH_COUNT = 26;
// Main-field models are to degree 10 before 2000.0 and to degree 13 from 2000.0 (table header);
// secular variation is to degree 8.
const DEGREE_BEFORE_2000 = 10;
const DEGREE_FROM_2000 = 13;
const SV_DEGREE = 8;

/** Index of (g|h, n, m) in the order g(1,0) g(1,1) h(1,1) g(2,0) g(2,1) h(2,1) … (the table's row order). */
function slot(kind: string, n: number, m: number): number {
  const before = (n - 1) * (n + 1); // n² − 1 coefficients of degrees below n
  if (m === 0) return before;
  return before + 2 * m - 1 + (kind === "h" ? 1 : 0);
}

const size = (degree: number): number => degree * (degree + 2);
const epochs: number[][] = [];
for (let e = 0; e < EPOCH_COUNT; e++) {
  const year = FIRST_EPOCH + EPOCH_STEP * e;
  epochs.push(new Array(size(year < 2000 ? DEGREE_BEFORE_2000 : DEGREE_FROM_2000)).fill(0));
}
const sv: number[] = new Array(size(SV_DEGREE)).fill(0);
const seen = new Set<number>();

for (const [lineIndex, line] of readFileSync(sourcePath, "latin1").split(/\r?\n/).entries()) {
  const tokens = line.trim().split(/\s+/);
  if (tokens[0] !== "g" && tokens[0] !== "h") continue;
  const kind = tokens[0];
  const n = Number(tokens[1]);
  const m = Number(tokens[2]);
  const values = tokens.slice(3).map(Number);
  if (values.length !== EPOCH_COUNT + 1 || !values.every(Number.isFinite)) {
    throw new Error(`${sourcePath}:${lineIndex + 1}: expected ${EPOCH_COUNT + 1} numbers`);
  }
  const k = slot(kind, n, m);
  seen.add(k);
  for (let e = 0; e < EPOCH_COUNT; e++) {
    const target = epochs[e] as number[];
    const value = values[e] as number;
    if (k < target.length) target[k] = value;
    else if (value !== 0) throw new Error(`${sourcePath}:${lineIndex + 1}: nonzero beyond degree`);
  }
  const rate = values[EPOCH_COUNT] as number;
  if (k < sv.length) sv[k] = rate;
  else if (rate !== 0) throw new Error(`${sourcePath}:${lineIndex + 1}: SV beyond degree 8`);
}
if (seen.size !== size(DEGREE_FROM_2000)) {
  throw new Error(`${sourcePath}: found ${seen.size} coefficients, expected ${size(13)}`);
}

const row = (values: number[]): string => `  [${values.join(", ")}],`;
const text = [
  "/**",
  " * IGRF-14 Gauss coefficients (nT) and secular variation (nT/yr) — generated, do not edit.",
  " * Regenerate with `npx vite-node scripts/generate-igrf-coefficients.ts`.",
  " *",
  " * Source: International Geomagnetic Reference Field, 14th generation (IAGA Division V",
  " * Working Group V-MOD, 2024), file igrf14coeffs.txt as published by IAGA/NOAA NCEI, read from",
  " * the project's fixture copy ../shared/fixtures/magnetic/igrf14coeffs.txt.",
  " *",
  " * Order within each array: g(1,0) g(1,1) h(1,1) g(2,0) g(2,1) h(2,1) g(2,2) h(2,2) … i.e. for",
  " * degree n the n² − 1 earlier values come first, then g(n,0), then g(n,m) h(n,m) for m = 1..n.",
  " */",
  "",
  `/** Year of the first epoch; epochs follow every ${EPOCH_STEP} years. */`,
  `export const IGRF14_FIRST_EPOCH_YEAR = ${FIRST_EPOCH};`,
  `export const IGRF14_EPOCH_STEP_YEARS = ${EPOCH_STEP};`,
  "",
  `/** Main field per epoch ${FIRST_EPOCH}..${FIRST_EPOCH + EPOCH_STEP * (EPOCH_COUNT - 1)}: degree 10 before 2000, degree 13 from 2000 (nT). */`,
  "export const IGRF14_EPOCHS: readonly (readonly number[])[] = [",
  ...epochs.map(row),
  "];",
  "",
  "/** Secular variation 2025–2030 to degree 8 (nT/yr), same order. */",
  `export const IGRF14_SECULAR_VARIATION: readonly number[] = [${sv.join(", ")}];`,
  "",
].join("\n");
writeFileSync(outPath, text);
// Lay the arrays out as the repository formatter does, so regenerating leaves no diff.
execFileSync(join("node_modules", ".bin", "biome"), ["format", "--write", outPath], {
  stdio: "inherit",
});
console.log(`wrote ${outPath}`);
