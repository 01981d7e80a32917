/**
 * Columnar storage of a read file: one compact column per header name that
 * keeps every cell's text recoverable without holding a string per cell.
 *
 * A cell that is a finite number written as JavaScript writes it (`12`,
 * `-0.5`) or with a fixed number of decimals (`1.250`) is stored as its
 * value in `values` and its form in `forms`. Any other non-missing cell is
 * dictionary-encoded: its index into `dictionary` is in `codes`. The column
 * contains only plain data and typed arrays, so it crosses a worker boundary
 * by structured clone, and its buffers can be transferred.
 */

import type { ITable } from './csv';

/** `forms` entry of a missing cell. */
export const FORM_MISSING = -2;

/** `forms` entry of a dictionary-encoded cell. */
export const FORM_TEXT = -3;

/** `forms` entry of a number written as `String(value)` writes it. */
export const FORM_SHORTEST = -1;

/** Maximum decimals of a number stored as a value. Cells with more become text. */
const MAX_DECIMALS = 20;

/** One column of a table. Treat every field as read-only. */
export interface IColumnData {
  /** Number of rows. */
  length: number;
  /**
   * Per row: `FORM_MISSING`, `FORM_TEXT`, `FORM_SHORTEST`, or the number of
   * decimals `value.toFixed()` needs to write the cell's text.
   */
  forms: Int8Array;
  /** Per row, the value of a number cell, or NaN. Null when no cell is a number. */
  values: Float64Array | null;
  /** Per row, the dictionary index of a text cell, or -1. Null when no cell is text. */
  codes: Int32Array | null;
  /** Distinct texts of the text cells, in order of first appearance. */
  dictionary: string[];
}

/** Return the text of a number stored with `form`. */
export function numberText(value: number, form: number): string {
  return form === FORM_SHORTEST ? String(value) : value.toFixed(form);
}

/** Return the text of the cell in `row`, or '' for a missing cell. */
export function cellText(column: IColumnData, row: number): string {
  const form = column.forms[row];
  if (form === FORM_MISSING) {
    return '';
  }
  if (form === FORM_TEXT) {
    return column.dictionary[column.codes![row]];
  }
  return numberText(column.values![row], form);
}

/** Materialised cell texts, per column. */
const textCache = new WeakMap<IColumnData, string[]>();

/**
 * Return every cell's text, with '' for missing cells, as one array that is
 * cached for the column. Text cells share the dictionary's strings, so the
 * array costs one reference per row. Callers must not change it.
 */
export function columnTexts(column: IColumnData): string[] {
  let texts = textCache.get(column);
  if (!texts) {
    texts = new Array<string>(column.length);
    for (let row = 0; row < column.length; row++) {
      texts[row] = cellText(column, row);
    }
    textCache.set(column, texts);
  }
  return texts;
}

/** Count the missing cells of a column. */
export function countMissing(column: IColumnData): number {
  let count = 0;
  const forms = column.forms;
  for (let row = 0; row < column.length; row++) {
    if (forms[row] === FORM_MISSING) {
      count++;
    }
  }
  return count;
}

/** Return the typed arrays' buffers of `columns`, for a transfer list. */
export function columnBuffers(columns: IColumnData[]): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const column of columns) {
    for (const array of [column.forms, column.values, column.codes]) {
      if (array) {
        buffers.push(array.buffer as ArrayBuffer);
      }
    }
  }
  return buffers;
}

/** Return a copy of a table whose buffers can be transferred. */
export function copyTable(table: ITable): ITable {
  return { ...table, data: table.data.map(copyColumn), lines: table.lines.slice() };
}

/** Return the buffers of a table's typed arrays, for a transfer list. */
export function tableBuffers(table: ITable): ArrayBuffer[] {
  return [...columnBuffers(table.data), table.lines.buffer as ArrayBuffer];
}

/** Return a deep copy of a column, whose buffers can be transferred. */
export function copyColumn(column: IColumnData): IColumnData {
  return {
    length: column.length,
    forms: column.forms.slice(),
    values: column.values ? column.values.slice() : null,
    codes: column.codes ? column.codes.slice() : null,
    dictionary: column.dictionary
  };
}

/**
 * Return a column of the rows `rows` of `column`, in that order. The
 * dictionary is rebuilt, so it lists only the kept texts in their new order
 * of first appearance.
 */
export function gatherColumn(column: IColumnData, rows: ArrayLike<number>): IColumnData {
  const builder = new ColumnBuilder(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const form = column.forms[row];
    if (form === FORM_MISSING) {
      builder.pushMissing();
    } else if (form === FORM_TEXT) {
      builder.pushText(column.dictionary[column.codes![row]]);
    } else {
      builder.pushNumber(column.values![row], form);
    }
  }
  return builder.finish();
}

/**
 * Builds one column cell by cell, growing its arrays as rows arrive.
 */
export class ColumnBuilder {
  constructor(capacity = 1024) {
    this._forms = new Int8Array(Math.max(capacity, 16));
  }

  /** Rows pushed so far. */
  get length(): number {
    return this._length;
  }

  /** Append a missing cell. */
  pushMissing(): void {
    this._reserve();
    this._forms[this._length] = FORM_MISSING;
    if (this._values) {
      this._values[this._length] = NaN;
    }
    if (this._codes) {
      this._codes[this._length] = -1;
    }
    this._length++;
  }

  /** Append a non-missing cell, stored as a number when its text allows. */
  push(cell: string): void {
    const decimals = plainDecimals(cell);
    if (decimals >= 0) {
      this.pushNumber(scannedValue, decimals);
      return;
    }
    const value = +cell;
    if (value - value === 0) {
      const form = numberForm(cell, value);
      if (form !== FORM_TEXT) {
        this.pushNumber(value, form);
        return;
      }
    }
    this.pushText(cell);
  }

  /** Append a number stored with `form`, which must write the cell's text. */
  pushNumber(value: number, form: number): void {
    this._reserve();
    if (!this._values) {
      this._values = new Float64Array(this._forms.length).fill(NaN);
    }
    this._forms[this._length] = form;
    this._values[this._length] = value;
    if (this._codes) {
      this._codes[this._length] = -1;
    }
    this._length++;
  }

  /** Append a cell stored through the dictionary. */
  pushText(cell: string): void {
    this._reserve();
    if (!this._codes) {
      this._codes = new Int32Array(this._forms.length).fill(-1);
    }
    let code = this._index.get(cell);
    if (code === undefined) {
      code = this._dictionary.length;
      this._dictionary.push(cell);
      this._index.set(cell, code);
    }
    this._forms[this._length] = FORM_TEXT;
    this._codes[this._length] = code;
    if (this._values) {
      this._values[this._length] = NaN;
    }
    this._length++;
  }

  /** Return the column, with arrays cut to its length. The builder is spent. */
  finish(): IColumnData {
    const length = this._length;
    return {
      length,
      forms: this._forms.slice(0, length),
      values: this._values ? this._values.slice(0, length) : null,
      codes: this._codes ? this._codes.slice(0, length) : null,
      dictionary: this._dictionary
    };
  }

  private _reserve(): void {
    if (this._length < this._forms.length) {
      return;
    }
    const capacity = this._forms.length * 2;
    this._forms = grow(this._forms, new Int8Array(capacity));
    if (this._values) {
      this._values = grow(this._values, new Float64Array(capacity).fill(NaN));
    }
    if (this._codes) {
      this._codes = grow(this._codes, new Int32Array(capacity).fill(-1));
    }
  }

  private _length = 0;
  private _forms: Int8Array;
  private _values: Float64Array | null = null;
  private _codes: Int32Array | null = null;
  private _dictionary: string[] = [];
  private _index = new Map<string, number>();
}

function grow<T extends Int8Array | Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Most digits of a decimal that `toFixed` is sure to write back unchanged. */
const SAFE_DIGITS = 15;

/** Powers of ten up to 10^15, each exact as a double. */
const POWERS_OF_TEN = Array.from({ length: SAFE_DIGITS + 1 }, (_, power) => 10 ** power);

/** Value of the cell that `plainDecimals` last accepted. */
let scannedValue = NaN;

/**
 * Return the number of decimals of a cell written as `-?(0|[1-9]\d*)(\.\d+)?`
 * with at most 15 digits, or -1 for any other cell and for a negative zero.
 *
 * Such a cell is `value.toFixed(decimals)` of its value: a double keeps 15
 * significant decimal digits, so rounding it to the cell's decimals gives
 * the cell's digits back. This scan avoids writing the number to compare.
 * It also sets `scannedValue` to the digits as an integer divided by a power
 * of ten. Both are exact doubles below 2^53, so the correctly rounded
 * quotient equals `Number(cell)`.
 */
function plainDecimals(cell: string): number {
  const length = cell.length;
  let index = cell.charCodeAt(0) === 45 ? 1 : 0;
  const first = index;
  let nonZero = false;
  let mantissa = 0;
  while (index < length) {
    const code = cell.charCodeAt(index);
    if (code < 48 || code > 57) {
      break;
    }
    nonZero = nonZero || code !== 48;
    mantissa = mantissa * 10 + (code - 48);
    index++;
  }

  const integerDigits = index - first;
  if (integerDigits === 0 || (integerDigits > 1 && cell.charCodeAt(first) === 48)) {
    return -1;
  }
  let decimals = 0;
  if (index < length) {
    if (cell.charCodeAt(index) !== 46) {
      return -1;
    }
    index++;
    while (index < length) {
      const code = cell.charCodeAt(index);
      if (code < 48 || code > 57) {
        return -1;
      }
      nonZero = nonZero || code !== 48;
      mantissa = mantissa * 10 + (code - 48);
      index++;
      decimals++;
    }
    if (decimals === 0) {
      return -1;
    }
  }

  if (integerDigits + decimals > SAFE_DIGITS || (first === 1 && !nonZero)) {
    return -1;
  }
  const magnitude = decimals === 0 ? mantissa : mantissa / POWERS_OF_TEN[decimals];
  scannedValue = first === 1 ? -magnitude : magnitude;
  return decimals;
}

/**
 * Return the form that writes `cell` back from `value`, or `FORM_TEXT` when
 * no form does, as for `007`, `+1`, ` 1` or `1e3`.
 */
function numberForm(cell: string, value: number): number {
  const dot = cell.indexOf('.');
  if (dot >= 0) {
    const decimals = cell.length - dot - 1;
    if (decimals <= MAX_DECIMALS && value.toFixed(decimals) === cell) {
      return decimals;
    }
  }
  return String(value) === cell ? FORM_SHORTEST : FORM_TEXT;
}
