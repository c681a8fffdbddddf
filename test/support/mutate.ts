/**
 * Deterministic byte-level mutations of real files for the fuzz test: truncation, bit flips,
 * overwritten runs (0x00, 0xFF, random) and duplicated or deleted ranges — the corruptions seen
 * in interrupted downloads and damaged disks.
 */

/** mulberry32: a small, fast, seedable PRNG (public-domain algorithm by Tommy Ettinger). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Mutation = "truncate" | "flip" | "overwrite" | "duplicate" | "delete";

const MUTATIONS: readonly Mutation[] = ["truncate", "flip", "overwrite", "duplicate", "delete"];

export interface Mutated {
  readonly bytes: Uint8Array;
  readonly description: string;
}

/**
 * One mutation of `input`. Half of the positions are drawn from the first 4 KiB, where the
 * headers and record descriptors that steer a reader live.
 */
export function mutate(input: Uint8Array, random: () => number): Mutated {
  const n = input.byteLength;
  const position = () =>
    Math.floor(random() < 0.5 ? random() * Math.min(n, 4096) : random() * Math.max(1, n));
  const kind = MUTATIONS[Math.floor(random() * MUTATIONS.length)] ?? "flip";
  const at = Math.min(position(), Math.max(0, n - 1));
  switch (kind) {
    case "truncate":
      return { bytes: input.slice(0, at), description: `truncated to ${at} bytes` };
    case "flip": {
      const out = input.slice();
      const flips = 1 + Math.floor(random() * 8);
      for (let i = 0; i < flips; i++) {
        const p = Math.min(position(), n - 1);
        out[p] = (out[p] ?? 0) ^ (1 << Math.floor(random() * 8));
      }
      return { bytes: out, description: `${flips} bit flips near ${at}` };
    }
    case "overwrite": {
      const out = input.slice();
      const length = Math.min(1 + Math.floor(random() * 16), n - at);
      const fill = random();
      for (let i = 0; i < length; i++) {
        out[at + i] = fill < 0.33 ? 0 : fill < 0.66 ? 0xff : Math.floor(random() * 256);
      }
      return { bytes: out, description: `${length} bytes overwritten at ${at}` };
    }
    case "duplicate": {
      const length = Math.min(1 + Math.floor(random() * 64), n - at);
      const out = new Uint8Array(n + length);
      out.set(input.subarray(0, at + length));
      out.set(input.subarray(at), at + length);
      return { bytes: out, description: `${length} bytes duplicated at ${at}` };
    }
    case "delete": {
      const length = Math.min(1 + Math.floor(random() * 64), n - at);
      const out = new Uint8Array(n - length);
      out.set(input.subarray(0, at));
      out.set(input.subarray(at + length), at);
      return { bytes: out, description: `${length} bytes deleted at ${at}` };
    }
  }
}
