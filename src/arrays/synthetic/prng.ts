/**
 * Small deterministic pseudo-random generators for the synthetic imager. Every stream is
 * derived from integers only (seed, frame time), so a frame is the same whatever order frames
 * are rendered in and however many workers render them.
 */

/** Mixes 32-bit words into a well-spread 32-bit state (MurmurHash3's fmix32 finaliser). */
export function mix32(...words: number[]): number {
  let h = 0x9e3779b9;
  for (const word of words) {
    h = Math.imul(h ^ (word >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** The 32-bit words of a time in whole milliseconds (exact up to ±2^53 ms). */
export function timeWords(timeMs: number): [number, number] {
  const whole = Math.round(timeMs);
  const high = Math.floor(whole / 2 ** 32);
  return [whole - high * 2 ** 32, high | 0];
}

/**
 * Mulberry32 (T. Ettinger, public domain, 2017): a 32-bit-state generator, fast and good
 * enough for image noise; uniform doubles in [0, 1).
 */
export class Mulberry32 {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in [low, high). */
  between(low: number, high: number): number {
    return low + (high - low) * this.next();
  }
}
