/**
 * Validation schemes: a hold-out split, or k-fold cross-validation where
 * each fold refits the preprocessing plan on its own training rows, and the
 * merging of per-fold model results into one result.
 */
import {
  IClassCounts,
  IDatasetProfile,
  IFoldSummary,
  IModelPredictions,
  IModelResult,
  IPreparedData,
  IWizardConfig
} from '../core/types';
import { ITable } from '../data/csv';
import { applyPlan, featureColumns, fitPlan, fitScaler } from '../data/plan';
import { IPrepared } from '../data/prepare';
import { IHoldoutSplit, kfoldSplit } from '../data/split';
import { numericColumn } from '../data/values';
import { mergePredictions } from './evaluation';

/** The prepared data of each fold of a validation scheme. */
export interface IFoldSet {
  /** Number of folds; 1 for a hold-out split. */
  count: number;
  /**
   * Return the prepared data of fold `index`, from 0. A k-fold set builds it
   * on every call, so only one fold's matrices are kept at a time.
   */
  fold(index: number): IPreparedData;
}

/** Wrap hold-out data as a set of one fold. */
export function holdoutFolds(data: IPreparedData): IFoldSet {
  return { count: 1, fold: () => data };
}

/** A k-fold set with the rows and class counts of each fold. */
export interface IKFoldSet extends IFoldSet {
  summaries: IFoldSummary[];
}

/**
 * Split the rows `prepared` uses into `k` folds and return the fold set.
 *
 * The folds cover the same rows as `prepared` (rows with a target), are
 * stratified by class for classification and are shuffled with
 * `config.seed`. Each fold fits its preprocessing plan, and for regression
 * the target scaling, on its own training rows only, as `prepareData` does
 * for the hold-out split, so no validation statistic reaches training.
 *
 * Throws when `k` is larger than the number of rows.
 */
export function kfoldFolds(
  table: ITable,
  profile: IDatasetProfile,
  config: IWizardConfig,
  prepared: IPrepared,
  k: number
): IKFoldSet {
  const rows = Int32Array.from([...prepared.rows.train, ...prepared.rows.validation]).sort();
  const classes = prepared.data.classes;
  const isClassification = config.task === 'classification';
  const targets = targetValues(table, config, prepared, rows);
  const splits = kfoldSplit(isClassification ? targets : null, rows.length, k, config.seed);

  const summaries = splits.map(split => ({
    trainRows: split.train.length,
    validationRows: split.validation.length,
    classCounts: isClassification ? countClasses(classes, targets, split) : null
  }));
  const fold = (index: number): IPreparedData => {
    const split = splits[index];
    const trainRows = Int32Array.from(split.train, position => rows[position]);
    const validationRows = Int32Array.from(split.validation, position => rows[position]);
    const plan = fitPlan(table, profile, config.features, trainRows);
    return {
      task: config.task,
      featureNames: plan.featureNames,
      width: plan.width,
      xTrain: applyPlan(plan, table, trainRows),
      xValidation: applyPlan(plan, table, validationRows),
      trainRows: trainRows.length,
      validationRows: validationRows.length,
      classes,
      ...foldTargets(targets, split, isClassification),
      validationRowIndices: validationRows,
      featureColumns: featureColumns(plan)
    };
  };
  return { count: k, fold, summaries };
}

/**
 * Return the class index or numeric target of each of `rows`. Class indices
 * come from `prepared`, so merged or dropped rare classes stay as
 * `prepareData` encoded them.
 */
function targetValues(
  table: ITable,
  config: IWizardConfig,
  prepared: IPrepared,
  rows: Int32Array
): Float64Array {
  if (config.task === 'regression') {
    const values = numericColumn(table, config.target);
    return Float64Array.from(rows, row => values[row]);
  }
  const classOf = new Map<number, number>();
  prepared.rows.train.forEach((row, index) => classOf.set(row, prepared.data.yTrain[index]));
  prepared.rows.validation.forEach((row, index) =>
    classOf.set(row, prepared.data.yValidation[index])
  );
  return Float64Array.from(rows, row => classOf.get(row) ?? NaN);
}

/**
 * Build the target arrays of one fold. A regression target is standardised
 * with the fold's training mean and standard deviation, and a standard
 * deviation of 0 becomes 1 so the scaling can be undone.
 */
function foldTargets(
  targets: Float64Array,
  split: IHoldoutSplit,
  isClassification: boolean
): Pick<IPreparedData, 'yTrain' | 'yValidation' | 'targetScale'> {
  const pick = (positions: Int32Array, mean = 0, std = 1) =>
    Float32Array.from(positions, position => (targets[position] - mean) / std);
  if (isClassification) {
    return { yTrain: pick(split.train), yValidation: pick(split.validation), targetScale: null };
  }
  const scaler = fitScaler(Array.from(split.train, position => targets[position]));
  const std = scaler.std > 0 ? scaler.std : 1;
  return {
    yTrain: pick(split.train, scaler.mean, std),
    yValidation: pick(split.validation, scaler.mean, std),
    targetScale: { mean: scaler.mean, std }
  };
}

function countClasses(classes: string[], labels: Float64Array, split: IHoldoutSplit): IClassCounts {
  const count = (positions: Int32Array) => {
    const counts: Record<string, number> = {};
    classes.forEach(label => (counts[label] = 0));
    positions.forEach(position => (counts[classes[labels[position]]] += 1));
    return counts;
  };
  return { train: count(split.train), validation: count(split.validation) };
}

/**
 * Merge the succeeded results of one model's folds into one result.
 *
 * `metrics` holds, per metric, the mean over the folds where it is defined
 * (for example `roc_auc` is undefined in a fold whose validation rows lack a
 * class), and `metricsStd` the population standard deviation over the same
 * folds. `predictions` joins every fold's, so each row appears once, when
 * every fold has them. `history`, `importance` and `artifact` are the first
 * fold's, and `trainMs` is `trainMs`, the time of every fold together.
 */
export function mergeFoldResults(folds: IModelResult[], trainMs: number): IModelResult {
  const names = [...new Set(folds.flatMap(fold => Object.keys(fold.metrics)))];
  const metrics: Record<string, number> = {};
  const metricsStd: Record<string, number> = {};
  for (const name of names) {
    const values = folds
      .map(fold => fold.metrics[name])
      .filter((value): value is number => value !== undefined);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    metrics[name] = mean;
    metricsStd[name] = Math.sqrt(variance);
  }
  const predictions = folds.map(fold => fold.predictions);
  return {
    ...folds[0],
    metrics,
    metricsStd,
    foldMetrics: folds.map(fold => ({ ...fold.metrics })),
    trainMs,
    ...(predictions.every((item): item is IModelPredictions => item !== undefined)
      ? { predictions: mergePredictions(predictions) }
      : {})
  };
}
