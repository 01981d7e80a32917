/**
 * Page responsiveness: long main-thread tasks while the default model set
 * trains in the extension's Web Worker, against the same `train` request run
 * on the page's main thread.
 *
 * Usage: `node main.js TMPDIR`. Starts `jupyter lab` on 127.0.0.1 (port
 * BENCH_PAGE_PORT, default 8905) with a fresh root folder under TMPDIR,
 * drives Chromium through playwright-core, and stops the server by its PID.
 * BENCH_PAGE_RUNS (default 3) sets the rounds. Each round loads a new page,
 * runs the worker through the panel, then replays the request that the panel
 * posted to the worker on the main thread of the same page.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Browser, BrowserContext, CDPSession, chromium, Page } from 'playwright-core';
import { bundleForBrowser } from '../browserBundle';

import { startJupyter, stopJupyter } from '../jupyter';
import { describeMachine, envInt, pairedRatio, REPO_ROOT, summarise, writeResult } from '../common';
import { makeClassification, writeClassificationCsv } from '../datasets';

/** Seed and size of the dataset, the synthetic-50k file of the compare benchmark. */
const DATA_SEED = 11;
const DATA_ROWS = 50_000;
const CSV_NAME = 'classification-50k.csv';
const TARGET = 'label';

/** The Long Tasks API reports tasks of at least this length, and blocked time counts the excess. */
const LONG_TASK_MS = 50;

/** Upper bound of one training run, worker or main thread. */
const RUN_TIMEOUT_MS = 240_000;

const JUPYTER = process.env.BENCH_JUPYTER || path.join(REPO_ROOT, '.venv', 'bin', 'jupyter');
const CHROMIUM = process.env.BENCH_CHROMIUM || '/usr/bin/chromium';
const PORT = envInt('BENCH_PAGE_PORT', 8905);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const STATIC_DIR = path.join(REPO_ROOT, 'jupyterlab_training_wizard', 'labextension', 'static');
const STATIC_URL = `${BASE_URL}/lab/extensions/jupyterlab-training-wizard/static`;

/** One entry of the `longtask` performance timeline. */
interface ILongTask {
  startTime: number;
  duration: number;
}

/** Marks and long tasks that the init script collects, stored as `window.trainingWizardPageBench`. */
interface IPageState {
  longTasks: ILongTask[];
  /** `performance.now()` at the click on 'Start training', or null. */
  clickAt: number | null;
  /** `performance.now()` when the leaderboard table was added after that click. */
  leaderboardAt: number | null;
  /** The last `train` request posted to a Web Worker, kept for the main-thread replay. */
  trainRequest: unknown;
  /** Backend named by the worker's `run-finished` message, or null. */
  workerBackend: string | null;
}

/**
 * Install the observers in every new document, before the page's own
 * scripts. Runs in the browser, so it may use only browser globals.
 */
function installPageObservers(): void {
  const state: IPageState = {
    longTasks: [],
    clickAt: null,
    leaderboardAt: null,
    trainRequest: null,
    workerBackend: null
  };
  (window as unknown as { trainingWizardPageBench: IPageState }).trainingWizardPageBench = state;

  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      state.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });

  // A capture listener runs before the panel's own click handler starts the run.
  document.addEventListener(
    'click',
    event => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('button')?.textContent?.trim() === 'Start training') {
        state.clickAt = performance.now();
        state.leaderboardAt = null;
      }
    },
    true
  );

  // The init script runs before `document.documentElement` exists, so the
  // observer watches the document node itself.
  new MutationObserver(() => {
    if (
      state.clickAt !== null &&
      state.leaderboardAt === null &&
      document.querySelector('table[aria-label="Leaderboard"]')
    ) {
      state.leaderboardAt = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });

  const originalPostMessage = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
    const message = args[0] as { type?: unknown } | null;
    if (message && message.type === 'train') {
      // The table's buffers are transferred by this call, so keep a copy
      // for the main-thread replay.
      state.trainRequest = structuredClone(message);
      // A second listener only reads the reply; the panel's handler still receives it.
      this.addEventListener('message', (event: MessageEvent) => {
        if (event.data?.type === 'run-finished') {
          state.workerBackend = event.data.result.backend;
        }
      });
    }
    return (originalPostMessage as (...a: unknown[]) => void).apply(this, args);
  } as Worker['postMessage'];
}

/** Maximum duration, blocked time and count of the long tasks that overlap [start, end]. */
function longTaskStats(tasks: ILongTask[], start: number, end: number) {
  const inWindow = tasks.filter(task => task.startTime < end && task.startTime + task.duration > start);
  return {
    longTasks: inWindow.length,
    longestTaskMs: inWindow.reduce((max, task) => Math.max(max, task.duration), 0),
    totalBlockingTimeMs: inWindow.reduce((sum, task) => sum + Math.max(0, task.duration - LONG_TASK_MS), 0)
  };
}

/** Bundle the compiled `mainThread.js` into one browser script and return its text. */
async function bundleMainThread(dir: string): Promise<string> {
  const file = await bundleForBrowser({
    entry: path.join(__dirname, 'mainThread.js'),
    dir,
    filename: 'main-thread-bundle.js',
    target: 'web',
    label: 'main-thread script'
  });
  return fs.readFileSync(file, 'utf8');
}

/**
 * Map each tfjs wasm file name to the URL of the identical file in the
 * built extension, so the main-thread run loads the binaries the worker loads.
 */
function wasmPaths(): Record<string, string> {
  const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  const built = new Map<string, string>();
  for (const name of fs.readdirSync(STATIC_DIR).filter(name => name.endsWith('.wasm'))) {
    built.set(sha(path.join(STATIC_DIR, name)), name);
  }
  const dist = path.join(REPO_ROOT, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
  const paths: Record<string, string> = {};
  for (const name of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
    const match = built.get(sha(path.join(dist, name)));
    if (!match) {
      throw new Error(`No file in ${STATIC_DIR} matches ${name}; rebuild the extension with the installed tfjs.`);
    }
    paths[name] = `${STATIC_URL}/${match}`;
  }
  return paths;
}

/** Used JS heap of the page in MiB, optionally after a full garbage collection. */
async function heapMiB(cdp: CDPSession, collectGarbage: boolean): Promise<number> {
  if (collectGarbage) {
    await cdp.send('HeapProfiler.collectGarbage');
  }
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize / 2 ** 20;
}

function pageState(page: Page): Promise<IPageState> {
  return page.evaluate(() => {
    const state = (window as unknown as { trainingWizardPageBench: IPageState }).trainingWizardPageBench;
    // The request contains the whole parsed table, which the Node side does not need.
    const request = state.trainRequest as { config?: unknown } | null;
    return { ...state, trainRequest: request ? { config: request.config } : null };
  });
}

/** Load JupyterLab, open the round's notebook and the wizard, and get to the Train step. */
async function openWizard(context: BrowserContext, notebook: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/lab?reset`);
  await page.waitForFunction(() => (window as unknown as { jupyterapp?: unknown }).jupyterapp !== undefined, null, {
    timeout: 60_000
  });
  await page.evaluate(async notebookPath => {
    const app = (window as unknown as { jupyterapp: any }).jupyterapp; // eslint-disable-line @typescript-eslint/no-explicit-any
    await app.restored;
    await app.commands.execute('docmanager:open', { path: notebookPath });
    await app.commands.execute('training-wizard:open');
  }, notebook);

  const panel = page.locator('#jp-training-wizard');
  await panel.waitFor({ state: 'visible' });
  await panel.getByRole('button', { name: 'Choose CSV file…' }).click();
  const dialog = page.locator('.jp-Dialog');
  await dialog.locator('.jp-DirListing-item', { hasText: CSV_NAME }).first().click();
  await dialog.getByRole('button', { name: 'Select' }).click();
  await dialog.waitFor({ state: 'detached' });

  await panel.getByRole('tab', { name: '2. Target & features' }).click();
  await panel.getByLabel('Target column', { exact: true }).selectOption(TARGET);
  await panel.getByLabel('Task', { exact: true }).waitFor({ state: 'visible', timeout: 60_000 });
  await panel.getByRole('tab', { name: '4. Train' }).click();
  return page;
}

/** Click 'Start training' and wait for the leaderboard: the run in the worker. */
async function runInWorker(page: Page, cdp: CDPSession) {
  const heapBeforeMiB = await heapMiB(cdp, true);
  const panel = page.locator('#jp-training-wizard');
  await panel.getByRole('button', { name: 'Start training' }).click();
  await panel.getByRole('table', { name: 'Leaderboard' }).waitFor({ state: 'visible', timeout: RUN_TIMEOUT_MS });
  // Long task entries are delivered after the task ends.
  await page.waitForTimeout(1000);
  const state = await pageState(page);
  if (state.clickAt === null || state.leaderboardAt === null || state.trainRequest === null) {
    throw new Error(
      `The worker run did not record the click, the leaderboard or the train request: ${JSON.stringify({ ...state, longTasks: state.longTasks.length })}`
    );
  }
  const caption = await panel.getByRole('table', { name: 'Leaderboard' }).locator('caption').textContent();
  return {
    durationMs: state.leaderboardAt - state.clickAt,
    ...longTaskStats(state.longTasks, state.clickAt, state.leaderboardAt),
    heapBeforeMiB,
    heapAfterMiB: await heapMiB(cdp, false),
    heapAfterGcMiB: await heapMiB(cdp, true),
    leaderboardCaption: caption?.trim() ?? '',
    config: (state.trainRequest as { config: unknown }).config,
    backend: state.workerBackend
  };
}

/** Replay the captured `train` request with `handleRequest` on the page's main thread. */
async function runOnMainThread(page: Page, cdp: CDPSession, paths: Record<string, string>) {
  const heapBeforeMiB = await heapMiB(cdp, true);
  const run = await page.evaluate(async wasm => {
    const scope = window as unknown as {
      trainingWizardPageBench: IPageState;
      trainingWizardBench: { runTraining(request: unknown, wasm: Record<string, string>): Promise<any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    return scope.trainingWizardBench.runTraining(scope.trainingWizardPageBench.trainRequest, wasm);
  }, paths);
  await page.waitForTimeout(1000);
  const state = await pageState(page);
  return {
    durationMs: run.endMs - run.startMs,
    ...longTaskStats(state.longTasks, run.startMs, run.endMs),
    heapBeforeMiB,
    heapAfterMiB: await heapMiB(cdp, false),
    heapAfterGcMiB: await heapMiB(cdp, true),
    backend: run.backend as string,
    models: run.models as string[],
    best: run.best as string | null
  };
}

type IRun = Awaited<ReturnType<typeof runInWorker>> | Awaited<ReturnType<typeof runOnMainThread>>;

function summariseSide(runs: IRun[]) {
  const of = (key: 'durationMs' | 'longestTaskMs' | 'totalBlockingTimeMs' | 'longTasks' | 'heapBeforeMiB' | 'heapAfterMiB' | 'heapAfterGcMiB') =>
    summarise(runs.map(run => run[key]));
  return {
    durationMs: of('durationMs'),
    longestTaskMs: of('longestTaskMs'),
    totalBlockingTimeMs: of('totalBlockingTimeMs'),
    longTasks: of('longTasks'),
    heapBeforeMiB: of('heapBeforeMiB'),
    heapAfterMiB: of('heapAfterMiB'),
    heapAfterGcMiB: of('heapAfterGcMiB'),
    runs
  };
}

/**
 * Restart and start the same run again: the run cache returns it. Returns the
 * time from the click on 'Start training' to a visible leaderboard with the
 * cache notice, measured in the page.
 */
async function runFromCache(page: Page): Promise<number> {
  const panel = page.locator('#jp-training-wizard');
  await panel.getByRole('button', { name: 'Restart' }).click();
  await panel.getByRole('tab', { name: '4. Train' }).click();
  await panel.getByRole('button', { name: 'Start training' }).waitFor({ state: 'visible' });
  return page.evaluate(
    timeout =>
      new Promise<number>((resolve, reject) => {
        const root = document.querySelector('#jp-training-wizard')!;
        const button = Array.from(root.querySelectorAll('button')).find(
          item => item.textContent?.trim() === 'Start training'
        )!;
        // Hidden steps keep their old tables, so look for a visible one.
        const isShown = () =>
          Array.from(root.querySelectorAll<HTMLElement>('table[aria-label="Leaderboard"]')).some(
            table => table.offsetParent !== null
          ) && (root.textContent ?? '').includes('Shown from the cache');
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (isShown()) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(root, { childList: true, subtree: true, characterData: true });
        setTimeout(() => {
          observer.disconnect();
          reject(new Error('The cached run did not show its leaderboard.'));
        }, timeout);
        button.click();
      }),
    RUN_TIMEOUT_MS
  );
}

async function measure(dir: string, browser: Browser, script: string, paths: Record<string, string>, rounds: number, rootDir: string) {
  const demo = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'demo.ipynb'));
  const worker = [];
  const mainThread = [];
  const cacheHit: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const notebook = `round-${round}.ipynb`;
    fs.writeFileSync(path.join(rootDir, notebook), demo);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      await context.addInitScript(installPageObservers);
      const page = await openWizard(context, notebook);
      const cdp = await context.newCDPSession(page);
      // Parse the reference script before either run, so that neither window contains it.
      await page.addScriptTag({ content: script });
      worker.push(await runInWorker(page, cdp));
      process.stderr.write(`page: round ${round}/${rounds} worker run done\n`);
      mainThread.push(await runOnMainThread(page, cdp, paths));
      process.stderr.write(`page: round ${round}/${rounds} main-thread run done\n`);
      cacheHit.push(await runFromCache(page));
      process.stderr.write(`page: round ${round}/${rounds} cached run done\n`);
    } finally {
      await context.close();
    }
  }
  return { worker, mainThread, cacheHit };
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) {
    throw new Error('Usage: node main.js TMPDIR');
  }
  const rounds = envInt('BENCH_PAGE_RUNS', 3);
  const rootDir = fs.mkdtempSync(path.join(dir, 'page-root-'));
  writeClassificationCsv(path.join(rootDir, CSV_NAME), makeClassification(DATA_ROWS, DATA_SEED));
  const script = await bundleMainThread(dir);
  const paths = wasmPaths();

  const server = await startJupyter({ jupyter: JUPYTER, port: PORT, rootDir, logFile: path.join(dir, 'page-jupyter.log'), label: 'page' });
  let browser: Browser | null = null;
  let measured;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    });
    measured = await measure(dir, browser, script, paths, rounds, rootDir);
    measured = { ...measured, browserVersion: browser.version() };
  } finally {
    await browser?.close();
    await stopJupyter(server, 'page');
  }

  const { worker, mainThread, cacheHit, browserVersion } = measured;
  const file = writeResult('page', {
    benchmark: 'page',
    machine: describeMachine(),
    browser: `Chromium ${browserVersion}`,
    dataset: { rows: DATA_ROWS, width: 20, seed: DATA_SEED, target: TARGET, file: CSV_NAME },
    config: worker[worker.length - 1].config,
    rounds,
    longTaskMs: LONG_TASK_MS,
    scriptBytes: Buffer.byteLength(script),
    wasmPaths: paths,
    worker: summariseSide(worker),
    mainThread: summariseSide(mainThread),
    cacheHitMs: { ...summarise(cacheHit), runs: cacheHit },
    ratios: {
      cacheHitOverWorker: pairedRatio(cacheHit, worker.map(r => r.durationMs)),
      longestTaskMainOverWorker: pairedRatio(mainThread.map(r => r.longestTaskMs), worker.map(r => r.longestTaskMs)),
      totalBlockingTimeMainOverWorker: pairedRatio(
        mainThread.map(r => r.totalBlockingTimeMs),
        worker.map(r => r.totalBlockingTimeMs)
      ),
      durationMainOverWorker: pairedRatio(mainThread.map(r => r.durationMs), worker.map(r => r.durationMs))
    }
  });
  process.stderr.write(`page: wrote ${file}\n`);
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
