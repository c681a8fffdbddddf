import type { Comparison } from "./measure.js";

/** One line of the benchmark table. */
export interface BenchRow {
  readonly name: string;
  /** What the subject achieved, with its unit (e.g. "412.3 MB/s of pixels"). */
  readonly subject: string;
  /** What the baseline achieved on the same bytes in the same run. */
  readonly baseline: string;
  readonly comparison: Comparison;
  /** The target for speedRatio, if the issue sets one. */
  readonly targetRatio?: number;
}

export function printRows(rows: readonly BenchRow[]): void {
  for (const row of rows) {
    const ratio = row.comparison.speedRatio.toFixed(2);
    const target =
      row.targetRatio === undefined
        ? ""
        : row.comparison.speedRatio >= row.targetRatio
          ? `  (target >= ${row.targetRatio}: met)`
          : `  (target >= ${row.targetRatio}: NOT MET)`;
    console.log(`${row.name}`);
    console.log(`  aurorakit: ${row.subject}   (median of ${row.comparison.subject.runs} runs)`);
    console.log(`  baseline:  ${row.baseline}`);
    console.log(`  ratio (baseline time / aurorakit time): ${ratio}${target}`);
  }
}
