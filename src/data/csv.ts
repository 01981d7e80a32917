/**
 * Reading delimited text files (CSV, TSV, semicolon or pipe separated) into
 * a columnar table, with findings for everything that was wrong or changed.
 * Text is parsed in chunks, so a file read from a stream is never held whole.
 */

import Papa from 'papaparse';

import { IFinding } from '../core/types';
import type { IColumnData } from './column';
import { detectDelimiter, SAMPLE_CHARS } from './delimiter';
import { DEFAULT_MISSING_MARKERS, DEFAULT_ROW_LIMIT } from './markers';
import type { TypeOverride } from './overrides';
import type { INumberFormat } from './numberFormat';
import { emptyTable, TableBuilder } from './tableBuilder';

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
 * A file read into columns.
 *
 * Rows whose field count differs from the header's are never in `data`,
 * whether or not they were skipped on request, and their line numbers are in
 * `raggedLines`. The `ragged-rows` error and the `ragged-rows-skipped` warning
 * distinguish the two cases. The table contains only plain data and typed
 * arrays, so it crosses a worker boundary by structured clone.
 */
export interface ITable {
  fileName: string;
  /** Field delimiter used for reading, for example `,` or `\t`. */
  delimiter: string;
  /** Unique column names, in file order. */
  columns: string[];
  /**
   * One column per name. A missing cell, including one that held a missing
   * marker, reads as the empty string. Treat the columns as read-only,
   * because parsed numbers are cached per column.
   */
  data: IColumnData[];
  /** File line number (header = 1) where each kept data row starts. */
  lines: Int32Array;
  /** Line numbers of rows with the wrong number of fields. */
  raggedLines: number[];
  findings: IFinding[];
  /** Number formats set by the person, from `IReadOptions.numberFormats`. */
  numberFormats?: IReadOptions['numberFormats'];
}

/** Papa Parse settings of a chunked parse, which its typings spread over several overloads. */
interface IChunkedConfig extends Papa.ParseConfig<string[]> {
  chunkSize?: number;
  chunk(results: Papa.ParseResult<string[]>): void;
  complete?(): void;
  error?(error: Error): void;
}

/** `Papa.parse` for a string or a stream-like input with a chunked configuration. */
const parseChunked = Papa.parse as unknown as (input: unknown, config: IChunkedConfig) => void;

/** Characters handed to the parser at once when reading text. */
const CHUNK_CHARS = 1 << 20;

/**
 * Read the text of a delimited file into a table.
 *
 * Strips a UTF-8 byte order mark, accepts LF, CRLF and CR line breaks and
 * quoted fields with delimiters, line breaks and doubled quotes. Leading and
 * trailing blank lines are ignored, and so are blank lines between rows
 * unless the file has a single column, where they are missing values.
 * Problems in the text become `findings`; no input text makes it throw.
 * `chunkChars` sets the characters parsed at once and changes nothing in
 * the result.
 */
export function readCsv(
  text: string,
  fileName: string,
  options: IReadOptions = {},
  chunkChars = CHUNK_CHARS
): ITable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(source, fileName);
  if (source.trim() === '') {
    return emptyTable(fileName, delimiter, options);
  }
  const builder = new TableBuilder(fileName, delimiter, options);
  if (source.includes('"')) {
    builder.noteQuote();
  }
  parseChunked(source, { ...parseConfig(source, delimiter, builder), chunkSize: chunkChars });
  return builder.finish();
}

/**
 * Read a delimited file from a stream of UTF-8 bytes into a table, with the
 * same result as `readCsv` on the decoded text.
 *
 * The text is decoded and parsed chunk by chunk. Only the start of the file
 * is held at once, to detect the delimiter and the line break: up to 64 Ki
 * characters, or up to the first `\n` when that comes later. Rejects when
 * the stream fails.
 */
export async function readCsvStream(
  stream: ReadableStream<Uint8Array>,
  fileName: string,
  options: IReadOptions = {}
): Promise<ITable> {
  const source = new TextChunks(stream);
  let head = '';
  let chunk: string | null;
  while ((chunk = await source.next()) !== null) {
    head += chunk;
    const enough = head.length > SAMPLE_CHARS && head.includes('\n');
    if (enough && head.trim() !== '') {
      break;
    }
  }
  head = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const delimiter = options.delimiter ?? detectDelimiter(head, fileName);
  if (head.trim() === '') {
    return emptyTable(fileName, delimiter, options);
  }
  const builder = new TableBuilder(fileName, delimiter, options);
  const input = new ParserInput();
  const done = new Promise<void>((resolve, reject) => {
    parseChunked(input, {
      ...parseConfig(head, delimiter, builder),
      complete: () => resolve(),
      error: (error: Error) => reject(error)
    });
  });
  const send = (text: string) => {
    if (text.includes('"')) {
      builder.noteQuote();
    }
    input.emit('data', text);
  };
  send(head);
  while ((chunk = await source.next()) !== null) {
    send(chunk);
  }
  input.emit('end');
  await done;
  return builder.finish();
}

/**
 * Papa Parse settings that send every chunk to `builder`. Records split on
 * \n, and the builder removes a \r left at the end of a record, so LF, CRLF
 * and mixed files read alike. Only a file whose start has no \n splits on \r.
 */
function parseConfig(
  head: string,
  delimiter: string,
  builder: TableBuilder
): IChunkedConfig {
  return {
    delimiter,
    newline: head.includes('\n') ? '\n' : '\r',
    skipEmptyLines: false,
    chunk: results =>
      builder.addChunk(results.data, results.errors, results.meta.linebreak)
  };
}

/** Decoded text of a byte stream, in pieces of at least `CHUNK_CHARS`. */
class TextChunks {
  constructor(stream: ReadableStream<Uint8Array>) {
    this._reader = stream.getReader();
  }

  /** Return the next piece of text, or null after the last. */
  async next(): Promise<string | null> {
    if (this._done) {
      return null;
    }
    let text = '';
    while (text.length < CHUNK_CHARS) {
      const { value, done } = await this._reader.read();
      if (done) {
        this._done = true;
        text += this._decoder.decode();
        break;
      }
      text += this._decoder.decode(value, { stream: true });
    }
    return text;
  }

  private _reader: ReadableStreamDefaultReader<Uint8Array>;
  private _decoder = new TextDecoder('utf-8');
  private _done = false;
}

/**
 * The part of a Node readable stream that Papa Parse's stream reader uses,
 * so the same chunked parse runs in a Web Worker and in Node. Papa Parse
 * parses each `data` event before `emit` returns.
 */
class ParserInput {
  readonly readable = true;

  read(): null {
    return null;
  }

  on(event: string, listener: (chunk?: string) => void): void {
    this._listeners.set(event, listener);
  }

  removeListener(event: string): void {
    this._listeners.delete(event);
  }

  pause(): void {
    // Chunks are only sent from `emit`, so there is nothing to hold back.
  }

  resume(): void {
    // See `pause`.
  }

  emit(event: 'data' | 'end', chunk?: string): void {
    this._listeners.get(event)?.(chunk);
  }

  private _listeners = new Map<string, (chunk?: string) => void>();
}

/** A file read from a Blob, with the fingerprint of its bytes. */
export interface IReadBlob {
  table: ITable;
  /**
   * Hex SHA-256 of the file's bytes, or null where the Web Crypto API is
   * missing, as on a page served over plain HTTP from another host.
   */
  sha256: string | null;
  /** Size of the file in bytes. */
  size: number;
}

/**
 * Read a delimited file from a Blob with `readCsvStream`, and hash its
 * bytes with SHA-256.
 *
 * The Web Crypto API has no incremental digest, so the hash reads the Blob
 * into one buffer first and lets it go before the parse starts.
 */
export async function readCsvBlob(
  blob: Blob,
  fileName: string,
  options: IReadOptions = {}
): Promise<IReadBlob> {
  const sha256 = await sha256OfBlob(blob);
  const table = await readCsvStream(blob.stream(), fileName, options);
  return { table, sha256, size: blob.size };
}

/** Return the hex SHA-256 of a Blob's bytes, or null without the Web Crypto API. */
export async function sha256OfBlob(blob: Blob): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    return null;
  }
  const digest = await subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), byte => byte.toString(16).padStart(2, '0')).join('');
}
