/**
 * Regenerates src/geo/aacgm/aacgm-coefficients.ts from the AACGM-v2 coefficient files
 * aacgm_coeffs-14-YYYY.asc (aburrell/aacgmv2 @5f855791, aacgmv2/aacgm_coeffs/).
 * Usage: npx vite-node scripts/generate-aacgm-coefficients.ts -- [SOURCE_DIR] [OUT.ts]
 * SOURCE_DIR defaults to ../shared/fixtures/magnetic (relative to the repository root).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// Epochs shipped in the -14 set (IGRF-14 based), 5 years apart (aacgmlib_v2.c AACGM_v2_LoadCoefs).
const EPOCHS = [2000, 2005, 2010, 2015, 2020, 2025, 2030];
// (order 10 + 1)² harmonics × 3 coordinates × 5 altitude powers × 2 directions (aacgmlib_v2.h).
const VALUES_PER_EPOCH = 121 * 3 * 5 * 2;

const args = process.argv.slice(2).filter((a) => a !== "--");
const sourceDir = args[0] ?? join("..", "shared", "fixtures", "magnetic");
const outPath = args[1] ?? join("src", "geo", "aacgm", "aacgm-coefficients.ts");

function epochTokens(epoch: number): string[] {
  const path = join(sourceDir, `aacgm_coeffs-14-${epoch}.asc`);
  const tokens = readFileSync(path, "latin1").trim().split(/\s+/);
  if (tokens.length !== VALUES_PER_EPOCH) {
    throw new Error(`${path}: expected ${VALUES_PER_EPOCH} numbers, found ${tokens.length}`);
  }
  for (const [i, token] of tokens.entries()) {
    if (!Number.isFinite(Number(token))) throw new Error(`${path}: value ${i} is "${token}"`);
  }
  return tokens;
}

const lines: string[] = [
  "/**",
  " * AACGM-v2 spherical-harmonic coefficients, one set per 5-year epoch — generated, do not edit.",
  " * Regenerate with `npx vite-node scripts/generate-aacgm-coefficients.ts`.",
  " *",
  ` * Source: aacgm_coeffs-14-{${EPOCHS[0]}..${EPOCHS[EPOCHS.length - 1]}}.asc from aburrell/aacgmv2 @5f855791,`,
  ' * aacgmv2/aacgm_coeffs/ (MIT), the coefficient set of S. G. Shepherd, "Altitude-adjusted',
  ' * corrected geomagnetic coordinates: Definition and functional approximations", JGR Space',
  " * Physics 119 (2014), doi:10.1002/2014JA020264, fitted to IGRF-14 field-line traces.",
  " *",
  " * Each epoch holds the file's values (decimal literals parse to the same doubles), in file order:",
  " * value index = ((direction × 5 + altitudePower) × 3 + coordinate) × 121 + harmonic, with",
  " * direction 0 = geographic→AACGM, 1 = AACGM→geographic; altitudePower 0..4 of h/2000 km;",
  " * coordinate 0..2 = x, y, z; harmonic k = l(l+1) + m for l = 0..10, m = -l..l.",
  " */",
  "",
  "/** Epoch years available, ascending. */",
  `export const AACGM_COEFFICIENT_EPOCHS: readonly number[] = [${EPOCHS.join(", ")}];`,
  "",
  "/** Coefficients per epoch year, 3630 values each. */",
  "export const AACGM_COEFFICIENTS: Readonly<Record<number, readonly number[]>> = {",
];
for (const epoch of EPOCHS) {
  const tokens = epochTokens(epoch);
  lines.push(`  ${epoch}: [${tokens.join(", ")}],`);
}
lines.push("};", "");
writeFileSync(outPath, lines.join("\n"));
// Let the project's formatter lay the numbers out, so the committed file is what biome keeps.
execFileSync("npx", ["biome", "format", "--write", outPath], { stdio: "inherit" });
console.log(`${outPath}: ${EPOCHS.length} epochs × ${VALUES_PER_EPOCH} coefficients`);
