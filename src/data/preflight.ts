/**
 * Pre-flight checks of a wizard configuration against a dataset: the task
 * guess, the default feature selection, and the findings that block or
 * qualify a run.
 */

import {
  ColumnType,
  IColumnProfile,
  IDatasetProfile,
  IFinding,
  IWizardConfig,
  TaskType
} from '../core/types';
import { columnTexts } from './column';
import { ITable } from './csv';
import { formatLines, makeFinding, plural } from './findings';
import { minClassRows, OTHER_CLASS, rareLabels, rowsByClass } from './rareClasses';
import { checkFeatures } from './features';
import { columnIndex, numericColumn } from './values';

/** Distinct values above which a numeric target always means regression. */
const REGRESSION_MIN_DISTINCT = 20;

/** Classes above which a classification target gets a warning. */
const MANY_CLASSES = 50;

/** Column types left out of the default feature selection. */
const UNSELECTED_TYPES: ReadonlySet<ColumnType> = new Set<ColumnType>([
  'identifier',
  'constant',
  'high-cardinality',
  'empty',
  'text'
]);

/** Table findings after which no other check makes sense. */
const FATAL_TABLE_CODES = new Set(['empty-file', 'no-rows']);

/**
 * Guess the task for `target`: regression for a numeric column with many
 * distinct values, classification otherwise.
 *
 * "Many" means more than 20, or more than half the non-missing values for a
 * short column, and always more than 2.
 */
export function inferTask(profile: IDatasetProfile, target: string): TaskType {
  const column = profile.columns.find(item => item.name === target);
  if (!column || column.type !== 'numeric') {
    return 'classification';
  }
  const present = profile.rowCount - column.missing - column.invalid;
  const needed = Math.min(REGRESSION_MIN_DISTINCT, Math.max(2, present / 2));
  return column.distinct > needed ? 'regression' : 'classification';
}

/**
 * List the columns selected as features by default: every column except the
 * target and those of type identifier, constant, high-cardinality, empty or
 * free text.
 */
export function defaultFeatures(profile: IDatasetProfile, target: string): string[] {
  return profile.columns
    .filter(column => column.name !== target && !UNSELECTED_TYPES.has(column.type))
    .map(column => column.name);
}

/**
 * Explain why `column` is not selected by default, or return null when it
 * is selected (the target is not treated specially here).
 */
export function excludedReason(profile: IDatasetProfile, column: string): string | null {
  const item = profile.columns.find(candidate => candidate.name === column);
  if (!item) {
    return null;
  }
  switch (item.type) {
    case 'identifier':
      return `'${column}' identifies rows (${item.reason}), so it cannot carry over to new rows.`;
    case 'constant':
      return `'${column}' has one value, so it carries no information.`;
    case 'high-cardinality':
      return `'${column}' has ${item.distinct} distinct values, too many to one-hot encode.`;
    case 'empty':
      return `'${column}' has no values.`;
    case 'text':
      return `'${column}' is free text, which the models do not read.`;
    default:
      return null;
  }
}

/**
 * Check `config` against the dataset. Findings of severity error block
 * training; warnings are shown with the results.
 *
 * The returned list includes the table's own errors (such as an empty file),
 * so it is the only list a caller needs to gate a run. Rows with the wrong
 * number of fields are an error unless `config.skipRaggedRows` is true.
 */
export function checkConfig(
  table: ITable,
  profile: IDatasetProfile,
  config: IWizardConfig
): IFinding[] {
  const tableErrors = table.findings.filter(
    finding => finding.severity === 'error' && finding.code !== 'ragged-rows'
  );
  if (tableErrors.some(finding => FATAL_TABLE_CODES.has(finding.code))) {
    return tableErrors;
  }
  const findings = [...tableErrors, ...checkRagged(table, config)];
  const target = checkTargetName(table, profile, config, findings);
  findings.push(...checkFeatureNames(table, profile, config));
  if (target) {
    findings.push(...checkTarget(table, profile, target, config));
    findings.push(...checkFeatures(table, profile, target, config));
  }
  return findings;
}

function checkRagged(table: ITable, config: IWizardConfig): IFinding[] {
  if (table.raggedLines.length === 0 || config.skipRaggedRows) {
    return [];
  }
  const existing = table.findings.find(finding => finding.code === 'ragged-rows');
  if (existing) {
    return [existing];
  }
  const where = formatLines(table.raggedLines);
  const rows = plural(table.raggedLines.length, 'row');
  return [
    makeFinding(
      'error',
      'ragged-rows',
      `The file '${table.fileName}' has ${rows} with the wrong number of fields on ${where}. Fix the file, or choose to skip them.`,
      [table.fileName, String(table.raggedLines.length), where],
      { lines: [...table.raggedLines] }
    )
  ];
}

function checkTargetName(
  table: ITable,
  profile: IDatasetProfile,
  config: IWizardConfig,
  findings: IFinding[]
): IColumnProfile | null {
  const file = table.fileName;
  if (config.target === '') {
    findings.push(
      makeFinding('error', 'no-target', `Choose a target column of '${file}'.`, [file])
    );
    return null;
  }
  const target = profile.columns.find(column => column.name === config.target);
  if (!target) {
    findings.push(
      makeFinding(
        'error',
        'unknown-target',
        `Target '${config.target}' is not a column of '${file}'. Choose another target.`,
        [config.target, file],
        { column: config.target }
      )
    );
    return null;
  }
  return target;
}

function checkFeatureNames(
  table: ITable,
  profile: IDatasetProfile,
  config: IWizardConfig
): IFinding[] {
  const file = table.fileName;
  if (config.features.length === 0) {
    return [
      makeFinding('error', 'no-features', `Choose at least one feature column of '${file}'.`, [file])
    ];
  }
  const findings: IFinding[] = [];
  for (const name of config.features) {
    if (name === config.target) {
      findings.push(
        makeFinding(
          'error',
          'target-is-feature',
          `Column '${name}' of '${file}' is the target, so it cannot also be a feature. Unselect it.`,
          [name, file],
          { column: name }
        )
      );
    } else if (!profile.columns.some(column => column.name === name)) {
      findings.push(
        makeFinding(
          'error',
          'unknown-feature',
          `Feature '${name}' is not a column of '${file}'. Unselect it.`,
          [name, file],
          { column: name }
        )
      );
    }
  }
  return findings;
}

function checkTarget(
  table: ITable,
  profile: IDatasetProfile,
  target: IColumnProfile,
  config: IWizardConfig
): IFinding[] {
  const file = table.fileName;
  const name = target.name;
  const column = { column: name };
  if (target.type === 'empty') {
    return [
      makeFinding(
        'error',
        'target-empty',
        `Target '${name}' has no values in '${file}'. Choose another target.`,
        [name, file],
        column
      )
    ];
  }
  if (config.task === 'regression' && target.min === undefined) {
    return [
      makeFinding(
        'error',
        'regression-non-numeric',
        `Target '${name}' of '${file}' is not numeric (${target.reason}), so regression cannot use it. Choose classification or another target.`,
        [name, file, target.reason],
        column
      )
    ];
  }
  const findings = checkMissingTarget(table, target, config);
  const usable = profile.rowCount - (findings[0]?.lines?.length ?? 0);
  if (usable < 2) {
    findings.push(
      makeFinding(
        'error',
        'too-few-rows',
        `Only ${plural(usable, 'row')} of '${file}' has a value for target '${name}'; at least 2 are needed for a training and a validation split. Add rows or choose another target.`,
        [String(usable), file, name],
        column
      )
    );
    return findings;
  }
  if (config.task === 'classification') {
    findings.push(...checkClasses(table, target, config));
  }
  return findings;
}

/** Rows whose target is missing (or, for regression, not a number). */
function checkMissingTarget(
  table: ITable,
  target: IColumnProfile,
  config: IWizardConfig
): IFinding[] {
  const isRegression = config.task === 'regression';
  const values = isRegression ? numericColumn(table, target.name) : null;
  const cells = columnTexts(table.data[columnIndex(table, target.name)]);
  const lines = Array.from(table.lines).filter((_, row) =>
    values ? Number.isNaN(values[row]) : cells[row] === ''
  );
  if (lines.length === 0) {
    return [];
  }
  const rows = plural(lines.length, 'row');
  const where = formatLines(lines);
  const absence = isRegression ? 'missing or not a number' : 'missing';
  return [
    makeFinding(
      'warning',
      'target-missing',
      `Target '${target.name}' is ${absence} in ${rows} of '${table.fileName}' (${where}). Those rows are left out of training and validation.`,
      [target.name, absence, String(lines.length), table.fileName, where],
      { column: target.name, lines }
    )
  ];
}

function checkClasses(
  table: ITable,
  target: IColumnProfile,
  config: IWizardConfig
): IFinding[] {
  const cells = columnTexts(table.data[columnIndex(table, target.name)]);
  const byClass = rowsByClass(cells);
  const linesByClass = new Map(
    [...byClass.entries()].map(([label, rows]) => [label, rows.map(row => table.lines[row])])
  );
  const column = { column: target.name };
  if (linesByClass.size === 1) {
    const only = [...linesByClass.keys()][0];
    return [
      makeFinding(
        'error',
        'single-class',
        `Target '${target.name}' has one class ('${only}'); at least 2 are needed.`,
        [target.name, only],
        column
      )
    ];
  }
  const findings: IFinding[] = [];
  const minRows = minClassRows(config);
  const rare = rareLabels(byClass, minRows);
  if (rare.size > 0) {
    findings.push(rareClassFinding(table, target.name, linesByClass, rare, minRows, config));
  }
  if (linesByClass.size > MANY_CLASSES) {
    findings.push(
      makeFinding(
        'warning',
        'many-classes',
        `Target '${target.name}' of '${table.fileName}' has ${linesByClass.size} classes. If it is a quantity, choose regression.`,
        [target.name, table.fileName, String(linesByClass.size)],
        column
      )
    );
  }
  return findings;
}

/**
 * Describe the classes with fewer than `minRows` rows: an error until the
 * person chooses to merge or drop them, then what the choice does.
 */
function rareClassFinding(
  table: ITable,
  targetName: string,
  linesByClass: Map<string, number[]>,
  rare: Set<string>,
  minRows: number,
  config: IWizardConfig
): IFinding {
  const labels = [...rare];
  const listed = labels
    .slice(0, 10)
    .map(label => `'${label}' (${plural(linesByClass.get(label)!.length, 'row')})`);
  const list = listed.join(', ') + (labels.length > 10 ? ` and ${labels.length - 10} more` : '');
  const lines = labels.flatMap(label => linesByClass.get(label)!).sort((a, b) => a - b);
  const where = formatLines(lines);
  const extra = { column: targetName, lines };
  const kept = [...linesByClass.keys()].filter(label => !rare.has(label));
  if (config.rareClasses === 'drop') {
    const severity = kept.length >= 2 ? 'warning' : 'error';
    const fix = kept.length >= 2 ? '' : ' Fewer than 2 classes remain; merge them instead.';
    return makeFinding(
      severity,
      'rare-class-dropped',
      `Rows of rare classes ${list} of target '${targetName}' in '${table.fileName}' are dropped (${where}).${fix}`,
      [list, targetName, table.fileName, where],
      extra
    );
  }
  if (config.rareClasses === 'merge') {
    const merged =
      lines.length + (linesByClass.has(OTHER_CLASS) && !rare.has(OTHER_CLASS) ? linesByClass.get(OTHER_CLASS)!.length : 0);
    const enough = merged >= minRows;
    return makeFinding(
      enough ? 'warning' : 'error',
      'rare-class-merged',
      enough
        ? `Rare classes ${list} of target '${targetName}' in '${table.fileName}' are merged into '${OTHER_CLASS}' (${where}).`
        : `Merging rare classes ${list} of target '${targetName}' in '${table.fileName}' gives '${OTHER_CLASS}' only ${plural(merged, 'row')}, fewer than ${minRows}. Drop those rows instead.`,
      enough
        ? [list, targetName, table.fileName, OTHER_CLASS, where]
        : [list, targetName, table.fileName, OTHER_CLASS, String(merged), String(minRows)],
      extra
    );
  }
  return makeFinding(
    'error',
    'rare-class',
    `Target '${targetName}' of '${table.fileName}' has classes with fewer than ${minRows} rows: ${list} (${where}). Each class needs ${minRows} rows to appear in every split. Choose to merge them into '${OTHER_CLASS}' or to drop their rows, or choose regression.`,
    [targetName, table.fileName, String(minRows), list, where, OTHER_CLASS],
    extra
  );
}
