import type { Comparison } from "./measure.js";

/** One line of the benchmark table. */
export interface BenchRow {
  readonly name: string;
  /** What the subject achieved, with its unit (e.g. "412.3 MB/s of pixels"). */
  readonly subject: string;
  /** What the baseline achieved on the same bytes in the same run. */
  readonly baseline: string;
  /** Timing of subject against baseline; absent for rows that are not timings (memory). */
  readonly comparison?: Comparison;
  /** The target for speedRatio, if the issue sets one. */
  readonly targetRatio?: number;
  /** For rows without a timing: whether a non-speed target (e.g. peak memory) was met. */
  readonly targetMet?: { readonly target: string; readonly met: boolean };
}

export function printRows(rows: readonly BenchRow[]): void {
  for (const row of rows) {
    console.log(`${row.name}`);
    const runs =
      row.comparison === undefined ? "" : `   (median of ${row.comparison.subject.runs} runs)`;
    console.log(`  aurorakit: ${row.subject}${runs}`);
    console.log(`  baseline:  ${row.baseline}`);
    if (row.comparison !== undefined) {
      const ratio = row.comparison.speedRatio.toFixed(2);
      const target =
        row.targetRatio === undefined
          ? ""
          : row.comparison.speedRatio >= row.targetRatio
            ? `  (target >= ${row.targetRatio.toFixed(2)}: met)`
            : `  (target >= ${row.targetRatio.toFixed(2)}: NOT MET)`;
      console.log(`  ratio (baseline time / aurorakit time): ${ratio}${target}`);
    }
    if (row.targetMet !== undefined) {
      console.log(`  target ${row.targetMet.target}: ${row.targetMet.met ? "met" : "NOT MET"}`);
    }
  }
}
