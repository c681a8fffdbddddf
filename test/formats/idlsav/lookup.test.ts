import { expect, it } from "vitest";
import { memorySource } from "../../../src/core/byte-source.js";
import { NotFoundError } from "../../../src/core/errors.js";
import { describeIdlSave } from "../../../src/formats/idlsav/describe.js";
import { lookupIdlValue, requireIdlArray } from "../../../src/formats/idlsav/lookup.js";
import { readIdlSave } from "../../../src/formats/idlsav/read.js";
import { describeWithFixtures } from "../../support/describe-fixtures.js";
import { readFixture } from "../../support/fixtures.js";
import { writeIdlSave } from "../../support/idlsav-writer.js";

describeWithFixtures("IDL save lookups by path", () => {
  const name = "themis_skymap_gako_20110305-+_vXX.sav";
  // Read lazily: the body is collected even when the suite is skipped for lack of fixtures.
  const load = () => readIdlSave(memorySource(readFixture("themis", name), name));

  it("finds skymap arrays by describe path, case-insensitively", () => {
    const file = load();
    // Oracle: shapes and dtypes from the scipy.io.readsav oracle of this fixture.
    const azimuth = requireIdlArray(file, "skymap.FULL_AZIMUTH", name);
    expect([azimuth.dtype, azimuth.shape]).toEqual(["float32", [256, 256]]);
    const latitude = requireIdlArray(file, "SKYMAP.full_map_latitude", name);
    expect([latitude.dtype, latitude.shape]).toEqual(["float32", [3, 257, 257]]);
    const center = requireIdlArray(file, "skymap.GENERATION_INFO.CCD_CENTER", name);
    expect(Array.from(center.data as Float64Array)).toEqual([
      378.70001220703125, 153.10000610351562,
    ]);
  });

  it("reports missing paths and non-array values as NotFoundError", () => {
    const file = load();
    expect(lookupIdlValue(file, "skymap.NO_SUCH_TAG")).toBeUndefined();
    expect(lookupIdlValue(file, "nothing")).toBeUndefined();
    expect(() => requireIdlArray(file, "skymap.NO_SUCH_TAG", name)).toThrow(NotFoundError);
    expect(() => requireIdlArray(file, "skymap.GENERATION_INFO", name)).toThrow(/a structure/);
  });
});

it("synthetic: lookups and describe stop at a pointer that points at itself", () => {
  const bytes = writeIdlSave({
    variables: [["P", { type: "pointer", values: [1] }]],
    heap: [[1, { type: "pointer", values: [1] }]],
  });
  const file = readIdlSave(memorySource(bytes, "cycle.sav"));
  expect(lookupIdlValue(file, "p")).toBeUndefined();
  expect(describeIdlSave(memorySource(bytes, "cycle.sav")).arrays).toEqual([]);
});
