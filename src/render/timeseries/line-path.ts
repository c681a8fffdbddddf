import { px } from "../figure/svg.js";

/** Whether a value can be drawn: finite, and positive on a log axis. */
export function usable(value: number, log: boolean): boolean {
  return Number.isFinite(value) && (!log || value > 0);
}

/**
 * The series as one SVG path: "M" starts a run, "L" continues it, and an unusable value ends
 * it, so gaps stay visible. Within a run, the points falling in one pixel column are reduced
 * to their first, lowest, highest and last (min/max decimation: the drawn envelope is the
 * same, and a day at 3 s cadence stays a few thousand points). A lone point becomes a
 * zero-length run, drawn as a dot by the round line caps.
 */
export function linePath(
  timesMs: Float64Array,
  values: Float32Array | Float64Array,
  x: (timeMs: number) => number,
  y: (value: number) => number,
  log: boolean,
): string {
  let path = "";
  let started = false;
  let column = Number.NaN;
  let xFirst = 0;
  let yFirst = 0;
  let yLow = 0;
  let yHigh = 0;
  let xLast = 0;
  let yLast = 0;
  let count = 0;
  const point = (xPx: number, yPx: number) => `${px(xPx)} ${px(yPx)}`;
  const flush = () => {
    if (count === 0) return;
    const first = point(xFirst, yFirst);
    path += started ? `L${first}` : `M${first}L${first}`;
    started = true;
    if (count > 2) path += `L${point(xFirst, yLow)}L${point(xFirst, yHigh)}`;
    if (count > 1) path += `L${point(xLast, yLast)}`;
    count = 0;
  };
  for (let i = 0; i < values.length; i++) {
    const time = timesMs[i] as number;
    const value = values[i] as number;
    if (!Number.isFinite(time) || !usable(value, log)) {
      flush();
      started = false;
      column = Number.NaN;
      continue;
    }
    const xi = x(time);
    const yi = y(value);
    if (Math.floor(xi) !== column) {
      flush();
      column = Math.floor(xi);
      xFirst = xi;
      yFirst = yi;
      yLow = yi;
      yHigh = yi;
    }
    yLow = Math.min(yLow, yi);
    yHigh = Math.max(yHigh, yi);
    xLast = xi;
    yLast = yi;
    count++;
  }
  flush();
  return path;
}
