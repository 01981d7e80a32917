/**
 * Forest benchmark: fit time and accuracy of the wizard's random forest
 * (`trainModels` with models ['forest']) against its logistic regression
 * (models ['linear']) on the same seeded data, at training sizes on both
 * sides of `FOREST_MAX_CELLS`. Both run on the tfjs cpu backend in one Node
 * process, alternating run by run. Usage: `node main.js`.
 *
 * Above the limit `trainModels` skips the forest, so the script checks that
 * it does and then fits ml-random-forest directly with the options of
 * `trainForest`. One size inside the limit is first fitted both ways, and the
 * script stops unless the direct fit gives the wizard's scores.
 */
import { RandomForestClassifier } from 'ml-random-forest';

import { DEFAULTS, FOREST_MAX_CELLS } from '../../src/core/config';
import { IModelResult, IPreparedData, IWizardConfig, ModelId } from '../../src/core/types';
import { setupBackend } from '../../src/engine/backend';
import { featuresPerTree } from '../../src/engine/forest';
import { classificationMetrics } from '../../src/engine/metrics';
import { FOREST_MIN_NUM_SAMPLES, FOREST_TREES } from '../../src/engine/models';
import { trainModels } from '../../src/engine/train';
import { describeMachine, envInt, pairedRatio, summarise, writeResult } from '../common';
import { makeClassification } from '../datasets';

const DATA_SEED = 7;

/** Validation rows of every size, so that accuracy has the same resolution at each size. */
const VALIDATION_ROWS = 1000;

/** Training rows × features. The last two are above `FOREST_MAX_CELLS` (5000). */
const SIZES: Array<{ trainRows: number; width: number }> = [
  { trainRows: 250, width: 14 },
  { trainRows: 500, width: 10 },
  { trainRows: 1000, width: 5 },
  { trainRows: 1000, width: 10 },
  { trainRows: 2000, width: 5 }
];

/** Size inside the limit fitted both ways before the measurements, to check the direct fit's scores. */
const CHECK_SIZE = { trainRows: 500, width: 10 };

/** Time and scores of one fit, including scoring the validation rows. */
interface IFit {
  ms: number;
  accuracy: number;
  balancedAccuracy: number;
  /** Epochs the logistic regression ran before early stopping; 0 for the forest. */
  epochs: number;
}

/**
 * Build a prepared dataset from `makeClassification`: its first `width`
 * features, the first `trainRows` rows for training and the next
 * `VALIDATION_ROWS` for validation.
 */
function prepare(trainRows: number, width: number): IPreparedData {
  const rows = trainRows + VALIDATION_ROWS;
  const data = makeClassification(rows, DATA_SEED);
  const x = new Float32Array(rows * width);
  for (let row = 0; row < rows; row++) {
    x.set(data.x.subarray(row * data.width, row * data.width + width), row * width);
  }
  return {
    task: 'classification',
    featureNames: Array.from({ length: width }, (_, i) => `x${i}`),
    width,
    xTrain: x.slice(0, trainRows * width),
    xValidation: x.slice(trainRows * width),
    trainRows,
    validationRows: VALIDATION_ROWS,
    yTrain: Float32Array.from(data.y.subarray(0, trainRows)),
    yValidation: Float32Array.from(data.y.subarray(trainRows)),
    classes: ['k0', 'k1', 'k2'],
    targetScale: null
  };
}

function configFor(data: IPreparedData, model: ModelId): IWizardConfig {
  return {
    target: 'label',
    task: 'classification',
    features: data.featureNames,
    models: [model],
    holdout: VALIDATION_ROWS / (data.trainRows + VALIDATION_ROWS),
    seed: DEFAULTS.seed,
    epochs: DEFAULTS.epochs,
    batchSize: DEFAULTS.batchSize,
    learningRate: DEFAULTS.learningRate,
    backend: 'cpu',
    skipRaggedRows: false
  };
}

/** Run `trainModels` with one model and return its result, the wall time and the epochs run. */
async function runWizard(data: IPreparedData, model: ModelId) {
  let epochs = 0;
  const start = performance.now();
  const outcome = await trainModels(data, configFor(data, model), {
    now: () => performance.now(),
    onModelStarted: () => undefined,
    onEpochEnded: () => void epochs++,
    onModelFinished: () => undefined,
    shouldStop: () => false
  });
  const ms = performance.now() - start;
  if (outcome.tensorsAfter !== outcome.tensorsBefore) {
    throw new Error(`Tensors leaked: ${outcome.tensorsBefore} before, ${outcome.tensorsAfter} after.`);
  }
  const result: IModelResult = outcome.models[0];
  return { result, ms, epochs };
}

/** Run `trainModels` with one model and throw unless it succeeded. */
async function fitWizard(data: IPreparedData, model: ModelId): Promise<IFit> {
  const { result, ms, epochs } = await runWizard(data, model);
  if (result.status !== 'succeeded') {
    throw new Error(`The wizard's ${result.name} failed at ${data.trainRows} × ${data.width}: ${result.error}`);
  }
  return {
    ms,
    accuracy: result.metrics.accuracy,
    balancedAccuracy: result.metrics.balanced_accuracy,
    epochs
  };
}

/**
 * Fit ml-random-forest with the options `trainForest` passes, without its
 * cell limit, and score it the same way: the fraction of trees voting for
 * each class, then `classificationMetrics`.
 */
function fitForestDirectly(data: IPreparedData): IFit {
  const start = performance.now();
  // NOTE: these options copy those of `trainForest`. `checkDirectFit` stops
  // the benchmark when the two fits score differently.
  const forest = new RandomForestClassifier({
    nEstimators: FOREST_TREES,
    maxFeatures: featuresPerTree(data.width),
    replacement: false,
    useSampleBagging: true,
    noOOB: true,
    seed: DEFAULTS.seed | 0,
    treeOptions: { minNumSamples: FOREST_MIN_NUM_SAMPLES }
  });
  forest.train(toRows(data.xTrain, data.trainRows, data.width), Array.from(data.yTrain));

  const k = data.classes.length;
  const votes = forest.predictionValues(toRows(data.xValidation, data.validationRows, data.width));
  const proba = new Float32Array(data.validationRows * k);
  for (let row = 0; row < votes.rows; row++) {
    for (let tree = 0; tree < votes.columns; tree++) {
      proba[row * k + votes.get(row, tree)] += 1 / votes.columns;
    }
  }
  const metrics = classificationMetrics(data.yValidation, proba, k);
  const ms = performance.now() - start;
  return { ms, accuracy: metrics.accuracy!, balancedAccuracy: metrics.balanced_accuracy!, epochs: 0 };
}

/** Split a row-major matrix into one array per row, the input ml-random-forest takes. */
function toRows(values: Float32Array, rows: number, width: number): number[][] {
  return Array.from({ length: rows }, (_, row) => Array.from(values.subarray(row * width, (row + 1) * width)));
}

function summariseFits(fits: IFit[]) {
  return {
    seconds: summarise(fits.map(fit => fit.ms / 1000)),
    accuracy: summarise(fits.map(fit => fit.accuracy)),
    balancedAccuracy: summarise(fits.map(fit => fit.balancedAccuracy)),
    epochs: fits.map(fit => fit.epochs)
  };
}

async function measureSize(trainRows: number, width: number, runs: number) {
  const data = prepare(trainRows, width);
  const cells = trainRows * width;
  const inLimit = cells <= FOREST_MAX_CELLS;

  // Above the limit, record the wizard's skip and fit the library directly.
  let skipMessage: string | null = null;
  if (!inLimit) {
    const { result } = await runWizard(data, 'forest');
    if (result.status !== 'failed') {
      throw new Error(`Expected the wizard to skip the forest at ${cells} cells, but it trained.`);
    }
    skipMessage = result.error ?? '';
  }

  const forest: IFit[] = [];
  const linear: IFit[] = [];
  for (let run = 0; run < runs; run++) {
    forest.push(inLimit ? await fitWizard(data, 'forest') : fitForestDirectly(data));
    linear.push(await fitWizard(data, 'linear'));
    process.stderr.write(`forest ${trainRows} × ${width}: run ${run + 1}/${runs} done\n`);
  }
  const seconds = (fits: IFit[]) => fits.map(fit => fit.ms);
  return {
    trainRows,
    validationRows: VALIDATION_ROWS,
    width,
    cells,
    forestPath: inLimit ? 'trainModels' : 'direct',
    skipMessage,
    forest: summariseFits(forest),
    linear: summariseFits(linear),
    ratios: { timeForestOverLinear: pairedRatio(seconds(forest), seconds(linear)) },
    accuracyForestMinusLinear: summarise(forest.map((fit, i) => fit.accuracy - linear[i].accuracy))
  };
}

/**
 * Fit the check size once each way and throw unless the scores are equal,
 * which they are while both fits pass the same options and seed. One run
 * suffices for scores, so the two times are single samples.
 */
async function checkDirectFit() {
  const data = prepare(CHECK_SIZE.trainRows, CHECK_SIZE.width);
  const wizard = await fitWizard(data, 'forest');
  const direct = fitForestDirectly(data);
  const same = wizard.accuracy === direct.accuracy && wizard.balancedAccuracy === direct.balancedAccuracy;
  if (!same) {
    throw new Error(
      `The direct forest fit scored accuracy ${direct.accuracy} and the wizard's forest ${wizard.accuracy} ` +
        `at ${CHECK_SIZE.trainRows} × ${CHECK_SIZE.width}; make fitForestDirectly pass the options of trainForest.`
    );
  }
  return { ...CHECK_SIZE, sameScores: same, wizard, direct };
}

async function main(): Promise<void> {
  const runs = envInt('BENCH_FOREST_RUNS', 3);
  const choice = await setupBackend('cpu');
  if (choice.backend !== 'cpu') {
    throw new Error(`Backend cpu is not available: ${choice.note}`);
  }
  // One warm-up fit of each model, so JIT compilation and kernel setup are not in the first sample.
  const warmUp = prepare(250, 14);
  await fitWizard(warmUp, 'forest');
  await fitWizard(warmUp, 'linear');

  const directCheck = await checkDirectFit();
  const sizes = [];
  for (const { trainRows, width } of SIZES) {
    sizes.push(await measureSize(trainRows, width, runs));
  }
  const file = writeResult('forest', {
    benchmark: 'forest',
    machine: describeMachine(),
    backend: 'cpu',
    runs,
    dataSeed: DATA_SEED,
    classes: 3,
    maxCells: FOREST_MAX_CELLS,
    defaultHoldout: DEFAULTS.holdout,
    forest: { trees: FOREST_TREES, minNumSamples: FOREST_MIN_NUM_SAMPLES, maxFeatures: 'featuresPerTree(width)' },
    linear: { epochs: DEFAULTS.epochs, batchSize: DEFAULTS.batchSize, learningRate: DEFAULTS.learningRate },
    sizes,
    directCheck
  });
  process.stderr.write(`wrote ${file}\n`);
}

main().catch(reason => {
  console.error('Failed to run the forest benchmark:', reason);
  process.exitCode = 1;
});
