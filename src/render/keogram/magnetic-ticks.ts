import type { TickValue } from "../figure/ticks.js";
import { linearTicks } from "../figure/ticks.js";
import type { KeogramYAxis } from "./keogram-axis.js";

/**
 * Ticks at round magnetic latitudes along the keogram's geographic axis. Each round value is
 * placed where the pixel-centre magnetic latitudes cross it, interpolated linearly between the
 * two neighbouring pixel centres (magnetic latitude is smooth and monotonic along a meridian
 * at these scales); `value` is the geographic coordinate, `label` the magnetic latitude.
 */
export function magneticLatitudeTicks(
  yAxis: KeogramYAxis,
  magneticLatitudeDeg: Float32Array,
  count: number,
): TickValue[] {
  const geographic: number[] = [];
  const magnetic: number[] = [];
  yAxis.order.forEach((pixel, j) => {
    const value = magneticLatitudeDeg[pixel] as number;
    if (!Number.isFinite(value)) return;
    geographic.push(yAxis.centresDeg[j] as number);
    magnetic.push(value);
  });
  if (magnetic.length < 2) return [];
  const low = Math.min(...magnetic);
  const high = Math.max(...magnetic);
  if (!(high > low)) return [];
  const ticks: TickValue[] = [];
  for (const tick of linearTicks(low, high, count)) {
    for (let k = 1; k < magnetic.length; k++) {
      const a = magnetic[k - 1] as number;
      const b = magnetic[k] as number;
      if ((tick.value - a) * (tick.value - b) > 0 || a === b) continue;
      const fraction = (tick.value - a) / (b - a);
      const ga = geographic[k - 1] as number;
      const gb = geographic[k] as number;
      ticks.push({ value: ga + fraction * (gb - ga), label: tick.label, minor: false });
      break;
    }
  }
  return ticks;
}
