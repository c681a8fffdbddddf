/**
 * Where the field line through a point crosses the equatorial plane of the IGRF centred dipole
 * of the same instant: the apex used by AACGM-v2 field-line tracing (S. G. Shepherd,
 * "Altitude-adjusted corrected geomagnetic coordinates: Definition and functional
 * approximations", JGR Space Physics 119, 2014, §2). The line is followed away from the
 * start's dipole hemisphere: against B in the north (where B points down), along B in the south.
 */
import { type IgrfModel, type IgrfModelOptions, igrfModel } from "../igrf/igrf-model.js";
import type { Vec3 } from "../wgs84.js";
import { type DipoleFrame, dipoleFrame } from "./dipole-frame.js";
import { igrfFieldFunction } from "./field-function.js";
import { FieldLineTracer, type TracerOptions, type TraceStatus } from "./field-line-tracer.js";
import { geodeticStartKm } from "./geodetic-start.js";

const DEG = Math.PI / 180;

export interface DipoleEquatorCrossing {
  /** ECEF position of the crossing, km. */
  xKm: number;
  yKm: number;
  zKm: number;
  /** Geocentric distance of the crossing, km. */
  radiusKm: number;
  /** Longitude of the crossing in the dipole frame, degrees in [-180, 180]. */
  dipoleLongitudeDeg: number;
  /** +1 when the start is in the northern dipole hemisphere, −1 in the southern. */
  hemisphere: 1 | -1;
  arcLengthKm: number;
  steps: number;
}

export const emptyCrossing = (): DipoleEquatorCrossing => ({
  xKm: 0,
  yKm: 0,
  zKm: 0,
  radiusKm: 0,
  dipoleLongitudeDeg: 0,
  hemisphere: 1,
  arcLengthKm: 0,
  steps: 0,
});

/** A reusable dipole-equator tracer for one IGRF model; `trace*` do not allocate. */
export class DipoleEquatorTracer {
  readonly frame: DipoleFrame;
  readonly tracer: FieldLineTracer;
  private readonly ecef: Vec3 = { x: 0, y: 0, z: 0 };
  private readonly dipoleZ: (xKm: number, yKm: number, zKm: number) => number;

  constructor(
    readonly model: IgrfModel,
    options: TracerOptions = {},
  ) {
    const { g10, g11, h11 } = model.dipole;
    this.frame = dipoleFrame(g10, g11, h11);
    const [mx, my, mz] = this.frame.zAxis;
    this.dipoleZ = (x, y, z) => mx * x + my * y + mz * z;
    this.tracer = new FieldLineTracer(igrfFieldFunction(model), options);
  }

  /** From a WGS84 geodetic point. */
  traceGeodetic(
    latitudeDeg: number,
    longitudeDeg: number,
    altitudeKm: number,
    out: DipoleEquatorCrossing,
  ): TraceStatus {
    const e = geodeticStartKm(latitudeDeg, longitudeDeg, altitudeKm, this.ecef);
    return this.traceEcef(e.x, e.y, e.z, out);
  }

  /** From an ECEF point in km. */
  traceEcef(xKm: number, yKm: number, zKm: number, out: DipoleEquatorCrossing): TraceStatus {
    const start = this.dipoleZ(xKm, yKm, zKm);
    const north = start >= 0;
    const status =
      start === 0
        ? "ok"
        : this.tracer.run(xKm, yKm, zKm, north ? -1 : 1, this.dipoleZ, north ? -1 : 1);
    if (status !== "ok") return status;
    const end = this.tracer.end;
    const x = start === 0 ? xKm : (end[0] as number);
    const y = start === 0 ? yKm : (end[1] as number);
    const z = start === 0 ? zKm : (end[2] as number);
    const [xx, xy, xz] = this.frame.xAxis;
    const [yx, yy, yz] = this.frame.yAxis;
    out.xKm = x;
    out.yKm = y;
    out.zKm = z;
    out.radiusKm = Math.sqrt(x * x + y * y + z * z);
    out.dipoleLongitudeDeg = Math.atan2(yx * x + yy * y + yz * z, xx * x + xy * y + xz * z) / DEG;
    out.hemisphere = north ? 1 : -1;
    out.arcLengthKm = start === 0 ? 0 : this.tracer.arcLengthKm;
    out.steps = start === 0 ? 0 : this.tracer.steps;
    return "ok";
  }
}

/**
 * The dipole-equator crossing of the IGRF field line through a geodetic point, or null when the
 * line does not get there (escapes beyond `maxRadiusKm`, too many steps).
 */
export function traceToDipoleEquator(
  timeMs: number,
  latitudeDeg: number,
  longitudeDeg: number,
  altitudeKm: number,
  options: TracerOptions & IgrfModelOptions = {},
): DipoleEquatorCrossing | null {
  const tracer = new DipoleEquatorTracer(igrfModel(timeMs, options), options);
  const out = emptyCrossing();
  return tracer.traceGeodetic(latitudeDeg, longitudeDeg, altitudeKm, out) === "ok" ? out : null;
}
