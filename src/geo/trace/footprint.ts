/**
 * Magnetic footprints: where the field line through a point reaches a target geodetic (WGS84)
 * altitude. Hemisphere choice ("north"/"south" are the magnetic ends: north is where the field
 * points into the ground, as B is followed forward; "same" is the crossing on the start's own
 * side of the apex, "opposite" the one beyond it):
 * - start above the target: follow "same" = the direction that goes down at the start
 *   (−sign(B·r̂) times B), "opposite" = the one that goes up; stop at the first downward crossing.
 * - start below the target: "same" goes up to the first upward crossing; "opposite" goes up and
 *   over the apex to the first downward crossing; "north"/"south" take the crossing nearest
 *   their end (the upward one behind the start when that end lies below the start).
 */
import { InvalidArgumentError } from "../../core/errors.js";
import { igrfModel } from "../igrf/igrf-model.js";
import { ecefToGeodeticInto, type GeodeticRad, type Vec3 } from "../wgs84.js";
import { type FieldFunction, igrfFieldFunction } from "./field-function.js";
import { FieldLineTracer, type TracerOptions, type TraceStatus } from "./field-line-tracer.js";
import { geodeticStartKm } from "./geodetic-start.js";

const DEG = Math.PI / 180;

export type FootprintHemisphere = "north" | "south" | "same" | "opposite";

export interface FootprintOptions extends TracerOptions {
  /** Geodetic altitude of the footprint, km. Default 110. */
  targetAltitudeKm?: number;
  hemisphere?: FootprintHemisphere;
  /** Field to follow instead of the IGRF at the given time (ECEF km in, vector out). */
  field?: FieldFunction;
  /** Accept IGRF dates 2030–2035 (igrf14syn's extrapolation). */
  allowExtrapolation?: boolean;
}

export interface Footprint {
  latitudeDeg: number;
  /** Degrees east in [-180, 180]. */
  longitudeDeg: number;
  /** Geodetic altitude, km (the target, within 1 mm). */
  altitudeKm: number;
  /** Length of the field line from the start to the footprint, km. */
  arcLengthKm: number;
  /** Accepted integration steps. */
  steps: number;
}

export const emptyFootprint = (): Footprint => ({
  latitudeDeg: 0,
  longitudeDeg: 0,
  altitudeKm: 0,
  arcLengthKm: 0,
  steps: 0,
});

/** A reusable footprint tracer for one instant (or injected field); `trace` does not allocate. */
export class FootprintTracer {
  readonly targetAltitudeKm: number;
  readonly hemisphere: FootprintHemisphere;
  private readonly tracer: FieldLineTracer;
  private readonly geodetic: GeodeticRad = { latitudeRad: 0, longitudeRad: 0, heightM: 0 };
  private readonly ecef: Vec3 = { x: 0, y: 0, z: 0 };
  private readonly direction = new Float64Array(3);
  private readonly heightAbove: (xKm: number, yKm: number, zKm: number) => number;

  constructor(field: FieldFunction, options: FootprintOptions = {}) {
    this.targetAltitudeKm = options.targetAltitudeKm ?? 110;
    this.hemisphere = options.hemisphere ?? "same";
    if (!Number.isFinite(this.targetAltitudeKm) || this.targetAltitudeKm < -1000) {
      throw new InvalidArgumentError(
        "targetAltitudeKm",
        "must be a finite altitude above -1000 km",
      );
    }
    this.tracer = new FieldLineTracer(field, options);
    const target = this.targetAltitudeKm;
    const g = this.geodetic;
    this.heightAbove = (x, y, z) =>
      ecefToGeodeticInto(x * 1e3, y * 1e3, z * 1e3, g).heightM / 1e3 - target;
  }

  /** Footprint of a geodetic point into `out`; "ok" or why the line did not reach the target. */
  trace(
    latitudeDeg: number,
    longitudeDeg: number,
    altitudeKm: number,
    out: Footprint,
  ): TraceStatus {
    const { x, y, z } = geodeticStartKm(latitudeDeg, longitudeDeg, altitudeKm, this.ecef);
    const d = this.direction;
    if (!this.tracer.directionAt(x, y, z, 1, d)) return "fieldVanished";
    // +1 where following B goes down (B·r ≤ 0) at the start.
    const forwardGoesDown = (d[0] as number) * x + (d[1] as number) * y + (d[2] as number) * z <= 0;
    const downSign = forwardGoesDown ? 1 : -1;
    const above = altitudeKm >= this.targetAltitudeKm;
    let sign: number;
    let crossing: 1 | -1 = -1;
    switch (this.hemisphere) {
      case "same":
        sign = above ? downSign : -downSign;
        if (!above) crossing = 1;
        break;
      case "opposite":
        sign = -downSign;
        break;
      default: {
        sign = this.hemisphere === "north" ? 1 : -1;
        // The chosen end lies below a start that is already below the target: take the crossing behind.
        if (!above && sign === downSign) {
          sign = -sign;
          crossing = 1;
        }
      }
    }
    const status = this.tracer.run(x, y, z, sign, this.heightAbove, crossing);
    if (status !== "ok") return status;
    const end = this.tracer.end;
    const g = ecefToGeodeticInto(
      (end[0] as number) * 1e3,
      (end[1] as number) * 1e3,
      (end[2] as number) * 1e3,
      this.geodetic,
    );
    out.latitudeDeg = g.latitudeRad / DEG;
    out.longitudeDeg = g.longitudeRad / DEG;
    out.altitudeKm = g.heightM / 1e3;
    out.arcLengthKm = this.tracer.arcLengthKm;
    out.steps = this.tracer.steps;
    return "ok";
  }
}

function fieldFor(timeMs: number, options: FootprintOptions): FieldFunction {
  if (options.field !== undefined) return options.field;
  return igrfFieldFunction(
    igrfModel(timeMs, { allowExtrapolation: options.allowExtrapolation === true }),
  );
}

/** A tracer for the IGRF at `timeMs` (or `options.field`), to trace many points. */
export function createFootprintTracer(
  timeMs: number,
  options: FootprintOptions = {},
): FootprintTracer {
  return new FootprintTracer(fieldFor(timeMs, options), options);
}

/**
 * The magnetic footprint of a geodetic point at `targetAltitudeKm` (default 110 km), or null
 * when the line does not get there (open, too long); `createFootprintTracer(...).trace` returns
 * the reason.
 */
export function traceFootprint(
  timeMs: number,
  latitudeDeg: number,
  longitudeDeg: number,
  altitudeKm: number,
  options: FootprintOptions = {},
): Footprint | null {
  const out = emptyFootprint();
  return createFootprintTracer(timeMs, options).trace(
    latitudeDeg,
    longitudeDeg,
    altitudeKm,
    out,
  ) === "ok"
    ? out
    : null;
}

/** The magnetic conjugate: the same geodetic altitude at the other end of the field line. */
export function conjugatePoint(
  timeMs: number,
  latitudeDeg: number,
  longitudeDeg: number,
  altitudeKm: number,
  options: Omit<FootprintOptions, "targetAltitudeKm" | "hemisphere"> = {},
): Footprint | null {
  return traceFootprint(timeMs, latitudeDeg, longitudeDeg, altitudeKm, {
    ...options,
    targetAltitudeKm: altitudeKm,
    hemisphere: "opposite",
  });
}
