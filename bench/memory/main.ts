/**
 * Memory over repeated runs: the page's JS heap and the worker's tensor
 * count across consecutive training runs in the real extension.
 *
 * Usage: `node main.js TMPDIR`. Starts `jupyter lab` on 127.0.0.1 (port
 * BENCH_MEMORY_PORT, default 8906) with the penguins file. It opens the
 * panel without a notebook, so no results cell grows the page.
 * It trains BENCH_MEMORY_RUNS times (default 10), each with a new seed, so
 * the run cache never returns a stored run. After each run it collects
 * garbage and reads the page's used heap through the Chrome DevTools
 * Protocol. It also reads the tensor counts that the worker reports in its
 * `run-finished` message.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium } from 'playwright-core';

import { describeMachine, envInt, REPO_ROOT, writeResult } from '../common';
import { startJupyter, stopJupyter } from '../jupyter';

const JUPYTER = process.env.BENCH_JUPYTER || path.join(REPO_ROOT, '.venv', 'bin', 'jupyter');
const CHROMIUM = process.env.BENCH_CHROMIUM || '/usr/bin/chromium';
const PORT = envInt('BENCH_MEMORY_PORT', 8906);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const CSV_NAME = 'penguins.csv';
const EPOCHS = 5;

/** Collects the tensor counts of every `run-finished` message a worker posts. */
function installTensorProbe(): void {
  const runs: Array<{ before: number; after: number }> = [];
  (window as unknown as { trainingWizardTensors: typeof runs }).trainingWizardTensors = runs;
  const original = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
    const message = args[0] as { type?: unknown } | null;
    if (message && message.type === 'train') {
      this.addEventListener('message', (event: MessageEvent) => {
        if (event.data?.type === 'run-finished') {
          runs.push({ before: event.data.result.tensorsBefore, after: event.data.result.tensorsAfter });
        }
      });
    }
    return (original as (...a: unknown[]) => void).apply(this, args);
  } as Worker['postMessage'];
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) {
    throw new Error('Usage: node main.js TMPDIR');
  }
  const runs = envInt('BENCH_MEMORY_RUNS', 10);
  const rootDir = fs.mkdtempSync(path.join(dir, 'memory-root-'));
  fs.copyFileSync(path.join(REPO_ROOT, 'examples', CSV_NAME), path.join(rootDir, CSV_NAME));
  const server = await startJupyter({
    jupyter: JUPYTER,
    port: PORT,
    rootDir,
    logFile: path.join(dir, 'memory-jupyter.log'),
    label: 'memory'
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  });
  const heapMiB: number[] = [];
  let tensors: Array<{ before: number; after: number }> = [];
  const browserVersion = browser.version();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(installTensorProbe);
    const page = await context.newPage();
    await page.goto(`${BASE_URL}/lab?reset`);
    await page.waitForFunction(() => (window as unknown as { jupyterapp?: { commands?: { hasCommand(id: string): boolean } } }).jupyterapp?.commands?.hasCommand('training-wizard:open'), null, {
      timeout: 60_000
    });
    await page.evaluate(async () => {
      const app = (window as unknown as { jupyterapp: { restored: Promise<void>; commands: { execute(id: string): Promise<unknown> } } }).jupyterapp;
      // Opening the panel before the layout is restored lets the restore close it again.
      await app.restored;
      await app.commands.execute('training-wizard:open');
    });
    const panel = page.locator('#jp-training-wizard');
    await panel.getByRole('button', { name: 'Choose CSV file…' }).click();
    const dialog = page.locator('.jp-Dialog');
    await dialog.locator('.jp-DirListing-item', { hasText: CSV_NAME }).first().click();
    await dialog.getByRole('button', { name: 'Select' }).click();
    await dialog.waitFor({ state: 'detached' });
    await panel.getByRole('tab', { name: '2. Target & features' }).click();
    await panel.getByLabel('Target column', { exact: true }).selectOption('species');
    await panel.getByLabel('Task', { exact: true }).waitFor({ state: 'visible' });
    const setOption = async (label: string, value: number) => {
      await panel.getByRole('tab', { name: '3. Models & validation' }).click();
      const input = panel.getByLabel(label);
      await input.fill(String(value));
      await input.press('Enter');
      await input.blur();
    };
    await setOption('Epochs', EPOCHS);
    const cdp = await context.newCDPSession(page);
    for (let run = 1; run <= runs; run++) {
      await setOption('Seed', run);
      await panel.getByRole('tab', { name: '4. Train' }).click();
      await panel.getByRole('button', { name: 'Start training' }).click();
      await panel.getByRole('table', { name: 'Leaderboard' }).waitFor({ state: 'visible', timeout: 120_000 });
      // Charts load plotly.js once; measure after they are drawn.
      await panel.locator('.jp-TrainingWizard-plot .main-svg').first().waitFor({ state: 'visible', timeout: 60_000 });
      await panel.getByRole('button', { name: 'Restart' }).click();
      await cdp.send('HeapProfiler.collectGarbage');
      heapMiB.push((await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20);
      process.stderr.write(`memory: run ${run}/${runs} done\n`);
    }
    tensors = await page.evaluate(
      () => (window as unknown as { trainingWizardTensors: Array<{ before: number; after: number }> }).trainingWizardTensors
    );
    await context.close();
  } finally {
    await browser.close();
    await stopJupyter(server, 'memory');
  }
  const file = writeResult('memory', {
    benchmark: 'memory',
    machine: describeMachine(),
    browser: `Chromium ${browserVersion}`,
    dataset: { file: CSV_NAME, target: 'species', epochs: EPOCHS },
    runs,
    heapMiB,
    heapLastOverFirst: heapMiB[heapMiB.length - 1] / heapMiB[0],
    heapGrowthMiB: heapMiB[heapMiB.length - 1] - heapMiB[0],
    tensors
  });
  process.stderr.write(`memory: wrote ${file}\n`);
}

main().catch(reason => {
  process.stderr.write(`memory: ${reason instanceof Error ? reason.stack : String(reason)}\n`);
  process.exit(1);
});
