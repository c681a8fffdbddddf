import { expect, it } from "vitest";
import {
  HOUR_MS,
  MINUTE_MS,
  monthStarts,
  periodStarts,
  utcFields,
} from "../../../src/core/time/utc-fields.js";

it("spells the UTC fields of an instant with zero padding", () => {
  expect(utcFields(Date.UTC(2008, 0, 6, 5, 7, 59, 999))).toEqual({
    year: "2008",
    month: "01",
    day: "06",
    hour: "05",
    minute: "07",
  });
});

it("lists the periods overlapping a range, the first floored to its period", () => {
  // Analytic: 06:59:30–07:01:00 touches minutes 06:59, 07:00 and 07:01 (end inclusive).
  const t = (h: number, m: number, s = 0) => Date.UTC(2014, 2, 10, h, m, s);
  expect(periodStarts(t(6, 59, 30), t(7, 1), MINUTE_MS)).toEqual([t(6, 59), t(7, 0), t(7, 1)]);
  expect(periodStarts(t(6, 30), t(6, 40), HOUR_MS)).toEqual([t(6, 0)]);
});

it("lists calendar months across a year boundary", () => {
  expect(monthStarts(Date.UTC(2010, 11, 31, 23), Date.UTC(2011, 1, 1))).toEqual([
    Date.UTC(2010, 11, 1),
    Date.UTC(2011, 0, 1),
    Date.UTC(2011, 1, 1),
  ]);
});
