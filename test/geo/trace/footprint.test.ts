import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../../src/core/errors.js";
import { igrfModel } from "../../../src/geo/igrf/igrf-model.js";
import {
  dipoleFieldFunction,
  type FieldFunction,
  igrfFieldFunction,
} from "../../../src/geo/trace/field-function.js";
import { FieldLineTracer } from "../../../src/geo/trace/field-line-tracer.js";
import {
  conjugatePoint,
  createFootprintTracer,
  emptyFootprint,
  type Footprint,
  traceFootprint,
} from "../../../src/geo/trace/footprint.js";
import { ecefToGeodeticInto, geodeticToEcef } from "../../../src/geo/wgs84.js";

const DEG = Math.PI / 180;
const RE_KM = 6371.2;
const t2020 = Date.UTC(2020, 0, 1);
/** Metres between two geodetic points (ECEF chord). */
function distanceM(
  a: { latitudeDeg: number; longitudeDeg: number; altitudeKm: number },
  b: { latitudeDeg: number; longitudeDeg: number; altitudeKm: number },
): number {
  const p = geodeticToEcef(a.latitudeDeg, a.longitudeDeg, a.altitudeKm * 1e3);
  const q = geodeticToEcef(b.latitudeDeg, b.longitudeDeg, b.altitudeKm * 1e3);
  return Math.hypot(p.x - q.x, p.y - q.y, p.z - q.z);
}

/** A unit axis from geographic latitude/longitude of its pole. */
function axis(latDeg: number, lonDeg: number): [number, number, number] {
  return [
    Math.cos(latDeg * DEG) * Math.cos(lonDeg * DEG),
    Math.cos(latDeg * DEG) * Math.sin(lonDeg * DEG),
    Math.sin(latDeg * DEG),
  ];
}

/**
 * Analytic dipole footprint: the line r = L cos² λ (λ dipole latitude, dipole longitude fixed)
 * intersected with the WGS84 surface of geodetic height `targetKm`, solved by bisection in λ
 * along that analytic curve (to 1e-15 rad).
 */
function analyticDipoleFootprint(
  pole: [number, number, number],
  lat: number,
  lon: number,
  altKm: number,
  targetKm: number,
  towardSouth: boolean,
): { latitudeDeg: number; longitudeDeg: number; altitudeKm: number } {
  const s = geodeticToEcef(lat, lon, altKm * 1e3);
  const [mx, my, mz] = pole;
  const r = Math.hypot(s.x, s.y, s.z);
  const zd = (s.x * mx + s.y * my + s.z * mz) / r;
  const lambda0 = Math.asin(zd);
  const L = r / Math.cos(lambda0) ** 2;
  // Unit vector of the start's dipole meridian in the equatorial plane.
  const ex = s.x / r - zd * mx;
  const ey = s.y / r - zd * my;
  const ez = s.z / r - zd * mz;
  const en = Math.hypot(ex, ey, ez);
  const g = { latitudeRad: 0, longitudeRad: 0, heightM: 0 };
  const height = (l: number): number => {
    const rr = L * Math.cos(l) ** 2;
    const c = (rr * Math.cos(l)) / en;
    const z = rr * Math.sin(l);
    return (
      ecefToGeodeticInto(c * ex + z * mx, c * ey + z * my, c * ez + z * mz, g).heightM -
      targetKm * 1e3
    );
  };
  const end = towardSouth ? -Math.PI / 2 : Math.PI / 2;
  // Bracket between the dipole equator side of the crossing and the pole.
  let a = towardSouth === lambda0 < 0 ? lambda0 : -lambda0;
  let b = end;
  if (height(a) < 0) [a, b] = [0, a];
  for (let i = 0; i < 200; i++) {
    const m = (a + b) / 2;
    if (height(m) > 0 === height(a) > 0) a = m;
    else b = m;
  }
  height(a);
  return {
    latitudeDeg: g.latitudeRad / DEG,
    longitudeDeg: g.longitudeRad / DEG,
    altitudeKm: g.heightM / 1e3,
  };
}

describe("traceFootprint in a pure dipole (analytic)", () => {
  for (const pole of [axis(90, 0), axis(80.6, -72.6)]) {
    const field = dipoleFieldFunction(pole, 30_000, RE_KM);
    it(`finds the analytic footprint within 1 m (pole ${pole.map((v) => v.toFixed(3)).join(",")})`, () => {
      const cases: [number, number, number, number][] = [
        [65, 20, 800, 110],
        [-70, 170, 800, 110],
        [55, -100, 2000, 110],
        [72, 179.9, 500, 110],
        [60, -30, 0, 110], // start below the target: upward crossing in the same hemisphere
      ];
      for (const [lat, lon, alt, target] of cases) {
        const fp = traceFootprint(0, lat, lon, alt, { field, targetAltitudeKm: target });
        expect(fp).not.toBeNull();
        const s = geodeticToEcef(lat, lon, alt * 1e3);
        const north = s.x * pole[0] + s.y * pole[1] + s.z * pole[2] > 0;
        const expected = analyticDipoleFootprint(pole, lat, lon, alt, target, !north);
        // Oracle: analytic dipole line r = L cos²λ; tolerance 1 m (issue 4).
        expect(distanceM(fp as Footprint, expected)).toBeLessThan(1);
        // Target altitude reached to 1 mm.
        expect(Math.abs((fp as Footprint).altitudeKm - target)).toBeLessThan(1e-6);
      }
    });
  }

  it("reaches the southern end from the north with hemisphere south/opposite (analytic)", () => {
    const pole = axis(90, 0);
    const field = dipoleFieldFunction(pole, 30_000, RE_KM);
    const expected = analyticDipoleFootprint(pole, 62, 45, 800, 110, true);
    for (const hemisphere of ["south", "opposite"] as const) {
      const fp = traceFootprint(0, 62, 45, 800, { field, hemisphere });
      // Oracle: analytic dipole footprint in the other hemisphere; 1 m.
      expect(distanceM(fp as Footprint, expected)).toBeLessThan(1);
    }
    // "north" from a northern start is the same-hemisphere footprint.
    const north = traceFootprint(0, 62, 45, 800, { field, hemisphere: "north" });
    expect(
      distanceM(north as Footprint, analyticDipoleFootprint(pole, 62, 45, 800, 110, false)),
    ).toBeLessThan(1);
  });
});

describe("traceFootprint along IGRF-14 (self-consistency)", () => {
  it("conjugate of the conjugate returns to the start within 10 m", () => {
    for (const [lat, lon, alt] of [
      [65, -147, 110],
      [-55, 140, 300],
      [55, 179.5, 800],
      [48, 10, 500],
    ] as const) {
      const there = conjugatePoint(t2020, lat, lon, alt);
      expect(there).not.toBeNull();
      const f = there as Footprint;
      const back = conjugatePoint(t2020, f.latitudeDeg, f.longitudeDeg, f.altitudeKm);
      // Invariant: following the same field line back; tolerance 10 m (issue 4).
      expect(
        distanceM(back as Footprint, { latitudeDeg: lat, longitudeDeg: lon, altitudeKm: alt }),
      ).toBeLessThan(10);
      expect(Math.sign(f.latitudeDeg)).toBe(-Math.sign(lat));
    }
  });

  it("footprint traced back up returns the start within 10 m", () => {
    const down = traceFootprint(t2020, 66, -150, 800) as Footprint;
    const up = traceFootprint(t2020, down.latitudeDeg, down.longitudeDeg, down.altitudeKm, {
      targetAltitudeKm: 800,
    });
    // Invariant: same field line; 10 m.
    expect(
      distanceM(up as Footprint, { latitudeDeg: 66, longitudeDeg: -150, altitudeKm: 800 }),
    ).toBeLessThan(10);
  });

  it("the field at the footprint is tangent to the end of the traced line", () => {
    const fp = traceFootprint(t2020, 62, 25, 900) as Footprint;
    const before = traceFootprint(t2020, 62, 25, 900, { targetAltitudeKm: 110.5 }) as Footprint;
    const p = geodeticToEcef(fp.latitudeDeg, fp.longitudeDeg, fp.altitudeKm * 1e3);
    const q = geodeticToEcef(before.latitudeDeg, before.longitudeDeg, before.altitudeKm * 1e3);
    const chord = [q.x - p.x, q.y - p.y, q.z - p.z];
    const direction = new Float64Array(3);
    const igrf = new FieldLineTracer(igrfFieldFunction(igrfModel(t2020)));
    expect(igrf.directionAt(p.x / 1e3, p.y / 1e3, p.z / 1e3, 1, direction)).toBe(true);
    const chordLength = Math.hypot(chord[0] as number, chord[1] as number, chord[2] as number);
    const cosine = Math.abs(
      ((chord[0] as number) * (direction[0] as number) +
        (chord[1] as number) * (direction[1] as number) +
        (chord[2] as number) * (direction[2] as number)) /
        chordLength,
    );
    // Invariant: a field line is tangent to B; over a ~0.6 km chord the angle is < 1e-3 rad.
    expect(Math.acos(Math.min(1, cosine))).toBeLessThan(1e-3);
  });
});

describe("traceFootprint failures and arguments", () => {
  /**
   * Dungey's open magnetosphere: a dipole plus a uniform southward field Bs. Lines through the
   * equator beyond the neutral ring L = (B0/Bs)^(1/3) = 10 RE, and polar-cap lines, are open.
   */
  const pole = axis(90, 0);
  const dipole = dipoleFieldFunction(pole, 30_000, RE_KM);
  const open: FieldFunction = (x, y, z, out) => {
    dipole(x, y, z, out);
    out[2] = (out[2] as number) - 30;
  };

  it("returns null / escaped for an open line from the equator at high L and from the polar cap", () => {
    const tracer = createFootprintTracer(0, { field: open });
    const out = emptyFootprint();
    // 15 RE on the equator, beyond the 10 RE neutral ring: open (analytic, Dungey model).
    expect(tracer.trace(0, 0, 15 * RE_KM, out)).toBe("escaped");
    expect(traceFootprint(0, 0, 0, 15 * RE_KM, { field: open })).toBeNull();
    // Polar cap at 85°: the line goes up and out; the opposite end is never reached.
    expect(tracer.trace(85, 0, 800, out)).toBe("ok");
    expect(
      createFootprintTracer(0, { field: open, hemisphere: "opposite" }).trace(85, 0, 800, out),
    ).toBe("escaped");
    // A closed line inside the ring still has a conjugate (L ≈ 3): invariant of the model's symmetry.
    const closed = conjugatePoint(0, 55, 0, 800, { field: open });
    expect(Math.abs((closed as Footprint).latitudeDeg + 55)).toBeLessThan(1e-5);
  });

  it("reports maxSteps and rejects bad arguments", () => {
    const out = emptyFootprint();
    expect(
      createFootprintTracer(t2020, { maxSteps: 1, hemisphere: "opposite" }).trace(60, 0, 800, out),
    ).toBe("maxSteps");
    expect(() => traceFootprint(t2020, 91, 0, 800)).toThrow(InvalidArgumentError);
    expect(() => traceFootprint(t2020, 60, Number.NaN, 800)).toThrow(InvalidArgumentError);
    expect(() => traceFootprint(Date.UTC(2031, 0, 1), 60, 0, 800)).toThrow(InvalidArgumentError);
    expect(() =>
      createFootprintTracer(t2020, { targetAltitudeKm: Number.POSITIVE_INFINITY }),
    ).toThrow(InvalidArgumentError);
  });

  it("a field too rough for the tolerance stops with maxSteps, not a hang", () => {
    // Direction oscillating on a 1 mm scale: steps must stay tiny, so 50 steps never reach the target.
    const rough: FieldFunction = (x, y, z, out) => {
      out[0] = Math.sin(1e6 * x);
      out[1] = Math.cos(1e6 * y);
      out[2] = 2 + Math.sin(1e6 * z);
    };
    const status = createFootprintTracer(0, { field: rough, maxSteps: 50 }).trace(
      60,
      0,
      800,
      emptyFootprint(),
    );
    expect(status).toBe("maxSteps");
  });

  it("a zero field gives fieldVanished, not a hang", () => {
    const zero: FieldFunction = (_x, _y, _z, out) => out.fill(0);
    expect(createFootprintTracer(0, { field: zero }).trace(60, 0, 800, emptyFootprint())).toBe(
      "fieldVanished",
    );
  });
});
