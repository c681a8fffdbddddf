import { describe, expect, it } from "vitest";
import {
  chooseSkymap,
  parseSkymapFileName,
  type SkymapFileName,
} from "../../src/arrays/skymap/skymap-file-name.js";

const parse = (name: string) => parseSkymapFileName(name) as SkymapFileName;

describe("skymap file names", () => {
  it("reads validity and version from the name, '+' and '%2B' alike", () => {
    // Analytic: 2011-03-05T00:00:00Z is 1299283200000 ms after the Unix epoch.
    for (const name of [
      "themis_skymap_gako_20110305-+_vXX.sav",
      "themis_skymap_gako_20110305-%2B_vXX.sav",
    ]) {
      expect(parse(name)).toEqual({
        name,
        instrument: "themis",
        siteCode: "gako",
        validFromMs: 1_299_283_200_000,
        validUntilMs: null,
        version: "XX",
      });
    }
  });

  it("makes a closed interval end after its stop day", () => {
    const file = parse("rego_skymap_gill_20141015-20211018_v01.sav");
    expect(file.validUntilMs).toBe(Date.UTC(2021, 9, 19));
    expect(file.instrument).toBe("rego");
  });

  it("rejects names that do not follow the convention", () => {
    for (const name of [
      "themis_skymap_gako.sav",
      "skymap_gako_20110305-+_v01.sav",
      "themis_skymap_gako_2011030-+_v01.sav",
      "x.pgm.gz",
    ]) {
      expect(parseSkymapFileName(name)).toBeNull();
    }
  });

  const files = [
    parse("themis_skymap_gill_20100101-+_v01.sav"),
    parse("themis_skymap_gill_20150601-+_v01.sav"),
    parse("themis_skymap_gill_20150601-+_v02.sav"),
    parse("themis_skymap_gill_20200101-+_v01.sav"),
  ];

  it("chooses the latest skymap starting at or before the time, highest version on ties", () => {
    expect(chooseSkymap(files, Date.UTC(2017, 0, 1))).toEqual({
      file: files[2],
      precedesNone: false,
    });
    expect(chooseSkymap(files, Date.UTC(2020, 0, 1))).toEqual({
      file: files[3],
      precedesNone: false,
    });
    expect(chooseSkymap(files, Date.UTC(2012, 0, 1))).toEqual({
      file: files[0],
      precedesNone: false,
    });
  });

  it("falls back to the earliest (flagged) when every skymap starts later, and to null when there is none", () => {
    expect(chooseSkymap(files, Date.UTC(2008, 0, 16))).toEqual({
      file: files[0],
      precedesNone: true,
    });
    expect(chooseSkymap([], Date.UTC(2008, 0, 16))).toBeNull();
  });
});
