/**
 * The preprocessing plan: per feature column, the statistics fitted on the
 * training rows (medians, means, standard deviations, category levels), and
 * the function that applies them to any rows of a table.
 */

import { IColumnProfile, IDatasetProfile, IFeatureColumns } from '../core/types';
import { columnTexts, IColumnData } from './column';
import { ITable } from './csv';
import { DateOrder, detectDateOrder, IDateParts, parseDate } from './datetime';
import { INumberFormat, isNumberFormat, PLAIN_FORMAT } from './numberFormat';
import { booleanValue, columnFormat, columnIndex, parseColumn, parseNumber } from './values';

/** Category levels one-hot encoded per column; rarer levels share one slot. */
export const MAX_LEVELS = 20;

/**
 * Largest magnitude of a scaled value. A value far outside the training range
 * is clipped to it, so that it cannot overflow float32 and turn a loss
 * into NaN.
 */
export const MAX_SCALED = 1e6;

/** Median for imputation, and mean and standard deviation for scaling. */
export interface IScaler {
  median: number;
  mean: number;
  /** 0 when the training values are all equal; the output is then 0. */
  std: number;
}

/** Encoding of one feature column. */
export type IColumnPlan =
  | {
      kind: 'numeric';
      column: string;
      /** Number format of the cells. Plans made before it was stored lack it. */
      format?: INumberFormat;
      /** Whether `format` has a decimal comma, for readers of older plans. */
      decimalComma: boolean;
      scaler: IScaler;
    }
  | { kind: 'boolean'; column: string; scaler: IScaler }
  | {
      kind: 'datetime';
      column: string;
      order: DateOrder;
      year: IScaler;
      month: IScaler;
      dayOfWeek: IScaler;
    }
  | {
      kind: 'categorical';
      column: string;
      /** One-hot levels, most frequent in training first. */
      levels: string[];
      /** Training levels beyond `MAX_LEVELS`, encoded in the other slot. */
      otherLevels: number;
    }
  | { kind: 'constant'; column: string };

/** Everything needed to turn table rows into the model's input matrix. */
export interface IPreprocessPlan {
  columns: IColumnPlan[];
  /** Name of each encoded column, `width` of them. */
  featureNames: string[];
  width: number;
  /** Selected features that are not encoded, with the reason. */
  excluded: Array<{ column: string; reason: string }>;
}

/**
 * Fit a plan for `features` on the table rows `trainRows`.
 *
 * Numeric and boolean columns are imputed with the training median and
 * standardised. Categorical columns are one-hot encoded with their 20 most
 * frequent training levels plus a missing slot and an other slot. Datetime
 * columns become year, month and day of week, each imputed and standardised.
 * Non-numeric constants encode as 0; free text and empty columns are
 * excluded. Only cells of `trainRows` are read.
 */
export function fitPlan(
  table: ITable,
  profile: IDatasetProfile,
  features: string[],
  trainRows: ArrayLike<number>
): IPreprocessPlan {
  const plan: IPreprocessPlan = { columns: [], featureNames: [], width: 0, excluded: [] };
  for (const name of features) {
    const column = profile.columns.find(item => item.name === name);
    if (!column) {
      throw new Error(`Feature '${name}' is not a column of '${table.fileName}'.`);
    }
    if (column.type === 'text' || column.type === 'empty') {
      const reason = column.type === 'text' ? 'free text is not encoded' : 'every cell is missing';
      plan.excluded.push({ column: name, reason });
      continue;
    }
    const data = table.data[columnIndex(table, name)];
    const columnPlan = fitColumn(column, data, trainRows, table.delimiter);
    plan.columns.push(columnPlan);
    plan.featureNames.push(...encodedNames(columnPlan));
  }
  plan.width = plan.featureNames.length;
  return plan;
}

/**
 * Fit the plan of one column on `trainRows`. The number format and the date
 * order come from every row, because they describe the file's format and
 * not the data. The number format is the profile's, so a format set by the
 * person applies.
 */
function fitColumn(
  column: IColumnProfile,
  data: IColumnData,
  trainRows: ArrayLike<number>,
  delimiter: string
): IColumnPlan {
  const name = column.name;
  const isNumber = column.min !== undefined;
  if (column.type === 'boolean' && !isNumber) {
    const values = pick(columnTexts(data), trainRows).map(readBoolean);
    return { kind: 'boolean', column: name, scaler: fitScaler(values) };
  }
  if (isNumber) {
    const format = numberFormatOf(column, data, delimiter);
    const parsed = parseColumn(data, format);
    const values = Array.from(trainRows, row => parsed[row]);
    return {
      kind: 'numeric',
      column: name,
      format,
      decimalComma: format.decimal === ',',
      scaler: fitScaler(values)
    };
  }
  if (column.type === 'datetime') {
    return fitDatetime(name, columnTexts(data), trainRows);
  }
  if (column.type === 'constant') {
    return { kind: 'constant', column: name };
  }
  return fitCategorical(name, pick(columnTexts(data), trainRows));
}

/** Return the profile's number format of a column, or else the detected one. */
function numberFormatOf(
  column: IColumnProfile,
  cells: IColumnData,
  delimiter: string
): INumberFormat {
  const stored = column.numberFormat;
  if (stored === undefined) {
    return { ...(columnFormat(cells, delimiter) ?? PLAIN_FORMAT) };
  }
  if (!isNumberFormat(stored)) {
    throw new Error(
      `Column '${column.name}' has an invalid number format ${JSON.stringify(stored)} in its profile.`
    );
  }
  return { decimal: stored.decimal, thousands: stored.thousands };
}

function fitDatetime(name: string, cells: string[], trainRows: ArrayLike<number>): IColumnPlan {
  const order = detectDateOrder(cells) ?? 'ymd';
  const parts = pick(cells, trainRows).map(cell => parseDate(cell, order));
  const part = (key: keyof IDateParts) => fitScaler(parts.map(item => (item ? item[key] : NaN)));
  return {
    kind: 'datetime',
    column: name,
    order,
    year: part('year'),
    month: part('month'),
    dayOfWeek: part('dayOfWeek')
  };
}

function fitCategorical(name: string, cells: string[]): IColumnPlan {
  const counts = new Map<string, number>();
  for (const cell of cells) {
    if (cell !== '') {
      counts.set(cell, (counts.get(cell) ?? 0) + 1);
    }
  }
  // Array.prototype.sort is stable, so equal counts keep first-seen order.
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([level]) => level);
  return {
    kind: 'categorical',
    column: name,
    levels: ranked.slice(0, MAX_LEVELS),
    otherLevels: Math.max(0, ranked.length - MAX_LEVELS)
  };
}

/**
 * Fit a scaler on values where NaN marks a missing cell. Missing cells are
 * imputed with the median before the mean and standard deviation are taken,
 * as an imputer followed by a standard scaler would do. With no values at
 * all, the median is 0.
 */
export function fitScaler(values: ArrayLike<number>): IScaler {
  // A typed array sorts numerically and puts NaN last.
  const sorted = Float64Array.from(values).sort();
  let present = sorted.length;
  while (present > 0 && Number.isNaN(sorted[present - 1])) {
    present--;
  }
  const median = present === 0 ? 0 : medianOfSorted(sorted.subarray(0, present));
  if (present === 0 || sorted[0] === sorted[present - 1]) {
    // Every filled value is the same, and a summed mean could be off in the last bit.
    return { median, mean: median, std: 0 };
  }
  const count = sorted.length;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    sum += i < present ? sorted[i] : median;
  }
  const mean = sum / count;
  // Dividing by the largest deviation first keeps the squares finite for
  // values near 1e200.
  const largest = Math.max(Math.abs(sorted[0] - mean), Math.abs(sorted[present - 1] - mean));
  if (!Number.isFinite(largest)) {
    return { median, mean, std: 0 };
  }
  let sumSquares = 0;
  for (let i = 0; i < count; i++) {
    sumSquares += (((i < present ? sorted[i] : median) - mean) / largest) ** 2;
  }
  return { median, mean, std: largest * Math.sqrt(sumSquares / count) };
}

function medianOfSorted(sorted: Float64Array): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function readBoolean(cell: string): number {
  const value = parseNumber(cell);
  return Number.isNaN(value) ? booleanValue(cell) : value;
}

function pick(cells: string[], rows: ArrayLike<number>): string[] {
  return Array.from(rows, row => cells[row]);
}

function encodedNames(plan: IColumnPlan): string[] {
  switch (plan.kind) {
    case 'datetime':
      return ['year', 'month', 'day_of_week'].map(part => `${plan.column}:${part}`);
    case 'categorical':
      return [
        ...plan.levels.map(level => `${plan.column}=${level}`),
        `${plan.column}=(missing)`,
        `${plan.column}=(other)`
      ];
    default:
      return [plan.column];
  }
}

/**
 * Return, per planned column in input order, the positions of its encoded
 * columns in `plan.featureNames`: all one-hot slots of a categorical column
 * and the three parts of a datetime column belong to one feature.
 */
export function featureColumns(plan: IPreprocessPlan): IFeatureColumns[] {
  const groups: IFeatureColumns[] = [];
  let offset = 0;
  for (const columnPlan of plan.columns) {
    const count = encodedNames(columnPlan).length;
    const columns = Array.from({ length: count }, (_, i) => offset + i);
    groups.push({ feature: columnPlan.column, columns });
    offset += count;
  }
  return groups;
}

/** Impute and standardise one value with a scaler; never NaN. */
export function scaleValue(value: number, scaler: IScaler): number {
  const filled = Number.isNaN(value) ? scaler.median : value;
  if (scaler.std === 0) {
    return 0;
  }
  const scaled = (filled - scaler.mean) / scaler.std;
  return Math.max(-MAX_SCALED, Math.min(MAX_SCALED, scaled));
}

/**
 * Encode the rows `rowIndices` of `table` with `plan`, as a row-major matrix
 * of `rowIndices.length` rows and `plan.width` columns.
 *
 * The table may be another file than the one the plan was fitted on, but it
 * must have every planned column; throws otherwise. Categories not seen in
 * training go to the other slot.
 */
export function applyPlan(
  plan: IPreprocessPlan,
  table: ITable,
  rowIndices: ArrayLike<number>
): Float32Array {
  const output = new Float32Array(rowIndices.length * plan.width);
  let offset = 0;
  for (const columnPlan of plan.columns) {
    const data = table.data[columnIndex(table, columnPlan.column)];
    const encode = cellEncoder(columnPlan, data);
    for (let i = 0; i < rowIndices.length; i++) {
      encode(rowIndices[i], output, i * plan.width + offset);
    }
    offset += encodedNames(columnPlan).length;
  }
  return output;
}

/** A function that writes the encoding of the cell in `row` at `position`. */
type CellEncoder = (row: number, output: Float32Array, position: number) => void;

function cellEncoder(plan: IColumnPlan, data: IColumnData): CellEncoder {
  if (plan.kind === 'numeric') {
    const parsed = parseColumn(data, plan.format ?? plan.decimalComma);
    return (row, output, position) => {
      output[position] = scaleValue(parsed[row], plan.scaler);
    };
  }
  const cells = columnTexts(data);
  switch (plan.kind) {
    case 'boolean':
      return (row, output, position) => {
        output[position] = scaleValue(readBoolean(cells[row]), plan.scaler);
      };
    case 'datetime':
      return (row, output, position) => {
        const parts = parseDate(cells[row], plan.order);
        output[position] = scaleValue(parts ? parts.year : NaN, plan.year);
        output[position + 1] = scaleValue(parts ? parts.month : NaN, plan.month);
        output[position + 2] = scaleValue(parts ? parts.dayOfWeek : NaN, plan.dayOfWeek);
      };
    case 'categorical': {
      const slots = new Map(plan.levels.map((level, slot) => [level, slot]));
      const missingSlot = plan.levels.length;
      return (row, output, position) => {
        const cell = cells[row];
        const slot = cell === '' ? missingSlot : slots.get(cell) ?? missingSlot + 1;
        output[position + slot] = 1;
      };
    }
    case 'constant':
      return () => undefined;
  }
}
