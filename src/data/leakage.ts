/**
 * Detection of features that predict the target perfectly, which usually
 * means the feature is recorded after the outcome (target leakage).
 */

import { IColumnProfile } from '../core/types';
import { columnTexts } from './column';
import { ITable } from './csv';
import { columnIndex, numericColumn } from './values';

/** Rows needed per level before a pure level mapping counts as leakage. */
const ROWS_PER_LEVEL = 3;

/** Correlation above which a numeric feature is treated as a copy of the target. */
const COPY_CORRELATION = 0.9999;

/**
 * Describe how `feature` predicts `target` perfectly, or return null.
 *
 * Three patterns count:
 * - the feature's cells equal the target's on every row where both are present.
 * - classification: every level of a categorical or boolean feature goes
 *   with one class, with at least 2 levels and 3 rows per level on average.
 * - regression: the absolute correlation of a numeric feature with the
 *   target is above 0.9999.
 */
export function describeLeakage(
  table: ITable,
  target: IColumnProfile,
  feature: IColumnProfile,
  isClassification: boolean
): string | null {
  const targetCells = columnTexts(table.data[columnIndex(table, target.name)]);
  const featureCells = columnTexts(table.data[columnIndex(table, feature.name)]);
  if (equalCells(targetCells, featureCells)) {
    return `its values equal the target's on every row`;
  }
  const isLevels = feature.type === 'categorical' || feature.type === 'boolean';
  if (isClassification && isLevels && target.distinct > 1) {
    return pureLevels(targetCells, featureCells)
      ? `each value of '${feature.name}' goes with a single class`
      : null;
  }
  if (!isClassification && feature.min !== undefined && target.min !== undefined) {
    const r = correlation(numericColumn(table, feature.name), numericColumn(table, target.name));
    return Math.abs(r) > COPY_CORRELATION
      ? `its correlation with the target is ${r.toFixed(4)}`
      : null;
  }
  return null;
}

function equalCells(target: string[], feature: string[]): boolean {
  let compared = 0;
  for (let row = 0; row < target.length; row++) {
    if (target[row] === '' || feature[row] === '') {
      continue;
    }
    if (target[row].trim() !== feature[row].trim()) {
      return false;
    }
    compared++;
  }
  return compared >= 2;
}

function pureLevels(target: string[], feature: string[]): boolean {
  const classOf = new Map<string, string>();
  let rows = 0;
  for (let row = 0; row < target.length; row++) {
    if (target[row] === '' || feature[row] === '') {
      continue;
    }
    const seen = classOf.get(feature[row]);
    if (seen === undefined) {
      classOf.set(feature[row], target[row]);
    } else if (seen !== target[row]) {
      return false;
    }
    rows++;
  }
  return classOf.size >= 2 && rows >= ROWS_PER_LEVEL * classOf.size;
}

/** Pearson correlation over rows where both values are numbers; NaN for fewer than 3. */
function correlation(x: Float64Array, y: Float64Array): number {
  const pairs: Array<[number, number]> = [];
  x.forEach((value, row) => {
    if (!Number.isNaN(value) && !Number.isNaN(y[row])) {
      pairs.push([value, y[row]]);
    }
  });
  if (pairs.length < 3) {
    return NaN;
  }
  const meanX = pairs.reduce((sum, [a]) => sum + a, 0) / pairs.length;
  const meanY = pairs.reduce((sum, [, b]) => sum + b, 0) / pairs.length;
  // Dividing by the spread first keeps products finite for values near 1e200.
  const spreadX = pairs.reduce((max, [a]) => Math.max(max, Math.abs(a - meanX)), 0) || 1;
  const spreadY = pairs.reduce((max, [, b]) => Math.max(max, Math.abs(b - meanY)), 0) || 1;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [a, b] of pairs) {
    const dx = (a - meanX) / spreadX;
    const dy = (b - meanY) / spreadY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}
