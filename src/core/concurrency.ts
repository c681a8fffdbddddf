import { InvalidArgumentError } from "./errors.js";

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new InvalidArgumentError("limit", `expected a positive integer, got ${limit}`);
  }
}

/**
 * Runs `fn` over `items` with at most `limit` calls in flight and resolves to the results in
 * input order. On the first failure no new item is started; the returned promise rejects with
 * that first error once the calls already in flight have settled, so no work outlives it
 * (important when those calls hold locks or temp files).
 */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  checkLimit(limit);
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  let firstError: unknown;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        if (!failed) {
          failed = true;
          firstError = error;
        }
      }
    }
  };
  const workers: Promise<void>[] = [];
  for (let i = 0; i < Math.min(limit, items.length); i++) workers.push(worker());
  await Promise.all(workers);
  if (failed) throw firstError;
  return results;
}

/** Bounds how many calls of `run` are in flight at once; later calls queue in FIFO order. */
export interface Limiter {
  run<R>(task: () => Promise<R>): Promise<R>;
}

export function createLimiter(limit: number): Limiter {
  checkLimit(limit);
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    const wake = waiting.shift();
    if (wake === undefined) active -= 1;
    else wake();
  };
  return {
    async run<R>(task: () => Promise<R>): Promise<R> {
      if (active < limit) active += 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
