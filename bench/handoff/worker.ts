/**
 * The training side of the hand-off benchmark: takes a transferred table as
 * it is, or reads and profiles the file as a Blob, then replies with the row
 * count.
 */
import * as fs from 'fs';
import { parentPort } from 'worker_threads';

import { ITable, readCsvStream } from '../../src/data/csv';
import { profileTable } from '../../src/data/profile';

interface IHandoff {
  mode: 'table' | 'blob';
  table?: ITable;
  /** Path of the file to open as a Blob. */
  file?: string;
  fileName?: string;
}

parentPort!.on('message', async (message: IHandoff) => {
  let table: ITable;
  if (message.mode === 'table') {
    table = message.table!;
  } else {
    const blob = await fs.openAsBlob(message.file!);
    table = await readCsvStream(blob.stream(), message.fileName!);
    profileTable(table);
  }
  parentPort!.postMessage({ rows: table.lines.length });
});
