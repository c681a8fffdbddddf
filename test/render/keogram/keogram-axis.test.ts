import { describe, expect, it } from "vitest";
import { keogramYAxis } from "../../../src/render/keogram/keogram-axis.js";
import { magneticLatitudeTicks } from "../../../src/render/keogram/magnetic-ticks.js";

describe("keogramYAxis", () => {
  it("orders pixels by latitude and gives each the band between midpoints", () => {
    // Row 0 north: latitudes fall with the index, unevenly; pixel 2 has no latitude.
    const axis = keogramYAxis(Float32Array.of(66, 64, Number.NaN, 61), "latitude");
    expect([...axis.order]).toEqual([3, 1, 0]);
    expect([...axis.centresDeg]).toEqual([61, 64, 66]);
    // Analytic: midpoints 62.5 and 65; the ends extend half the neighbour spacing.
    expect([...axis.edgesDeg]).toEqual([59.5, 62.5, 65, 67]);
  });

  it("unwraps longitudes across the antimeridian", () => {
    const axis = keogramYAxis(Float32Array.of(179, -179, 178), "longitude");
    expect([...axis.centresDeg]).toEqual([178, 179, 181]);
    expect([...axis.order]).toEqual([2, 0, 1]);
  });

  it("gives a single pixel a visible band and refuses pixels without coordinates", () => {
    expect([...keogramYAxis(Float32Array.of(60), "latitude").edgesDeg]).toEqual([59.5, 60.5]);
    expect(() => keogramYAxis(Float32Array.of(Number.NaN), "latitude")).toThrow(/no|none/);
  });
});

describe("magneticLatitudeTicks", () => {
  it("places round magnetic latitudes by linear interpolation between pixel centres", () => {
    const latitudes = Float32Array.of(68, 66, 64, 62, 60);
    // Magnetic = 1.5 × geographic − 30.5 (monotonic): 70° magnetic at 67° geographic.
    const magnetic = Float32Array.from(latitudes, (latitude) => 1.5 * latitude - 30.5);
    const ticks = magneticLatitudeTicks(keogramYAxis(latitudes, "latitude"), magnetic, 5);
    const seventy = ticks.find((tick) => tick.label === "70");
    // Analytic inverse: (70 + 30.5) / 1.5 = 67.
    expect(seventy?.value).toBeCloseTo(67, 5);
    for (const tick of ticks) expect((Number(tick.label) + 30.5) / 1.5).toBeCloseTo(tick.value, 5);
  });
});
