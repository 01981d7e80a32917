/**
 * One ingest measurement in a fresh Node process: read a CSV file, run
 * `readCsv` and `profileTable` on it, and print timings and peak memory as
 * one JSON line. Usage: `node child.js FILE`.
 */
import * as fs from 'fs';
import * as path from 'path';

import { readCsv } from '../../src/data/csv';
import { profileTable } from '../../src/data/profile';
import { elapsedMs, memoryOfThisProcess } from '../common';

function main(): void {
  const file = process.argv[2];
  const before = memoryOfThisProcess();

  const start = process.hrtime.bigint();
  const text = fs.readFileSync(file, 'utf8');
  const readMs = elapsedMs(start);
  const table = readCsv(text, path.basename(file));
  const parseMs = elapsedMs(start) - readMs;
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
      fileReadMs: readMs,
      readCsvMs: parseMs,
      profileMs: totalMs - readMs - parseMs,
      totalMs,
      baselineRssMiB: before.rssMiB,
      peakRssMiB: after.peakMiB
    }) + '\n'
  );
}

main();
