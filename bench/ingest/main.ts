/**
 * Ingest benchmark: rows per second and peak memory of the wizard's data
 * worker path against `pandas.read_csv` on the same files. That path hashes
 * the Blob, streams it through `readCsvStream` and runs `profileTable`. The
 * benchmark also times the two ways to hand the parsed file to a training
 * worker.
 *
 * Every measurement runs in a fresh child process, so the peak resident set
 * size (VmHWM) belongs to that one read. Wizard and pandas runs alternate,
 * and so do the two hand-off modes. Usage: `node main.js TMPDIR PYTHON`.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import {
  describeMachine,
  envInt,
  ISummary,
  pairedRatio,
  REPO_ROOT,
  summarise,
  writeResult
} from '../common';
import { writeIngestCsv } from '../datasets';

/** Seed of the ingest files. */
const SEED = 20240611;

interface ISize {
  name: string;
  rows: number;
  runs: number;
}

/** One child's JSON output. Fields that only one side prints are optional. */
interface IChildResult {
  rows: number;
  columns: number;
  readCsvMs: number;
  profileMs: number;
  totalMs: number;
  baselineRssMiB: number;
  peakRssMiB: number;
  peakRssAfterReadMiB?: number;
  fileReadMs?: number;
  errors?: string[];
}

function runChild(command: string, args: string[]): IChildResult {
  const output = execFileSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024
  });
  return JSON.parse(output.trim().split('\n').pop()!);
}

function field<T>(results: T[], pick: (r: T) => number): ISummary {
  return summarise(results.map(pick));
}

function measureSize(size: ISize, dir: string, python: string): Record<string, unknown> {
  const file = path.join(dir, `ingest-${size.name}.csv`);
  writeIngestCsv(file, size.rows, SEED);
  const bytes = fs.statSync(file).size;
  const nodeChild = path.join(__dirname, 'child.js');
  const pandasChild = path.join(REPO_ROOT, 'bench', 'ingest', 'pandas_child.py');

  const wizard: IChildResult[] = [];
  const pandas: IChildResult[] = [];
  for (let run = 0; run < size.runs; run++) {
    wizard.push(runChild(process.execPath, [nodeChild, file]));
    pandas.push(runChild(python, [pandasChild, file]));
    process.stderr.write(`ingest ${size.name}: run ${run + 1}/${size.runs} done\n`);
  }
  if (wizard.some(r => r.rows !== size.rows) || pandas.some(r => r.rows !== size.rows)) {
    throw new Error(`Row counts differ from ${size.rows} in the ${size.name} file.`);
  }

  const wizardTotal = wizard.map(r => r.totalMs);
  const pandasRead = pandas.map(r => r.readCsvMs);
  const pandasTotal = pandas.map(r => r.totalMs);
  const rowsPerSecond = (ms: number[]) => summarise(ms.map(value => size.rows / (value / 1000)));
  return {
    file: path.basename(file),
    rows: size.rows,
    columns: wizard[0].columns,
    bytes,
    runs: size.runs,
    wizard: {
      totalMs: field(wizard, r => r.totalMs),
      fileReadMs: field(wizard, r => r.fileReadMs ?? NaN),
      readCsvMs: field(wizard, r => r.readCsvMs),
      profileMs: field(wizard, r => r.profileMs),
      rowsPerSecond: rowsPerSecond(wizardTotal),
      peakRssMiB: field(wizard, r => r.peakRssMiB),
      baselineRssMiB: field(wizard, r => r.baselineRssMiB),
      errors: wizard[0].errors
    },
    pandas: {
      readCsvMs: field(pandas, r => r.readCsvMs),
      readAndProfileMs: field(pandas, r => r.totalMs),
      readRowsPerSecond: rowsPerSecond(pandasRead),
      peakRssAfterReadMiB: field(pandas, r => r.peakRssAfterReadMiB ?? NaN),
      peakRssMiB: field(pandas, r => r.peakRssMiB),
      baselineRssMiB: field(pandas, r => r.baselineRssMiB)
    },
    ratios: {
      timeWizardOverPandasRead: pairedRatio(wizardTotal, pandasRead),
      timeWizardOverPandasReadAndProfile: pairedRatio(wizardTotal, pandasTotal),
      peakRssWizardOverPandasRead: pairedRatio(
        wizard.map(r => r.peakRssMiB),
        pandas.map(r => r.peakRssAfterReadMiB ?? NaN)
      ),
      peakRssWizardOverPandasReadAndProfile: pairedRatio(
        wizard.map(r => r.peakRssMiB),
        pandas.map(r => r.peakRssMiB)
      )
    }
  };
}

/** One hand-off child's JSON output. */
interface IHandoffResult {
  mode: string;
  rows: number;
  handoffMs: number;
  peakBeforeMiB: number;
  peakAfterMiB: number;
}

/**
 * Time the hand-off of the parsed file to a training worker, as transferred
 * typed arrays and as a Blob read again, on the file of `size`.
 */
function measureHandoff(size: ISize, dir: string): Record<string, unknown> {
  const file = path.join(dir, `ingest-${size.name}.csv`);
  const child = path.join(__dirname, '..', 'handoff', 'child.js');
  const runs: Record<string, IHandoffResult[]> = { table: [], blob: [] };
  for (let run = 0; run < size.runs; run++) {
    for (const mode of ['table', 'blob']) {
      const output = execFileSync(process.execPath, [child, file, mode], { encoding: 'utf8' });
      runs[mode].push(JSON.parse(output.trim().split('\n').pop()!));
    }
    process.stderr.write(`handoff ${size.name}: run ${run + 1}/${size.runs} done\n`);
  }
  const summary = (results: IHandoffResult[]) => ({
    handoffMs: field(results, r => r.handoffMs),
    peakBeforeMiB: field(results, r => r.peakBeforeMiB),
    peakAfterMiB: field(results, r => r.peakAfterMiB),
    addedPeakMiB: field(results, r => r.peakAfterMiB - r.peakBeforeMiB)
  });
  return {
    file: path.basename(file),
    rows: size.rows,
    runs: size.runs,
    table: summary(runs.table),
    blob: summary(runs.blob),
    ratios: {
      timeBlobOverTable: pairedRatio(
        runs.blob.map(r => r.handoffMs),
        runs.table.map(r => r.handoffMs)
      ),
      peakBlobOverTable: pairedRatio(
        runs.blob.map(r => r.peakAfterMiB),
        runs.table.map(r => r.peakAfterMiB)
      )
    }
  };
}

function main(): void {
  const [dir, python] = process.argv.slice(2);
  if (!dir || !python) {
    throw new Error('Usage: node main.js TMPDIR PYTHON');
  }
  const sizes: ISize[] = [
    { name: '100k', rows: envInt('BENCH_INGEST_SMALL_ROWS', 100_000), runs: envInt('BENCH_RUNS', 5) },
    { name: '1m', rows: envInt('BENCH_INGEST_LARGE_ROWS', 1_000_000), runs: envInt('BENCH_LARGE_RUNS', 3) }
  ];
  const results = sizes.map(size => measureSize(size, dir, python));
  const handoff = measureHandoff(sizes[sizes.length - 1], dir);
  const pandasVersion = execFileSync(python, ['-c', 'import pandas; print(pandas.__version__)'], {
    encoding: 'utf8'
  }).trim();
  const pythonVersion = execFileSync(python, ['--version'], { encoding: 'utf8' }).trim();
  const file = writeResult('ingest', {
    benchmark: 'ingest',
    machine: describeMachine(),
    python: pythonVersion,
    pandas: pandasVersion,
    seed: SEED,
    sizes: results,
    handoff
  });
  process.stderr.write(`wrote ${file}\n`);
}

main();
