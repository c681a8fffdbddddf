import { describe, expect, it } from "vitest";
import { asinhTicks, linearTicks, logTicks } from "../../../src/render/figure/ticks.js";
import { utcTicks } from "../../../src/render/figure/time-ticks.js";

const at = (iso: string) => Date.parse(iso);

describe("linear ticks", () => {
  it("are d3's 1-2-5 steps, labelled in fixed notation", () => {
    // Oracle: d3-scale's documented ticks for [55, 68] with count 6 are steps of 2.
    const ticks = linearTicks(55, 68, 6);
    expect(ticks.map((tick) => tick.value)).toEqual([56, 58, 60, 62, 64, 66, 68]);
    expect(ticks.map((tick) => tick.label)).toEqual(["56", "58", "60", "62", "64", "66", "68"]);
    // Negative numbers use the minus sign (U+2212), thousands have no separator.
    expect(linearTicks(-0.001, 0.004, 5).map((tick) => tick.label)[0]).toBe("\u22120.001");
    expect(linearTicks(3000, 9000, 6).map((tick) => tick.label)).toEqual([
      "3000",
      "4000",
      "5000",
      "6000",
      "7000",
      "8000",
      "9000",
    ]);
  });

  it("rejects an empty or non-finite domain", () => {
    expect(() => linearTicks(1, 1)).toThrow(/two different finite ends/);
    expect(() => linearTicks(0, Number.NaN)).toThrow(/two different finite ends/);
  });
});

describe("log ticks", () => {
  it("label the decades and leave the rest as minor ticks over several decades", () => {
    const ticks = logTicks(10, 100000);
    const labelled = ticks.filter((tick) => tick.label !== "");
    // Analytic: the powers of ten in [10, 1e5].
    expect(labelled.map((tick) => tick.value)).toEqual([10, 100, 1000, 10000, 100000]);
    expect(labelled.map((tick) => tick.label)).toEqual(["10", "100", "1000", "10000", "100000"]);
    expect(ticks.filter((tick) => tick.minor).map((tick) => tick.value)).toContain(20);
    // Outside 0.01 - 1e5 the decades are written as powers of ten.
    expect(
      logTicks(1e-6, 1e6)
        .filter((tick) => !tick.minor)
        .map((tick) => tick.label),
    ).toContain("10⁻⁶");
  });

  it("label sub-decade values on a range shorter than a decade (THEMIS 3000-9000)", () => {
    const ticks = logTicks(3000, 9000);
    expect(ticks.map((tick) => tick.value)).toEqual([3000, 4000, 5000, 6000, 7000, 8000, 9000]);
    expect(ticks.every((tick) => tick.label !== "" && !tick.minor)).toBe(true);
  });

  it("refuses non-positive ends", () => {
    expect(() => logTicks(0, 10)).toThrow(/positive ends/);
  });
});

describe("asinh ticks", () => {
  it("are round, increasing, inside the bounds and spread over the norm", () => {
    const lower = 0;
    const upper = 20000;
    const scale = (upper - lower) / 10;
    const ticks = asinhTicks(lower, upper, scale, 6);
    const values = ticks.map((tick) => tick.value);
    // Invariants: ordered, within bounds (both ends round here), and round: at most two
    // significant digits.
    for (let i = 1; i < values.length; i++)
      expect(values[i] as number).toBeGreaterThan(values[i - 1] as number);
    expect(values[0]).toBe(lower);
    expect(values[values.length - 1]).toBe(upper);
    for (const value of values) expect(Number(value.toPrecision(2))).toBe(value);
    // Spread: consecutive ticks are about 1/6 of the bar apart in norm units (0.05 tolerance).
    const t = (x: number) => Math.asinh((x - lower) / scale) / Math.asinh((upper - lower) / scale);
    for (let i = 1; i < values.length; i++) {
      expect(Math.abs(t(values[i] as number) - t(values[i - 1] as number) - 1 / 6)).toBeLessThan(
        0.05,
      );
    }
  });
});

describe("UTC ticks", () => {
  it("label an hour with HH:MM and put the date in the axis text", () => {
    const { ticks, dateText } = utcTicks(at("2011-01-06T17:00:00Z"), at("2011-01-06T18:00:00Z"), 6);
    // Oracle: d3's UTC scale picks 15-minute ticks for an hour at count 6.
    expect(ticks.map((tick) => tick.label)).toEqual(["17:00", "17:15", "17:30", "17:45", "18:00"]);
    expect(ticks[1]?.value).toBe(at("2011-01-06T17:15:00Z"));
    expect(dateText).toBe("2011-01-06");
  });

  it("show seconds and fractions when the ticks are that close", () => {
    const seconds = utcTicks(at("2011-01-06T17:00:00Z"), at("2011-01-06T17:01:00Z"), 6);
    // Oracle: d3's UTC scale steps a minute in 15 s at count 6.
    expect(seconds.ticks[1]?.label).toBe("17:00:15");
    const fractions = utcTicks(at("2011-01-06T17:00:00Z"), at("2011-01-06T17:00:01Z"), 5);
    expect(fractions.ticks[1]?.label).toBe("17:00:00.2");
  });

  it("mark midnight with the new day when the ticks span two days", () => {
    const { ticks, dateText } = utcTicks(at("2011-01-06T20:00:00Z"), at("2011-01-07T04:00:00Z"), 6);
    expect(ticks.map((tick) => tick.label)).toContain("Jan 07");
    expect(ticks.map((tick) => tick.label)).not.toContain("00:00");
    expect(dateText).toBe("2011-01-06 to 2011-01-07");
  });

  it("keep one date when half a cadence of padding crosses midnight", () => {
    // A keogram from 00:00:00 with 3 s slots starts drawing at 23:59:58.5 of the previous day.
    const { ticks, dateText } = utcTicks(
      at("2011-01-05T23:59:58.5Z"),
      at("2011-01-06T12:00:00Z"),
      8,
    );
    expect(ticks[0]?.label).toBe("00:00");
    expect(dateText).toBe("2011-01-06");
  });

  it("use day labels over weeks", () => {
    const { ticks, dateText } = utcTicks(at("2011-01-01T00:00:00Z"), at("2011-01-20T00:00:00Z"), 5);
    // Oracle: d3's week ticks fall on Sundays; 2011-01-02 was one.
    expect(ticks[0]?.label).toBe("Jan 02");
    expect(dateText).toBe("2011");
  });
});
