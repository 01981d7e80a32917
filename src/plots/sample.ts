/**
 * Deterministic downsampling, so that figures stored in a notebook stay
 * small whatever the number of validation rows.
 */
import { mulberry32, shuffle } from '../data/random';

/** Maximum points of one curve (learning curve, ROC, precision-recall). */
export const MAX_CURVE_POINTS = 200;

/** Maximum points of one scatter trace. */
export const MAX_SCATTER_POINTS = 2000;

/** Seed of the scatter sample; fixed, so a figure is the same on every render. */
const SCATTER_SEED = 20240611;

/**
 * Return at most `max` indices into a curve of `length` points, evenly
 * spaced by position, always with the first and the last point, in order.
 */
export function curveIndices(length: number, max = MAX_CURVE_POINTS): number[] {
  if (length <= max) {
    return Array.from({ length }, (_, i) => i);
  }
  if (max <= 1) {
    return max === 1 ? [0] : [];
  }
  const step = (length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => Math.round(i * step));
}

/**
 * Return at most `max` indices into `length` points, a seeded random sample
 * in increasing order, so a scatter keeps the spread of the whole set.
 */
export function scatterIndices(length: number, max = MAX_SCATTER_POINTS): number[] {
  const all = Int32Array.from({ length }, (_, i) => i);
  if (length <= max) {
    return Array.from(all);
  }
  const chosen = shuffle(all, mulberry32(SCATTER_SEED)).subarray(0, Math.max(0, max));
  return Array.from(chosen.sort());
}

/** Return the values of `values` at `indices`. */
export function pick<T>(values: ArrayLike<T>, indices: number[]): T[] {
  return indices.map(index => values[index]);
}
