/**
 * Reading delimited text files (CSV, TSV, semicolon or pipe separated) into
 * a table of strings, with findings for everything that was wrong or changed.
 */

import Papa from 'papaparse';

import { IFinding } from '../core/types';
import { formatLines, makeFinding, plural } from './findings';
import { detectDelimiter } from './delimiter';
import { mulberry32, shuffle } from './random';
import { IRecord, numberRecords, uniqueNames } from './records';
import { DEFAULT_MISSING_MARKERS, DEFAULT_ROW_LIMIT } from './markers';
import type { TypeOverride } from './overrides';
import type { INumberFormat } from './numberFormat';

export { DEFAULT_MISSING_MARKERS, DEFAULT_ROW_LIMIT };

/** Options for reading a delimited text file. */
export interface IReadOptions {
  /** Field delimiter; detected from the text when absent. */
  delimiter?: string;
  /** Strings read as missing values, replacing the default list when given. */
  missingMarkers?: string[];
  /** Whether rows with the wrong number of fields are skipped. Defaults to false. */
  skipRaggedRows?: boolean;
  /**
   * Column types set by the person, applied after inference by
   * `applyTypeOverrides`. Defaults to none.
   */
  columnTypes?: Record<string, TypeOverride>;
  /**
   * Number formats set by the person, by column name, used in place of the
   * detected format by `profileTable` and so by the preprocessing plan.
   * Defaults to none.
   */
  numberFormats?: Record<string, INumberFormat>;
  /** Maximum number of data rows kept. Defaults to 1,000,000. */
  rowLimit?: number;
  /**
   * Above the row limit, keep a random sample drawn with this seed instead
   * of the first rows. Defaults to keeping the first rows.
   */
  sampleSeed?: number;
}

/**
 * A file read into columns of raw strings.
 *
 * Rows whose field count differs from the header's are never in `cells`,
 * whether or not they were skipped on request, and their line numbers are in
 * `raggedLines`. The `ragged-rows` error and the `ragged-rows-skipped` warning
 * distinguish the two cases.
 */
export interface ITable {
  fileName: string;
  /** Field delimiter used for reading, for example `,` or `\t`. */
  delimiter: string;
  /** Unique column names, in file order. */
  columns: string[];
  /**
   * Column-major cells: `cells[column][row]`. A missing cell, including one
   * that held a missing marker, is the empty string. Treat the arrays as
   * read-only, because parsed numbers are cached per array.
   */
  cells: string[][];
  /** File line number (header = 1) where each kept data row starts. */
  lines: number[];
  /** Line numbers of rows with the wrong number of fields. */
  raggedLines: number[];
  findings: IFinding[];
  /** Number formats set by the person, from `IReadOptions.numberFormats`. */
  numberFormats?: IReadOptions['numberFormats'];
}


/** Ragged rows described one by one in a message before the rest is counted. */
const MAX_LISTED_RAGGED = 10;

/**
 * Read the text of a delimited file into a table.
 *
 * Strips a UTF-8 byte order mark, accepts LF, CRLF and CR line breaks and
 * quoted fields with delimiters, line breaks and doubled quotes. Leading and
 * trailing blank lines are ignored, and so are blank lines between rows
 * unless the file has a single column, where they are missing values.
 * Problems in the text become `findings`; no input text makes it throw.
 */
export function readCsv(
  text: string,
  fileName: string,
  options: IReadOptions = {}
): ITable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(source, fileName);
  const table: ITable = {
    fileName,
    delimiter,
    columns: [],
    cells: [],
    lines: [],
    raggedLines: [],
    findings: [],
    ...(options.numberFormats ? { numberFormats: options.numberFormats } : {})
  };
  if (source.trim() === '') {
    table.findings.push(
      makeFinding(
        'error',
        'empty-file',
        `The file '${fileName}' is empty. Choose a file with a header row and at least one data row.`,
        [fileName]
      )
    );
    return table;
  }

  // Records split on \n, and `numberRecords` removes a \r left at the end of
  // a record, so LF, CRLF and mixed files read alike. Only a file without any
  // \n splits on \r.
  const newline = source.includes('\n') ? '\n' : '\r';
  const parsed = Papa.parse<string[]>(source, { delimiter, newline, skipEmptyLines: false });
  const records = numberRecords(parsed.data, parsed.meta.linebreak);
  table.findings.push(...quoteFindings(parsed.errors, records, fileName));
  const header = records.shift()!;
  const named = uniqueNames(header.fields);
  table.columns = named.names;
  if (named.renamed.length > 0) {
    table.findings.push(renamedFinding(fileName, named.renamed));
  }
  fillRows(table, dropBlankRecords(records, header.fields.length), options);
  return table;
}

/** Remove blank records, keeping those inside a single-column file's data. */
function dropBlankRecords(records: IRecord[], width: number): IRecord[] {
  const isBlank = (record: IRecord) =>
    record.fields.length === 1 && record.fields[0].trim() === '';
  let end = records.length;
  while (end > 0 && isBlank(records[end - 1])) {
    end--;
  }
  const leading = records.slice(0, end);
  return width === 1 ? leading : leading.filter(record => !isBlank(record));
}

/** Split records into kept and ragged rows and fill the table's cells. */
function fillRows(table: ITable, records: IRecord[], options: IReadOptions): void {
  const width = table.columns.length;
  const missing = new Set(options.missingMarkers ?? DEFAULT_MISSING_MARKERS);
  const rowLimit = options.rowLimit ?? DEFAULT_ROW_LIMIT;
  const ragged: IRecord[] = [];
  const complete: IRecord[] = [];
  for (const record of records) {
    (record.fields.length === width ? complete : ragged).push(record);
  }
  table.raggedLines = ragged.map(record => record.line);
  if (ragged.length > 0) {
    table.findings.push(raggedFinding(table.fileName, ragged, width, options));
  }

  if (complete.length > rowLimit) {
    table.findings.push(
      rowLimitFinding(table.fileName, complete.length, rowLimit, options.sampleSeed)
    );
    limitRows(complete, rowLimit, options.sampleSeed);
  }
  if (complete.length === 0 && ragged.length === 0) {
    table.findings.push(
      makeFinding(
        'error',
        'no-rows',
        `The file '${table.fileName}' has a header row but no data rows. Choose a file with at least one data row.`,
        [table.fileName]
      )
    );
  }

  table.lines = complete.map(record => record.line);
  table.cells = table.columns.map((_, column) =>
    complete.map(record => {
      const cell = record.fields[column];
      return missing.has(cell.trim()) ? '' : cell;
    })
  );
}

function raggedFinding(
  fileName: string,
  ragged: IRecord[],
  width: number,
  options: IReadOptions
): IFinding {
  const listed = ragged
    .slice(0, MAX_LISTED_RAGGED)
    .map(
      record =>
        `line ${record.line}: ${plural(record.fields.length, 'field')}, expected ${width}`
    );
  const rest = ragged.length - listed.length;
  const details = listed.join('; ') + (rest > 0 ? `; and ${rest} more` : '');
  const lines = ragged.map(record => record.line);
  const rows = plural(ragged.length, 'row');
  if (options.skipRaggedRows) {
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

/**
 * Cut `records` to `limit` in place: the first rows, or with a seed a random
 * sample kept in file order, so a file sorted by the target keeps every class.
 */
function limitRows(records: IRecord[], limit: number, seed: number | undefined): void {
  if (seed === undefined) {
    records.length = limit;
    return;
  }
  const order = Int32Array.from(records.keys());
  shuffle(order, mulberry32(seed));
  const kept = order.subarray(0, limit).sort();
  const sample = Array.from(kept, index => records[index]);
  records.length = 0;
  records.push(...sample);
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

/** Findings for quotes that Papa Parse could not match. */
function quoteFindings(
  errors: Papa.ParseError[],
  records: IRecord[],
  fileName: string
): IFinding[] {
  const findings: IFinding[] = [];
  const unclosed = errors.filter(error => error.code === 'MissingQuotes');
  const malformed = errors.filter(error => error.code === 'InvalidQuotes');
  const lineOf = (error: Papa.ParseError) =>
    records[Math.min(error.row ?? 0, records.length - 1)].line;
  if (unclosed.length > 0) {
    const lines = unclosed.map(lineOf);
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
  if (malformed.length > 0) {
    const lines = malformed.map(lineOf);
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
