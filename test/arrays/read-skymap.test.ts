import { expect, it } from "vitest";
import { readSkymapFile } from "../../src/arrays/skymap/read-skymap.js";
import { skymapAtAltitude } from "../../src/arrays/skymap/skymap.js";
import {
  parseSkymapFileName,
  type SkymapFileName,
} from "../../src/arrays/skymap/skymap-file-name.js";
import { sha256LittleEndian } from "../../src/formats/summary.js";
import { wrapLongitudeDeg } from "../../src/geo/angles.js";
import { describeWithFixtures } from "../support/describe-fixtures.js";
import { fixture, readOracle } from "../support/fixtures.js";

const NAME = "themis_skymap_gako_20110305-+_vXX.sav";

interface OracleArray {
  shape: number[];
  min: number | null;
  max: number | null;
  nan_count: number;
  sha256_le: string;
}
interface SkymapOracle {
  skymap: { fields: Record<string, OracleArray> };
}

it("wraps longitudes into [-180, 180)", () => {
  // Analytic values (binary-exact inputs, so equality is exact).
  expect([0, 179.5, 180, 214.5, 360, -180, -190, 540].map(wrapLongitudeDeg)).toEqual([
    0, 179.5, -180, -145.5, 0, -180, 170, -180,
  ]);
});

describeWithFixtures("reading the real THEMIS Gakona skymap", () => {
  const oracle = readOracle<SkymapOracle>("themis", NAME).skymap.fields;
  const skymap = readSkymapFile(
    fixture("themis", NAME),
    parseSkymapFileName(NAME) as SkymapFileName,
    "asStored",
  );

  it("keeps THEMIS azimuth and elevation bit-exact as stored (the convention's own orientation)", () => {
    // Oracle: scipy.io.readsav summaries in the fixture's oracle json.
    expect(sha256LittleEndian(skymap.azimuthDeg)).toBe(oracle.FULL_AZIMUTH?.sha256_le);
    expect(sha256LittleEndian(skymap.elevationDeg)).toBe(oracle.FULL_ELEVATION?.sha256_le);
    expect([skymap.height, skymap.width]).toEqual(oracle.FULL_AZIMUTH?.shape);
  });

  it("reads site, altitudes in km, and corner grids per altitude", () => {
    // Oracle: SITE_MAP_LATITUDE 62.41, SITE_MAP_LONGITUDE 214.84 (→ -145.16), altitude 0 m;
    // FULL_MAP_ALTITUDE 90000..150000 m. float32 values, compared within 1e-4 degrees.
    expect(skymap.site.code).toBe("gako");
    expect(skymap.site.latitudeDeg).toBeCloseTo(62.41, 4);
    expect(skymap.site.longitudeDeg).toBeCloseTo(214.84 - 360, 4);
    expect(skymap.site.altitudeKm).toBe(0);
    expect(skymap.altitudesKm).toEqual([90, 110, 150]);
    expect(skymap.cornerLatitudeDeg).toHaveLength(3);
    for (const grid of skymap.cornerLatitudeDeg) expect(grid).toHaveLength(257 * 257);
  });

  it("wraps every finite corner longitude into [-180, 180) and keeps NaN outside the view", () => {
    const lonOracle = oracle.FULL_MAP_LONGITUDE as OracleArray;
    let nan = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const grid of skymap.cornerLongitudeDeg) {
      for (const v of grid) {
        if (Number.isNaN(v)) nan++;
        else {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    // Oracle: nan_count and the 0–360 min/max of FULL_MAP_LONGITUDE, shifted by -360° (all of
    // Gakona's view lies west of Greenwich); float32 rounding of the shift within 1e-4°.
    expect(nan).toBe(lonOracle.nan_count);
    expect(min).toBeCloseTo((lonOracle.min as number) - 360, 4);
    expect(max).toBeCloseTo((lonOracle.max as number) - 360, 4);
  });

  it("uses the file's own corner grids at one of its altitudes, with computed pixel centres", () => {
    const at110 = skymapAtAltitude(skymap, 110);
    expect(at110.latitudeDeg).toBe(skymap.cornerLatitudeDeg[1]);
    expect(at110.longitudeDeg).toBe(skymap.cornerLongitudeDeg[1]);
    expect(at110.cornersFromFile).toBe(true);
    expect(at110.centreLatitudeDeg).toHaveLength(skymap.width * skymap.height);
    // Oracle: the official 110 km corners around pixel (128, 128) near the zenith; our centre
    // lies inside their latitude/longitude span (they are ~1 km apart there).
    const i = 128 * skymap.width + 128;
    const cw = skymap.width + 1;
    const corners = [128 * cw + 128, 128 * cw + 129, 129 * cw + 128, 129 * cw + 129];
    const lats = corners.map((k) => at110.latitudeDeg[k] as number);
    const lons = corners.map((k) => at110.longitudeDeg[k] as number);
    expect(at110.centreLatitudeDeg[i]).toBeGreaterThan(Math.min(...lats));
    expect(at110.centreLatitudeDeg[i]).toBeLessThan(Math.max(...lats));
    expect(at110.centreLongitudeDeg[i]).toBeGreaterThan(Math.min(...lons));
    expect(at110.centreLongitudeDeg[i]).toBeLessThan(Math.max(...lons));
  });

  it("computes corner and centre grids at other altitudes (REGO's usual 230 km)", () => {
    const at230 = skymapAtAltitude(skymap, 230);
    expect(at230.cornersFromFile).toBe(false);
    expect(at230.altitudeKm).toBe(230);
    expect(at230.latitudeDeg).toHaveLength((skymap.width + 1) * (skymap.height + 1));
    expect(at230.centreLongitudeDeg).toHaveLength(skymap.width * skymap.height);
    // Invariant: a higher shell maps the same look farther from the site, so the 230 km
    // grid spans more latitude than the file's 150 km one.
    const span = (grid: Float32Array) => {
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (const v of grid) {
        if (Number.isNaN(v)) continue;
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      return max - min;
    };
    expect(span(at230.latitudeDeg)).toBeGreaterThan(
      span(skymap.cornerLatitudeDeg[2] as Float32Array),
    );
  });

  it("rejects non-finite, negative and absurd altitudes, naming the file's altitudes", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -1, 110_000]) {
      expect(() => skymapAtAltitude(skymap, bad)).toThrow(/file has 90, 110, 150 km/);
    }
  });
});
