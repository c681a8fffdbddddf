import { describe, expect, it } from "vitest";
import { IgrfModel, igrfModel } from "../../../src/geo/igrf/igrf-model.js";
import {
  DipoleEquatorTracer,
  emptyCrossing,
  traceToDipoleEquator,
} from "../../../src/geo/trace/dipole-equator.js";
import { dipoleFrame } from "../../../src/geo/trace/dipole-frame.js";
import { geodeticToEcef } from "../../../src/geo/wgs84.js";

const DEG = Math.PI / 180;
const t2020 = Date.UTC(2020, 0, 1);

/** An IGRF model reduced to its 2020.0 dipole terms: a centred, tilted dipole. */
function dipoleOnlyModel(): IgrfModel {
  const full = igrfModel(t2020);
  const model = new IgrfModel(2020);
  model.g.fill(0);
  model.h.fill(0);
  model.g[1] = full.g[1] as number;
  model.g[2] = full.g[2] as number;
  model.h[2] = full.h[2] as number;
  model.refreshOrder();
  return model;
}

describe("dipole frame", () => {
  it("is orthonormal, right-handed, with the geographic pole on the 180° magnetic meridian", () => {
    const f = dipoleFrame(-29403.41, -1451.37, 4653.35); // IGRF-14 2020.0 degree-1 terms
    const dot = (a: readonly number[], b: readonly number[]): number =>
      (a[0] as number) * (b[0] as number) +
      (a[1] as number) * (b[1] as number) +
      (a[2] as number) * (b[2] as number);
    // Invariants to 1e-15: unit, orthogonal, X × Y = Z.
    for (const v of [f.xAxis, f.yAxis, f.zAxis])
      expect(Math.abs(dot(v, v) - 1)).toBeLessThan(1e-15);
    expect(Math.abs(dot(f.xAxis, f.yAxis))).toBeLessThan(1e-15);
    expect(Math.abs(dot(f.xAxis, f.zAxis))).toBeLessThan(1e-15);
    expect(f.xAxis[1] * f.yAxis[2] - f.xAxis[2] * f.yAxis[1]).toBeCloseTo(f.zAxis[0], 15);
    // Geomagnetic north pole, analytic: latitude 90° − atan(√(g11² + h11²)/|g10|), longitude
    // atan2(−h11, −g11) (80.587°N, 72.683°W for 2020.0); 1e-9°.
    expect(Math.asin(f.zAxis[2]) / DEG).toBeCloseTo(
      90 - Math.atan(Math.hypot(1451.37, 4653.35) / 29403.41) / DEG,
      9,
    );
    expect(Math.atan2(f.zAxis[1], f.zAxis[0]) / DEG).toBeCloseTo(
      Math.atan2(-4653.35, 1451.37) / DEG,
      9,
    );
    // Hapgood 1992 §4.3: the geographic north pole has a negative magnetic X.
    expect(f.xAxis[2]).toBeLessThan(0);
  });
});

describe("traceToDipoleEquator", () => {
  it("reaches the analytic apex r = r0 / cos² λd of a pure dipole within 1 m", () => {
    const model = dipoleOnlyModel();
    const tracer = new DipoleEquatorTracer(model);
    const out = emptyCrossing();
    const [mx, my, mz] = tracer.frame.zAxis;
    const [xx, xy, xz] = tracer.frame.xAxis;
    const [yx, yy, yz] = tracer.frame.yAxis;
    for (const [lat, lon, alt] of [
      [45.5, -23.5, 1135],
      [-60, 120, 300],
      [70, 179.9, 0],
      [10, -170, 500],
    ] as const) {
      expect(tracer.traceGeodetic(lat, lon, alt, out)).toBe("ok");
      const s = geodeticToEcef(lat, lon, alt * 1e3);
      const r0Km = Math.hypot(s.x, s.y, s.z) / 1e3;
      const sinLd = (s.x * mx + s.y * my + s.z * mz) / 1e3 / r0Km;
      // Oracle: dipole field line r = L cos² λ, so the apex is at L = r0 / cos² λd; 1 m.
      expect(Math.abs(out.radiusKm - r0Km / (1 - sinLd * sinLd))).toBeLessThan(1e-3);
      // A dipole line keeps its dipole longitude; 1e-7° (≈ 1 cm at 1 RE).
      const lonD = Math.atan2(s.x * yx + s.y * yy + s.z * yz, s.x * xx + s.y * xy + s.z * xz) / DEG;
      expect(Math.abs(out.dipoleLongitudeDeg - lonD)).toBeLessThan(1e-7);
      expect(out.hemisphere).toBe(sinLd > 0 ? 1 : -1);
      // The crossing lies on the dipole equator to 1 mm.
      expect(Math.abs(out.xKm * mx + out.yKm * my + out.zKm * mz)).toBeLessThan(1e-6);
    }
  });

  it("lies on the dipole equator for the full IGRF and rejects out-of-range dates", () => {
    const c = traceToDipoleEquator(t2020, 65, -147, 110);
    expect(c).not.toBeNull();
    const { zAxis } = dipoleFrame(-29403.41, -1451.37, 4653.35);
    const crossing = c as NonNullable<typeof c>;
    // Invariant: event located to 1 mm.
    expect(
      Math.abs(crossing.xKm * zAxis[0] + crossing.yKm * zAxis[1] + crossing.zKm * zAxis[2]),
    ).toBeLessThan(1e-6);
    expect(() => traceToDipoleEquator(Date.UTC(1899, 0, 1), 65, 0, 0)).toThrow(/1900-01-01/);
  });
});
