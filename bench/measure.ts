/**
 * Timing for benchmarks that compare a subject with a baseline in the same process. The two
 * run interleaved (baseline, subject, baseline, ...) so that a noisy neighbour on the shared
 * machine slows both alike, and the median of the runs is reported.
 */

export interface Timing {
  /** Median wall time of one run, in seconds. */
  readonly medianS: number;
  readonly runs: number;
}

export interface Comparison {
  readonly baseline: Timing;
  readonly subject: Timing;
  /** Baseline time over subject time: 1 means as fast as the baseline, 0.5 half as fast. */
  readonly speedRatio: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function timeOnce(run: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * Runs both functions alternately for at least `minTotalS` seconds and `minRuns` runs each.
 * Either may be synchronous or return a promise (awaiting a plain value costs microseconds).
 */
export async function compare(
  baseline: () => unknown,
  subject: () => unknown,
  options: { minRuns?: number; minTotalS?: number } = {},
): Promise<Comparison> {
  const minRuns = options.minRuns ?? 7;
  const minTotalS = options.minTotalS ?? 3;
  // Warm up both paths (JIT, zlib tables, page cache) before measuring.
  await baseline();
  await subject();
  const baselineS: number[] = [];
  const subjectS: number[] = [];
  let totalS = 0;
  while (baselineS.length < minRuns || totalS < minTotalS) {
    const b = await timeOnce(baseline);
    const s = await timeOnce(subject);
    baselineS.push(b);
    subjectS.push(s);
    totalS += b + s;
  }
  const baselineTiming = { medianS: median(baselineS), runs: baselineS.length };
  const subjectTiming = { medianS: median(subjectS), runs: subjectS.length };
  return {
    baseline: baselineTiming,
    subject: subjectTiming,
    speedRatio: baselineTiming.medianS / subjectTiming.medianS,
  };
}

export function mbPerS(bytes: number, seconds: number): string {
  return (bytes / 1e6 / seconds).toFixed(1);
}
