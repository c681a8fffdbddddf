import { InvalidArgumentError } from "../../core/errors.js";

/**
 * The keogram's time axis: instants start + k·cadence that lie in [start, end]. Frames are
 * placed by nearest slot, so a frame a little off the grid (camera timing jitter, e.g. THEMIS
 * frames at hh:mm:ss.05) still lands in its own slot.
 */
export class TimeGrid {
  readonly startMs: number;
  readonly cadenceMs: number;
  readonly slotCount: number;

  constructor(startMs: number, endMs: number, cadenceS: number) {
    if (!(Number.isFinite(cadenceS) && cadenceS > 0)) {
      throw new InvalidArgumentError(
        "imager",
        `its cadence ${cadenceS} s is not a positive duration; the array plugin must declare cadenceS > 0`,
      );
    }
    if (!(Number.isFinite(startMs) && Number.isFinite(endMs) && endMs >= startMs)) {
      throw new InvalidArgumentError(
        "imager",
        `its range ${startMs} – ${endMs} ms is not a time range; open it with start ≤ end`,
      );
    }
    this.startMs = startMs;
    this.cadenceMs = cadenceS * 1000;
    this.slotCount = Math.floor((endMs - startMs) / this.cadenceMs) + 1;
  }

  /** Time of slot k, ms since 1970 UTC. */
  slotTimeMs(slot: number): number {
    return this.startMs + slot * this.cadenceMs;
  }

  /**
   * The nearest slot, round((t − start)/cadence), clamped to the grid: a frame inside the
   * range but nearer to a grid instant past its end goes to the last slot rather than being lost.
   */
  slotOf(timeMs: number): number {
    const slot = Math.round((timeMs - this.startMs) / this.cadenceMs);
    return Math.min(Math.max(slot, 0), this.slotCount - 1);
  }

  /** The slot instants as one array. */
  timesMs(): Float64Array {
    const out = new Float64Array(this.slotCount);
    for (let k = 0; k < this.slotCount; k++) out[k] = this.slotTimeMs(k);
    return out;
  }
}
