import { describe, expect, it } from "vitest";
import { fisheyeSkymap } from "../../../src/arrays/synthetic/lens-skymap.js";
import { destinationPoint, MEAN_EARTH_RADIUS_KM } from "../../../src/geo/great-circle.js";
import { pixelsInArea } from "../../../src/geo/skymap/pixels-in-area.js";
import { mapPixelCentres } from "../../../src/geo/skymap/reproject.js";
import { geodeticToEcef } from "../../../src/geo/wgs84.js";

const ALTITUDE_KM = 110;

function mappedLens(longitudeDeg: number) {
  const site = { code: "test", latitudeDeg: 62.41, longitudeDeg, altitudeKm: 0 };
  const lens = fisheyeSkymap({ site, width: 200, height: 200, fieldOfViewDeg: 170 });
  const centres = mapPixelCentres(lens, ALTITUDE_KM);
  return {
    site,
    lens,
    skymap: {
      width: lens.width,
      height: lens.height,
      altitudeKm: ALTITUDE_KM,
      centreLatitudeDeg: centres.latitudeDeg,
      centreLongitudeDeg: centres.longitudeDeg,
    },
  };
}

/** Independent distance: the straight ECEF chord at the altitude, turned into an arc on R + h. */
function arcKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = MEAN_EARTH_RADIUS_KM + ALTITUDE_KM;
  const a = geodeticToEcef(lat1, lon1, 0);
  const b = geodeticToEcef(lat2, lon2, 0);
  const na = Math.hypot(a.x, a.y, a.z);
  const nb = Math.hypot(b.x, b.y, b.z);
  const cos = (a.x * b.x + a.y * b.y + a.z * b.z) / (na * nb);
  return Math.acos(Math.min(1, cos)) * r;
}

describe("pixelsInArea", () => {
  const { site, lens, skymap } = mappedLens(-145.16);

  it("selects exactly the centres within the radius (checked against every pixel)", () => {
    const centre = destinationPoint(site, 30, 40);
    const inside = new Set(pixelsInArea(skymap, centre, { radiusKm: 25 }));
    let count = 0;
    for (let i = 0; i < skymap.centreLatitudeDeg.length; i++) {
      const lat = skymap.centreLatitudeDeg[i] as number;
      if (Number.isNaN(lat)) continue;
      const d = arcKm(
        centre.latitudeDeg,
        centre.longitudeDeg,
        lat,
        skymap.centreLongitudeDeg[i] as number,
      );
      // Oracle: geocentric-direction arc (differs from the geodetic-latitude sphere by < 0.4 %);
      // only pixels within 0.4 % of the edge may disagree.
      if (Math.abs(d - 25) < 0.1) continue;
      expect(inside.has(i)).toBe(d < 25);
      if (d < 25) count++;
    }
    // Analytic: an equidistant lens of 85°/100 px has a 0.85° pitch, ~1.6 km at 110 km near the
    // zenith (a little more 40 km out), so a 25 km circle holds ~π 25² / 1.65² ≈ 720 centres.
    expect(count).toBeGreaterThan(550);
    expect(count).toBeLessThan(800);
  });

  it("selects a box by east–west and north–south extents (ascending indices)", () => {
    const pixels = pixelsInArea(skymap, site, { boxKm: [40, 10] });
    expect(pixels.length).toBeGreaterThan(50);
    for (let k = 1; k < pixels.length; k++)
      expect(pixels[k] as number).toBeGreaterThan(pixels[k - 1] as number);
    let maxRowSpan = 0;
    let maxColumnSpan = 0;
    const rows = Array.from(pixels, (i) => Math.floor(i / lens.width));
    const columns = Array.from(pixels, (i) => i % lens.width);
    maxRowSpan = Math.max(...rows) - Math.min(...rows) + 1;
    maxColumnSpan = Math.max(...columns) - Math.min(...columns) + 1;
    // Analytic: north–south is along rows (10 km ≈ 6 pitches), east–west along columns
    // (40 km ≈ 24 pitches): the box is about 4 times wider than tall, in pixel units.
    expect(maxColumnSpan / maxRowSpan).toBeGreaterThan(3);
    expect(maxColumnSpan / maxRowSpan).toBeLessThan(5);
  });

  it("works across the antimeridian and returns nothing for an area outside the view", () => {
    const straddling = mappedLens(-180);
    const pixels = pixelsInArea(
      straddling.skymap,
      { latitudeDeg: 62.41, longitudeDeg: 180 - 1e-9 },
      { radiusKm: 20 },
    );
    let east = 0;
    let west = 0;
    for (const i of pixels) {
      if ((straddling.skymap.centreLongitudeDeg[i] as number) > 0) east++;
      else west++;
    }
    // Invariant: a circle centred on the antimeridian takes pixels from both sides equally.
    expect(east).toBeGreaterThan(100);
    expect(Math.abs(east - west)).toBeLessThan(0.2 * (east + west));
    expect(
      pixelsInArea(skymap, { latitudeDeg: 0, longitudeDeg: 0 }, { radiusKm: 500 }),
    ).toHaveLength(0);
    expect(() => pixelsInArea(skymap, site, { radiusKm: -1 })).toThrow(/non-negative/);
    expect(() => pixelsInArea({ ...skymap, width: 3 }, site, { radiusKm: 1 })).toThrow(
      /600 values/,
    );
  });
});
