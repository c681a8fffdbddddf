import { describe, expect, it } from "vitest";
import { createLimiter, mapConcurrent } from "../../src/core/concurrency.js";
import { InvalidArgumentError } from "../../src/core/errors.js";

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("mapConcurrent", () => {
  it("keeps input order and never exceeds the limit", async () => {
    let active = 0;
    let maxActive = 0;
    // Later items finish first, so order must come from the index, not completion.
    const results = await mapConcurrent([5, 4, 3, 2, 1, 0], 3, async (value, index) => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await tick(value * 2);
      active -= 1;
      return value * 10 + index;
    });
    // Analytic: value*10 + index for each input.
    expect(results).toEqual([50, 41, 32, 23, 14, 5]);
    expect(maxActive).toBe(3);
  });

  it("rejects with the first error only after in-flight calls settle, starting no new ones", async () => {
    const started: number[] = [];
    const settled: number[] = [];
    const run = mapConcurrent([0, 1, 2, 3, 4, 5], 2, async (value) => {
      started.push(value);
      if (value === 0) {
        await tick(1);
        throw new Error("first");
      }
      await tick(20);
      settled.push(value);
      return value;
    });
    await expect(run).rejects.toThrow("first");
    // Item 1 was in flight when item 0 failed: it settled before the rejection; 2..5 never ran.
    expect(started).toEqual([0, 1]);
    expect(settled).toEqual([1]);
  });

  it("handles empty input and refuses a bad limit", async () => {
    expect(await mapConcurrent([], 4, async () => 1)).toEqual([]);
    await expect(mapConcurrent([1], 0, async () => 1)).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});

describe("createLimiter", () => {
  it("bounds parallel tasks and runs queued ones in order", async () => {
    const limiter = createLimiter(2);
    let active = 0;
    let maxActive = 0;
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        limiter.run(async () => {
          active += 1;
          maxActive = Math.max(maxActive, active);
          order.push(i);
          await tick(5);
          active -= 1;
        }),
      ),
    );
    expect(maxActive).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it("frees the slot when a task fails", async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow(
      "boom",
    );
    expect(await limiter.run(async () => 7)).toBe(7);
  });
});
