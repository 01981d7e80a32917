/**
 * The ingest part of BENCHMARKS.md: the streamed read against pandas, the
 * change from the whole-text read, and the hand-off to a training worker.
 */
import * as fs from 'fs';
import * as path from 'path';

import { REPO_ROOT } from './common';
import { int, Json, num, ratio, spread, table } from './format';

/** Heading of the ingest section, which a partial report replaces. */
export const INGEST_HEADING = '## Ingest: streamed read + `profileTable` against `pandas.read_csv`';

/** Start of the summary line about ingest, which a partial report replaces. */
export const INGEST_SUMMARY_START = '- Ingest of ';

/** Load the page heap results, or return null when that benchmark has not run. */
function loadFileHeap(): Json | null {
  const file = path.join(REPO_ROOT, 'bench', 'results', 'fileheap.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
}

/** Load the results of the whole-text read, kept in the repository. */
function loadBefore(): Json {
  const file = path.join(REPO_ROOT, 'bench', 'baseline', 'ingest-before.json');
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Build the summary line: time and memory against pandas for the largest file, with the old ratios. */
export function ingestSummaryLine(ingest: Json): string {
  const large = ingest.sizes[ingest.sizes.length - 1];
  const before = loadBefore().sizes.find((size: Json) => size.rows === large.rows);
  const was = before
    ? ` (whole-text read before: ${ratio(before.timeWizardOverPandasRead)} and ${ratio(before.peakRssWizardOverPandasRead)})`
    : '';
  return `${INGEST_SUMMARY_START}${int(large.rows)} rows, wizard / pandas \`read_csv\`: time ${ratio(large.ratios.timeWizardOverPandasRead)}, peak memory ${ratio(large.ratios.peakRssWizardOverPandasRead)}${was}.`;
}

export function ingestSection(ingest: Json): string {
  const rows = ingest.sizes.map((size: Json) => [
    `${int(size.rows)} × ${size.columns}, ${num(size.bytes / 2 ** 20)} MiB`,
    String(size.runs),
    spread(size.wizard.totalMs, 1 / 1000),
    `${spread(size.wizard.fileReadMs, 1 / 1000)} / ${spread(size.wizard.readCsvMs, 1 / 1000)} / ${spread(size.wizard.profileMs, 1 / 1000)}`,
    num(size.wizard.rowsPerSecond.median),
    spread(size.pandas.readCsvMs, 1 / 1000),
    num(size.pandas.readRowsPerSecond.median),
    ratio(size.ratios.timeWizardOverPandasRead),
    ratio(size.ratios.timeWizardOverPandasReadAndProfile)
  ]);
  const memory = ingest.sizes.map((size: Json) => [
    `${int(size.rows)} rows`,
    spread(size.wizard.peakRssMiB, 1, 4),
    spread(size.pandas.peakRssAfterReadMiB, 1, 4),
    spread(size.pandas.peakRssMiB, 1, 4),
    ratio(size.ratios.peakRssWizardOverPandasRead),
    ratio(size.ratios.peakRssWizardOverPandasReadAndProfile)
  ]);
  return [
    INGEST_HEADING,
    '',
    'Command: `node bench/build/bench/ingest/main.js TMPDIR /tmp/benchvenv/bin/python` (or `bash bench/run.sh ingest`).',
    `Each run is a fresh process, so peak memory (VmHWM) belongs to one read. Wizard and pandas runs alternate, and each ratio is the median of the per-run ratios. The seeded file (seed ${ingest.seed}) has 12 numeric columns with about 2 % empty cells, 5 categorical columns with about 1 % \`NA\`, a yes/no column, an integer column and a 3-class label. The wizard takes the data worker's path: it opens the file as a Blob backed by the file, hashes its bytes with SHA-256 (Web Crypto), streams it through \`readCsvStream\` into typed columns and runs \`profileTable\`. "pandas + profile" adds \`isna().sum()\`, \`nunique()\` and \`describe(include="all")\`.`,
    '',
    'Time in seconds, median (min–max):',
    '',
    table(
      ['file', 'runs', 'wizard total', 'wizard hash / streamed read / `profileTable`', 'wizard rows/s', 'pandas `read_csv`', 'pandas rows/s', 'wizard / pandas `read_csv`', 'wizard / pandas + profile'],
      rows
    ),
    '',
    'Peak resident memory in MiB, including the runtime itself:',
    '',
    table(['file', 'wizard', 'pandas `read_csv`', 'pandas + profile', 'wizard / pandas `read_csv`', 'wizard / pandas + profile'], memory),
    '',
    beforeAfterSection(ingest),
    '',
    handoffSection(ingest.handoff),
    '',
    fileHeapSection(loadFileHeap())
  ].join('\n');
}

/** Build the table of the page heap that each way of fetching the file adds. */
function fileHeapSection(heap: Json | null): string {
  if (!heap) {
    return '';
  }
  const ways: Array<[string, string]> = [
    ['blob', 'Blob from the `files/` handler (what the wizard does)'],
    ['text', 'contents API, `format: "text"`'],
    ['base64', 'contents API, `format: "base64"`']
  ];
  return [
    '### Page heap of the fetched file',
    '',
    `Command: \`bash bench/run.sh fileheap\` (\`node bench/build/bench/page/fileHeap.js TMPDIR\`). A JupyterLab page in ${heap.browser} fetches the ${int(heap.rows)}-row file (${num(heap.bytes / 2 ** 20)} MiB) and keeps the result. The figure is the used JS heap after minus before, each after a forced garbage collection (Chrome DevTools Protocol), in MiB, over ${heap.runs} rounds with a new page each time. A Blob's bytes stay outside the JS heap.`,
    '',
    table(
      ['fetched as', 'added page heap, MiB'],
      ways.map(([key, label]) => [label, spread(heap.addedHeapMiB[key], 1, 3)])
    )
  ].join('\n');
}

/** Compare the streamed read with the whole-text read that came before it. */
function beforeAfterSection(ingest: Json): string {
  const before = loadBefore();
  const rows: string[][] = [];
  for (const size of ingest.sizes) {
    const old = before.sizes.find((item: Json) => item.rows === size.rows);
    if (!old) {
      continue;
    }
    rows.push([
      `${int(size.rows)} rows`,
      `${spread(old.wizardTotalMs, 1 / 1000)} → ${spread(size.wizard.totalMs, 1 / 1000)}`,
      `${spread(old.wizardProfileMs, 1 / 1000)} → ${spread(size.wizard.profileMs, 1 / 1000)}`,
      `${spread(old.wizardPeakRssMiB, 1, 4)} → ${spread(size.wizard.peakRssMiB, 1, 4)}`,
      `${ratio(old.timeWizardOverPandasRead)} → ${ratio(size.ratios.timeWizardOverPandasRead)}`,
      `${ratio(old.peakRssWizardOverPandasRead)} → ${ratio(size.ratios.peakRssWizardOverPandasRead)}`
    ]);
  }
  return [
    '### Before and after the streamed columnar read',
    '',
    `"Before" is the whole-text read: the page fetched the text, \`readCsv\` parsed one string into a string per cell and \`profileTable\` worked on those strings. Its numbers are the ones this page showed for the same files on the same machine (\`bench/baseline/ingest-before.json\`, medians and ranges only). The machine's load differs between the two runs, so compare the ratios to pandas more than the seconds.`,
    '',
    table(
      ['file', 'wizard total, s', '`profileTable`, s', 'wizard peak, MiB', 'time / pandas `read_csv`', 'peak / pandas `read_csv`'],
      rows
    )
  ].join('\n');
}

/** Build the table of the two ways to give a training worker the parsed file. */
function handoffSection(handoff: Json): string {
  if (!handoff) {
    return '';
  }
  const row = (name: string, side: Json) => [
    name,
    spread(side.handoffMs, 1, 3),
    spread(side.peakBeforeMiB, 1, 4),
    spread(side.peakAfterMiB, 1, 4)
  ];
  const faster = handoff.ratios.timeBlobOverTable.median > 1 ? 'table' : 'Blob';
  return [
    '### Hand-off to the training worker',
    '',
    `Command: part of the ingest command; one child per run is \`node bench/build/bench/handoff/child.js FILE table|blob\`. The main thread reads and profiles the ${int(handoff.rows)}-row file as the data worker does, then a \`worker_threads\` worker gets it either as a copy of the table's typed arrays, transferred (what the wizard does), or as the Blob, which it streams and profiles again. The time runs from the post until the worker has a table. Peak memory is the whole process, before and after the hand-off. Node cannot post a file-backed Blob, so in the Blob mode the worker opens the same file as a Blob of its own. ${handoff.runs} runs per mode, alternating.`,
    '',
    table(['hand-off', 'time, ms', 'peak before, MiB', 'peak after, MiB'], [
      row('transferred table', handoff.table),
      row('Blob read again', handoff.blob)
    ]),
    '',
    `Blob / table: time ${ratio(handoff.ratios.timeBlobOverTable)}, peak memory ${ratio(handoff.ratios.peakBlobOverTable)}. The ${faster} hand-off is faster, and the wizard sends the transferred table.`
  ].join('\n');
}
