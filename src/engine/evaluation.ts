/**
 * Evaluation outputs of a fitted model on its validation rows: predictions
 * in the file's units, and permutation importance per original feature
 * column.
 */
import { primaryMetric } from '../core/results';
import {
  IEpochRecord,
  IFeatureColumns,
  IFeatureImportance,
  IModelArtifact,
  IModelPredictions,
  IModelResult,
  IPreparedData
} from '../core/types';
import { mulberry32, shuffle } from '../data/random';
import { IModelRun, metricsOf, succeededResult } from './modelRun';

/** Shuffles of each feature column; the importance is their mean score drop. */
export const IMPORTANCE_REPEATS = 3;

/** Maximum validation rows that permutation importance scores, drawn with the run seed. */
export const IMPORTANCE_MAX_ROWS = 2000;

/** Significant digits kept of each probability. */
const PROBABILITY_DIGITS = 6;

/** Significant digits kept of each regression value, about float32's precision. */
const VALUE_DIGITS = 7;

/**
 * Offset added to the run seed for the importance generator, so its stream
 * differs from the split's and the shuffles' streams.
 */
const IMPORTANCE_SEED_OFFSET = 0x5eed;

/** Model outputs for a row-major input matrix, in the form `metricsOf` reads. */
export type PredictFunction = (x: Float32Array, rows: number) => Float32Array;

/** A fitted model, as `evaluatedResult` uses it. */
export interface IFittedModel {
  predict: PredictFunction;
  /** Save the model; called on the first fold only. */
  artifact(): Promise<IModelArtifact> | IModelArtifact;
}

/**
 * Build the succeeded result of one fold from the model's validation
 * outputs: metrics and predictions, and on the first fold (the only fold of
 * a hold-out split) permutation importance and the artifact too. Returns
 * null when `shouldStop` interrupted the importance.
 */
export async function evaluatedResult(
  run: IModelRun,
  outputs: Float32Array,
  history: IEpochRecord[],
  fitted: IFittedModel
): Promise<IModelResult | null> {
  const result = succeededResult(run, metricsOf(run.data, outputs), history);
  result.predictions = validationPredictions(run.data, outputs);
  if (run.fold > 0) {
    return result;
  }
  const importance = await permutationImportance({
    data: run.data,
    predict: fitted.predict,
    seed: run.config.seed,
    shouldStop: () => run.hooks.shouldStop()
  });
  if (importance === null) {
    return null;
  }
  result.importance = importance;
  result.artifact = await fitted.artifact();
  result.trainMs = run.now() - run.started;
  return result;
}

/**
 * Build the predictions of a model on the validation rows of `data` from its
 * outputs: probabilities (rows × classes) or scaled regression values.
 *
 * Regression values are converted back to the target's units. Each
 * probability row is cleaned of non-finite values, normalised to sum to 1
 * (a row with no positive value becomes uniform) and rounded to 6
 * significant digits, so a row sums to 1 within about 1e-5. The predicted
 * class is the first class of largest probability, as in the metrics.
 */
export function validationPredictions(data: IPreparedData, outputs: Float32Array): IModelPredictions {
  const count = data.validationRows;
  const rows = data.validationRowIndices
    ? Array.from(data.validationRowIndices)
    : Array.from({ length: count }, (_, i) => i);
  if (data.task === 'regression') {
    const scale = data.targetScale ?? { mean: 0, std: 1 };
    const unscale = (value: number) => roundTo(finiteOr(value * scale.std + scale.mean, scale.mean), VALUE_DIGITS);
    return {
      rows,
      actual: Array.from(data.yValidation, unscale),
      predicted: Array.from(outputs.subarray(0, count), unscale)
    };
  }

  const k = data.classes.length;
  const predicted: number[] = [];
  const probabilities: number[][] = [];
  for (let row = 0; row < count; row++) {
    const values = Array.from(outputs.subarray(row * k, (row + 1) * k), value =>
      Number.isFinite(value) && value > 0 ? value : 0
    );
    const sum = values.reduce((total, value) => total + value, 0);
    const normalised = values.map(value => (sum > 0 ? value / sum : 1 / k));
    let best = 0;
    for (let c = 1; c < k; c++) {
      if (normalised[c] > normalised[best]) {
        best = c;
      }
    }
    predicted.push(best);
    probabilities.push(normalised.map(value => roundTo(value, PROBABILITY_DIGITS)));
  }
  return { rows, actual: Array.from(data.yValidation), predicted, probabilities };
}

/**
 * Join the validation predictions of every fold into one set, ordered by
 * data row. With k-fold validation every row appears once.
 */
export function mergePredictions(folds: IModelPredictions[]): IModelPredictions {
  const entries = folds.flatMap(fold =>
    fold.rows.map((row, i) => ({
      row,
      actual: fold.actual[i],
      predicted: fold.predicted[i],
      probabilities: fold.probabilities?.[i]
    }))
  );
  entries.sort((a, b) => a.row - b.row);
  const merged: IModelPredictions = {
    rows: entries.map(entry => entry.row),
    actual: entries.map(entry => entry.actual),
    predicted: entries.map(entry => entry.predicted)
  };
  if (folds.length > 0 && folds.every(fold => fold.probabilities !== undefined)) {
    merged.probabilities = entries.map(entry => entry.probabilities as number[]);
  }
  return merged;
}

/** Inputs of `permutationImportance`. */
export interface IImportanceOptions {
  data: IPreparedData;
  predict: PredictFunction;
  /** Run seed; equal seeds give equal shuffles. */
  seed: number;
  /** Polled before each feature column; true makes the function return null. */
  shouldStop: () => boolean;
}

/**
 * Compute permutation importance on the validation rows of `data`.
 *
 * Each original feature column is shuffled `IMPORTANCE_REPEATS` times, and
 * all one-hot slots of a categorical column move with one row permutation.
 * Its importance is the mean drop of the task's primary metric. That is the
 * score lost for a higher-is-better metric and the error gained for a
 * lower-is-better one, so larger always means more important. `std` is the
 * population standard deviation of the drops. At most
 * `IMPORTANCE_MAX_ROWS` rows are scored, a sample drawn with `seed`.
 *
 * Returns the features sorted by importance, largest first (ties keep input
 * order), an empty list when there are no validation rows or the metric is
 * undefined on them, and null when `shouldStop` returned true.
 */
export async function permutationImportance(options: IImportanceOptions): Promise<IFeatureImportance[] | null> {
  const { data, predict, shouldStop } = options;
  const random = mulberry32(options.seed + IMPORTANCE_SEED_OFFSET);
  const sample = sampleValidation(data, random);
  const { metric, higherIsBetter } = primaryMetric(data.task);
  const score = (x: Float32Array): number | undefined =>
    metricsOf(sample.data, predict(x, sample.rows))[metric];

  const base = sample.rows === 0 ? undefined : score(sample.x);
  if (base === undefined) {
    return [];
  }
  const results: IFeatureImportance[] = [];
  for (const group of featureGroups(data)) {
    // The worker receives a cancel as a message, so let it through first.
    await new Promise(resolve => setTimeout(resolve, 0));
    if (shouldStop()) {
      return null;
    }
    const drops: number[] = [];
    for (let repeat = 0; repeat < IMPORTANCE_REPEATS; repeat++) {
      const permuted = permuteColumns(sample.x, sample.rows, data.width, group.columns, random);
      const value = score(permuted);
      let drop = 0;
      if (value !== undefined) {
        drop = higherIsBetter ? base - value : value - base;
      }
      drops.push(finiteOr(drop, 0));
    }
    const mean = drops.reduce((sum, drop) => sum + drop, 0) / drops.length;
    const variance = drops.reduce((sum, drop) => sum + (drop - mean) ** 2, 0) / drops.length;
    results.push({ feature: group.feature, importance: mean, std: Math.sqrt(variance) });
  }
  return results
    .map((item, position) => ({ item, position }))
    .sort((a, b) => b.item.importance - a.item.importance || a.position - b.position)
    .map(entry => entry.item);
}

/** Return the feature groups of `data`, one per encoded column when it has none. */
function featureGroups(data: IPreparedData): IFeatureColumns[] {
  return data.featureColumns ?? data.featureNames.map((feature, i) => ({ feature, columns: [i] }));
}

/** A validation sample: its input matrix, and `data` narrowed to its targets for scoring. */
interface ISample {
  x: Float32Array;
  rows: number;
  data: IPreparedData;
}

/**
 * Return the validation rows, or a seeded sample of `IMPORTANCE_MAX_ROWS` of
 * them in their original order when there are more.
 */
function sampleValidation(data: IPreparedData, random: () => number): ISample {
  const total = data.validationRows;
  if (total <= IMPORTANCE_MAX_ROWS) {
    return { x: data.xValidation, rows: total, data };
  }
  const order = shuffle(Int32Array.from({ length: total }, (_, i) => i), random);
  const chosen = order.subarray(0, IMPORTANCE_MAX_ROWS).sort();
  const width = data.width;
  const x = new Float32Array(chosen.length * width);
  chosen.forEach((row, i) => x.set(data.xValidation.subarray(row * width, (row + 1) * width), i * width));
  const yValidation = Float32Array.from(chosen, row => data.yValidation[row]);
  return { x, rows: chosen.length, data: { ...data, xValidation: x, yValidation, validationRows: chosen.length } };
}

/** Return a copy of `x` whose `columns` are moved together by one random row permutation. */
function permuteColumns(
  x: Float32Array,
  rows: number,
  width: number,
  columns: number[],
  random: () => number
): Float32Array {
  const order = shuffle(Int32Array.from({ length: rows }, (_, i) => i), random);
  const permuted = Float32Array.from(x);
  for (let row = 0; row < rows; row++) {
    for (const column of columns) {
      permuted[row * width + column] = x[order[row] * width + column];
    }
  }
  return permuted;
}

function roundTo(value: number, digits: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(digits));
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
