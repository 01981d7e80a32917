/**
 * Cell-level readers shared by profiling, pre-flight checks and the
 * preprocessing plan: numbers, invalid numeric tokens and boolean words.
 */

import { ITable } from './csv';

/** Plain decimal number syntax with an optional exponent, as in `4.5e11`. */
const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The same syntax with a decimal comma, as in `1,5`. */
const COMMA_NUMBER_PATTERN = /^[+-]?(\d+,?\d*|,\d+)([eE][+-]?\d+)?$/;

/** A number written with a decimal comma and at least one digit after it. */
const HAS_DECIMAL_COMMA = /^[+-]?\d*,\d+([eE][+-]?\d+)?$/;

/** A code such as `007` whose leading zero would be lost as a number. */
const LEADING_ZERO_PATTERN = /^[+-]?0\d/;

/**
 * Tokens that spreadsheets and numeric libraries write for values that are
 * not finite numbers. Compared in lower case.
 */
const INVALID_TOKENS = new Set([
  'inf',
  '+inf',
  '-inf',
  'infinity',
  '+infinity',
  '-infinity',
  '#div/0!',
  '#value!',
  '#num!',
  '#ref!',
  '#name?',
  '#null!',
  '#n/a'
]);

/** Word pairs read as a boolean, written false word first. */
const BOOLEAN_PAIRS: Array<[string, string]> = [
  ['false', 'true'],
  ['no', 'yes'],
  ['n', 'y'],
  ['f', 't'],
  ['0', '1'],
  ['off', 'on']
];

/**
 * Parse a cell as a finite number.
 *
 * Accepts plain decimal syntax with an optional sign and exponent, and a
 * decimal comma when `decimalComma` is true. Returns NaN for a missing cell,
 * for other text, and for values that overflow to infinity such as `1e400`.
 * Hexadecimal and thousands separators are not numbers here.
 */
export function parseNumber(cell: string, decimalComma = false): number {
  const text = cell.trim();
  if (text === '') {
    return NaN;
  }
  const pattern = decimalComma ? COMMA_NUMBER_PATTERN : NUMBER_PATTERN;
  if (!pattern.test(text)) {
    return NaN;
  }
  const value = Number(decimalComma ? text.replace(',', '.') : text);
  return Number.isFinite(value) ? value : NaN;
}

/**
 * Return whether a cell is an invalid numeric value: an infinity or
 * spreadsheet error token, or a number that overflows, such as `1e400`.
 */
export function isInvalidNumber(cell: string, decimalComma = false): boolean {
  const text = cell.trim();
  if (INVALID_TOKENS.has(text.toLowerCase())) {
    return true;
  }
  const pattern = decimalComma ? COMMA_NUMBER_PATTERN : NUMBER_PATTERN;
  return pattern.test(text) && Number.isNaN(parseNumber(text, decimalComma));
}

/** Return whether a cell is a code with a leading zero, such as `007`. */
export function hasLeadingZero(cell: string): boolean {
  return LEADING_ZERO_PATTERN.test(cell.trim());
}

/**
 * Return whether a column writes its numbers with a decimal comma.
 *
 * True only when the file is not comma-delimited, at least one cell has a
 * decimal comma, and every other non-missing cell is an integer or an
 * invalid token. A column that mixes `1,5` and `1.5` is not numeric.
 *
 * NOTE: thousands separators (`1.234,5`) are not recognised, so such columns
 * are read as text.
 */
export function usesDecimalComma(cells: string[], delimiter: string): boolean {
  if (delimiter === ',') {
    return false;
  }
  let seen = false;
  for (const cell of cells) {
    const text = cell.trim();
    if (text === '' || INVALID_TOKENS.has(text.toLowerCase())) {
      continue;
    }
    if (!COMMA_NUMBER_PATTERN.test(text)) {
      return false;
    }
    seen = seen || HAS_DECIMAL_COMMA.test(text);
  }
  return seen;
}

/**
 * Return the boolean word pair of a column's distinct values, or null.
 *
 * `distinct` contains the distinct non-missing values; the match ignores case,
 * so `Yes` and `no` form the pair `['no', 'yes']`.
 */
export function booleanPair(distinct: string[]): [string, string] | null {
  const lower = new Set(distinct.map(value => value.trim().toLowerCase()));
  if (lower.size !== 2) {
    return null;
  }
  const pair = BOOLEAN_PAIRS.find(([no, yes]) => lower.has(no) && lower.has(yes));
  return pair ?? null;
}

/**
 * Read a boolean word as 0 or 1, ignoring case; NaN for a missing cell or a
 * word outside the known pairs.
 */
export function booleanValue(cell: string): number {
  const text = cell.trim().toLowerCase();
  for (const [no, yes] of BOOLEAN_PAIRS) {
    if (text === no) {
      return 0;
    }
    if (text === yes) {
      return 1;
    }
  }
  return NaN;
}

/** Return the position of column `name`, or throw when it is not in the table. */
export function columnIndex(table: ITable, name: string): number {
  const index = table.columns.indexOf(name);
  if (index < 0) {
    throw new Error(
      `Column '${name}' is not in '${table.fileName}'. Choose one of: ${table.columns.join(', ')}.`
    );
  }
  return index;
}

/** Parsed columns per cells array, one entry per decimal-comma setting. */
const parsedColumns = new WeakMap<string[], Map<boolean, Float64Array>>();

/**
 * Parse every cell of a column with `parseNumber`, caching the result for
 * the array, because profiling, fitting and encoding all read the same
 * columns. The cache assumes the array is not changed after the first call,
 * and callers must not write to the returned array.
 */
export function parseColumn(cells: string[], decimalComma: boolean): Float64Array {
  let cached = parsedColumns.get(cells);
  if (!cached) {
    cached = new Map();
    parsedColumns.set(cells, cached);
  }
  let values = cached.get(decimalComma);
  if (!values) {
    values = new Float64Array(cells.length);
    for (let row = 0; row < cells.length; row++) {
      values[row] = parseNumber(cells[row], decimalComma);
    }
    cached.set(decimalComma, values);
  }
  return values;
}

/**
 * Read column `name` as numbers, with NaN for missing and invalid cells.
 *
 * Detects a decimal comma per column with `usesDecimalComma`. Returns a new
 * array. Throws when the column is not in the table.
 */
export function numericColumn(table: ITable, name: string): Float64Array {
  const cells = table.cells[columnIndex(table, name)];
  return parseColumn(cells, usesDecimalComma(cells, table.delimiter)).slice();
}
