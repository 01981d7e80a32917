/**
 * Write BENCHMARKS.md from the result files in bench/results/. Every number
 * in the page comes from those files. Usage: `node report.js`.
 */
import * as fs from 'fs';
import * as path from 'path';

import { IMachine, ISummary, REPO_ROOT, RESULTS_DIR } from './common';
import { int, Json, num, ratio, spread, table } from './format';
import { INGEST_SUMMARY_START, ingestSection, ingestSummaryLine } from './reportIngest';

function load(name: string): Json {
  return JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, `${name}.json`), 'utf8'));
}

function machineSection(machine: IMachine, compare: Json, ingest: Json, page: Json, loads: number[]): string {
  const versions = compare.versions;
  const packages = Object.entries(machine.packages).map(([name, version]) => `${name} ${version}`);
  return [
    '## Machine and versions',
    '',
    table(
      ['item', 'value'],
      [
        ['CPU (`/proc/cpuinfo` model name)', machine.cpuModel],
        ['cores (`nproc`)', String(machine.nproc)],
        ['memory', `${machine.memoryGiB} GiB`],
        ['OS kernel', machine.os],
        [
          '1-minute load average at the end of ingest / engine / compare / bundle / forest / page',
          loads.map(load => num(load, 2)).join(' / ')
        ],
        ['Node', machine.node],
        ['browser (page benchmark)', page.browser],
        ['npm packages', packages.join(', ')],
        ['Python', versions.python],
        [
          'Python packages',
          `pandas ${versions.pandas}, numpy ${versions.numpy}, scikit-learn ${versions['scikit-learn']}, torch ${versions.torch} (${versions.torchThreads} threads)`
        ],
        ['pandas in the ingest run', ingest.pandas]
      ]
    )
  ].join('\n');
}

function engineSection(engine: Json): string {
  const rows = engine.backends.map((backend: Json) => [
    backend.backend + (backend.backend === 'wasm' ? ` (SIMD ${backend.flags.simd}, threads ${backend.flags.multithread})` : ''),
    spread(backend.wizard.steadyEpochMs),
    spread(backend.bare.steadyEpochMs),
    ratio(backend.ratios.steadyEpochWizardOverBare),
    ratio(backend.ratios.totalPerEpochWizardOverBare)
  ]);
  const { dataset, config } = engine;
  return [
    '## Engine: the wizard\'s MLP against a bare tfjs `model.fit` loop',
    '',
    'Command: `node bench/build/bench/engine/main.js`.',
    `Synthetic data: ${int(dataset.rows)} rows (${int(dataset.trainRows)} training, ${int(dataset.validationRows)} validation), ${dataset.width} features, ${dataset.classes} classes, seed ${dataset.seed}. Network ${config.layers}, ${config.optimizer} with learning rate ${config.learningRate}, batch size ${config.batchSize}, ${config.epochs} epochs, ${engine.runs} runs per side after one warm-up run, both sides in the same process on the same tensors. The bare loop is one \`model.fit\` call with \`shuffle: true\` and the validation tensors as \`validationData\`. The wizard also gathers a seeded shuffle per epoch, evaluates the validation loss, keeps the best weights and yields to the event loop between epochs.`,
    '',
    '"Epoch" is the time from the end of epoch 1 to the end of the last epoch, divided by the epochs between them, in ms, median (min–max). "Whole call" divides the time of the whole call, including building the model, tensors and scoring, by the epochs.',
    '',
    table(['backend', 'wizard epoch', 'bare epoch', 'wizard / bare, epoch', 'wizard / bare, whole call'], rows),
    '',
    `Backend ratio wasm / cpu, epoch time, per run index: wizard ${ratio(engine.backendRatios.wizardSteadyEpochWasmOverCpu)}, bare loop ${ratio(engine.backendRatios.bareSteadyEpochWasmOverCpu)}.`
  ].join('\n');
}

function compareRows(entry: Json): string[][] {
  const { wizard, python } = entry;
  const rows: string[][] = [
    [
      `wizard: ${wizard.config.models.join(', ')} (${wizard.backend})`,
      spread(wizard.leaderboardMs, 1 / 1000),
      `${spread(wizard.bestBalancedAccuracy)} (best: ${[...new Set(wizard.best)].join(', ')})`
    ]
  ];
  for (const [id, model] of Object.entries<Json>(wizard.models)) {
    const epochs = id === 'baseline' ? '' : `, epochs run ${model.epochsRun.join('/')}`;
    rows.push([
      `  wizard ${id}${epochs}`,
      spread(model.trainMs, 1 / 1000),
      spread(model.balancedAccuracy)
    ]);
  }
  rows.push([
    'scikit-learn: read + prepare + the three models below',
    spread(python.sklearnLeaderboardMs, 1 / 1000),
    `${spread(python.models[python.sklearnBest].balancedAccuracy)} (best: ${python.sklearnBest})`
  ]);
  rows.push(['  read + prepare (pandas, ColumnTransformer)', spread(python.prepareMs, 1 / 1000), '']);
  for (const [name, model] of Object.entries<Json>(python.models)) {
    rows.push([`  ${name}`, spread(model.ms, 1 / 1000), spread(model.balancedAccuracy)]);
  }
  rows.push([
    `PyTorch MLP, epochs run ${python.torchMlp.epochsRun.join('/')}`,
    spread(python.torchMlp.ms, 1 / 1000),
    spread(python.torchMlp.balancedAccuracy)
  ]);
  return rows;
}

function compareSection(compare: Json): string {
  const parts = [
    '## Tools: time to leaderboard and best score on the same split',
    '',
    'Command: `/tmp/benchvenv/bin/python bench/compare.py TMPDIR`, which first runs `node bench/build/bench/compare/main.js TMPDIR`.',
    "The wizard runs its default configuration through `handleRequest`, the same path as the worker: read, profile, check, prepare, train, rank. The backend is wasm, which 'auto' picks in the browser, because 'auto' under Node means cpu. The wizard exports its `holdoutSplit` rows, and the Python side fits on exactly those rows after median imputation, scaling and one-hot encoding fitted on the training rows. The scikit-learn models use their default settings. The PyTorch MLP copies the wizard's network: one hidden layer of 32 ReLU units, Adam (epsilon 1e-7 as in tfjs), the wizard's learning rate, batch size and epochs, and early stopping after 5 epochs without a lower validation loss, with the best weights restored. The score is balanced accuracy on the validation rows, the wizard's ranking metric. Ratios divide medians, because the two sides run in different processes.",
    ''
  ];
  for (const entry of compare.datasets) {
    const { wizard, python, ratios } = entry;
    parts.push(
      `### ${entry.dataset}: ${int(wizard.trainRows)} training and ${int(wizard.validationRows)} validation rows, target \`${wizard.config.target}\``,
      '',
      `${wizard.runs} runs per side. Encoded width: wizard ${python.wizardWidth}, scikit-learn ${python.width}. Time in seconds, median (min–max).`,
      '',
      table(['model set', 'time', 'balanced accuracy'], compareRows(entry)),
      '',
      `- Time to leaderboard, wizard / scikit-learn: **${num(ratios.leaderboardWizardOverSklearn)}×**.`,
      `- Best balanced accuracy, wizard minus scikit-learn: **${num(ratios.bestScoreWizardMinusSklearn)}**.`,
      `- MLP time per epoch, wizard / PyTorch: **${num(ratios.mlpEpochWizardOverTorch)}×** (wizard ${spread(ratios.wizardMlpMsPerEpoch)} ms, PyTorch ${spread(python.torchMlp.msPerEpoch)} ms).`,
      ''
    );
  }
  return parts.join('\n');
}

/** "median (min–max)", or one value when every run gave the same one. */
function value(summary: ISummary, scale = 1, digits = 3): string {
  return summary.min === summary.max ? num(summary.median * scale, digits) : spread(summary, scale, digits);
}

function forestSection(forest: Json): string {
  const rows = forest.sizes.map((size: Json) => [
    `${int(size.trainRows)} × ${size.width} = ${int(size.cells)}`,
    size.forestPath === 'direct' ? 'skipped; direct fit' : 'trained',
    spread(size.forest.seconds),
    `${spread(size.linear.seconds)}, ${[...new Set(size.linear.epochs)].join('/')} epochs`,
    ratio(size.ratios.timeForestOverLinear),
    value(size.forest.accuracy),
    value(size.linear.accuracy)
  ]);
  const widths: number[] = forest.sizes.map((size: Json) => size.width);
  const skipped = forest.sizes.filter((size: Json) => size.skipMessage !== null);
  const check = forest.directCheck;
  const maxCells = forest.maxCells;
  const trainShare = 1 - forest.defaultHoldout;
  const fileRows = [5, 10, 20, 50].map(width => [
    String(width),
    int(Math.floor(maxCells / width)),
    int(Math.floor(maxCells / width / trainShare))
  ]);
  return [
    '## Random forest: fit time against logistic regression',
    '',
    'Command: `node bench/build/bench/forest/main.js`.',
    `Synthetic data from \`makeClassification\` (seed ${forest.dataSeed}): the first ${Math.min(...widths)} to ${Math.max(...widths)} of its 20 standard normal features (the features column of the table), ${forest.classes} classes, the training rows in the table and ${int(forest.sizes[0].validationRows)} validation rows at every size. Every feature is numeric, so the encoded features equal the columns. The forest is \`trainModels\` with models ['forest']: ${forest.forest.trees} trees, half the features per tree, \`minNumSamples\` ${forest.forest.minNumSamples}. The reference is \`trainModels\` with models ['linear'], the wizard's logistic regression: Adam with learning rate ${forest.linear.learningRate}, batch size ${forest.linear.batchSize}, at most ${forest.linear.epochs} epochs with the wizard's early stopping. Both run on the tfjs ${forest.backend} backend in one Node process after one warm-up fit each. ${forest.runs} runs per size, forest and logistic regression alternating, and the ratio is the median of the per-run ratios. Each time covers the whole \`trainModels\` call, or the whole direct fit, including scoring the validation rows.`,
    '',
    'Time in seconds, median (min–max). Accuracy is on the validation rows, one value when every run gave the same.',
    '',
    table(
      ['training rows × features = cells', 'wizard\'s forest', 'forest', 'logistic regression', 'forest / logistic regression', 'forest accuracy', 'logistic regression accuracy'],
      rows
    ),
    '',
    `The wizard trains the forest only when training rows × encoded features is at most ${int(maxCells)} (\`FOREST_MAX_CELLS\`). Above that, \`trainModels\` returns a failed forest result without training, with the error "${skipped.length > 0 ? skipped[0].skipMessage : ''}" The other models still train. For the sizes marked "skipped; direct fit", the script checked that skip and then fitted ml-random-forest directly with the options of \`trainForest\`. At ${int(check.trainRows)} × ${check.width}, inside the limit, one direct fit and one wizard fit gave ${check.sameScores ? 'the same scores' : 'different scores'}: accuracy ${num(check.direct.accuracy)} and ${num(check.wizard.accuracy)}, balanced accuracy ${num(check.direct.balancedAccuracy)} and ${num(check.wizard.balancedAccuracy)}. The direct fit took ${num(check.direct.ms / 1000)} s and the wizard's ${num(check.wizard.ms / 1000)} s.`,
    '',
    `For a file of N rows: the default hold-out split keeps about ${Math.round(trainShare * 100)} % of the rows for training (rounded per class), so the forest trains when ${trainShare} × N × encoded features ≤ ${int(maxCells)}, that is N ≤ ${int(maxCells / trainShare)} / encoded features. A numeric or yes/no column is 1 encoded feature, a datetime column 3, and a categorical column its levels (at most 20) plus a missing and an other slot. With k-fold validation each fold trains on about (k − 1) / k × N rows, and the forest is fitted once per fold.`,
    '',
    table(['encoded features', `max training rows`, `max file rows with the ${Math.round(forest.defaultHoldout * 100)} % hold-out, about`], fileRows)
  ].join('\n');
}

function bundleSection(bundle: Json): string {
  const kib = (bytes: number) => num(bytes / 1024);
  const group = (name: string, part: Json) => [
    name,
    String(part.files),
    kib(part.bytes),
    kib(part.gzipBytes),
    String(part.markers.tfjs),
    String(part.markers.plotly)
  ];
  const wasm = bundle.wasm.reduce((sum: number, file: Json) => sum + file.bytes, 0);
  return [
    '## Bundle: what JupyterLab loads at startup',
    '',
    'Command: `node bench/build/bench/bundle/main.js`.',
    `Build measured: \`${bundle.labextension}\`, ${bundle.buildMode} mode, remote entry written ${bundle.builtAt}. The startup set is the remote entry plus the chunks its exposed modules load. The worker set is the \`training-worker\` chunk plus the chunks the worker's runtime loads. Sizes in KiB, gzip at zlib's default level. The marker columns count matches of tfjs and plotly signatures (\`@tensorflow/tfjs\`, \`TensorFlow.js\`, \`plotly.js\`, …) in the files.`,
    '',
    table(
      ['set', 'files', 'raw KiB', 'gzip KiB', 'tfjs markers', 'plotly markers'],
      [
        group('startup', bundle.startup),
        group('training worker', bundle.worker),
        group('lazy page chunks', bundle.lazyPage),
        group('all emitted JS', bundle.allEmittedJs)
      ]
    ),
    '',
    `Startup / all emitted JS: **${num(bundle.ratios.startupOverAllRaw)}×** raw, **${num(bundle.ratios.startupOverAllGzip)}×** gzip. The worker also fetches ${bundle.wasm.length} tfjs .wasm files, ${kib(wasm)} KiB in total, only when the wasm backend loads.`,
    '',
    'Startup files:',
    '',
    table(
      ['file', 'raw KiB', 'gzip KiB'],
      bundle.startup.sizes.map((f: Json) => [`\`${f.file}\``, kib(f.bytes), kib(f.gzipBytes)])
    )
  ].join('\n');
}

function pageSection(page: Json): string {
  const { worker, mainThread, ratios, config, dataset } = page;
  // Chromium reports long task durations in whole milliseconds, so counts and ms print as integers.
  const whole = (summary: ISummary) => `${int(summary.median)} (${int(summary.min)}–${int(summary.max)})`;
  const row = (name: string, key: string, ratioSummary: ISummary | null) => [
    name,
    key === 'durationMs' ? spread(worker[key], 1 / 1000) : whole(worker[key]),
    key === 'durationMs' ? spread(mainThread[key], 1 / 1000) : whole(mainThread[key]),
    ratioSummary ? ratio(ratioSummary) : ''
  ];
  const heap = (name: string, side: Json) => [
    name,
    spread(side.heapBeforeMiB),
    spread(side.heapAfterMiB),
    spread(side.heapAfterGcMiB)
  ];
  const backendsOf = (side: Json) => [...new Set(side.runs.map((run: Json) => run.backend))].join(', ');
  return [
    '## Page responsiveness: training in the worker against the main thread',
    '',
    'Command: `node bench/build/bench/page/main.js TMPDIR` after `npx tsc -p bench/tsconfig.json`, or `bash bench/run.sh page`, which runs both and then this report.',
    `The script starts \`jupyter lab\` with the built extension on 127.0.0.1 and drives ${page.browser} (headless, playwright-core). The file is ${int(dataset.rows)} rows × ${dataset.width} features from \`makeClassification\` (seed ${dataset.seed}), the synthetic-50k file of the tool comparison, with target \`${dataset.target}\`. The panel keeps its defaults: models ${config.models.join(', ')}, ${config.epochs} epochs, batch size ${config.batchSize}, learning rate ${config.learningRate}, hold-out ${config.holdout}, backend '${config.backend}'. Each of the ${page.rounds} rounds loads a new page, chooses the file and the target in the panel and clicks 'Start training': the worker run lasts from that click to the moment the table 'Leaderboard' is added. Then, in the same page, a webpack bundle of \`bench/page/mainThread.ts\` calls \`handleRequest\` from \`src/engine/pipeline.ts\`, the function the worker runs, with the \`train\` request the panel posted to the worker (same CSV text and config) and the extension's .wasm files. That main-thread run lasts from the call to its return and does not render a leaderboard. Backend reported by the runs: worker ${backendsOf(worker)}, main thread ${backendsOf(mainThread)}.`,
    '',
    `An init script observes \`PerformanceObserver({ type: 'longtask', buffered: true })\`, which reports main-thread tasks of at least ${page.longTaskMs} ms. A run counts every long task that overlaps its time span. Total blocked time is the sum over those tasks of (duration − ${page.longTaskMs} ms). Median (min–max) of ${page.rounds} rounds. Each ratio is the median of the per-round ratios main thread / worker, and is n/a when the worker side had no long task.`,
    '',
    table(
      ['per run', 'worker', 'main thread', 'main thread / worker'],
      [
        row('longest task, ms', 'longestTaskMs', ratios.longestTaskMainOverWorker),
        row('total blocked time, ms', 'totalBlockingTimeMs', ratios.totalBlockingTimeMainOverWorker),
        row('long tasks', 'longTasks', null),
        row('run duration, s', 'durationMs', ratios.durationMainOverWorker)
      ]
    ),
    '',
    "Used JS heap of the page in MiB (Chrome DevTools Protocol `Runtime.getHeapUsage`), \"before\" after a forced garbage collection, \"after\" right at the end of the run, then again after a forced collection. The worker's own heap is not part of the page's heap. The page heap already contains the main-thread bundle before both runs, because the script adds it before the worker run.",
    '',
    table(['run', 'before', 'after', 'after, collected'], [heap('worker', worker), heap('main thread', mainThread)]),
    ...cacheHitLines(page)
  ].join('\n');
}

/** Build the cache-hit part of the page section, when the results have it. */
function cacheHitLines(page: Json): string[] {
  if (!page.cacheHitMs || !page.ratios.cacheHitOverWorker) {
    return [];
  }
  return [
    '',
    '### Cache hit',
    '',
    `After the worker run of each round, the script presses Restart and Start training again with the same file and configuration, so the run cache in IndexedDB answers. The time runs from the click to a visible leaderboard with the cache notice, measured in the page by a MutationObserver. Median (min–max) of ${page.rounds} rounds; the ratio is the median of the per-round ratios cached run / worker run.`,
    '',
    table(
      ['cached run, ms', 'worker run, s', 'cached / worker'],
      [[spread(page.cacheHitMs), spread(page.worker.durationMs, 1 / 1000), ratio(page.ratios.cacheHitOverWorker)]]
    )
  ];
}

/** Build the kernel source section from `kernel.json`: DataFrame transfer against the file source. */
export function kernelSection(kernel: Json): string {
  const { dataset } = kernel;
  return [
    '## Kernel source: a DataFrame from the kernel against a CSV file',
    '',
    'Command: `node bench/build/bench/kernel/main.js TMPDIR` after `npx tsc -p bench/tsconfig.json`, or `bash bench/run.sh kernel`.',
    `The script starts \`jupyter lab\` with the built extension on 127.0.0.1 and drives ${kernel.browser} (headless, playwright-core). The data is ${int(dataset.rows)} rows × ${dataset.columns} columns (19 standard normal features with 4 decimals and a 3-class label, seed ${dataset.seed}, ${num(dataset.csvBytes / 2 ** 20)} MiB of CSV). Each of the ${kernel.rounds} rounds loads a new page, runs \`df = pd.read_csv(...)\` of that file in the notebook's kernel, then loads the data once through each source of Step 1, in alternating order: the kernel source ('Refresh', then 'Use df') and the file source (the file dialog's 'Select'). "To the page" lasts from the click until the panel shows 'Reading the file…', the moment the text is in the page. For the kernel source it covers \`to_csv\`, the comm message with the bytes and the SHA-256 check, and for the file source the contents API request. "To profile" lasts until the data worker's profile line is shown. "pandas \`to_csv\`" is that call alone, timed in the kernel with \`timeit\`. Time in ms, median (min–max); each ratio is the median of the per-round ratios kernel / file.`,
    '',
    table(
      ['per load', 'kernel source', 'file source', 'kernel / file'],
      [
        ['to the page, ms', spread(kernel.kernel.transferMs), spread(kernel.file.transferMs), ratio(kernel.ratios.transferKernelOverFile)],
        ['to profile, ms', spread(kernel.kernel.totalMs), spread(kernel.file.totalMs), ratio(kernel.ratios.totalKernelOverFile)],
        ['pandas `to_csv` in the kernel, ms', spread(kernel.kernel.toCsvMs), '', '']
      ]
    ),
    '',
    `1-minute load average at the end: ${num(kernel.machine.loadAverage1m, 2)}.`
  ].join('\n');
}

/** Build the repeated-runs section from `memory.json`: page heap and worker tensors per run. */
export function memorySection(memory: Json): string {
  const heaps = memory.heapMiB as number[];
  const tensors = memory.tensors as Array<{ before: number; after: number }>;
  const leaks = tensors.filter(run => run.after !== run.before).length;
  return [
    '## Memory over repeated runs',
    '',
    'Command: `bash bench/run.sh memory` (`node bench/build/bench/memory/main.js TMPDIR`).',
    `${memory.browser} opens the panel in the real extension without a notebook, so no results cell grows the page, and trains on \`${memory.dataset.file}\` (target \`${memory.dataset.target}\`, default models, ${memory.dataset.epochs} epochs) ${memory.runs} times in a row, with a new seed each time so the run cache never answers. After each run and Restart it forces a garbage collection and reads the page's used JS heap (Chrome DevTools Protocol). The worker reports \`tf.memory().numTensors\` before its first model and after its last one in every \`run-finished\` message. The first figure already includes plotly.js, which Step 5 loads with the first run's charts.`,
    '',
    table(
      ['heap after run 1, MiB', `heap after run ${memory.runs}, MiB`, `run ${memory.runs} / run 1`, 'growth, MiB', 'runs with tensors left over'],
      [[num(heaps[0]), num(heaps[heaps.length - 1]), `**${num(memory.heapLastOverFirst)}×**`, num(memory.heapGrowthMiB), `${leaks} of ${tensors.length}`]]
    ),
    '',
    `Heap after each run, MiB: ${heaps.map(value => num(value)).join(', ')}.`
  ].join('\n');
}

/**
 * Build the "Backends in the worker" section from `backends.json`: epoch times
 * of the wizard's networks on cpu, wasm and webgl in a Chromium worker, as
 * ratios against cpu, and the fastest backend per dataset size.
 */
export function backendsSection(backends: Json): string {
  const names = ['cpu', 'wasm', 'webgl'];
  const defaultEpochs = 30;
  const cell = (entry: Json, backend: string, key: string) => entry.backends[backend]?.[key] ?? null;
  const rows = backends.cells.map((entry: Json) => [
    `${int(entry.rows)} × ${entry.width}`,
    entry.model,
    cell(entry, 'cpu', 'steadyEpochMs') ? spread(cell(entry, 'cpu', 'steadyEpochMs')) : 'failed',
    ...names.slice(1).map(backend => (cell(entry, backend, 'steadyEpochOverCpu') ? ratio(cell(entry, backend, 'steadyEpochOverCpu')) : 'did not run')),
    cell(entry, 'cpu', 'firstEpochMs') ? spread(cell(entry, 'cpu', 'firstEpochMs')) : 'failed',
    ...names.slice(1).map(backend => (cell(entry, backend, 'firstEpochOverCpu') ? ratio(cell(entry, backend, 'firstEpochOverCpu')) : 'did not run'))
  ]);

  // Estimated time of a default run (first epoch + 29 steady epochs) per
  // backend, summed over the three networks, from the medians.
  const estimate = (part: Json) => (part ? part.firstEpochMs.median + (defaultEpochs - 1) * part.steadyEpochMs.median : Infinity);
  const verdicts = backends.sizes.map((size: Json) => {
    const entries = backends.cells.filter((entry: Json) => entry.rows === size.rows && entry.width === size.width);
    const totals = names.map(backend => ({
      backend,
      ms: entries.reduce((sum: number, entry: Json) => sum + estimate(entry.backends[backend]), 0)
    }));
    const best = totals.reduce((a, b) => (b.ms < a.ms ? b : a));
    // Models whose own fastest backend differs from the size's verdict.
    const exceptions = entries
      .map((entry: Json) => ({ model: entry.model, fastest: names.reduce((a, b) => (estimate(entry.backends[b]) < estimate(entry.backends[a]) ? b : a)) }))
      .filter((entry: Json) => entry.fastest !== best.backend)
      .map((entry: Json) => `${entry.model} alone is fastest on ${entry.fastest}`);
    const cpuMs = totals[0].ms;
    const shares = totals.map(total => `${total.backend} ${Number.isFinite(total.ms) ? `${num(total.ms / cpuMs)}×` : 'did not run'}`).join(', ');
    const auto =
      best.backend === 'wasm'
        ? 'The current default `auto` (wasm, cpu fallback) is right for this size.'
        : `The current default \`auto\` picks wasm, which is not the fastest for this size.`;
    return `- ${int(size.rows)} × ${size.width}: **${best.backend}** (estimated ${defaultEpochs}-epoch time of linear + mlp + mlp-wide against cpu: ${shares}). ${auto}${exceptions.length ? ` Exception: ${exceptions.join(', ')}.` : ''}`;
  });

  const probes = names.map(backend => {
    const runs: Json[] = backends.probes[backend];
    const active = [...new Set(runs.map(run => String(run.active)))].join(', ');
    const flags = [...new Set(runs.map(run => Object.entries(run.flags).map(([k, v]) => `\`${k}\` ${v}`).join(', ')))].join('; ');
    const errors = [...new Set(runs.flatMap(run => run.errors))].join(' / ');
    const renderer = [...new Set(runs.map(run => run.renderer).filter(Boolean))].join(', ');
    return [backend, active, flags || 'none', renderer || 'n/a', errors || 'none'];
  });

  const { config } = backends;
  return [
    '## Backends in the worker',
    '',
    'Command: `node bench/build/bench/backends/main.js TMPDIR` after `npx tsc -p bench/tsconfig.json`, or `bash bench/run.sh backends`, which runs both and then this report.',
    `The script bundles \`bench/backends/worker.ts\` with webpack, serves it and the tfjs .wasm files from a Node \`http\` server on 127.0.0.1 without COOP/COEP headers (as JupyterLab serves the extension), and opens one page in ${backends.browser} (headless, playwright-core, \`${backends.chromiumFlags.join(' ')}\`). Each of the ${backends.rounds} rounds starts one dedicated Web Worker per backend, in the order cpu, wasm, webgl. A worker activates its backend, then calls \`trainModels\` from \`src/engine/train.ts\` with the networks ${backends.models.join(', ')} on each dataset from \`makeClassification\` (seed ${config.seed}, hold-out ${config.holdout}): ${config.epochs} epochs, batch size ${config.batchSize}, ${config.optimizer} with learning rate ${config.learningRate}. A worker whose active backend is not the requested one trains nothing.`,
    '',
    '"Steady epoch" is the time from the end of epoch 1 to the end of the last epoch, divided by the epochs between them. "First epoch" runs from the start of the model (network build, tensor upload, kernel or shader compilation) to the end of epoch 1. Both include the wizard\'s per-epoch shuffle and validation pass. Times in ms, median (min–max); each ratio is the median of the per-round ratios backend / cpu, so below 1 is faster than cpu.',
    '',
    table(
      ['rows × features', 'model', 'cpu steady, ms', 'wasm / cpu', 'webgl / cpu', 'cpu first, ms', 'wasm / cpu, first', 'webgl / cpu, first'],
      rows
    ),
    '',
    'What each worker reported after activating its backend: `tf.getBackend()`, tfjs flags, the `UNMASKED_RENDERER_WEBGL` string of a new WebGL2 context on an OffscreenCanvas, and errors:',
    '',
    table(['requested', 'active', 'flags', 'WebGL renderer', 'errors'], probes),
    '',
    `Fastest backend per dataset size, by the estimated time of a default run of ${defaultEpochs} epochs (first epoch + ${defaultEpochs - 1} steady epochs, from the medians; early stopping can end a run sooner):`,
    '',
    ...verdicts,
    '',
    `1-minute load average at the end: ${num(backends.machine.loadAverage1m, 2)}.`
  ].join('\n');
}

/** Build the summary: the headline ratios, one line each, repeated from the sections below. */
function summarySection(ingest: Json, engine: Json, compare: Json, bundle: Json, forest: Json, page: Json): string {
  const lines = [
    '## Summary',
    '',
    ingestSummaryLine(ingest)
  ];
  for (const backend of engine.backends) {
    lines.push(`- MLP epoch on ${backend.backend}, wizard / bare tfjs: ${ratio(backend.ratios.steadyEpochWizardOverBare)}.`);
  }
  lines.push(`- MLP epoch, wasm / cpu backend (wizard): ${ratio(engine.backendRatios.wizardSteadyEpochWasmOverCpu)}.`);
  for (const entry of compare.datasets) {
    const r = entry.ratios;
    lines.push(
      `- ${entry.dataset}: time to leaderboard wizard / scikit-learn **${num(r.leaderboardWizardOverSklearn)}×**, best balanced accuracy wizard minus scikit-learn **${num(r.bestScoreWizardMinusSklearn)}**, MLP epoch wizard / PyTorch **${num(r.mlpEpochWizardOverTorch)}×**.`
    );
  }
  const forestRatios = forest.sizes.map(
    (size: Json) => `${int(size.trainRows)} × ${size.width} ${ratio(size.ratios.timeForestOverLinear)}`
  );
  lines.push(
    `- Random forest / logistic regression fit time: ${forestRatios.join(', ')}. The wizard skips the forest above ${int(forest.maxCells)} training cells, so the last ${forest.sizes.filter((size: Json) => size.forestPath === 'direct').length} sizes are direct fits.`
  );
  lines.push(
    `- Startup JS / all emitted JS (gzip, ${bundle.buildMode} build): **${num(bundle.ratios.startupOverAllGzip)}×**; tfjs markers in the startup set: ${bundle.startup.markers.tfjs}, plotly markers: ${bundle.startup.markers.plotly}.`
  );
  lines.push(
    `- Page responsiveness, training ${int(page.dataset.rows)} rows on the main thread / in the worker: longest task ${ratio(page.ratios.longestTaskMainOverWorker)}, total blocked time ${ratio(page.ratios.totalBlockingTimeMainOverWorker)}, run duration ${ratio(page.ratios.durationMainOverWorker)}.`
  );
  return lines.join('\n');
}

/** Names of the result files besides the ingest one. */
const OTHER_RESULTS = ['engine', 'compare', 'bundle', 'forest', 'page'];

/**
 * Replace only the ingest parts of the existing BENCHMARKS.md: its section,
 * up to the next `## ` heading, and its summary line. Used when only the
 * ingest benchmark has results, so the other sections keep their numbers.
 * Throws when the page has no ingest section.
 */
function updateIngestOnly(ingest: Json): void {
  const file = path.join(REPO_ROOT, 'BENCHMARKS.md');
  const page = fs.readFileSync(file, 'utf8');
  const start = page.indexOf('\n## Ingest');
  if (start < 0) {
    throw new Error(`${file} has no ingest section to replace; run every benchmark with bench/run.sh.`);
  }
  const next = page.indexOf('\n## ', start + 1);
  const end = next < 0 ? page.length : next;
  const lines = page
    .slice(0, start)
    .split('\n')
    .map(line => (line.startsWith(INGEST_SUMMARY_START) ? ingestSummaryLine(ingest) : line));
  fs.writeFileSync(file, `${lines.join('\n')}\n${ingestSection(ingest)}\n${page.slice(end)}`);
  process.stderr.write(`updated the ingest parts of ${file}\n`);
}

function main(): void {
  const ingest = load('ingest');
  const missing = OTHER_RESULTS.filter(
    name => !fs.existsSync(path.join(RESULTS_DIR, `${name}.json`))
  );
  if (missing.length > 0) {
    process.stderr.write(`no results of ${missing.join(', ')}: updating the ingest parts only\n`);
    updateIngestOnly(ingest);
    return;
  }
  const engine = load('engine');
  const compare = load('compare');
  const bundle = load('bundle');
  const forest = load('forest');
  const pageResult = load('page');
  const wasmFlags = engine.backends.find((b: Json) => b.backend === 'wasm').flags;
  const page = [
    '# Benchmarks',
    '',
    'Generated by `bash bench/run.sh` from `bench/results/*.json`; edit `bench/report.ts`, not this page. Every figure is a ratio against a reference measured by the same script on the same machine, with the median and the spread (min–max) of several runs. These are measurements of one machine, not guarantees: rerun the command on yours.',
    '',
    machineSection(
      ingest.machine,
      compare,
      ingest,
      pageResult,
      [ingest, engine, compare, bundle, forest, pageResult].map(result => result.machine.loadAverage1m)
    ),
    '',
    summarySection(ingest, engine, compare, bundle, forest, pageResult),
    '',
    ingestSection(ingest),
    '',
    engineSection(engine),
    '',
    forestSection(forest),
    '',
    compareSection(compare),
    bundleSection(bundle),
    '',
    pageSection(pageResult),
    ...(fs.existsSync(path.join(RESULTS_DIR, 'kernel.json')) ? ['', kernelSection(load('kernel'))] : []),
    ...(fs.existsSync(path.join(RESULTS_DIR, 'memory.json')) ? ['', memorySection(load('memory'))] : []),
    ...(fs.existsSync(path.join(RESULTS_DIR, 'backends.json')) ? ['', backendsSection(load('backends'))] : []),
    '',
    '## Limits',
    '',
    '- Everything except the bundle sizes, the page benchmark and the kernel benchmark runs in Node, not in a browser. The worker runs the same engine code, but browser JIT, wasm threads and memory limits differ.',
    '- The page benchmark runs headless Chromium with `--disable-gpu`. Its main-thread reference is built by `bench/page/main.ts` with webpack from the tsc output, not by the extension\'s build, and always runs after the worker run in the same page.',
    `- The tfjs wasm backend ran with multithreading ${wasmFlags.multithread ? 'on' : 'off'} (tfjs flag \`WASM_HAS_MULTITHREAD_SUPPORT\`) and the cpu backend runs on one thread, while PyTorch (${compare.versions.torchThreads} threads) and HistGradientBoostingClassifier (OpenMP) may use every core.`,
    '- Peak memory includes each runtime\'s own footprint: a Node process and a Python process with pandas imported differ before reading a byte.',
    '- The bundle benchmark measures whatever build is in the labextension folder. A development build is unminified, so its sizes are larger than a production build\'s.',
    ''
  ].join('\n');
  const file = path.join(REPO_ROOT, 'BENCHMARKS.md');
  fs.writeFileSync(file, page);
  process.stderr.write(`wrote ${file}\n`);
}

if (require.main === module) {
  main();
}
