/**
 * Follows a field line from a start point until a scalar event function of the position
 * crosses zero in a chosen direction (e.g. geodetic height − target, or the dipole-equator
 * coordinate), then locates the crossing inside the last step (see `locate`). Preallocated;
 * `run` does not allocate.
 */
import type { FieldFunction } from "./field-function.js";
import { FieldLineStepper } from "./field-line-stepper.js";

/** Why a trace stopped without reaching its event. */
export type TraceFailure = "escaped" | "enteredEarth" | "maxSteps" | "fieldVanished";
export type TraceStatus = "ok" | TraceFailure;

export interface TracerOptions {
  /** Local error allowed per step, km. Default 1e-4 (0.1 m). */
  toleranceKm?: number;
  /** Give up after this many accepted steps. Default 5000. */
  maxSteps?: number;
  /** A line farther than this from the Earth's centre counts as open, km. Default 20 RE (127,420 km). */
  maxRadiusKm?: number;
}

/** Mean Earth radius used only to scale defaults, km (IGRF reference radius). */
const EARTH_RADIUS_KM = 6371.2;
/** Below this geocentric radius a line has gone deep into the Earth, km (never a valid event). */
const MIN_RADIUS_KM = 3000;
/** The interpolated crossing is refined to this event-function accuracy (1 mm for a height in km). */
const EVENT_TOLERANCE = 1e-6;
const MAX_ROOT_ITERATIONS = 40;
/** A step never exceeds this fraction of the geocentric distance, so one step cannot skip two crossings. */
const MAX_STEP_FRACTION = 0.1;
const FIRST_STEP_KM = 200;
/** Step attempts (accepted or rejected) allowed per permitted step before giving up. */
const MAX_ATTEMPTS_PER_STEP = 8;

export type EventFunction = (xKm: number, yKm: number, zKm: number) => number;

export class FieldLineTracer {
  /** End position (ECEF km), arc length and step count of the last successful run. */
  readonly end = new Float64Array(3);
  arcLengthKm = 0;
  steps = 0;
  private readonly stepper: FieldLineStepper;
  private readonly toleranceKm: number;
  private readonly maxSteps: number;
  private readonly maxRadiusKm: number;
  private readonly position = new Float64Array(3);
  private readonly next = new Float64Array(3);
  private readonly direction = new Float64Array(3);
  private readonly trial = new Float64Array(3);
  private readonly endDirection = new Float64Array(3);

  constructor(field: FieldFunction, options: TracerOptions = {}) {
    this.stepper = new FieldLineStepper(field);
    this.toleranceKm = options.toleranceKm ?? 1e-4;
    this.maxSteps = options.maxSteps ?? 5000;
    this.maxRadiusKm = options.maxRadiusKm ?? 20 * EARTH_RADIUS_KM;
  }

  /** σ B̂ at a point (unit vector into `out`); false where the field vanishes. */
  directionAt(xKm: number, yKm: number, zKm: number, sign: number, out: Float64Array): boolean {
    return this.stepper.directionAt(xKm, yKm, zKm, sign, out);
  }

  /**
   * Traces along σB from (x, y, z) km until `event` goes from ≥ 0 to < 0 (`crossing` −1) or
   * from ≤ 0 to > 0 (+1); the crossing point is left in {@link end}.
   */
  run(
    xKm: number,
    yKm: number,
    zKm: number,
    sign: number,
    event: EventFunction,
    crossing: 1 | -1,
  ): TraceStatus {
    const p = this.position;
    const q = this.next;
    const d = this.direction;
    p[0] = xKm;
    p[1] = yKm;
    p[2] = zKm;
    if (!this.stepper.directionAt(xKm, yKm, zKm, sign, d)) return "fieldVanished";
    let value = event(xKm, yKm, zKm) * crossing;
    let arc = 0;
    let h = FIRST_STEP_KM;
    // Rejected attempts count too, so a field too rough for the tolerance cannot loop forever.
    for (
      let steps = 0, attempts = 0;
      steps < this.maxSteps && attempts < MAX_ATTEMPTS_PER_STEP * this.maxSteps;
      attempts++
    ) {
      const radius = Math.sqrt(xKm * xKm + yKm * yKm + zKm * zKm);
      h = Math.min(h, MAX_STEP_FRACTION * radius);
      const error = this.stepper.step(p, d, sign, h, q);
      if (Number.isNaN(error)) return "fieldVanished";
      if (error > this.toleranceKm) {
        h *= Math.max(0.2, 0.9 * (this.toleranceKm / error) ** 0.2);
        continue;
      }
      steps++;
      const nextValue = event(q[0] as number, q[1] as number, q[2] as number) * crossing;
      if (value <= 0 && nextValue > 0) {
        const s = this.locate(h, sign, event, crossing, value, nextValue);
        this.arcLengthKm = arc + s;
        this.steps = steps;
        return "ok";
      }
      arc += h;
      value = nextValue;
      p.set(q);
      d.set(this.stepper.endDirection);
      xKm = p[0] as number;
      yKm = p[1] as number;
      zKm = p[2] as number;
      const r = Math.sqrt(xKm * xKm + yKm * yKm + zKm * zKm);
      if (r > this.maxRadiusKm) return "escaped";
      if (r < MIN_RADIUS_KM) return "enteredEarth";
      h *= error > 0 ? Math.min(5, 0.9 * (this.toleranceKm / error) ** 0.2) : 5;
    }
    return "maxSteps";
  }

  /**
   * Step length s ∈ (0, h] from `position` where the event is zero; the point goes to `end`.
   * The crossing is first found on the cubic Hermite curve through the step's ends and unit
   * tangents (Illinois regula falsi), then the point at that arc length is recomputed with one
   * full Runge–Kutta step, and the remaining event residual is removed along the tangent.
   */
  private locate(
    h: number,
    sign: number,
    event: EventFunction,
    crossing: number,
    valueAt0: number,
    valueAtH: number,
  ): number {
    const p0 = this.position;
    const d0 = this.direction;
    const p1 = this.next;
    const d1 = this.endDirection;
    d1.set(this.stepper.endDirection);
    const t = this.trial;
    let a = 0;
    let fa = valueAt0;
    let b = 1;
    let fb = valueAtH;
    let side = 0;
    for (let i = 0; i < MAX_ROOT_ITERATIONS && b - a > 1e-12; i++) {
      const u = (a * fb - b * fa) / (fb - fa);
      this.hermite(p0, d0, p1, d1, h, u, t);
      const fu = event(t[0] as number, t[1] as number, t[2] as number) * crossing;
      if (Math.abs(fu) <= EVENT_TOLERANCE) {
        a = u;
        b = u;
        break;
      }
      if (fu > 0) {
        b = u;
        fb = fu;
        if (side === 1) fa /= 2;
        side = 1;
      } else {
        a = u;
        fa = fu;
        if (side === -1) fb /= 2;
        side = -1;
      }
    }
    let s = ((a + b) / 2) * h;
    // One accurate step to the interpolated arc length, then a straight move along the tangent
    // by the event residual divided by its rate (the move is metres, its curvature error µm).
    this.stepper.step(p0, d0, sign, s, this.end);
    const e = this.end;
    const f = event(e[0] as number, e[1] as number, e[2] as number);
    const eps = 1e-3;
    const dd = this.stepper.endDirection;
    const fAhead = event(
      (e[0] as number) + eps * (dd[0] as number),
      (e[1] as number) + eps * (dd[1] as number),
      (e[2] as number) + eps * (dd[2] as number),
    );
    const rate = (fAhead - f) / eps;
    if (rate !== 0 && Number.isFinite(rate)) {
      const move = -f / rate;
      e[0] = (e[0] as number) + move * (dd[0] as number);
      e[1] = (e[1] as number) + move * (dd[1] as number);
      e[2] = (e[2] as number) + move * (dd[2] as number);
      s += move;
    }
    return s;
  }

  /** Cubic Hermite point at fraction u of a step of length h (tangents are unit, scaled by h). */
  private hermite(
    p0: Float64Array,
    d0: Float64Array,
    p1: Float64Array,
    d1: Float64Array,
    h: number,
    u: number,
    out: Float64Array,
  ): void {
    const u2 = u * u;
    const u3 = u2 * u;
    const h00 = 2 * u3 - 3 * u2 + 1;
    const h10 = (u3 - 2 * u2 + u) * h;
    const h01 = -2 * u3 + 3 * u2;
    const h11 = (u3 - u2) * h;
    for (let i = 0; i < 3; i++) {
      out[i] =
        h00 * (p0[i] as number) +
        h10 * (d0[i] as number) +
        h01 * (p1[i] as number) +
        h11 * (d1[i] as number);
    }
  }
}
