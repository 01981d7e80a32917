/**
 * Preparation of a checked dataset for training: target encoding, the
 * hold-out split, and the preprocessing plan fitted on the training rows.
 */

import {
  IClassCounts,
  IDatasetProfile,
  IPreparedData,
  IRunResult,
  IWizardConfig
} from '../core/types';
import { columnTexts, IColumnData } from './column';
import { ITable } from './csv';
import { parseDate } from './datetime';
import { formatNumber } from './findings';
import { applyPlan, featureColumns, fitPlan, fitScaler, IColumnPlan, IPreprocessPlan } from './plan';
import { minClassRows, rareLabels, relabel, rowsByClass } from './rareClasses';
import { holdoutSplit, IHoldoutSplit } from './split';
import { booleanValue, columnIndex, numericColumn, parseColumn, parseNumber } from './values';

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
  /** Rare classes merged or dropped, with their row counts; absent when none. */
  rareClasses?: IRunResult['rareClasses'];
  /** Rows per class in each split; null for regression. */
  classCounts: IClassCounts | null;
  /** Lines of rows with the wrong number of fields, which are never used. */
  skippedLines: number[];
  /** Table row indices of each split, in the order of the matrix rows. */
  rows: { train: Int32Array; validation: Int32Array };
}

/** The rows with a usable target and the target's encoding. */
interface IEncodedTarget {
  /** Table row index of each used row. */
  rows: number[];
  /** Class index or numeric value, per used row. */
  values: Float64Array;
  classes: string[];
  /** Rare classes merged or dropped; absent when none. */
  rareClasses?: IRunResult['rareClasses'];
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

  const { yTrain, yValidation, targetScale } = targetArrays(target, split, isClassification);

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
    targetScale,
    validationRowIndices: validationRows,
    featureColumns: featureColumns(plan)
  };
  return {
    data,
    plan,
    imputed: countImputed(table, plan, target.rows),
    droppedTargetRows: table.lines.length - target.rows.length - droppedRare(target),
    rareClasses: target.rareClasses,
    classCounts: isClassification ? countClasses(target.classes, yTrain, yValidation) : null,
    skippedLines: [...table.raggedLines],
    rows: { train: trainRows, validation: validationRows }
  };
}

/**
 * Build the target arrays of both splits. A regression target is
 * standardised with the training mean and standard deviation, and a
 * standard deviation of 0 becomes 1 so the scaling can be undone.
 */
function targetArrays(
  target: IEncodedTarget,
  split: IHoldoutSplit,
  isClassification: boolean
): Pick<IPreparedData, 'yTrain' | 'yValidation' | 'targetScale'> {
  const values = (positions: Int32Array) =>
    Float32Array.from(positions, position => target.values[position]);
  if (isClassification) {
    return { yTrain: values(split.train), yValidation: values(split.validation), targetScale: null };
  }
  const scaler = fitScaler(Array.from(split.train, position => target.values[position]));
  const mean = scaler.mean;
  const std = scaler.std > 0 ? scaler.std : 1;
  const scaled = (positions: Int32Array) =>
    Float32Array.from(positions, position => (target.values[position] - mean) / std);
  return {
    yTrain: scaled(split.train),
    yValidation: scaled(split.validation),
    targetScale: { mean, std }
  };
}

function encodeTarget(table: ITable, config: IWizardConfig): IEncodedTarget {
  const cells = columnTexts(table.data[columnIndex(table, config.target)]);
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
  const byClass = rowsByClass(cells);
  const rare = rareLabels(byClass, minClassRows(config));
  const labels: string[] = [];
  cells.forEach((cell, row) => {
    const label = cell === '' ? null : relabel(cell, rare, config.rareClasses);
    if (label !== null) {
      rows.push(row);
      labels.push(label);
    }
  });
  const classes = sortClasses([...new Set(labels)]);
  const indexOf = new Map(classes.map((label, index) => [label, index]));
  const values = Float64Array.from(labels, label => indexOf.get(label)!);
  const handled =
    config.rareClasses && rare.size > 0
      ? {
          mode: config.rareClasses,
          classes: Object.fromEntries([...rare].map(label => [label, byClass.get(label)!.length]))
        }
      : undefined;
  return { rows, values, classes, rareClasses: handled };
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
  return [...labels].sort(compareCodeUnits);
}

function compareCodeUnits(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
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
    const data = table.data[columnIndex(table, columnPlan.column)];
    const isMissing = missingTest(columnPlan, data);
    const count = rows.reduce((sum, row) => sum + (isMissing(row) ? 1 : 0), 0);
    if (count > 0) {
      imputed.push({ column: columnPlan.column, count, strategy: describeStrategy(columnPlan) });
    }
  }
  return imputed;
}

/** Return a test of whether the cell in a row is imputed by `plan`. */
function missingTest(plan: IColumnPlan, data: IColumnData): (row: number) => boolean {
  if (plan.kind === 'numeric') {
    const parsed = parseColumn(data, plan.format ?? plan.decimalComma);
    return row => Number.isNaN(parsed[row]);
  }
  const cells = columnTexts(data);
  switch (plan.kind) {
    case 'boolean':
      return row => Number.isNaN(parseNumber(cells[row])) && Number.isNaN(booleanValue(cells[row]));
    case 'datetime':
      return row => parseDate(cells[row], plan.order) === null;
    default:
      return row => cells[row] === '';
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

/** Rows left out because their class was rare and dropped. */
function droppedRare(target: IEncodedTarget): number {
  const handled = target.rareClasses;
  if (!handled || handled.mode !== 'drop') {
    return 0;
  }
  return Object.values(handled.classes).reduce((sum, count) => sum + count, 0);
}
