/**
 * Leaderboard text for notebook outputs and the panel: pure functions from a
 * run result to rows, escaped HTML and a plain-text table.
 */
import { compareModels } from '../core/results';
import { IModelResult, IRunResult, TaskType } from '../core/types';

/** Formats a message with `%1`, `%2` placeholders; `trans.__` fits. */
export type Translate = (message: string, ...args: Array<string | number>) => string;

/** Fills `%1`, `%2`, ... without translating; for tests and the CLI. */
export const untranslated: Translate = (message, ...args) =>
  message.replace(/%(\d+)/g, (match, index) => {
    const value = args[Number(index) - 1];
    return value === undefined ? match : String(value);
  });

/** The metrics shown per task, in column order. */
export const METRIC_COLUMNS: Record<TaskType, string[]> = {
  classification: [
    'accuracy',
    'balanced_accuracy',
    'f1_macro',
    'roc_auc',
    'log_loss'
  ],
  regression: ['rmse', 'mae', 'r2']
};

/** Column caption of a metric. */
export function metricLabel(metric: string, trans: Translate): string {
  switch (metric) {
    case 'accuracy':
      return trans('Accuracy');
    case 'balanced_accuracy':
      return trans('Balanced accuracy');
    case 'f1_macro':
      return trans('Macro F1');
    case 'roc_auc':
      return trans('ROC AUC');
    case 'log_loss':
      return trans('Log loss');
    case 'rmse':
      return trans('RMSE');
    case 'mae':
      return trans('MAE');
    case 'r2':
      return trans('R²');
    default:
      return metric;
  }
}

/** Format a metric with 4 decimals, or an en dash when it is absent. */
export function formatMetric(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) {
    return '–';
  }
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-3)) {
    return value.toExponential(3);
  }
  return value.toFixed(4);
}

/** Build the leaderboard as header and text rows, best model first. */
export function leaderboardRows(
  result: IRunResult,
  trans: Translate
): { headers: string[]; rows: string[][]; bestIndex: number } {
  const metrics = METRIC_COLUMNS[result.task];
  const headers = [
    trans('Rank'),
    trans('Model'),
    ...metrics.map(metric => metricLabel(metric, trans)),
    trans('Training time (s)'),
    trans('Status')
  ];
  const ordered = rankModels(result);
  const rows = ordered.map((model, index) => [
    model.status === 'succeeded' ? String(index + 1) : '–',
    // Model names come from the engine in English; a language pack that has
    // them as messages translates them here.
    model.id === result.best
      ? trans('%1 (best)', trans(model.name))
      : trans(model.name),
    ...metrics.map(metric => {
      const mean = formatMetric(model.metrics[metric]);
      const std = model.metricsStd?.[metric];
      return std === undefined || !Number.isFinite(std)
        ? mean
        : trans('%1 ± %2', mean, formatMetric(std));
    }),
    (model.trainMs / 1000).toFixed(2),
    model.status === 'succeeded'
      ? trans('succeeded')
      : trans('failed: %1', model.error ?? '')
  ]);
  const bestIndex = ordered.findIndex(model => model.id === result.best);
  return { headers, rows, bestIndex };
}

/** Models sorted by the primary metric and its tie-breakers; failed models last. */
export function rankModels(result: IRunResult): IModelResult[] {
  return [...result.models].sort((a, b) =>
    compareModels(a, b, result.primaryMetric, result.higherIsBetter)
  );
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Render the leaderboard as a self-contained HTML table: every value escaped, no
 * script, no style sheet, so it reads the same in any notebook viewer.
 */
export function leaderboardHtml(result: IRunResult, trans: Translate): string {
  const { headers, rows, bestIndex } = leaderboardRows(result, trans);
  const head = headers
    .map(text => `<th scope="col">${escapeHtml(text)}</th>`)
    .join('');
  const body = rows
    .map((cells, index) => {
      const tag = index === bestIndex ? '<tr class="best">' : '<tr>';
      const tds = cells
        .map((text, column) =>
          index === bestIndex && column === 1
            ? `<td><strong>${escapeHtml(text)}</strong></td>`
            : `<td>${escapeHtml(text)}</td>`
        )
        .join('');
      return `${tag}${tds}</tr>`;
    })
    .join('\n');
  const caption = escapeHtml(runCaption(result, trans));
  const notes = runNotes(result, trans)
    .map(note => `<li>${escapeHtml(note)}</li>`)
    .join('\n');
  return (
    `<table class="training-wizard-leaderboard">\n` +
    `<caption>${caption}</caption>\n` +
    `<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>` +
    (notes ? `\n<ul>\n${notes}\n</ul>` : '') +
    classCountsHtml(result, trans)
  );
}

/** Render the leaderboard as an aligned plain-text table. */
export function leaderboardText(result: IRunResult, trans: Translate): string {
  const { headers, rows } = leaderboardRows(result, trans);
  return [
    runCaption(result, trans),
    ...alignedLines(headers, rows),
    ...runNotes(result, trans),
    ...classCountsText(result, trans)
  ].join('\n');
}

/**
 * Write the leaderboard as a Markdown table under its caption. Every cell is
 * escaped, so names with Markdown or HTML in them show literally.
 */
export function leaderboardMarkdown(result: IRunResult, trans: Translate): string {
  const { headers, rows } = leaderboardRows(result, trans);
  const line = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [
    escapeMarkdown(runCaption(result, trans)),
    '',
    line(headers),
    `|${headers.map(() => ' --- ').join('|')}|`,
    ...rows.map(line),
    '',
    ...runNotes(result, trans).map(note => `- ${escapeMarkdown(note)}`)
  ].join('\n');
}

/** Escape text for Markdown: no markup, no HTML, no table breaks, one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}\[\]()#+\-.!|~]/g, char => `\\${char}`);
}

/** Describe in one line what the run predicted and on how many rows. */
export function runCaption(result: IRunResult, trans: Translate): string {
  const task =
    result.task === 'classification'
      ? trans('classification')
      : trans('regression');
  const folds = result.folds?.length ?? 0;
  const base =
    folds > 1
      ? trans(
          'Target %1 (%2): %3-fold cross-validation on %4 rows; metrics are means ± standard deviations over the folds.',
          result.target,
          task,
          folds,
          result.trainRows + result.validationRows
        )
      : trans(
          'Target %1 (%2): %3 training rows, %4 validation rows.',
          result.target,
          task,
          result.trainRows,
          result.validationRows
        );
  return result.partial
    ? `${base} ${trans('Cancelled: partial results.')}`
    : base;
}

/**
 * List what the run did to the data besides training: skipped lines, rows
 * dropped for a missing target, imputed columns. One sentence each.
 */
export function runNotes(result: IRunResult, trans: Translate): string[] {
  const notes: string[] = [];
  if (result.skippedLines.length > 0) {
    const count = result.skippedLines.length;
    const lines = result.skippedLines.join(', ');
    notes.push(
      count === 1
        ? trans('Skipped 1 row with the wrong number of fields: line %1.', lines)
        : trans('Skipped %1 rows with the wrong number of fields: lines %2.', count, lines)
    );
  }
  if (result.droppedTargetRows > 0) {
    notes.push(
      result.droppedTargetRows === 1
        ? trans('Excluded 1 row whose target is missing.')
        : trans('Excluded %1 rows whose target is missing.', result.droppedTargetRows)
    );
  }
  const rare = result.rareClasses;
  if (rare) {
    const list = Object.entries(rare.classes)
      .map(([label, count]) =>
        count === 1 ? trans('%1 (1 row)', label) : trans('%1 (%2 rows)', label, count)
      )
      .join(', ');
    notes.push(
      rare.mode === 'merge'
        ? trans('Merged rare classes into other: %1.', list)
        : trans('Dropped the rows of rare classes: %1.', list)
    );
  }
  for (const entry of result.imputed) {
    if (entry.count > 0) {
      notes.push(
        entry.count === 1
          ? trans('Imputed 1 missing value of %1 (%2).', entry.column, entry.strategy)
          : trans(
              'Imputed %1 missing values of %2 (%3).',
              entry.count,
              entry.column,
              entry.strategy
            )
      );
    }
  }
  return notes;
}

/** Class counts per split as header and rows; null for regression. */
export function classCountRows(
  result: IRunResult,
  trans: Translate
): { headers: string[]; rows: string[][] } | null {
  const counts = result.classCounts;
  if (!counts) {
    return null;
  }
  const labels = [
    ...new Set([...Object.keys(counts.train), ...Object.keys(counts.validation)])
  ];
  return {
    headers: [trans('Class'), trans('Training rows'), trans('Validation rows')],
    rows: labels.map(label => [
      label,
      String(counts.train[label] ?? 0),
      String(counts.validation[label] ?? 0)
    ])
  };
}

/** Render class counts per split as an escaped HTML table, or '' for regression. */
function classCountsHtml(result: IRunResult, trans: Translate): string {
  const table = classCountRows(result, trans);
  if (!table) {
    return '';
  }
  const head = table.headers
    .map(text => `<th scope="col">${escapeHtml(text)}</th>`)
    .join('');
  const body = table.rows
    .map(cells => `<tr>${cells.map(text => `<td>${escapeHtml(text)}</td>`).join('')}</tr>`)
    .join('\n');
  const caption = escapeHtml(trans('Class counts per split'));
  return (
    `\n<table class="training-wizard-class-counts">\n<caption>${caption}</caption>\n` +
    `<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`
  );
}

/** Class counts per split as aligned text lines, or none for regression. */
function classCountsText(result: IRunResult, trans: Translate): string[] {
  const table = classCountRows(result, trans);
  return table
    ? ['', trans('Class counts per split'), ...alignedLines(table.headers, table.rows)]
    : [];
}

/** Lay out a header, a rule and rows, each column padded to its widest cell. */
function alignedLines(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map(row => row[column].length))
  );
  const line = (cells: string[]) =>
    cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [
    line(headers),
    line(widths.map(width => '-'.repeat(width))),
    ...rows.map(line)
  ];
}
