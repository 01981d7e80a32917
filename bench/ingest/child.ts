/**
 * One ingest measurement in a fresh Node process: open a CSV file as a Blob
 * backed by the file, hash its bytes, stream it through `readCsvStream` and
 * run `profileTable`, the path the data worker takes. Prints timings and
 * peak memory as one JSON line. Usage: `node child.js FILE`.
 */
import * as fs from 'fs';
import * as path from 'path';

import { readCsvStream, sha256OfBlob } from '../../src/data/csv';
import { profileTable } from '../../src/data/profile';
import { elapsedMs, memoryOfThisProcess } from '../common';

async function main(): Promise<void> {
  const file = process.argv[2];
  const before = memoryOfThisProcess();

  const start = process.hrtime.bigint();
  const blob = await fs.openAsBlob(file);
  await sha256OfBlob(blob);
  const hashMs = elapsedMs(start);
  const table = await readCsvStream(blob.stream(), path.basename(file));
  const parseMs = elapsedMs(start) - hashMs;
  const profile = profileTable(table);
  const totalMs = elapsedMs(start);

  const errors = profile.findings.filter(finding => finding.severity === 'error');
  const after = memoryOfThisProcess();
  process.stdout.write(
    JSON.stringify({
      rows: profile.rowCount,
      columns: profile.columns.length,
      types: profile.columns.map(column => column.type),
      errors: errors.map(finding => finding.code),
      fileReadMs: hashMs,
      readCsvMs: parseMs,
      profileMs: totalMs - hashMs - parseMs,
      totalMs,
      baselineRssMiB: before.rssMiB,
      peakRssMiB: after.peakMiB
    }) + '\n'
  );
}

void main();
