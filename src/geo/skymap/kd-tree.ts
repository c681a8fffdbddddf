/**
 * An implicit, balanced k-d tree over 3-vectors, stored as a permutation of point indices:
 * the node of a range [lo, hi) is its midpoint, with every point of [lo, mid) at or below it
 * along the node's axis and every point of (mid, hi) at or above it.
 */

/**
 * Reorders `order` in place into an implicit balanced k-d tree: each range's midpoint is the
 * median along the axis of widest spread in that range, stored in `axes` at the midpoint.
 */
export function buildKdTree(order: Uint32Array, directions: Float64Array, axes: Uint8Array): void {
  // Explicit stack of [lo, hi) pairs: each level leaves at most one pending sibling pair plus
  // the pair being split, so 4 ints per level of log2(n) ≤ 32 levels (Uint32 indices) suffice.
  const stack = new Int32Array(4 * 34);
  let top = 0;
  stack[top++] = 0;
  stack[top++] = order.length;
  while (top > 0) {
    const hi = stack[--top] as number;
    const lo = stack[--top] as number;
    if (hi - lo < 2) continue;
    const axis = widestAxis(order, directions, lo, hi);
    const mid = (lo + hi) >>> 1;
    select(order, directions, axis, lo, hi - 1, mid);
    axes[mid] = axis;
    stack[top++] = lo;
    stack[top++] = mid;
    stack[top++] = mid + 1;
    stack[top++] = hi;
  }
}

function widestAxis(order: Uint32Array, directions: Float64Array, lo: number, hi: number): number {
  let best = 0;
  let bestSpread = -1;
  for (let axis = 0; axis < 3; axis++) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = lo; k < hi; k++) {
      const v = directions[3 * (order[k] as number) + axis] as number;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (max - min > bestSpread) {
      bestSpread = max - min;
      best = axis;
    }
  }
  return best;
}

/** Hoare quickselect on order[left..right] so that order[nth] holds the nth smallest by axis. */
function select(
  order: Uint32Array,
  directions: Float64Array,
  axis: number,
  left: number,
  right: number,
  nth: number,
): void {
  let lo = left;
  let hi = right;
  while (hi > lo) {
    const pivot = directions[3 * (order[(lo + hi) >>> 1] as number) + axis] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((directions[3 * (order[i] as number) + axis] as number) < pivot) i++;
      while ((directions[3 * (order[j] as number) + axis] as number) > pivot) j--;
      if (i <= j) {
        const t = order[i] as number;
        order[i] = order[j] as number;
        order[j] = t;
        i++;
        j--;
      }
    }
    if (nth <= j) hi = j;
    else if (nth >= i) lo = i;
    else return;
  }
}
