import { describe, expect, it } from "vitest";
import { parseTimeMs, parseTimeRange } from "../../../src/core/time/parse-time.js";
import { formatIsoMicroseconds } from "../../../src/core/time/ucalgary-timestamp.js";

describe("parseTimeMs", () => {
  it("reads ISO 8601 dates and times, UTC unless a zone is given", () => {
    // Analytic values: Date.UTC of the same fields, minus the zone offset.
    const base = Date.UTC(2014, 2, 10, 6, 0, 0);
    expect(parseTimeMs("2014-03-10T06:00:00Z")).toBe(base);
    expect(parseTimeMs("2014-03-10T06:00Z")).toBe(base);
    expect(parseTimeMs("2014-03-10 06:00:00")).toBe(base);
    expect(parseTimeMs("2014-03-10")).toBe(Date.UTC(2014, 2, 10));
    expect(parseTimeMs("2014-03-10T00:00:00-06:00")).toBe(base);
    expect(parseTimeMs("2014-03-10T07:30:00+0130")).toBe(base);
    // Microseconds are kept as a fraction of a millisecond: within the float64 spacing at 2014
    // (2^-12 ms, 0.24 µs), and exactly on the way back to text.
    const fine = parseTimeMs("2014-03-10T06:00:00.063119Z");
    expect(Math.abs(fine - base - 63.119)).toBeLessThan(2.5e-4);
    expect(formatIsoMicroseconds(fine)).toBe("2014-03-10T06:00:00.063119Z");
  });

  it("rejects what is not a calendar instant, saying how to write one", () => {
    expect(() => parseTimeMs("yesterday")).toThrow(/write it like 2014-03-10T06:00:00Z/);
    expect(() => parseTimeMs("2021-02-30T00:00:00Z")).toThrow(/not a valid calendar date/);
    expect(() => parseTimeMs("2021-01-01T24:00:00Z")).toThrow(/not a valid calendar date/);
    expect(() => parseTimeMs("2021-01-01T00:60:00Z", "end")).toThrow(/^invalid end:/);
  });

  it("checks that a range runs forwards", () => {
    expect(parseTimeRange("2014-03-10T06:00Z", "2014-03-10T07:00Z")).toEqual([
      Date.UTC(2014, 2, 10, 6),
      Date.UTC(2014, 2, 10, 7),
    ]);
    expect(() => parseTimeRange("2014-03-10T07:00Z", "2014-03-10T06:00Z")).toThrow(
      /must be after start/,
    );
  });
});
