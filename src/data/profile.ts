/**
 * Profiling of a table: the type of each column with the reason, missing
 * and invalid counts, distinct values and a short summary.
 */

import { IColumnProfile, IDatasetProfile, IFinding } from '../core/types';
import { cellText, countMissing, FORM_MISSING, FORM_TEXT, IColumnData } from './column';
import { IReadOptions, ITable } from './csv';
import { detectDateOrder, describeDateOrder, parseDate } from './datetime';
import { formatLines, formatNumber, makeFinding, plural } from './findings';
import { describeNumberFormat, describeNumbers, INumberFormat, isPlainFormat } from './numberFormat';
import { countDistinct } from './distinct';
import { INumericReading, readNumbers } from './numericReading';
import { booleanPair, hasLeadingZero } from './values';

export { numericColumn, parseNumber } from './values';

/** Rows shown in the preview table. */
export const PREVIEW_ROWS = 10;

/** Values listed in a categorical column's summary. */
const TOP_VALUES = 5;

/** Distinct values above which a mostly unique text column is high-cardinality. */
const HIGH_CARDINALITY_LEVELS = 50;

/** Distinct values above which any text column is high-cardinality. */
const MAX_LEVELS = 1000;

/** Rows needed before unique text or counting integers mean an identifier. */
const MIN_IDENTIFIER_ROWS = 5;

/** Names that mark a column of unique integers as an identifier. */
const IDENTIFIER_NAME = /^(id|key|uuid|guid|index|row_?(id|number))$|[_\s.-](id|key|uuid|guid)$|[a-z](Id|ID)$/i;

/** A column with its name and counts. */
interface IColumnValues {
  name: string;
  index: number;
  rows: number;
  column: IColumnData;
  /** Number of non-missing cells. */
  present: number;
}

/** Distinct non-missing texts of a column and their counts. */
interface ITextCounts {
  /** Distinct texts, in order of first appearance. */
  texts: string[];
  counts: number[];
}

/**
 * Profile every column of a table.
 *
 * `findings` contains the table's findings followed by one warning per column
 * with invalid numbers. Those cells count as invalid, not missing, and the
 * preprocessing plan imputes them like missing cells.
 *
 * `options.numberFormats` sets the number format of columns by name, in
 * place of the detected one. Cells of such a column that are not numbers in
 * that format count as invalid. A format set for a column where no cell
 * reads as a number is not used, and a warning reports it. Formats for columns
 * the table lacks are ignored. Throws when a set format is invalid.
 */
export function profileTable(
  table: ITable,
  options: Pick<IReadOptions, 'numberFormats'> = {}
): IDatasetProfile {
  const findings: IFinding[] = [...table.findings];
  const formats = options.numberFormats ?? {};
  const columns = table.columns.map((name, index) => {
    const values = collectValues(table, name, index);
    const setFormat = Object.prototype.hasOwnProperty.call(formats, name)
      ? formats[name]
      : undefined;
    const reading = readNumbers(table, values, setFormat);
    if (reading.invalidLines.length > 0) {
      findings.push(invalidFinding(table.fileName, name, reading));
    }
    if (setFormat && !reading.isNumeric) {
      findings.push(unusedFormatFinding(table.fileName, name, setFormat));
    }
    return profileColumn(values, reading);
  });
  const rowCount = table.lines.length;
  const previewRows = Math.min(PREVIEW_ROWS, rowCount);
  const preview: string[][] = [];
  for (let row = 0; row < previewRows; row++) {
    preview.push(table.data.map(column => cellText(column, row)));
  }
  return {
    fileName: table.fileName,
    delimiter: table.delimiter,
    rowCount,
    columns,
    preview,
    findings,
    raggedLines: [...table.raggedLines]
  };
}

function collectValues(table: ITable, name: string, index: number): IColumnValues {
  const column = table.data[index];
  return { name, index, rows: column.length, column, present: column.length - countMissing(column) };
}

/** Count each distinct non-missing text, in order of first appearance. */
function countValues(column: IColumnData): ITextCounts {
  if (!column.values) {
    const counts = new Array<number>(column.dictionary.length).fill(0);
    const { forms, codes } = column;
    for (let row = 0; row < column.length; row++) {
      if (forms[row] === FORM_TEXT) {
        counts[codes![row]]++;
      }
    }
    return { texts: column.dictionary, counts };
  }
  const counts = new Map<string, number>();
  for (let row = 0; row < column.length; row++) {
    if (column.forms[row] !== FORM_MISSING) {
      const cell = cellText(column, row);
      counts.set(cell, (counts.get(cell) ?? 0) + 1);
    }
  }
  return { texts: [...counts.keys()], counts: [...counts.values()] };
}

function invalidFinding(
  fileName: string,
  column: string,
  reading: INumericReading
): IFinding {
  const lines = reading.invalidLines;
  const count = plural(lines.length, 'invalid number');
  const where = formatLines(lines);
  return makeFinding(
    'warning',
    'invalid-values',
    `Column '${column}' of '${fileName}' has ${count} (such as '${reading.invalidExample}') on ${where}. They are treated as missing and imputed; fix them in the file if they should be numbers.`,
    [column, fileName, String(lines.length), reading.invalidExample, where],
    { column, lines }
  );
}

function unusedFormatFinding(
  fileName: string,
  column: string,
  format: INumberFormat
): IFinding {
  const described = describeNumberFormat(format);
  return makeFinding(
    'warning',
    'number-format-unused',
    `Column '${column}' of '${fileName}' has no number written with a ${described}, so that format is not used. Choose another number format for it, or clear the format.`,
    [column, fileName, described],
    { column }
  );
}

function profileColumn(
  values: IColumnValues,
  reading: INumericReading
): IColumnProfile {
  const profile: IColumnProfile = {
    name: values.name,
    index: values.index,
    type: 'empty',
    reason: '',
    missing: values.rows - values.present,
    invalid: reading.invalidLines.length,
    distinct: 0,
    summary: ''
  };
  if (reading.isNumeric) {
    profile.numberFormat = { ...reading.format };
    describeNumeric(profile, values, reading);
  } else if (values.present === 0) {
    profile.reason = 'every cell is missing';
    profile.summary = 'all missing';
  } else {
    describeText(profile, values);
  }
  return profile;
}

function describeNumeric(
  profile: IColumnProfile,
  values: IColumnValues,
  reading: INumericReading
): void {
  const numbers = reading.numbers;
  const distinct = countDistinct(numbers);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < numbers.length; i++) {
    const value = numbers[i];
    // Math.min and Math.max order -0 before 0, and so do these tests.
    if (value < min || (value === 0 && min === 0 && Object.is(value, -0))) {
      min = value;
    }
    if (value > max || (value === 0 && max === 0 && Object.is(max, -0))) {
      max = value;
    }
  }
  profile.distinct = distinct;
  profile.min = min;
  profile.max = max;
  profile.summary =
    min === max ? formatNumber(min) : `${formatNumber(min)} – ${formatNumber(max)}`;

  if (distinct === 1) {
    profile.type = 'constant';
    profile.reason = `one value (${formatNumber(min)}) in every non-missing cell`;
  } else if (distinct === 2 && min === 0 && max === 1) {
    profile.type = 'boolean';
    profile.reason = 'two values: 0 and 1';
  } else if (isNumericIdentifier(values, numbers, distinct)) {
    profile.type = 'identifier';
    profile.reason = IDENTIFIER_NAME.test(values.name)
      ? 'unique integer per row, and the name looks like an ID'
      : 'unique integer per row, counting up by 1';
  } else {
    profile.type = 'numeric';
    profile.reason = `${writtenAs(reading)}, ${plural(distinct, 'distinct value')}`;
  }
  if (profile.type !== 'numeric' && (reading.formatSet || !isPlainFormat(reading.format))) {
    profile.reason += `; ${writtenAs(reading)}`;
  }
  if (profile.invalid > 0) {
    profile.reason += `, ${plural(profile.invalid, 'invalid value')} read as missing`;
  }
}

/** Describe how a column's numbers are written, for its reason. */
function writtenAs(reading: INumericReading): string {
  if (!reading.formatSet) {
    return describeNumbers(reading.format);
  }
  const words = isPlainFormat(reading.format)
    ? 'numbers with a decimal point'
    : describeNumbers(reading.format);
  return `${words} (format set by you)`;
}

function isNumericIdentifier(
  values: IColumnValues,
  numbers: Float64Array,
  distinct: number
): boolean {
  if (distinct !== values.rows || !numbers.every(Number.isInteger)) {
    return false;
  }
  if (IDENTIFIER_NAME.test(values.name)) {
    return true;
  }
  if (values.rows < MIN_IDENTIFIER_ROWS) {
    return false;
  }
  return numbers.every((value, row) => row === 0 || value - numbers[row - 1] === 1);
}

function describeText(profile: IColumnProfile, values: IColumnValues): void {
  const counts = countValues(values.column);
  const texts = counts.texts;
  const distinct = texts.length;
  const present = values.present;
  profile.distinct = distinct;
  profile.topValues = texts
    .map((value, index) => ({ value, count: counts.counts[index] }))
    .sort((a, b) => b.count - a.count)
    .slice(0, TOP_VALUES);
  profile.summary = profile.topValues
    .map(({ value, count }) => `${value} (${count})`)
    .join(', ');

  // Whether every cell passes a test, and the first that passes, are the same
  // over the distinct texts in order of first appearance as over all cells.
  const pair = booleanPair(texts);
  const dateOrder = distinct > 1 ? detectDateOrder(texts) : null;
  const words = meanWords(counts);
  if (distinct === 1) {
    profile.type = 'constant';
    profile.reason = `one value ('${texts[0]}') in every non-missing cell`;
  } else if (pair) {
    profile.type = 'boolean';
    profile.reason = `two values: ${pair[0]} and ${pair[1]}`;
  } else if (dateOrder) {
    profile.type = 'datetime';
    profile.reason = describeDateOrder(dateOrder);
    profile.summary = dateRange(texts, dateOrder);
  } else if (distinct >= present / 2 && present >= 3 && words.mean >= 3) {
    profile.type = 'text';
    profile.reason = `free text: ${distinct} distinct of ${present} values, ${formatNumber(words.mean)} words on average; not one-hot encoded`;
    profile.summary = `${plural(distinct, 'distinct value')}`;
  } else if (distinct === values.rows && values.rows >= MIN_IDENTIFIER_ROWS) {
    profile.type = 'identifier';
    profile.reason = 'a different value in every row';
  } else if (distinct > MAX_LEVELS || (distinct > HIGH_CARDINALITY_LEVELS && distinct > present / 2)) {
    profile.type = 'high-cardinality';
    profile.reason = `${distinct} distinct values in ${present} rows, too many levels to one-hot encode`;
  } else {
    profile.type = 'categorical';
    profile.reason = `text with ${plural(distinct, 'distinct value')}`;
    const code = texts.find(hasLeadingZero);
    if (code !== undefined && /^[+-]?\d+$/.test(code.trim())) {
      profile.reason += `; codes with a leading zero such as '${code}' stay text`;
    }
  }
}

/** Mean number of whitespace-separated words per non-missing cell. */
function meanWords(counts: ITextCounts): { mean: number } {
  let words = 0;
  let cells = 0;
  counts.texts.forEach((value, index) => {
    words += value.trim().split(/\s+/).length * counts.counts[index];
    cells += counts.counts[index];
  });
  return { mean: cells === 0 ? 0 : words / cells };
}

function dateRange(present: string[], order: ReturnType<typeof detectDateOrder>): string {
  let first = '';
  let last = '';
  let firstKey = Infinity;
  let lastKey = -Infinity;
  for (const cell of present) {
    const parts = parseDate(cell, order!);
    if (!parts) {
      continue;
    }
    const key = parts.year * 10000 + parts.month * 100 + parts.day;
    if (key < firstKey) {
      [firstKey, first] = [key, cell.trim()];
    }
    if (key > lastKey) {
      [lastKey, last] = [key, cell.trim()];
    }
  }
  return first === last ? first : `${first} – ${last}`;
}
