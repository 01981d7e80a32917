/**
 * Seeded pseudo-random numbers, so that splits and shuffles repeat exactly
 * for the same seed in the worker, in Node and in jest.
 */

/**
 * Create a mulberry32 generator for `seed`.
 *
 * The generator returns floats in [0, 1). Only the low 32 bits of the seed
 * are used, so seeds that differ by a multiple of 2^32 give the same stream.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffle `items` in place with the Fisher-Yates algorithm and return it. */
export function shuffle<T extends { length: number; [index: number]: any }>(
  items: T,
  random: () => number
): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = items[i];
    items[i] = items[j];
    items[j] = swap;
  }
  return items;
}
