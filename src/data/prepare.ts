/**
 * Preparation of a checked dataset for training: target encoding, the
 * hold-out split, and the preprocessing plan fitted on the training rows.
 */

import {
  IClassCounts,
  IDatasetProfile,
  IPreparedData,
  IWizardConfig
} from '../core/types';
import { ITable } from './csv';
import { parseDate } from './datetime';
import { formatNumber } from './findings';
import { applyPlan, fitPlan, fitScaler, IColumnPlan, IPreprocessPlan } from './plan';
import { holdoutSplit } from './split';
import { booleanValue, columnIndex, numericColumn, parseNumber } from './values';

export { applyPlan, fitPlan } from './plan';
export type { IColumnPlan, IPreprocessPlan, IScaler } from './plan';

/** Missing cells of one feature over the used rows, and how they were filled. */
export interface IImputedColumn {
  column: string;
  count: number;
  /** For example "median 41.0" or "own category". */
  strategy: string;
}

/** A prepared dataset with everything the results report about it. */
export interface IPrepared {
  data: IPreparedData;
  plan: IPreprocessPlan;
  /** Features with missing or invalid cells, in feature order. */
  imputed: IImputedColumn[];
  /** Rows left out because the target was missing or, for regression, not a number. */
  droppedTargetRows: number;
  /** Rows per class in each split; null for regression. */
  classCounts: IClassCounts | null;
  /** Lines of rows with the wrong number of fields, which are never used. */
  skippedLines: number[];
}

/** The rows with a usable target and the target's encoding. */
interface IEncodedTarget {
  /** Table row index of each used row. */
  rows: number[];
  /** Class index or numeric value, per used row. */
  values: Float64Array;
  classes: string[];
}

/**
 * Prepare a table for training with `config`.
 *
 * Rows whose target is missing are dropped. A classification target becomes
 * the index of its class among the sorted class labels. A regression target
 * is standardised with the training mean and standard deviation. The rows are
 * split with `holdoutSplit` (stratified for classification) using
 * `config.holdout` and `config.seed`, and the preprocessing plan is fitted on
 * the training rows only.
 *
 * Run `checkConfig` first: this function throws on an unknown target or
 * feature, a target among the features, and when no row has a target.
 */
export function prepareData(
  table: ITable,
  profile: IDatasetProfile,
  config: IWizardConfig
): IPrepared {
  if (config.features.includes(config.target)) {
    throw new Error(`Target '${config.target}' cannot also be a feature.`);
  }
  const target = encodeTarget(table, config);
  if (target.rows.length === 0) {
    throw new Error(
      `No row of '${table.fileName}' has a value for target '${config.target}'.`
    );
  }
  const isClassification = config.task === 'classification';
  const split = holdoutSplit(
    isClassification ? target.values : null,
    target.rows.length,
    config.holdout,
    config.seed
  );
  const trainRows = Int32Array.from(split.train, position => target.rows[position]);
  const validationRows = Int32Array.from(split.validation, position => target.rows[position]);
  const plan = fitPlan(table, profile, config.features, trainRows);

  let yTrain = Float32Array.from(split.train, position => target.values[position]);
  let yValidation = Float32Array.from(split.validation, position => target.values[position]);
  let targetScale: IPreparedData['targetScale'] = null;
  if (!isClassification) {
    const scaler = fitScaler(Array.from(split.train, position => target.values[position]));
    targetScale = { mean: scaler.mean, std: scaler.std > 0 ? scaler.std : 1 };
    const scale = (value: number) => (value - targetScale!.mean) / targetScale!.std;
    yTrain = yTrain.map((_, i) => scale(target.values[split.train[i]]));
    yValidation = yValidation.map((_, i) => scale(target.values[split.validation[i]]));
  }

  const data: IPreparedData = {
    task: config.task,
    featureNames: plan.featureNames,
    width: plan.width,
    xTrain: applyPlan(plan, table, trainRows),
    xValidation: applyPlan(plan, table, validationRows),
    trainRows: trainRows.length,
    validationRows: validationRows.length,
    yTrain,
    yValidation,
    classes: target.classes,
    targetScale
  };
  return {
    data,
    plan,
    imputed: countImputed(table, plan, target.rows),
    droppedTargetRows: table.lines.length - target.rows.length,
    classCounts: isClassification ? countClasses(target.classes, yTrain, yValidation) : null,
    skippedLines: [...table.raggedLines]
  };
}

function encodeTarget(table: ITable, config: IWizardConfig): IEncodedTarget {
  const cells = table.cells[columnIndex(table, config.target)];
  const rows: number[] = [];
  if (config.task === 'regression') {
    const numbers = numericColumn(table, config.target);
    const values: number[] = [];
    numbers.forEach((value, row) => {
      if (!Number.isNaN(value)) {
        rows.push(row);
        values.push(value);
      }
    });
    return { rows, values: Float64Array.from(values), classes: [] };
  }
  cells.forEach((cell, row) => {
    if (cell !== '') {
      rows.push(row);
    }
  });
  const classes = sortClasses([...new Set(rows.map(row => cells[row]))]);
  const indexOf = new Map(classes.map((label, index) => [label, index]));
  const values = Float64Array.from(rows, row => indexOf.get(cells[row])!);
  return { rows, values, classes };
}

/**
 * Sort class labels: numerically when every label is a number, so "2" comes
 * before "10", otherwise by UTF-16 code units, which is locale-independent.
 */
export function sortClasses(labels: string[]): string[] {
  const numbers = labels.map(label => parseNumber(label));
  if (numbers.every(value => !Number.isNaN(value))) {
    return labels
      .map((label, index) => ({ label, value: numbers[index] }))
      .sort((a, b) => a.value - b.value || (a.label < b.label ? -1 : 1))
      .map(item => item.label);
  }
  return [...labels].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function countClasses(
  classes: string[],
  yTrain: Float32Array,
  yValidation: Float32Array
): IClassCounts {
  const count = (labels: Float32Array) => {
    const counts: Record<string, number> = {};
    classes.forEach(label => (counts[label] = 0));
    labels.forEach(index => (counts[classes[index]] += 1));
    return counts;
  };
  return { train: count(yTrain), validation: count(yValidation) };
}

/** Count the cells each planned column imputes over `rows`; only non-zero counts. */
function countImputed(
  table: ITable,
  plan: IPreprocessPlan,
  rows: number[]
): IImputedColumn[] {
  const imputed: IImputedColumn[] = [];
  for (const columnPlan of plan.columns) {
    const cells = table.cells[columnIndex(table, columnPlan.column)];
    const isMissing = missingTest(columnPlan);
    const count = rows.reduce((sum, row) => sum + (isMissing(cells[row]) ? 1 : 0), 0);
    if (count > 0) {
      imputed.push({ column: columnPlan.column, count, strategy: describeStrategy(columnPlan) });
    }
  }
  return imputed;
}

function missingTest(plan: IColumnPlan): (cell: string) => boolean {
  switch (plan.kind) {
    case 'numeric':
      return cell => Number.isNaN(parseNumber(cell, plan.decimalComma));
    case 'boolean':
      return cell => Number.isNaN(parseNumber(cell)) && Number.isNaN(booleanValue(cell));
    case 'datetime':
      return cell => parseDate(cell, plan.order) === null;
    default:
      return cell => cell === '';
  }
}

function describeStrategy(plan: IColumnPlan): string {
  switch (plan.kind) {
    case 'numeric':
    case 'boolean': {
      const median = plan.scaler.median;
      return `median ${Math.abs(median) < 1e6 ? median.toFixed(1) : formatNumber(median)}`;
    }
    case 'datetime':
      return 'median year, month and day of week';
    case 'categorical':
      return 'own category';
    case 'constant':
      return 'encoded as 0';
  }
}
