import { describe, expect, it } from "vitest";
import { FormatError } from "../../../src/core/errors.js";
import {
  formatIsoMicroseconds,
  parseUcalgaryTimestamp,
} from "../../../src/core/time/ucalgary-timestamp.js";
import { parseUcalgaryTimestamps } from "../../../src/formats/hdf5/ucalgary-timestamp.js";

describe("parseUcalgaryTimestamp", () => {
  it("parses whole seconds and microsecond fractions", () => {
    // Oracle: Date.UTC (analytic); exact.
    expect(parseUcalgaryTimestamp("2023-03-24 06:00:03 UTC")).toBe(Date.UTC(2023, 2, 24, 6, 0, 3));
    // 0.024704 s = 24.704 ms; tolerance 1e-6 ms (double rounding of the sum).
    const withFraction = parseUcalgaryTimestamp("2021-11-04 09:00:00.024704 UTC") ?? Number.NaN;
    expect(Math.abs(withFraction - (Date.UTC(2021, 10, 4, 9) + 24.704))).toBeLessThan(1e-6);
    expect(parseUcalgaryTimestamp("2021-11-04 09:00:00.5 UTC")).toBe(
      Date.UTC(2021, 10, 4, 9) + 500,
    );
  });

  it("rejects malformed and impossible timestamps", () => {
    for (const text of [
      "2023-03-24T06:00:03Z",
      "2023-03-24 06:00:03",
      "2023-13-01 00:00:00 UTC",
      "2023-02-30 00:00:00 UTC",
      "2023-03-24 24:00:00 UTC",
      "2023-03-24 06:00:60 UTC",
      "",
    ]) {
      expect(parseUcalgaryTimestamp(text)).toBeUndefined();
    }
  });

  it("names the frame index of a bad timestamp", () => {
    expect(() =>
      parseUcalgaryTimestamps(["2023-03-24 06:00:00 UTC", "garbage"], "f.h5", 10),
    ).toThrow(FormatError);
    expect(() => parseUcalgaryTimestamps(["garbage"], "f.h5", 10)).toThrow(/data\/timestamp\[10\]/);
  });

  it("formats microseconds back exactly (round trip of a THEMIS PGM stamp)", () => {
    // Oracle: the PGM oracle's frame-0 timestamp; round trip must be exact to the microsecond.
    const timeMs = parseUcalgaryTimestamp("2014-03-10 06:00:00.063119 UTC") ?? Number.NaN;
    expect(formatIsoMicroseconds(timeMs)).toBe("2014-03-10T06:00:00.063119Z");
  });
});
