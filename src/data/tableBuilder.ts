/**
 * Building a columnar table from the records Papa Parse emits chunk by
 * chunk: line numbers, the header, blank and ragged records, missing
 * markers, the row limit and the findings about all of them.
 */

import type Papa from 'papaparse';

import { IFinding } from '../core/types';
import { ColumnBuilder, gatherColumn, IColumnData } from './column';
import type { IReadOptions, ITable } from './csv';
import { formatLines, makeFinding, plural } from './findings';
import { DEFAULT_MISSING_MARKERS, DEFAULT_ROW_LIMIT } from './markers';
import { mulberry32, shuffle } from './random';
import { uniqueNames } from './records';

/** Ragged rows described one by one in a message before the rest is counted. */
const MAX_LISTED_RAGGED = 10;

/** Rows of growth reserved at once by the column builders. */
const INITIAL_CAPACITY = 4096;

/**
 * Collects the records of one file, in file order, into a table.
 *
 * Records must come from Papa Parse with empty lines kept. Call `addChunk`
 * for every chunk, then `finish` once.
 */
export class TableBuilder {
  constructor(fileName: string, delimiter: string, options: IReadOptions) {
    this._fileName = fileName;
    this._delimiter = delimiter;
    this._options = options;
    this._missing = new Set(options.missingMarkers ?? DEFAULT_MISSING_MARKERS);
    this._markerLength = Math.max(0, ...[...this._missing].map(marker => marker.length));
    this._rowLimit = options.rowLimit ?? DEFAULT_ROW_LIMIT;
    this._keepAll = options.sampleSeed !== undefined;
  }

  /**
   * Note that the text given to the parser so far contains a quote, so a
   * field may contain line breaks. Until then, line breaks are not counted.
   */
  noteQuote(): void {
    this._quoted = true;
  }

  /**
   * Add the records and errors of one parsed chunk. `linebreak` is the
   * parser's line break. When it is `\n`, a `\r` left at the end of a record
   * by mixed line endings is removed.
   */
  addChunk(records: string[][], errors: Papa.ParseError[], linebreak: string): void {
    const starts = this._chunkLines;
    starts.length = 0;
    for (const fields of records) {
      const last = fields.length - 1;
      if (linebreak === '\n' && last >= 0 && fields[last].endsWith('\r')) {
        fields[last] = fields[last].slice(0, -1);
      }
      starts.push(this._line);
      this._lastStart = this._line;
      this._addRecord(fields, this._line);
      this._line += this._quoted ? 1 + countLineBreaks(fields) : 1;
    }
    // Papa Parse holds back the unfinished record at the end of a chunk and
    // parses it again with the next chunk, reporting its errors both times.
    // Errors past the chunk's records are kept aside until the next chunk
    // replaces them, so only those of the last chunk count.
    this._pendingErrors = [];
    for (const error of errors) {
      const row = error.row ?? 0;
      if (row < starts.length) {
        this._addQuoteError(error.code, starts[row]);
      } else {
        this._pendingErrors.push(error.code);
      }
    }
  }

  private _addQuoteError(code: string, line: number): void {
    if (code === 'MissingQuotes') {
      this._unclosedLines.push(line);
    } else if (code === 'InvalidQuotes') {
      this._malformedLines.push(line);
    }
  }

  /** Return the table of every record added. */
  finish(): ITable {
    this._pendingErrors.forEach(code => this._addQuoteError(code, this._lastStart));
    this._pendingErrors = [];

    const findings: IFinding[] = [...this._quoteFindings()];
    const renamed = this._renamed;
    if (renamed.length > 0) {
      findings.push(renamedFinding(this._fileName, renamed));
    }
    const width = this._columns.length;
    if (this._raggedLines.length > 0) {
      findings.push(this._raggedFinding(width));
    }

    let data = this._builders.map(builder => builder.finish());
    let lines = Int32Array.from(this._lines);
    const complete = this._complete;
    if (complete > this._rowLimit) {
      findings.push(
        rowLimitFinding(this._fileName, complete, this._rowLimit, this._options.sampleSeed)
      );
      if (this._keepAll) {
        const kept = sampleRows(complete, this._rowLimit, this._options.sampleSeed!);
        data = data.map(column => gatherColumn(column, kept));
        lines = Int32Array.from(kept, row => lines[row]);
      }
    }

    if (complete === 0 && this._raggedLines.length === 0) {
      findings.push(
        makeFinding(
          'error',
          'no-rows',
          `The file '${this._fileName}' has a header row but no data rows. Choose a file with at least one data row.`,
          [this._fileName]
        )
      );
    }
    return {
      fileName: this._fileName,
      delimiter: this._delimiter,
      columns: this._columns,
      data,
      lines,
      raggedLines: this._raggedLines,
      findings,
      ...(this._options.numberFormats ? { numberFormats: this._options.numberFormats } : {})
    };
  }

  private _addRecord(fields: string[], line: number): void {
    if (!this._hasHeader) {
      this._hasHeader = true;
      const named = uniqueNames(fields);
      this._columns = named.names;
      this._renamed = named.renamed;
      this._builders = named.names.map(() => new ColumnBuilder(INITIAL_CAPACITY));
      return;
    }
    const width = this._columns.length;
    if (fields.length === 1 && fields[0].trim() === '') {
      // Blank records are dropped, except inside a one-column file's data,
      // where they are missing values unless only blank records follow.
      if (width === 1) {
        this._blanks.push({ fields, line });
      }
      return;
    }
    for (const blank of this._blanks) {
      this._addRow(blank.fields, blank.line);
    }
    this._blanks.length = 0;
    this._addRow(fields, line);
  }

  private _addRow(fields: string[], line: number): void {
    const width = this._columns.length;
    if (fields.length !== width) {
      this._raggedLines.push(line);
      if (this._raggedCounts.length < MAX_LISTED_RAGGED) {
        this._raggedCounts.push(fields.length);
      }
      return;
    }
    this._complete++;
    if (!this._keepAll && this._lines.length >= this._rowLimit) {
      return;
    }
    this._lines.push(line);
    const missing = this._missing;
    for (let column = 0; column < width; column++) {
      const cell = fields[column];
      const builder = this._builders[column];
      // A cell longer than every marker and without white space to trim
      // cannot be one, which spares most cells the set lookup.
      const trimmed = isTrimmed(cell);
      const mayBeMarker = !trimmed || cell.length <= this._markerLength;
      if (cell === '' || (mayBeMarker && missing.has(trimmed ? cell : cell.trim()))) {
        builder.pushMissing();
      } else {
        builder.push(cell);
      }
    }
  }

  private _raggedFinding(width: number): IFinding {
    const ragged = this._raggedLines;
    const listed = this._raggedCounts.map(
      (count, index) => `line ${ragged[index]}: ${plural(count, 'field')}, expected ${width}`
    );
    const rest = ragged.length - listed.length;
    const details = listed.join('; ') + (rest > 0 ? `; and ${rest} more` : '');
    const lines = [...ragged];
    const rows = plural(ragged.length, 'row');
    const fileName = this._fileName;
    if (this._options.skipRaggedRows) {
      return makeFinding(
        'warning',
        'ragged-rows-skipped',
        `Skipped ${rows} of '${fileName}' with the wrong number of fields (${details}).`,
        [String(ragged.length), fileName, details],
        { lines }
      );
    }
    return makeFinding(
      'error',
      'ragged-rows',
      `The file '${fileName}' has ${rows} with the wrong number of fields (${details}). Fix the file, or choose to skip them.`,
      [fileName, String(ragged.length), details],
      { lines }
    );
  }

  private _quoteFindings(): IFinding[] {
    const findings: IFinding[] = [];
    const fileName = this._fileName;
    if (this._unclosedLines.length > 0) {
      const lines = this._unclosedLines;
      const where = formatLines(lines);
      findings.push(
        makeFinding(
          'error',
          'unclosed-quote',
          `The file '${fileName}' has a quoted field that is never closed, starting on ${where}, so the rest of the file reads as one field. Add the closing quote.`,
          [fileName, where],
          { lines }
        )
      );
    }
    if (this._malformedLines.length > 0) {
      const lines = this._malformedLines;
      const where = formatLines(lines);
      findings.push(
        makeFinding(
          'warning',
          'malformed-quote',
          `The file '${fileName}' has text after a closing quote on ${where}; it was kept as part of the field. Check the quotes on those lines.`,
          [fileName, where],
          { lines }
        )
      );
    }
    return findings;
  }

  private _fileName: string;
  private _delimiter: string;
  private _options: IReadOptions;
  private _missing: Set<string>;
  /** Length of the longest missing marker. */
  private _markerLength: number;
  private _rowLimit: number;
  /** Whether rows above the limit are kept for sampling. */
  private _keepAll: boolean;
  /** Whether the text seen so far contains a quote. */
  private _quoted = false;
  private _hasHeader = false;
  private _columns: string[] = [];
  private _renamed: ReturnType<typeof uniqueNames>['renamed'] = [];
  private _builders: ColumnBuilder[] = [];
  /** File line of the next record. */
  private _line = 1;
  /** File line where the last record started. */
  private _lastStart = 1;
  /** Start line of each record of the current chunk. */
  private _chunkLines: number[] = [];
  /** Blank records of a one-column file not yet known to be followed by data. */
  private _blanks: Array<{ fields: string[]; line: number }> = [];
  private _lines: number[] = [];
  /** Rows with the header's number of fields, kept or not. */
  private _complete = 0;
  private _raggedLines: number[] = [];
  /** Field counts of the first ragged rows, for the message. */
  private _raggedCounts: number[] = [];
  /** Error codes of the record held back at the end of the last chunk. */
  private _pendingErrors: string[] = [];
  private _unclosedLines: number[] = [];
  private _malformedLines: number[] = [];
}

/** Return an empty table with the `empty-file` error. */
export function emptyTable(fileName: string, delimiter: string, options: IReadOptions): ITable {
  return {
    fileName,
    delimiter,
    columns: [],
    data: [] as IColumnData[],
    lines: new Int32Array(0),
    raggedLines: [],
    findings: [
      makeFinding(
        'error',
        'empty-file',
        `The file '${fileName}' is empty. Choose a file with a header row and at least one data row.`,
        [fileName]
      )
    ],
    ...(options.numberFormats ? { numberFormats: options.numberFormats } : {})
  };
}

/**
 * Return whether a cell starts and ends with printable ASCII other than a
 * space, so `trim` would keep it as it is.
 */
function isTrimmed(cell: string): boolean {
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
}

function countLineBreaks(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    if (field.includes('\n') || field.includes('\r')) {
      count += field.match(/\r\n|\r|\n/g)?.length ?? 0;
    }
  }
  return count;
}

/**
 * Return `limit` row indices out of `rows`, drawn with `seed` and sorted,
 * so a file sorted by the target keeps every class.
 */
function sampleRows(rows: number, limit: number, seed: number): Int32Array {
  const order = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    order[row] = row;
  }
  shuffle(order, mulberry32(seed));
  return order.subarray(0, limit).sort();
}

function rowLimitFinding(
  fileName: string,
  rows: number,
  limit: number,
  seed: number | undefined
): IFinding {
  if (seed !== undefined) {
    return makeFinding(
      'warning',
      'row-sample',
      `The file '${fileName}' has ${rows} data rows; a random sample of ${limit} drawn with seed ${seed} is used. Raise the row limit in the settings to use more.`,
      [fileName, String(rows), String(limit), String(seed)]
    );
  }
  return makeFinding(
    'warning',
    'row-limit',
    `The file '${fileName}' has ${rows} data rows; only the first ${limit} are used. Choose to sample rows with the seed, or raise the row limit in the settings.`,
    [fileName, String(rows), String(limit)]
  );
}

function renamedFinding(
  fileName: string,
  renamed: Array<{ position: number; original: string; name: string }>
): IFinding {
  const list = renamed
    .map(({ position, original, name }) => {
      const was = original === '' ? 'empty name' : `'${original}'`;
      return `column ${position} (${was}) is now '${name}'`;
    })
    .join(', ');
  return makeFinding(
    'warning',
    'renamed-columns',
    `Some column names in '${fileName}' were empty or repeated, so they were renamed: ${list}. Rename them in the file to choose the names yourself.`,
    [fileName, list]
  );
}
