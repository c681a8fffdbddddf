import { expect, it } from "vitest";
import { fileSource } from "../../../src/core/byte-source.js";
import type { NDArray } from "../../../src/core/ndarray.js";
import { describePgm } from "../../../src/formats/pgm/describe.js";
import { readPgmFrames } from "../../../src/formats/pgm/read.js";
import { sha256LittleEndian, summarize } from "../../../src/formats/summary.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { fixture, readOracle } from "../../support/fixtures.js";
import { oracleIso, PGM_FIXTURES, type PgmOracle } from "../../support/pgm-fixtures.js";

interface FrameDetails {
  readonly index: number;
  readonly timestamp: string | null;
  readonly metadata: Record<string, string>;
}

describeWithFixtures("describePgm against the independent Python PGM parser", () => {
  for (const [folder, name] of PGM_FIXTURES) {
    it(`${name}: stack, every frame, timestamps and frame-0 metadata`, async () => {
      const oracle = readOracle<PgmOracle>(folder, name);
      const source = fileSource(fixture(folder, name));
      const description = await describePgm(source).finally(() => source.close());
      expect(description.format).toBe("pgm");
      expect(description.arrays).toHaveLength(1);
      const frames = description.arrays[0]!;
      expect(frames.path).toBe("frames");

      // Oracle: stack dtype/shape/min/max/sum/sha256_le (exact integers and hashes).
      const stack = summarize("frames", frames.array);
      expect(stack.dtype).toBe(oracle.stack.dtype);
      expect(stack.shape).toEqual(oracle.stack.shape);
      expect(stack.sha256).toBe(oracle.stack.sha256_le);
      expect(stack.min).toBe(oracle.stack.min);
      expect(stack.max).toBe(oracle.stack.max);
      expect(stack.sum).toBe(oracle.stack.sum);

      // Oracle: per-frame sha256_le/min/max (exact), taken from slices of the stack.
      const array = frames.array as NDArray<"uint16">;
      const [count, rows, cols] = array.shape as [number, number, number];
      expect(count).toBe(oracle.frames);
      for (let i = 0; i < count; i++) {
        const slice = array.data.subarray(i * rows * cols, (i + 1) * rows * cols);
        const summary = summarize("frame", { dtype: "uint16", shape: [rows, cols], data: slice });
        const expected = oracle.per_frame[i]!;
        expect(summary.sha256, `frame ${i}`).toBe(expected.sha256_le);
        expect(summary.min, `frame ${i}`).toBe(expected.min);
        expect(summary.max, `frame ${i}`).toBe(expected.max);
      }

      // Oracle: per-frame timestamps, exact to the microsecond (string equality).
      const details = frames.details?.frames as unknown as FrameDetails[];
      expect(details.map((frame) => frame.timestamp)).toEqual(
        oracle.per_frame.map((frame) => oracleIso(frame.timestamp)),
      );

      // Oracle: frame-0 metadata keys in order and values (exact strings).
      expect(Object.keys(description.attributes)).toEqual(oracle.metadata_keys_frame0);
      expect(description.attributes).toEqual(oracle.metadata_frame0);
      expect(details[0]!.metadata).toEqual(oracle.metadata_frame0);
    });

    it(`${name}: streaming frames match the oracle one by one`, async () => {
      const oracle = readOracle<PgmOracle>(folder, name);
      let index = 0;
      for await (const frame of readPgmFrames(fixture(folder, name))) {
        const expected = oracle.per_frame[index]!;
        expect(frame.index).toBe(index);
        expect(frame.bitDepth).toBe(16);
        expect([frame.height, frame.width]).toEqual(oracle.stack.shape.slice(1));
        // Oracle: per-frame sha256_le (exact); row 0 is the first row stored (no flip).
        expect(sha256LittleEndian(frame.pixels), `frame ${index}`).toBe(expected.sha256_le);
        // Oracle timestamp as ms since 1970; tolerance 0.5 microsecond (float64 resolution at
        // 2014-2022 is about 0.24 microsecond).
        const wholeSecondsMs = Date.parse(`${oracleIso(expected.timestamp).slice(0, 19)}Z`);
        const fractionMs = Number(expected.timestamp.slice(19, 26)) * 1000;
        expect(Math.abs((frame.timeMs ?? Number.NaN) - (wholeSecondsMs + fractionMs))).toBeLessThan(
          0.0005,
        );
        expect(frame.endMarker).toBe(oracle.metadata_keys_frame0.at(-1));
        index++;
      }
      expect(index).toBe(oracle.frames);
    });
  }
});
