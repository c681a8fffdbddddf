import { describe, expect, it } from "vitest";
import {
  CDF_EPOCH_OF_UNIX_EPOCH_MS,
  cdfEpoch16ToUnixMs,
  cdfEpochToUnixMs,
  TT2000_FILL,
  tt2000ToUnixMs,
  unixMsToCdfEpoch,
  unixMsToTt2000,
} from "../../../src/core/time/cdf-epochs.js";
import { LEAP_SECOND_TABLE, taiMinusUtcS } from "../../../src/core/time/leap-seconds.js";

describe("CDF_EPOCH", () => {
  it("maps the cdflib oracle values of the THEMIS files to the ISO instants cdflib prints", () => {
    // Oracle: thg_l1_asf_gako_2011010617_v01.cdf.oracle.json (cdflib): epoch0 62167219200000
    // is 1970-01-01T00:00:00.000, and 63461552400053 is 2011-01-06T17:00:00.053. Exact (ms).
    expect(CDF_EPOCH_OF_UNIX_EPOCH_MS).toBe(62_167_219_200_000);
    expect(cdfEpochToUnixMs(63_461_552_400_053)).toBe(Date.parse("2011-01-06T17:00:00.053Z"));
    expect(cdfEpochToUnixMs(63_471_809_283_000)).toBe(Date.parse("2011-05-05T10:08:03.000Z"));
    expect(unixMsToCdfEpoch(Date.parse("2011-01-06T17:00:00.053Z"))).toBe(63_461_552_400_053);
  });

  it("reads the fill value and the default pad as NaN", () => {
    // Analytic: FILLVAL -1e31 and pad 0.0 (0000-01-01) are "no time" (cdflib shows NaT).
    expect(cdfEpochToUnixMs(-1e31)).toBeNaN();
    expect(cdfEpochToUnixMs(0)).toBeNaN();
  });
});

describe("CDF_EPOCH16", () => {
  it("combines seconds since 0000-01-01 and picoseconds", () => {
    // Analytic: 62167219200 s is 1970-01-01; +1e9 ps = 1 ms. Tolerance 1e-6 ms (float64 rounding).
    expect(cdfEpoch16ToUnixMs(62_167_219_200, 1e9)).toBeCloseTo(1, 6);
    const t = Date.parse("2011-01-06T17:00:00Z");
    expect(cdfEpoch16ToUnixMs(62_167_219_200 + t / 1000, 123_456_789)).toBeCloseTo(
      t + 0.123456789,
      3,
    );
    expect(cdfEpoch16ToUnixMs(-1e31, -1e31)).toBeNaN();
  });
});

describe("TT2000 and leap seconds", () => {
  it("has 37 s as its last entry, from 2017-01-01", () => {
    // Source: IERS Bulletin C / CDFLeapSeconds.txt; last leap second at the end of 2016.
    const last = LEAP_SECOND_TABLE[LEAP_SECOND_TABLE.length - 1];
    expect(last?.startMs).toBe(Date.UTC(2017, 0, 1));
    expect(last?.taiMinusUtcS).toBe(37);
    expect(taiMinusUtcS(Date.UTC(2030, 0, 1))).toBe(37);
    expect(taiMinusUtcS(Date.UTC(2016, 11, 31, 23, 59, 59))).toBe(36);
  });

  it("converts the J2000 reference instants exactly", () => {
    // Analytic: TT2000 0 is J2000.0 = 2000-01-01T12:00:00 TT = 11:58:55.816 UTC (TAI-UTC 32 s,
    // TT-TAI 32.184 s); so 2000-01-01T12:00:00Z is 64.184 s = 64184000000 ns (as in cdflib docs).
    expect(unixMsToTt2000(Date.UTC(2000, 0, 1, 12))).toBe(64_184_000_000n);
    expect(tt2000ToUnixMs(0n)).toBe(Date.UTC(2000, 0, 1, 11, 58, 55, 816));
    expect(tt2000ToUnixMs(64_184_000_000n)).toBe(Date.UTC(2000, 0, 1, 12));
  });

  it("matches the CDF library's TT2000 of each leap-second start since 1999", () => {
    // Oracle: NASA CDF library, cdftt2000.c, table of TT2000 values at which TAI-UTC changes
    // (exact, ns).
    const expected: [number, bigint][] = [
      [Date.UTC(1999, 0, 1), -31_579_135_816_000_000n],
      [Date.UTC(2006, 0, 1), 189_345_665_184_000_000n],
      [Date.UTC(2009, 0, 1), 284_040_066_184_000_000n],
      [Date.UTC(2012, 6, 1), 394_372_867_184_000_000n],
      [Date.UTC(2015, 6, 1), 488_980_868_184_000_000n],
      [Date.UTC(2017, 0, 1), 536_500_869_184_000_000n],
    ];
    for (const [unixMs, tt2000] of expected) {
      expect(unixMsToTt2000(unixMs)).toBe(tt2000);
      expect(tt2000ToUnixMs(tt2000)).toBe(unixMs);
    }
  });

  it("counts the 2016-12-31 leap second", () => {
    // Analytic: 2017-01-01T00:00:00Z is 6209.5 days after the J2000 noon label, plus 37 s + 32.184 s.
    const newYear = Date.UTC(2017, 0, 1);
    expect(unixMsToTt2000(newYear)).toBe(536_500_869_184_000_000n);
    expect(unixMsToTt2000(newYear - 1000)).toBe(536_500_867_184_000_000n);
    // 23:59:60.000 and 23:59:60.5 have TT2000 values but no POSIX name: they map to 00:00:00.000.
    expect(tt2000ToUnixMs(536_500_868_184_000_000n)).toBe(newYear);
    expect(tt2000ToUnixMs(536_500_868_684_000_000n)).toBe(newYear);
    // Invariant: exact 1 ms before the leap second is 23:59:59.999.
    expect(tt2000ToUnixMs(536_500_868_183_000_000n)).toBe(newYear - 1);
    expect(tt2000ToUnixMs(TT2000_FILL)).toBeNaN();
  });

  it("round-trips Unix ms -> TT2000 -> Unix ms from 1960 to 2040, including leap-second edges", () => {
    // Invariant: the conversion pair is an identity outside leap seconds; tolerance 1e-6 ms
    // (float64 resolution of Unix ms near 2040 is 2.4e-7 ms). Excluded: 0.1 s around
    // 1961-08-01 and 1968-02-01, where UTC stepped back and two instants share one TT2000.
    const repeated = [Date.UTC(1961, 7, 1), Date.UTC(1968, 1, 1)];
    const instants: number[] = [];
    for (let year = 1960; year <= 2040; year++)
      instants.push(
        Date.UTC(year, 0, 1),
        Date.UTC(year, 6, 1) - 1,
        Date.UTC(year, 3, 17, 5, 6, 7, 891.25),
      );
    for (const entry of LEAP_SECOND_TABLE)
      instants.push(entry.startMs, entry.startMs - 1, entry.startMs + 0.5);
    for (const unixMs of instants) {
      if (repeated.some((t) => Math.abs(unixMs - t) < 100)) continue;
      expect(Math.abs(tt2000ToUnixMs(unixMsToTt2000(unixMs)) - unixMs)).toBeLessThan(1e-6);
    }
  });

  it("is monotonic across every leap second", () => {
    // Invariant: TT2000 increases with UTC; stepping 250 ms in TT2000 never goes backwards in UTC.
    for (const entry of LEAP_SECOND_TABLE.filter((e) => e.startMs >= Date.UTC(1972, 6, 1))) {
      let previous = Number.NEGATIVE_INFINITY;
      for (
        let t = unixMsToTt2000(entry.startMs - 2000);
        t <= unixMsToTt2000(entry.startMs + 2000);
        t += 250_000_000n
      ) {
        const unixMs = tt2000ToUnixMs(t);
        expect(unixMs).toBeGreaterThanOrEqual(previous);
        previous = unixMs;
      }
    }
  });
});
