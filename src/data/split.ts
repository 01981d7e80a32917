/** Seeded hold-out and k-fold splits of rows into training and validation sets. */

import { mulberry32, shuffle } from './random';

/** Row positions of the two sides of a split. */
export interface IHoldoutSplit {
  train: Int32Array;
  validation: Int32Array;
}

/**
 * Split rows `0 .. rows - 1` into training and validation sets.
 *
 * Without labels the rows are shuffled with `seed` and `round(rows * fraction)`
 * go to validation. With labels (one per row, for example class indices) each
 * class is shuffled and split on its own, so every class with at least 2 rows
 * is in both sets, while a class with 1 row stays in training. Every side
 * that can be non-empty is: with 2 or more rows, validation and training
 * each get at least 1 row. Training rows come in shuffled order, so a file
 * sorted by the target does not give sorted batches, and validation rows in
 * ascending order. The same inputs give the same split.
 *
 * Throws when `fraction` is not in (0, 1) or labels and `rows` disagree.
 */
export function holdoutSplit(
  labels: ArrayLike<number> | null,
  rows: number,
  fraction: number,
  seed: number
): IHoldoutSplit {
  if (!(fraction > 0 && fraction < 1)) {
    throw new Error(`The validation fraction must be between 0 and 1, not ${fraction}.`);
  }
  if (labels !== null && labels.length !== rows) {
    throw new Error(`Expected ${rows} labels for ${rows} rows, got ${labels.length}.`);
  }
  const random = mulberry32(seed);
  const groups = labels === null ? [range(rows)] : groupByLabel(labels);
  const train: number[] = [];
  const validation: number[] = [];
  for (const group of groups) {
    shuffle(group, random);
    const size = validationSize(group.length, fraction);
    for (let i = 0; i < group.length; i++) {
      (i < size ? validation : train).push(group[i]);
    }
  }
  return {
    train: shuffle(Int32Array.from(train), random),
    validation: Int32Array.from(validation).sort()
  };
}

/**
 * Split rows `0 .. rows - 1` into `k` folds for cross-validation.
 *
 * Returns `k` splits: split `i` validates on fold `i` and trains on the
 * other folds, so every row is validated exactly once. The rows are shuffled
 * with `seed`. With labels (one per row, for example class indices) the
 * folds are stratified: the rows of each class are shuffled and dealt to the
 * folds in turn, continuing where the previous class stopped, so fold sizes
 * and each class's count per fold differ by at most 1. A class with fewer
 * than `k` rows is missing from some folds' validation rows. Training rows
 * come in shuffled order and validation rows in ascending order. The same
 * inputs give the same folds.
 *
 * Throws when `k` is not an integer from 2 to `rows`, or labels and `rows`
 * disagree.
 */
export function kfoldSplit(
  labels: ArrayLike<number> | null,
  rows: number,
  k: number,
  seed: number
): IHoldoutSplit[] {
  if (!Number.isInteger(k) || k < 2 || k > rows) {
    throw new Error(
      `Cannot make ${k} folds of ${rows} rows: the number of folds must be an ` +
        'integer from 2 to the number of rows.'
    );
  }
  if (labels !== null && labels.length !== rows) {
    throw new Error(`Expected ${rows} labels for ${rows} rows, got ${labels.length}.`);
  }
  const random = mulberry32(seed);
  const groups = labels === null ? [range(rows)] : groupByLabel(labels);
  const foldOf = new Int32Array(rows);
  let dealt = 0;
  for (const group of groups) {
    shuffle(group, random);
    for (const row of group) {
      foldOf[row] = dealt % k;
      dealt++;
    }
  }
  return Array.from({ length: k }, (_, fold) => {
    const train: number[] = [];
    const validation: number[] = [];
    for (let row = 0; row < rows; row++) {
      (foldOf[row] === fold ? validation : train).push(row);
    }
    return {
      train: shuffle(Int32Array.from(train), random),
      validation: Int32Array.from(validation)
    };
  });
}

/** Rows of a group that go to validation: at least 1 and at most all but 1. */
function validationSize(count: number, fraction: number): number {
  if (count < 2) {
    return 0;
  }
  return Math.min(count - 1, Math.max(1, Math.round(count * fraction)));
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}

/** Row positions per distinct label, groups ordered by label. */
function groupByLabel(labels: ArrayLike<number>): number[][] {
  const groups = new Map<number, number[]>();
  for (let row = 0; row < labels.length; row++) {
    const group = groups.get(labels[row]);
    if (group) {
      group.push(row);
    } else {
      groups.set(labels[row], [row]);
    }
  }
  return [...groups.keys()].sort((a, b) => a - b).map(label => groups.get(label)!);
}
