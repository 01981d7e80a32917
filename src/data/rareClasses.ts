/**
 * Classes with too few rows to appear in every split, and what the person
 * chose to do with them: merge them into one "other" class, or drop their
 * rows. Shared by the pre-flight checks and the target encoding, so both
 * see the same classes.
 */
import { foldCount } from '../core/config';
import { IWizardConfig } from '../core/types';

/** Label of the class that rare classes merge into. */
export const OTHER_CLASS = 'other';

/**
 * Rows a class needs: 2 for a holdout split (one per side), or the number of
 * folds, so that stratified folds can give each fold one row of it.
 */
export function minClassRows(config: Pick<IWizardConfig, 'folds'>): number {
  return Math.max(2, foldCount(config));
}

/** Row positions of each non-missing label, in order of first appearance. */
export function rowsByClass(cells: string[]): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  cells.forEach((cell, row) => {
    if (cell !== '') {
      const list = rows.get(cell);
      if (list) {
        list.push(row);
      } else {
        rows.set(cell, [row]);
      }
    }
  });
  return rows;
}

/** Labels with fewer rows than `minRows`. */
export function rareLabels(
  byClass: Map<string, number[]>,
  minRows: number
): Set<string> {
  return new Set(
    [...byClass.entries()]
      .filter(([, rows]) => rows.length < minRows)
      .map(([label]) => label)
  );
}

/**
 * Return the label a row is trained under: itself, `OTHER_CLASS` when merged, or
 * null when its rows are dropped.
 */
export function relabel(
  label: string,
  rare: Set<string>,
  mode: IWizardConfig['rareClasses']
): string | null {
  if (!rare.has(label) || mode === undefined) {
    return label;
  }
  return mode === 'merge' ? OTHER_CLASS : null;
}
