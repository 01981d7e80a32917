/**
 * Wizard side of the tool comparison: time to leaderboard and best score of
 * the default model set, run through the same `handleRequest` pipeline the
 * worker uses. Also exports the wizard's train/validation rows, so that
 * `bench/compare.py` fits scikit-learn and PyTorch on exactly the same split.
 * Usage: `node main.js TMPDIR`; the split goes to `TMPDIR/split-<dataset>.json`.
 */
import * as fs from 'fs';
import * as path from 'path';

import { defaultConfig } from '../../src/core/config';
import { BackendName, IRunResult, IWizardConfig } from '../../src/core/types';
import { readCsv } from '../../src/data/csv';
import { defaultFeatures, inferTask } from '../../src/data/preflight';
import { prepareData } from '../../src/data/prepare';
import { profileTable } from '../../src/data/profile';
import { handleRequest } from '../../src/engine/pipeline';
import { Response } from '../../src/engine/protocol';
import { describeMachine, envInt, REPO_ROOT, summarise, writeResult } from '../common';
import { makeClassification, writeClassificationCsv } from '../datasets';

interface IDataset {
  name: string;
  file: string;
  target: string;
  runs: number;
}

/**
 * Backend of the wizard runs. The page's default, 'auto', picks wasm in the
 * browser but cpu under Node, so the benchmark requests wasm explicitly.
 */
const BACKEND: BackendName = (process.env.BENCH_COMPARE_BACKEND as BackendName) || 'wasm';

/** Write the split and everything the Python side needs to repeat the run. */
function exportSplit(dataset: IDataset, text: string, dir: string): IWizardConfig {
  const table = readCsv(text, path.basename(dataset.file));
  const profile = profileTable(table);
  const task = inferTask(profile, dataset.target);
  const features = defaultFeatures(profile, dataset.target);
  const config = { ...defaultConfig(dataset.target, task, features), backend: BACKEND };
  const prepared = prepareData(table, profile, config);
  // Table rows map to 0-based data rows of the file through their line
  // numbers (header = line 1), which pandas counts the same way when no
  // field spans several lines.
  const dataRow = (rows: Int32Array) => Array.from(rows, row => table.lines[row] - 2);
  const split = {
    dataset: dataset.name,
    file: dataset.file,
    target: dataset.target,
    task,
    features,
    types: Object.fromEntries(
      profile.columns.filter(c => features.includes(c.name)).map(c => [c.name, c.type])
    ),
    classes: prepared.data.classes,
    width: prepared.data.width,
    config,
    train: dataRow(prepared.rows.train),
    validation: dataRow(prepared.rows.validation)
  };
  fs.writeFileSync(path.join(dir, `split-${dataset.name}.json`), JSON.stringify(split));
  return config;
}

async function runOnce(dataset: IDataset, text: string, config: IWizardConfig, runId: number) {
  let result: IRunResult | null = null;
  let error: string | null = null;
  const post = (message: Response) => {
    if (message.type === 'run-finished') {
      result = message.result;
    } else if (message.type === 'error') {
      error = message.message;
    }
  };
  // The timed span covers reading and profiling the text, as the data
  // worker does before a run, and the run on the parsed table.
  const start = performance.now();
  const fileName = path.basename(dataset.file);
  const table = readCsv(text, fileName);
  const profile = profileTable(table);
  await handleRequest(
    { type: 'train', runId, fileName, table, profile, options: {}, config },
    post
  );
  const leaderboardMs = performance.now() - start;
  if (result === null) {
    throw new Error(`The wizard run on ${dataset.name} failed: ${error}`);
  }
  return { leaderboardMs, result: result as IRunResult };
}

async function measure(dataset: IDataset, dir: string) {
  const text = fs.readFileSync(dataset.file, 'utf8');
  const config = exportSplit(dataset, text, dir);
  const runs: Array<Awaited<ReturnType<typeof runOnce>>> = [];
  for (let run = 0; run < dataset.runs; run++) {
    runs.push(await runOnce(dataset, text, config, run + 1));
    process.stderr.write(`compare ${dataset.name}: wizard run ${run + 1}/${dataset.runs} done\n`);
  }
  const last = runs[runs.length - 1].result;
  const modelIds = last.models.map(model => model.id);
  const perModel = Object.fromEntries(
    modelIds.map(id => {
      const of = (r: IRunResult) => r.models.find(model => model.id === id)!;
      return [
        id,
        {
          trainMs: summarise(runs.map(r => of(r.result).trainMs)),
          epochsRun: runs.map(r => of(r.result).history.length),
          balancedAccuracy: summarise(runs.map(r => of(r.result).metrics.balanced_accuracy)),
          accuracy: summarise(runs.map(r => of(r.result).metrics.accuracy))
        }
      ];
    })
  );
  return {
    dataset: dataset.name,
    file: path.basename(dataset.file),
    runs: dataset.runs,
    backend: last.backend,
    config,
    trainRows: last.trainRows,
    validationRows: last.validationRows,
    leaderboardMs: summarise(runs.map(r => r.leaderboardMs)),
    best: runs.map(r => r.result.best),
    bestBalancedAccuracy: summarise(
      runs.map(r => r.result.models.find(m => m.id === r.result.best)!.metrics.balanced_accuracy)
    ),
    models: perModel
  };
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) {
    throw new Error('Usage: node main.js TMPDIR');
  }
  const synthetic = path.join(dir, 'classification-50k.csv');
  writeClassificationCsv(synthetic, makeClassification(50_000, 11));
  const datasets: IDataset[] = [
    {
      name: 'penguins',
      file: path.join(REPO_ROOT, 'examples', 'penguins.csv'),
      target: 'species',
      runs: envInt('BENCH_RUNS', 5)
    },
    { name: 'synthetic-50k', file: synthetic, target: 'label', runs: envInt('BENCH_LARGE_RUNS', 3) }
  ];
  const results = [];
  for (const dataset of datasets) {
    results.push(await measure(dataset, dir));
  }
  const file = writeResult('compare-wizard', {
    benchmark: 'compare-wizard',
    machine: describeMachine(),
    datasets: results
  });
  process.stderr.write(`wrote ${file}\n`);
}

main().catch(reason => {
  console.error('Failed to run the wizard side of the comparison:', reason);
  process.exitCode = 1;
});
