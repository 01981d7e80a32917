/**
 * Cell-level readers shared by profiling, pre-flight checks and the
 * preprocessing plan: numbers, invalid numeric tokens and boolean words.
 */

import {
  cellText,
  FORM_MISSING,
  FORM_TEXT,
  IColumnData,
  numberText
} from './column';
import { ITable } from './csv';
import {
  DECIMAL_COMMA_FORMAT,
  detectNumberFormat,
  formatKey,
  INumberFormat,
  isInvalidToken,
  isPlainFormat,
  matchesNumberFormat,
  parseFormatted,
  PLAIN_FORMAT
} from './numberFormat';

/** A code such as `007` whose leading zero would be lost as a number. */
const LEADING_ZERO_PATTERN = /^[+-]?0\d/;

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
 * A number format, or the older flag for a decimal comma: true is a decimal
 * comma and false a decimal point, both without thousands separators.
 */
export type NumberFormatLike = INumberFormat | boolean;

function toFormat(format: NumberFormatLike): INumberFormat {
  if (typeof format === 'boolean') {
    return format ? DECIMAL_COMMA_FORMAT : PLAIN_FORMAT;
  }
  return format;
}

/**
 * Parse a cell as a finite number written in `format`, which defaults to a
 * decimal point without thousands separators.
 *
 * Accepts an optional sign and exponent. Returns NaN for a missing cell,
 * for other text, and for values that overflow to infinity such as `1e400`.
 * Hexadecimal is never a number. See `parseFormatted` for grouped digits.
 */
export function parseNumber(cell: string, format: NumberFormatLike = false): number {
  return parseFormatted(cell, toFormat(format));
}

/**
 * Return whether a cell is an invalid numeric value: an infinity or
 * spreadsheet error token, or a number in `format` that overflows, such as
 * `1e400`.
 */
export function isInvalidNumber(cell: string, format: NumberFormatLike = false): boolean {
  if (isInvalidToken(cell)) {
    return true;
  }
  const resolved = toFormat(format);
  return matchesNumberFormat(cell, resolved) && Number.isNaN(parseFormatted(cell, resolved));
}

/** Return whether a cell is a code with a leading zero, such as `007`. */
export function hasLeadingZero(cell: string): boolean {
  return LEADING_ZERO_PATTERN.test(cell.trim());
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

/** A column as an array of cell texts or as stored in a table. */
export type ColumnLike = string[] | IColumnData;

/** Detected formats per column, one entry per delimiter. */
const detectedFormats = new WeakMap<ColumnLike, Map<string, INumberFormat | null>>();

/**
 * Detect a column's number format with `detectNumberFormat`, caching the
 * result for the column like `parseColumn`. Callers must not change the
 * returned object.
 */
export function columnFormat(cells: ColumnLike, delimiter: string): INumberFormat | null {
  let cached = detectedFormats.get(cells);
  if (!cached) {
    cached = new Map();
    detectedFormats.set(cells, cached);
  }
  if (!cached.has(delimiter)) {
    const texts = Array.isArray(cells) ? cells : formatEvidence(cells, delimiter);
    cached.set(delimiter, detectNumberFormat(texts, delimiter));
  }
  return cached.get(delimiter)!;
}

/**
 * Yield the cell texts of a stored column that can change what
 * `detectNumberFormat` returns. These are each distinct text once and, when
 * some cells are stored as numbers, one integer. Outside comma-delimited
 * files they also include the text of every stored number that is not an
 * integer. Under a comma delimiter only decimal-point formats are
 * candidates, and they all read a stored number's text without a separator.
 */
function* formatEvidence(column: IColumnData, delimiter: string): Generator<string> {
  yield* column.dictionary;
  const values = column.values;
  if (!values) {
    return;
  }
  yield '0';
  if (delimiter === ',') {
    return;
  }
  for (let row = 0; row < column.length; row++) {
    const form = column.forms[row];
    const value = values[row];
    const isInteger = Number.isInteger(value) && Math.abs(value) < 1e21;
    if (form !== FORM_MISSING && form !== FORM_TEXT && (form > 0 || !isInteger)) {
      yield numberText(value, form);
    }
  }
}

/** Parsed columns per column, one entry per number format. */
const parsedColumns = new WeakMap<ColumnLike, Map<string, Float64Array>>();

/**
 * Parse every cell of a column with `parseNumber` in `format`, caching the
 * result for the column and format, because profiling, fitting and encoding
 * all read the same columns. The cache assumes the column is not changed
 * after the first call, and callers must not write to the returned array.
 */
export function parseColumn(cells: ColumnLike, format: NumberFormatLike): Float64Array {
  const resolved = toFormat(format);
  const key = formatKey(resolved);
  let cached = parsedColumns.get(cells);
  if (!cached) {
    cached = new Map();
    parsedColumns.set(cells, cached);
  }
  let values = cached.get(key);
  if (!values) {
    values = Array.isArray(cells)
      ? Float64Array.from(cells, cell => parseFormatted(cell, resolved))
      : parseStored(cells, resolved);
    cached.set(key, values);
  }
  return values;
}

/**
 * Parse a stored column: each dictionary text once, and the cells stored as
 * numbers directly in the plain format, which reads their text exactly.
 */
function parseStored(column: IColumnData, format: INumberFormat): Float64Array {
  const output = new Float64Array(column.length);
  const dictionary = Float64Array.from(column.dictionary, text => parseFormatted(text, format));
  const plain = isPlainFormat(format);
  const { forms, values, codes } = column;
  for (let row = 0; row < column.length; row++) {
    const form = forms[row];
    if (form === FORM_MISSING) {
      output[row] = NaN;
    } else if (form === FORM_TEXT) {
      output[row] = dictionary[codes![row]];
    } else {
      output[row] = plain ? values![row] : parseFormatted(cellText(column, row), format);
    }
  }
  return output;
}

/**
 * Read column `name` as numbers, with NaN for missing and invalid cells.
 *
 * Uses `format` when given, which should be the column profile's
 * `numberFormat` so that a format set by the person applies. Otherwise the
 * format is detected with `columnFormat`. Returns a new array. Throws when
 * the column is not in the table.
 */
export function numericColumn(
  table: ITable,
  name: string,
  format?: INumberFormat
): Float64Array {
  const column = table.data[columnIndex(table, name)];
  const formats = table.numberFormats;
  const chosen =
    formats && Object.prototype.hasOwnProperty.call(formats, name)
      ? formats[name]
      : undefined;
  const resolved =
    format ?? chosen ?? columnFormat(column, table.delimiter) ?? PLAIN_FORMAT;
  return parseColumn(column, resolved).slice();
}
