/**
 * Kernel source: bringing a 100,000 × 20 pandas DataFrame from the
 * notebook's kernel into the panel, against reading the same data from a CSV
 * file through the file source.
 *
 * Usage: `node main.js TMPDIR`. Starts `jupyter lab` on 127.0.0.1 (port
 * BENCH_KERNEL_PORT, default 8901) with a fresh root folder under TMPDIR,
 * drives Chromium through playwright-core and stops the server by its PID.
 * BENCH_KERNEL_RUNS (default 3) sets the rounds. Each round loads a new page,
 * creates the DataFrame with `pd.read_csv` of the file, then loads it once
 * through each source, in alternating order.
 */
import { startJupyter, stopJupyter } from '../jupyter';
import * as fs from 'fs';
import * as path from 'path';
import { Browser, chromium, Page } from 'playwright-core';

import { describeMachine, envInt, pairedRatio, REPO_ROOT, summarise, writeResult } from '../common';
import { makeClassification } from '../datasets';

const ROWS = 100_000;
/** Columns of the file and the DataFrame: 19 features and the label. */
const COLUMNS = 20;
const DATA_SEED = 7;
const CSV_NAME = 'kernel-100k.csv';
const VARIABLE = 'df';

/** Upper bound of one load through either source. */
const LOAD_TIMEOUT_MS = 180_000;

const JUPYTER = process.env.BENCH_JUPYTER || path.join(REPO_ROOT, '.venv', 'bin', 'jupyter');
const CHROMIUM = process.env.BENCH_CHROMIUM || '/usr/bin/chromium';
const PORT = envInt('BENCH_KERNEL_PORT', 8901);
const BASE_URL = `http://127.0.0.1:${PORT}`;

/** The profile line of Step 1 once the data is read. */
const PROFILE_TEXT = `${ROWS} rows, ${COLUMNS} columns`;

/** Write the dataset: `x0` … `x18` with 4 decimals, then `label`. */
function writeCsv(file: string): number {
  const data = makeClassification(ROWS, DATA_SEED);
  const features = COLUMNS - 1;
  const lines = [[...Array.from({ length: features }, (_, i) => `x${i}`), 'label'].join(',')];
  for (let row = 0; row < ROWS; row++) {
    const fields: string[] = [];
    for (let i = 0; i < features; i++) {
      fields.push(data.x[row * data.width + i].toFixed(4));
    }
    fields.push(`k${data.y[row]}`);
    lines.push(fields.join(','));
  }
  const text = lines.join('\n') + '\n';
  fs.writeFileSync(file, text);
  return Buffer.byteLength(text);
}

/** Marks the page records for one load, from `performance.now()`. */
interface IMarks {
  /** Click on 'Use df' or on the file dialog's 'Select'. */
  clickAt: number | null;
  /** First 'Reading the file…' after the click: the text is in the page. */
  readingAt: number | null;
  /** The profile line after that: read and profiled by the data worker. */
  profileAt: number | null;
}

/** Install a click listener and a mutation observer that fill `window.kernelBench`. */
async function installMarks(page: Page): Promise<void> {
  await page.evaluate(
    ({ variable, profileText }) => {
      const marks: IMarks = { clickAt: null, readingAt: null, profileAt: null };
      (window as unknown as { kernelBench: IMarks }).kernelBench = marks;
      const panel = document.getElementById('jp-training-wizard')!;
      document.addEventListener(
        'click',
        event => {
          const button = (event.target as HTMLElement | null)?.closest('button');
          const isUse = button?.getAttribute('aria-label') === `Use ${variable}`;
          const isSelect = button?.textContent?.trim() === 'Select' && button.closest('.jp-Dialog');
          if (isUse || isSelect) {
            marks.clickAt = performance.now();
            marks.readingAt = null;
            marks.profileAt = null;
          }
        },
        true
      );
      new MutationObserver(() => {
        if (marks.clickAt === null) {
          return;
        }
        const text = panel.textContent ?? '';
        if (marks.readingAt === null && text.includes('Reading the file…')) {
          marks.readingAt = performance.now();
        } else if (marks.readingAt !== null && marks.profileAt === null && text.includes(profileText)) {
          marks.profileAt = performance.now();
        }
      }).observe(panel, { childList: true, subtree: true, characterData: true });
    },
    { variable: VARIABLE, profileText: PROFILE_TEXT }
  );
}

/** Wait for the profile after a click and return the two durations in ms. */
async function waitForLoad(page: Page): Promise<{ transferMs: number; totalMs: number }> {
  await page.waitForFunction(
    () => (window as unknown as { kernelBench: IMarks }).kernelBench.profileAt !== null,
    null,
    { timeout: LOAD_TIMEOUT_MS }
  );
  const marks = await page.evaluate(() => (window as unknown as { kernelBench: IMarks }).kernelBench);
  return {
    transferMs: marks.readingAt! - marks.clickAt!,
    totalMs: marks.profileAt! - marks.clickAt!
  };
}

async function loadFromKernel(page: Page) {
  const panel = page.locator('#jp-training-wizard');
  await panel.getByRole('button', { name: 'Refresh the DataFrames of the kernel' }).click();
  const use = panel.getByRole('button', { name: `Use ${VARIABLE}` });
  await use.waitFor({ state: 'visible', timeout: 60_000 });
  await use.click();
  return waitForLoad(page);
}

async function loadFromFile(page: Page) {
  const panel = page.locator('#jp-training-wizard');
  await panel.getByRole('button', { name: 'Choose CSV file…' }).click();
  const dialog = page.locator('.jp-Dialog');
  await dialog.locator('.jp-DirListing-item', { hasText: CSV_NAME }).first().click();
  await dialog.getByRole('button', { name: 'Select' }).click();
  return waitForLoad(page);
}

/**
 * Time `to_csv(index=False)` of the DataFrame in the kernel, in ms: the
 * share of the kernel transfer spent writing the CSV text in pandas.
 */
async function timeToCsv(page: Page): Promise<number> {
  return page.evaluate(async variable => {
    const app = (window as unknown as { jupyterapp: any }).jupyterapp; // eslint-disable-line @typescript-eslint/no-explicit-any
    const kernel = app.shell.currentWidget.sessionContext.session.kernel;
    const expression = `__import__('timeit').timeit(lambda: ${variable}.to_csv(index=False), number=1)`;
    const reply = await kernel.requestExecute({
      code: '',
      silent: true,
      store_history: false,
      user_expressions: { seconds: expression }
    }).done;
    return Number(reply.content.user_expressions.seconds.data['text/plain']) * 1000;
  }, VARIABLE);
}

/** Open a new page with the round's notebook and the wizard, and create the DataFrame. */
async function openRound(browser: Browser, notebook: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/lab?reset`);
  await page.waitForFunction(() => (window as unknown as { jupyterapp?: unknown }).jupyterapp !== undefined, null, {
    timeout: 60_000
  });
  await page.evaluate(
    async ({ notebookPath, code }) => {
      const app = (window as unknown as { jupyterapp: any }).jupyterapp; // eslint-disable-line @typescript-eslint/no-explicit-any
      await app.restored;
      const widget = await app.commands.execute('docmanager:open', { path: notebookPath });
      await widget.sessionContext.ready;
      const reply = await widget.sessionContext.session.kernel.requestExecute({ code }).done;
      if (reply.content.status !== 'ok') {
        throw new Error(`Creating the DataFrame failed: ${JSON.stringify(reply.content)}`);
      }
      await app.commands.execute('training-wizard:open');
    },
    { notebookPath: notebook, code: `import pandas as pd\n${VARIABLE} = pd.read_csv('${CSV_NAME}')` }
  );
  await page.locator('#jp-training-wizard').waitFor({ state: 'visible' });
  await installMarks(page);
  return page;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) {
    throw new Error('Usage: node main.js TMPDIR');
  }
  const rounds = envInt('BENCH_KERNEL_RUNS', 3);
  const rootDir = fs.mkdtempSync(path.join(dir, 'kernel-root-'));
  const csvBytes = writeCsv(path.join(rootDir, CSV_NAME));
  const notebook = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', 'demo.ipynb'), 'utf8'));

  const server = await startJupyter({ jupyter: JUPYTER, port: PORT, rootDir, logFile: path.join(dir, 'kernel-jupyter.log'), label: 'kernel' });
  let browser: Browser | null = null;
  const kernel: Array<{ transferMs: number; totalMs: number }> = [];
  const toCsvMs: number[] = [];
  const file: Array<{ transferMs: number; totalMs: number }> = [];
  let browserVersion = '';
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    });
    browserVersion = browser.version();
    for (let round = 1; round <= rounds; round++) {
      const name = `kernel-round-${round}.ipynb`;
      fs.writeFileSync(path.join(rootDir, name), JSON.stringify(notebook));
      const page = await openRound(browser, name);
      try {
        toCsvMs.push(await timeToCsv(page));
        // Alternate the order, so that a warm worker or cache favours neither side.
        if (round % 2 === 1) {
          kernel.push(await loadFromKernel(page));
          file.push(await loadFromFile(page));
        } else {
          file.push(await loadFromFile(page));
          kernel.push(await loadFromKernel(page));
        }
      } finally {
        await page.context().close();
      }
      process.stderr.write(`kernel: round ${round}/${rounds} done\n`);
    }
  } finally {
    await browser?.close();
    await stopJupyter(server, 'kernel');
  }

  const out = writeResult('kernel', {
    benchmark: 'kernel',
    machine: describeMachine(),
    browser: `Chromium ${browserVersion}`,
    dataset: { rows: ROWS, columns: COLUMNS, seed: DATA_SEED, csvBytes },
    rounds,
    kernel: {
      transferMs: summarise(kernel.map(run => run.transferMs)),
      totalMs: summarise(kernel.map(run => run.totalMs)),
      toCsvMs: summarise(toCsvMs)
    },
    file: {
      transferMs: summarise(file.map(run => run.transferMs)),
      totalMs: summarise(file.map(run => run.totalMs))
    },
    ratios: {
      transferKernelOverFile: pairedRatio(
        kernel.map(run => run.transferMs),
        file.map(run => run.transferMs)
      ),
      totalKernelOverFile: pairedRatio(
        kernel.map(run => run.totalMs),
        file.map(run => run.totalMs)
      )
    }
  });
  process.stderr.write(`kernel: wrote ${out}\n`);
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
