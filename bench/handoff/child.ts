/**
 * One hand-off measurement in a fresh Node process: how a training worker
 * gets the table of a file that the data side has already read.
 *
 * The main thread plays the data worker: it streams the file into a table
 * and profiles it. Then a `worker_threads` worker plays the training worker
 * and gets the data in one of two ways, named by the second argument:
 * - `table`: a copy of the table's typed arrays, transferred;
 * - `blob`: the file as a Blob, which the worker streams and profiles again.
 * The timed span ends when the worker reports the table ready. Prints one
 * JSON line. Usage: `node child.js FILE table|blob`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';

import { copyTable, tableBuffers } from '../../src/data/column';
import { readCsvStream } from '../../src/data/csv';
import { profileTable } from '../../src/data/profile';
import { elapsedMs, memoryOfThisProcess } from '../common';

async function main(): Promise<void> {
  const [file, mode] = process.argv.slice(2);
  if (!file || (mode !== 'table' && mode !== 'blob')) {
    throw new Error('Usage: node child.js FILE table|blob');
  }
  const blob = await fs.openAsBlob(file);
  const fileName = path.basename(file);
  const table = await readCsvStream(blob.stream(), fileName);
  const profile = profileTable(table);
  const worker = new Worker(path.join(__dirname, 'worker.js'));
  await new Promise(resolve => worker.once('online', resolve));
  const beforeMiB = memoryOfThisProcess().peakMiB;

  const start = process.hrtime.bigint();
  const reply = new Promise<{ rows: number }>(resolve => worker.once('message', resolve));
  if (mode === 'table') {
    const copy = copyTable(table);
    worker.postMessage({ mode, table: copy, profile }, tableBuffers(copy));
  } else {
    // Node cannot post a file-backed Blob, so the worker opens the same
    // file as a Blob of its own, which costs no more than a Blob passed by
    // reference.
    worker.postMessage({ mode, file, fileName });
  }
  const { rows } = await reply;
  const handoffMs = elapsedMs(start);
  const afterMiB = memoryOfThisProcess().peakMiB;
  await worker.terminate();

  process.stdout.write(
    JSON.stringify({ mode, rows, handoffMs, peakBeforeMiB: beforeMiB, peakAfterMiB: afterMiB }) + '\n'
  );
}

void main();
