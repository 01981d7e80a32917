/**
 * Backends in the worker: epoch time of the wizard's networks (linear, mlp,
 * mlp-wide) on the tfjs cpu, wasm and webgl backends, each inside a dedicated
 * Web Worker of one Chromium page, as ratios against cpu.
 *
 * Usage: `node main.js TMPDIR`. Bundles `worker.js` with webpack into TMPDIR,
 * serves it with the tfjs .wasm files from a Node `http` server on 127.0.0.1
 * (port BENCH_BACKENDS_PORT, default 8903), drives Chromium through
 * playwright-core, and closes the server when done. BENCH_BACKENDS_RUNS
 * (default 3) sets the rounds and BENCH_BACKENDS_EPOCHS (default 3) the
 * epochs per model. Each round starts one new worker per backend, in the
 * order cpu, wasm, webgl, so each ratio pairs runs of the same round.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import { bundleForBrowser } from '../browserBundle';

import { ModelId } from '../../src/core/types';
import { describeMachine, envInt, pairedRatio, REPO_ROOT, summarise, writeResult } from '../common';
import type { BenchBackend, IBackendJob, IBackendJobResult, IDatasetSize, IModelTiming } from './worker';

const CHROMIUM = process.env.BENCH_CHROMIUM || '/usr/bin/chromium';
const PORT = envInt('BENCH_BACKENDS_PORT', 8903);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const WASM_DIR = path.join(REPO_ROOT, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');

const BACKENDS: BenchBackend[] = ['cpu', 'wasm', 'webgl'];
const MODELS: ModelId[] = ['linear', 'mlp', 'mlp-wide'];
const SIZES: IDatasetSize[] = [
  { rows: 5_000, width: 20 },
  { rows: 50_000, width: 20 },
  { rows: 20_000, width: 100 }
];

/** Upper bound of one worker job: every model on every size on one backend. */
const JOB_TIMEOUT_MS = 900_000;

/** Bundle the compiled `worker.js` into one browser script in `dir`. */
async function bundleWorker(dir: string): Promise<void> {
  await bundleForBrowser({
    entry: path.join(__dirname, 'worker.js'),
    dir,
    filename: 'backends-worker.js',
    target: 'webworker',
    label: 'backends worker'
  });
}

/**
 * Start a static server on 127.0.0.1: `/` is an empty page, `/worker.js` the
 * bundle, `/wasm/<name>` the tfjs .wasm files. It sets no COOP/COEP headers,
 * like the JupyterLab server, so wasm runs without threads as in the product.
 */
async function startServer(dir: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    let file: string | null = null;
    let type = 'text/html';
    if (url === '/worker.js') {
      file = path.join(dir, 'backends-worker.js');
      type = 'text/javascript';
    } else if (/^\/wasm\/[\w.-]+\.wasm$/.test(url)) {
      file = path.join(WASM_DIR, path.basename(url));
      type = 'application/wasm';
    }
    if (url === '/') {
      response.writeHead(200, { 'Content-Type': type });
      response.end('<!doctype html><title>backends benchmark</title>');
      return;
    }
    if (file === null || !fs.existsSync(file)) {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(200, { 'Content-Type': type });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(PORT, '127.0.0.1', () => resolve());
  });
  process.stderr.write(`backends: serving ${dir} on ${BASE_URL}\n`);
  return server;
}

/** Run one job in a new dedicated worker of `page` and terminate the worker. */
function runWorker(page: Page, job: IBackendJob): Promise<IBackendJobResult> {
  return page.evaluate(
    ({ job, timeoutMs }) =>
      new Promise<IBackendJobResult>((resolve, reject) => {
        const worker = new Worker('/worker.js');
        const timer = setTimeout(() => {
          worker.terminate();
          reject(new Error(`The ${job.backend} worker timed out after ${timeoutMs} ms.`));
        }, timeoutMs);
        worker.onmessage = event => {
          clearTimeout(timer);
          worker.terminate();
          if (event.data.type === 'done') {
            resolve(event.data.result);
          } else {
            reject(new Error(`The ${job.backend} worker failed: ${event.data.message}`));
          }
        };
        worker.onerror = event => {
          clearTimeout(timer);
          worker.terminate();
          reject(new Error(`The ${job.backend} worker reported an error: ${event.message}`));
        };
        worker.postMessage(job);
      }),
    { job, timeoutMs: JOB_TIMEOUT_MS }
  );
}

type IRounds = Record<BenchBackend, IBackendJobResult[]>;

async function measure(browser: Browser, rounds: number, epochs: number): Promise<IRounds> {
  const results: IRounds = { cpu: [], wasm: [], webgl: [] };
  const page = await browser.newPage();
  try {
    await page.goto(`${BASE_URL}/`);
    for (let round = 1; round <= rounds; round++) {
      for (const backend of BACKENDS) {
        const job: IBackendJob = {
          backend,
          sizes: SIZES,
          models: MODELS,
          epochs,
          batchSize: 32,
          holdout: 0.2,
          seed: 42,
          wasmPrefix: `${BASE_URL}/wasm/`
        };
        const started = Date.now();
        let result: IBackendJobResult;
        try {
          result = await runWorker(page, job);
        } catch (reason) {
          const message = reason instanceof Error ? reason.message : String(reason);
          result = { probe: { requested: backend, active: null, errors: [message], flags: {}, setupMs: NaN, renderer: null }, timings: [] };
        }
        results[backend].push(result);
        const seconds = ((Date.now() - started) / 1000).toFixed(0);
        const errors = result.probe.errors.length ? `, errors: ${result.probe.errors.join(' | ')}` : '';
        process.stderr.write(`backends: round ${round}/${rounds} ${backend} done in ${seconds} s (active ${result.probe.active}${errors})\n`);
      }
    }
  } finally {
    await page.close();
  }
  return results;
}

/** Find the timing of `model` on `size` in one round, or null when it is missing or failed. */
function timingOf(result: IBackendJobResult, size: IDatasetSize, model: ModelId): IModelTiming | null {
  const timing = result.timings.find(t => t.rows === size.rows && t.width === size.width && t.model === model);
  return timing && timing.status === 'succeeded' && Number.isFinite(timing.steadyEpochMs) ? timing : null;
}

/** Summaries and ratios against cpu for every size, model and backend, over the rounds where both ran. */
function summariseCells(results: IRounds) {
  const cells = [];
  for (const size of SIZES) {
    for (const model of MODELS) {
      const backends: Record<string, unknown> = {};
      for (const backend of BACKENDS) {
        const pairs = results[backend]
          .map((result, round) => ({ own: timingOf(result, size, model), cpu: timingOf(results.cpu[round], size, model) }))
          .filter((pair): pair is { own: IModelTiming; cpu: IModelTiming } => pair.own !== null && pair.cpu !== null);
        if (pairs.length === 0) {
          backends[backend] = null;
          continue;
        }
        const first = pairs.map(pair => pair.own.firstEpochMs);
        const steady = pairs.map(pair => pair.own.steadyEpochMs);
        backends[backend] = {
          rounds: pairs.length,
          firstEpochMs: summarise(first),
          steadyEpochMs: summarise(steady),
          firstEpochOverCpu: pairedRatio(first, pairs.map(pair => pair.cpu.firstEpochMs)),
          steadyEpochOverCpu: pairedRatio(steady, pairs.map(pair => pair.cpu.steadyEpochMs))
        };
      }
      cells.push({ rows: size.rows, width: size.width, model, backends });
    }
  }
  return cells;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) {
    throw new Error('Usage: node main.js TMPDIR');
  }
  const rounds = envInt('BENCH_BACKENDS_RUNS', 3);
  const epochs = envInt('BENCH_BACKENDS_EPOCHS', 3);
  if (epochs < 2) {
    throw new Error(`BENCH_BACKENDS_EPOCHS must be at least 2 to time a steady epoch, got ${epochs}.`);
  }
  await bundleWorker(dir);
  const server = await startServer(dir);
  let browser: Browser | null = null;
  let results: IRounds;
  let browserVersion: string;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    });
    browserVersion = browser.version();
    results = await measure(browser, rounds, epochs);
  } finally {
    await browser?.close();
    await new Promise<void>(resolve => server.close(() => resolve()));
    process.stderr.write('backends: server closed\n');
  }

  const machine = describeMachine();
  machine.packages['@tensorflow/tfjs-backend-webgl'] = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, 'node_modules', '@tensorflow', 'tfjs-backend-webgl', 'package.json'), 'utf8')
  ).version;
  const file = writeResult('backends', {
    benchmark: 'backends',
    machine,
    browser: `Chromium ${browserVersion}`,
    chromiumFlags: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    sizes: SIZES,
    models: MODELS,
    config: { epochs, batchSize: 32, holdout: 0.2, learningRate: 0.01, seed: 42, optimizer: 'adam' },
    rounds,
    probes: Object.fromEntries(BACKENDS.map(backend => [backend, results[backend].map(result => result.probe)])),
    cells: summariseCells(results),
    raw: results
  });
  process.stderr.write(`backends: wrote ${file}\n`);
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
