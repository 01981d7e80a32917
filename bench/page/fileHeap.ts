/**
 * Page heap of fetching a data file. A JupyterLab page keeps the
 * 1,000,000-row ingest file in one of three forms: a Blob from the server's
 * `files/` handler, the text of a contents API reply, or its base64 content.
 * The figure is the used JS heap that each form adds. The wizard takes the
 * Blob.
 *
 * Usage: `node fileHeap.js TMPDIR`. Writes the seeded file into a fresh root
 * folder under TMPDIR, starts `jupyter lab` on 127.0.0.1 (port
 * BENCH_PAGE_PORT, default 8905), measures each way in a new page after a
 * forced garbage collection, and stops the server by its PID. BENCH_RUNS
 * (default 3) sets the rounds.
 */
import { startJupyter, stopJupyter } from '../jupyter';
import * as fs from 'fs';
import * as path from 'path';
import { chromium } from 'playwright-core';

import { describeMachine, envInt, REPO_ROOT, summarise, writeResult } from '../common';
import { writeIngestCsv } from '../datasets';

const JUPYTER = process.env.BENCH_JUPYTER || path.join(REPO_ROOT, '.venv', 'bin', 'jupyter');
const CHROMIUM = process.env.BENCH_CHROMIUM || '/usr/bin/chromium';
const PORT = envInt('BENCH_PAGE_PORT', 8905);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const ROWS = 1_000_000;
/** Seed of the ingest benchmark's files, so this is the same file. */
const SEED = 20240611;
const FILE = 'ingest-1m.csv';

/** Code run in the page for each way; it keeps the result on `window`. */
const WAYS: Record<string, string> = {
  blob: `(async () => {
    const reply = await fetch('/files/${FILE}');
    window.keptFile = await reply.blob();
    return window.keptFile.size;
  })()`,
  text: `(async () => {
    const reply = await fetch('/api/contents/${FILE}?content=1&format=text&type=file');
    window.keptFile = (await reply.json()).content;
    return window.keptFile.length;
  })()`,
  base64: `(async () => {
    const reply = await fetch('/api/contents/${FILE}?content=1&format=base64&type=file');
    window.keptFile = (await reply.json()).content;
    return window.keptFile.length;
  })()`
};

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) {
    throw new Error('Usage: node fileHeap.js TMPDIR');
  }
  const rootDir = fs.mkdtempSync(path.join(dir, 'file-heap-'));
  writeIngestCsv(path.join(rootDir, FILE), ROWS, SEED);
  const rounds = envInt('BENCH_RUNS', 3);
  const server = await startJupyter({ jupyter: JUPYTER, port: PORT, rootDir, logFile: path.join(dir, 'file-heap-jupyter.log'), label: 'file heap' });
  const added: Record<string, number[]> = { blob: [], text: [], base64: [] };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  });
  const browserVersion = browser.version();

  try {
    for (let round = 0; round < rounds; round++) {
      for (const [way, code] of Object.entries(WAYS)) {
        const page = await browser.newPage();
        await page.goto(`${BASE_URL}/lab`);
        await page.waitForSelector('#jp-main-dock-panel', { timeout: 60_000 });
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
        await page.evaluate(code);
        await cdp.send('HeapProfiler.collectGarbage');
        const after = (await cdp.send('Runtime.getHeapUsage')).usedSize;
        added[way].push((after - before) / 2 ** 20);
        await page.close();
      }
      process.stderr.write(`file heap: round ${round + 1}/${rounds} done\n`);
    }
  } finally {
    await browser.close();
    await stopJupyter(server, 'file heap');
  }

  const file = writeResult('fileheap', {
    benchmark: 'fileheap',
    machine: describeMachine(),
    browser: `Chromium ${browserVersion}`,
    rows: ROWS,
    bytes: fs.statSync(path.join(rootDir, FILE)).size,
    runs: rounds,
    addedHeapMiB: Object.fromEntries(
      Object.entries(added).map(([way, values]) => [way, summarise(values)])
    )
  });
  process.stderr.write(`wrote ${file}\n`);
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
