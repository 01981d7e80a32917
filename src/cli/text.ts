/**
 * Plain-text and JSON rendering for the CLI: aligned tables of columns and
 * findings, and JSON without NaN or Infinity.
 */
import { IColumnProfile, IFinding } from '../core/types';

/**
 * How to get past ragged rows from the command line, printed after the
 * `ragged-rows` finding, whose message describes the panel's choice.
 */
export const RAGGED_HINT =
  'To skip the rows with the wrong number of fields, add --skip-ragged-rows.';

/** Line numbers shown per finding before the rest is counted. */
const MAX_SHOWN_LINES = 10;

/**
 * Align `rows` under `headers` in columns separated by two spaces.
 * The last column is not padded, so long messages do not add trailing spaces.
 */
export function alignTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map(row => (row[column] ?? '').length))
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

/** Show a delimiter readably, for example `'\t' (tab)`. */
export function describeDelimiter(delimiter: string): string {
  const names: Record<string, string> = {
    ',': 'comma',
    ';': 'semicolon',
    '\t': 'tab',
    '|': 'pipe',
    ' ': 'space'
  };
  const shown = delimiter === '\t' ? '\\t' : delimiter;
  const name = names[delimiter];
  return name ? `'${shown}' (${name})` : `'${shown}'`;
}

/** Format line numbers compactly, for example `5, 8` or `1, 2, … and 30 more`. */
export function shortLines(lines: number[] | undefined): string {
  if (!lines || lines.length === 0) {
    return '';
  }
  const shown = lines.slice(0, MAX_SHOWN_LINES).join(', ');
  const rest = lines.length - MAX_SHOWN_LINES;
  return rest > 0 ? `${shown} and ${rest} more` : shown;
}

/** Render findings as an aligned table, or `none` when the list is empty. */
export function findingsTable(findings: IFinding[]): string {
  if (findings.length === 0) {
    return 'none';
  }
  const rows = findings.map(finding => [
    finding.severity,
    finding.code,
    finding.column ?? '',
    shortLines(finding.lines),
    oneLine(finding.message)
  ]);
  return alignTable(['Severity', 'Code', 'Column', 'Lines', 'Message'], rows);
}

/** Render column profiles as an aligned table, one row per column, or `none`. */
export function columnsTable(columns: IColumnProfile[]): string {
  if (columns.length === 0) {
    return 'none';
  }
  const rows = columns.map(column => [
    String(column.index + 1),
    oneLine(column.name),
    column.type,
    String(column.missing),
    String(column.invalid),
    String(column.distinct),
    oneLine(column.summary),
    oneLine(column.reason)
  ]);
  const headers = ['#', 'Name', 'Type', 'Missing', 'Invalid', 'Distinct', 'Summary', 'Reason'];
  return alignTable(headers, rows);
}

/** Count findings by severity, for example `1 error, 2 warnings`. */
export function countFindings(findings: IFinding[]): string {
  const errors = findings.filter(finding => finding.severity === 'error').length;
  const warnings = findings.filter(finding => finding.severity === 'warning').length;
  const infos = findings.length - errors - warnings;
  const parts = [`${errors} ${errors === 1 ? 'error' : 'errors'}`];
  parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  if (infos > 0) {
    parts.push(`${infos} info`);
  }
  return parts.join(', ');
}

/** Return true when any finding has severity error. */
export function hasErrors(findings: IFinding[]): boolean {
  return findings.some(finding => finding.severity === 'error');
}

/**
 * Serialise `value` as indented JSON where every NaN or infinite number is
 * `null`, so the output parses with any strict JSON reader.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, item: unknown) =>
      typeof item === 'number' && !Number.isFinite(item) ? null : item,
    2
  );
}

/** Indent every line of `text` by `spaces` spaces. Defaults to 2. */
export function indent(text: string, spaces = 2): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map(line => pad + line)
    .join('\n');
}

/** Replace line breaks and tabs in a cell, which would break the alignment. */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ↵ ').replace(/\t/g, ' ');
}
