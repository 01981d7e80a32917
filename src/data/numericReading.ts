/**
 * Reading a profiled column as numbers: the number format, the values, and
 * the lines of invalid numbers.
 */

import { cellText, FORM_MISSING, FORM_TEXT, IColumnData } from './column';
import { ITable } from './csv';
import { formatKey, INumberFormat, PLAIN_FORMAT } from './numberFormat';
import { columnFormat, hasLeadingZero, isInvalidNumber, parseColumn } from './values';

/** A column with the count of its non-missing cells. */
export interface IPresentColumn {
  column: IColumnData;
  /** Number of non-missing cells. */
  present: number;
}

/** Result of reading a column as numbers. */
export interface INumericReading {
  /** The numbers of the non-missing cells that are numbers, in row order. */
  numbers: Float64Array;
  format: INumberFormat;
  /** Whether the person set the format in `IReadOptions.numberFormats`. */
  formatSet: boolean;
  invalidLines: number[];
  invalidExample: string;
  /** Whether every non-missing cell is a number or an invalid number. */
  isNumeric: boolean;
}

/**
 * Read a column's cells as numbers in the set format, or else in the
 * detected one. With a detected format, any other text makes the column not
 * numeric, and so does a code with a leading zero. With a set format, every
 * such cell counts as invalid instead. Text cells are classified once per
 * distinct text.
 */
export function readNumbers(
  table: ITable,
  values: IPresentColumn,
  setFormat: INumberFormat | undefined
): INumericReading {
  const column = values.column;
  if (setFormat) {
    // Checks the format and throws for an invalid one.
    formatKey(setFormat);
  }
  const format = setFormat ?? columnFormat(column, table.delimiter) ?? PLAIN_FORMAT;
  const formatSet = setFormat !== undefined;
  const numbers = new Float64Array(values.present);
  let count = 0;
  const reading: INumericReading = {
    numbers,
    format,
    formatSet,
    invalidLines: [],
    invalidExample: '',
    isNumeric: true
  };
  const parsed = parseColumn(column, format);
  const leadingZero = formatSet ? null : column.dictionary.map(hasLeadingZero);
  const invalid = new Map<number, boolean>();
  const isInvalid = (row: number) => {
    const code = column.forms[row] === FORM_TEXT ? column.codes![row] : -1;
    let known = code >= 0 ? invalid.get(code) : undefined;
    if (known === undefined) {
      known = isInvalidNumber(cellText(column, row), format);
      if (code >= 0) {
        invalid.set(code, known);
      }
    }
    return known;
  };
  for (let row = 0; row < column.length && reading.isNumeric; row++) {
    const form = column.forms[row];
    if (form === FORM_MISSING) {
      continue;
    }
    const value = parsed[row];
    const isCode = leadingZero !== null && form === FORM_TEXT && leadingZero[column.codes![row]];
    if (!Number.isNaN(value) && !isCode) {
      numbers[count++] = value;
    } else if (formatSet || isInvalid(row)) {
      reading.invalidLines.push(table.lines[row]);
      reading.invalidExample = reading.invalidExample || cellText(column, row).trim();
    } else {
      reading.isNumeric = false;
    }
  }
  reading.numbers = numbers.subarray(0, count);
  if (!reading.isNumeric || count === 0) {
    reading.isNumeric = false;
    reading.invalidLines = [];
  }
  return reading;
}
