import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { RandomForestRegression } from 'ml-random-forest';

import { primaryMetric } from '../../src/core/results';
import { IModelResult, IPreparedData, IWizardConfig, ModelId } from '../../src/core/types';
import { mulberry32 } from '../../src/data/random';
import { toModelArtifacts } from '../../src/engine/artifact';
import { setupBackend } from '../../src/engine/backend';
import {
  IMPORTANCE_MAX_ROWS,
  IMPORTANCE_REPEATS,
  mergePredictions,
  permutationImportance,
  validationPredictions
} from '../../src/engine/evaluation';
import { classificationMetrics, regressionMetrics } from '../../src/engine/metrics';
import { ITrainHooks, trainModels } from '../../src/engine/train';
import { configFor, readText, runPipeline } from './helpers';

const PENGUINS = readText('examples/penguins.csv');

let warn: jest.SpyInstance;

beforeAll(async () => {
  // The cpu backend suggests installing tfjs-node on its first use in Node.
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  await setupBackend('cpu');
});

afterAll(() => {
  warn.mockRestore();
});

/** Seeded normal numbers from the engine's own generator. */
function normals(seed: number): () => number {
  const uniform = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/**
 * Build prepared data with the last quarter of the rows for validation.
 * `signal` decides the target from a row of features.
 */
function dataset(
  task: IPreparedData['task'],
  rows: number,
  width: number,
  signal: (x: number[]) => number,
  extra: Partial<IPreparedData> = {}
): IPreparedData {
  const normal = normals(11);
  const x = Array.from({ length: rows }, () => Array.from({ length: width }, () => normal()));
  const y = x.map(signal);
  const trainRows = Math.round(rows * 0.75);
  return {
    task,
    featureNames: Array.from({ length: width }, (_, j) => `x${j}`),
    width,
    xTrain: Float32Array.from(x.slice(0, trainRows).flat()),
    xValidation: Float32Array.from(x.slice(trainRows).flat()),
    trainRows,
    validationRows: rows - trainRows,
    yTrain: Float32Array.from(y.slice(0, trainRows)),
    yValidation: Float32Array.from(y.slice(trainRows)),
    classes: task === 'classification' ? ['no', 'yes'] : [],
    targetScale: task === 'regression' ? { mean: 1000, std: 50 } : null,
    ...extra
  };
}

/** Build binary data whose class is the sign of x0, with x1 and x2 as noise. */
function binaryData(rows = 200): IPreparedData {
  return dataset('classification', rows, 3, ([a]) => (a > 0 ? 1 : 0));
}

function config(overrides: Partial<IWizardConfig> = {}): IWizardConfig {
  return {
    target: 'y',
    task: 'classification',
    features: [],
    models: ['baseline', 'linear', 'forest'],
    holdout: 0.25,
    seed: 7,
    epochs: 10,
    batchSize: 32,
    learningRate: 0.05,
    backend: 'cpu',
    skipRaggedRows: false,
    ...overrides
  };
}

/** Hooks that never stop, or that stop on the `stopAtCall`-th poll of `shouldStop`. */
function hooks(stopAtCall = Infinity): ITrainHooks & { polls: () => number } {
  let polls = 0;
  let clock = 0;
  return {
    onModelStarted: () => undefined,
    onEpochEnded: () => undefined,
    onModelFinished: () => undefined,
    shouldStop: () => ++polls >= stopAtCall,
    now: () => (clock += 5),
    polls: () => polls
  };
}

function byId(models: IModelResult[], id: ModelId): IModelResult {
  const model = models.find(item => item.id === id);
  expect(model).toBeDefined();
  return model!;
}

describe('validationPredictions', () => {
  it('should normalise and round probability rows', () => {
    const data = dataset('classification', 8, 1, () => 0, {
      trainRows: 4,
      validationRows: 4,
      yValidation: Float32Array.of(0, 1, 1, 0),
      validationRowIndices: Int32Array.of(9, 3, 5, 7)
    });
    const outputs = Float32Array.of(0.2, 0.8, 0.1234567891, 0.8765432109, NaN, Infinity, 0, 0);

    const predictions = validationPredictions(data, outputs);

    expect(predictions.rows).toEqual([9, 3, 5, 7]);
    expect(predictions.actual).toEqual([0, 1, 1, 0]);
    expect(predictions.predicted).toEqual([1, 1, 0, 0]);
    expect(predictions.probabilities![1]).toEqual([0.123457, 0.876543]);
    expect(predictions.probabilities![2]).toEqual([0.5, 0.5]);
    expect(predictions.probabilities![3]).toEqual([0.5, 0.5]);
    for (const row of predictions.probabilities!) {
      expect(row.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 5);
    }
  });

  it('should undo the regression target scaling', () => {
    const data = dataset('regression', 4, 1, () => 0, {
      trainRows: 2,
      validationRows: 2,
      yValidation: Float32Array.of(-1, 2),
      targetScale: { mean: 100, std: 10 }
    });

    const predictions = validationPredictions(data, Float32Array.of(0.5, Infinity));

    expect(predictions.rows).toEqual([0, 1]);
    expect(predictions.actual).toEqual([90, 120]);
    expect(predictions.predicted).toEqual([105, 100]);
    expect(predictions.probabilities).toBeUndefined();
  });
});

describe('mergePredictions', () => {
  it('should order rows of every fold', () => {
    const merged = mergePredictions([
      { rows: [4, 0], actual: [1, 0], predicted: [1, 1], probabilities: [[0.1, 0.9], [0.4, 0.6]] },
      { rows: [2], actual: [1], predicted: [0], probabilities: [[0.7, 0.3]] }
    ]);

    expect(merged.rows).toEqual([0, 2, 4]);
    expect(merged.actual).toEqual([0, 1, 1]);
    expect(merged.predicted).toEqual([1, 0, 1]);
    expect(merged.probabilities).toEqual([[0.4, 0.6], [0.7, 0.3], [0.1, 0.9]]);
  });
});

describe('permutationImportance', () => {
  /** Predict class 1 with certainty when x0 > 0, ignoring the other columns. */
  const firstColumnRule = (width: number) => (x: Float32Array, rows: number) => {
    const outputs = new Float32Array(rows * 2);
    for (let row = 0; row < rows; row++) {
      outputs[row * 2 + (x[row * width] > 0 ? 1 : 0)] = 1;
    }
    return outputs;
  };

  it('should rank the used column first', async () => {
    const data = binaryData();

    const importance = await permutationImportance({
      data,
      predict: firstColumnRule(3),
      seed: 1,
      shouldStop: () => false
    });

    expect(importance!.map(item => item.feature)).toEqual(['x0', 'x1', 'x2']);
    expect(importance![0].importance).toBeGreaterThan(0.3);
    expect(importance![1]).toEqual({ feature: 'x1', importance: 0, std: 0 });
    expect(importance![0].std).toBeGreaterThanOrEqual(0);
  });

  it('should shuffle one-hot columns together', async () => {
    const data = dataset('classification', 120, 3, ([a]) => (a > 0 ? 1 : 0), {
      featureNames: ['x=a', 'x=b', 'z'],
      featureColumns: [
        { feature: 'x', columns: [0, 1] },
        { feature: 'z', columns: [2] }
      ]
    });
    const seen: Float32Array[] = [];
    const predict = (x: Float32Array, rows: number) => {
      seen.push(Float32Array.from(x));
      return firstColumnRule(3)(x, rows);
    };

    const importance = await permutationImportance({ data, predict, seed: 3, shouldStop: () => false });

    expect(importance!.map(item => item.feature)).toEqual(['x', 'z']);
    expect(seen).toHaveLength(1 + 2 * IMPORTANCE_REPEATS);
    // Every shuffle of x moves columns 0 and 1 by the same row permutation.
    const original = seen[0];
    for (const permuted of seen.slice(1, 1 + IMPORTANCE_REPEATS)) {
      for (let row = 0; row < data.validationRows; row++) {
        const source = [...Array(data.validationRows).keys()].find(
          candidate => original[candidate * 3] === permuted[row * 3]
        );
        expect(permuted[row * 3 + 1]).toBe(original[source! * 3 + 1]);
        expect(permuted[row * 3 + 2]).toBe(original[row * 3 + 2]);
      }
    }
  });

  it('should count a higher RMSE as importance', async () => {
    const data = dataset('regression', 160, 2, ([a]) => 2 * a);
    const predict = (x: Float32Array, rows: number) => Float32Array.from({ length: rows }, (_, row) => 2 * x[row * 2]);

    const importance = await permutationImportance({ data, predict, seed: 5, shouldStop: () => false });

    expect(primaryMetric('regression').higherIsBetter).toBe(false);
    expect(importance![0].feature).toBe('x0');
    expect(importance![0].importance).toBeGreaterThan(0);
    expect(importance![1].importance).toBe(0);
  });

  it('should repeat for one seed and vary with another', async () => {
    const data = binaryData();
    const run = (seed: number) =>
      permutationImportance({ data, predict: firstColumnRule(3), seed, shouldStop: () => false });

    const first = await run(9);
    const second = await run(9);
    const other = await run(10);

    expect(second).toEqual(first);
    expect(other![0].importance).not.toBe(first![0].importance);
  });

  it('should score at most the row limit', async () => {
    const data = dataset('classification', 4 * IMPORTANCE_MAX_ROWS + 800, 1, ([a]) => (a > 0 ? 1 : 0));
    const sizes: number[] = [];
    const predict = (x: Float32Array, rows: number) => {
      sizes.push(rows);
      expect(x.length).toBe(rows);
      return firstColumnRule(1)(x, rows);
    };

    await permutationImportance({ data, predict, seed: 2, shouldStop: () => false });

    expect(data.validationRows).toBeGreaterThan(IMPORTANCE_MAX_ROWS);
    expect(sizes).toEqual(new Array(1 + IMPORTANCE_REPEATS).fill(IMPORTANCE_MAX_ROWS));
  });

  it('should stop between features', async () => {
    const data = binaryData();
    let polls = 0;
    let predictions = 0;
    const predict = (x: Float32Array, rows: number) => {
      predictions += 1;
      return firstColumnRule(3)(x, rows);
    };

    const importance = await permutationImportance({ data, predict, seed: 1, shouldStop: () => ++polls >= 2 });

    expect(importance).toBeNull();
    expect(polls).toBe(2);
    expect(predictions).toBe(1 + IMPORTANCE_REPEATS);
  });
});

describe('trainModels evaluation outputs', () => {
  it('should return predictions matching the metrics', async () => {
    const data = binaryData();
    const outcome = await trainModels(data, config(), hooks());

    for (const model of outcome.models) {
      expect(model.status).toBe('succeeded');
      const predictions = model.predictions!;
      expect(predictions.rows).toHaveLength(data.validationRows);
      expect(predictions.actual).toEqual(Array.from(data.yValidation));
      for (const row of predictions.probabilities!) {
        expect(row.every(Number.isFinite)).toBe(true);
        expect(row.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 4);
      }
      const recomputed = classificationMetrics(
        predictions.actual,
        Float32Array.from(predictions.probabilities!.flat()),
        2
      );
      expect(recomputed.accuracy).toBeCloseTo(model.metrics.accuracy, 10);
      expect(recomputed.roc_auc).toBeCloseTo(model.metrics.roc_auc, 4);
    }
    expect(outcome.tensorsAfter).toBe(outcome.tensorsBefore);
  });

  it('should rank the informative feature first', async () => {
    const outcome = await trainModels(binaryData(), config(), hooks());

    for (const id of ['linear', 'forest'] as ModelId[]) {
      const importance = byId(outcome.models, id).importance!;
      expect(importance.map(item => item.feature).sort()).toEqual(['x0', 'x1', 'x2']);
      expect(importance[0].feature).toBe('x0');
      expect(importance[0].importance).toBeGreaterThan(0.2);
    }
    for (const item of byId(outcome.models, 'baseline').importance!) {
      expect(item.importance).toBe(0);
    }
  });

  it('should repeat importance for one seed', async () => {
    const data = binaryData(120);
    const first = await trainModels(data, config({ models: ['linear', 'forest'] }), hooks());
    const second = await trainModels(data, config({ models: ['linear', 'forest'] }), hooks());

    expect(second.models.map(model => model.importance)).toEqual(first.models.map(model => model.importance));
  });

  it('should keep regression predictions in target units', async () => {
    const data = dataset('regression', 200, 2, ([a, b]) => a - 0.5 * b);
    const outcome = await trainModels(data, config({ task: 'regression', models: ['linear', 'forest'] }), hooks());

    for (const model of outcome.models) {
      const { actual, predicted } = model.predictions!;
      expect(actual[0]).toBeCloseTo(data.yValidation[0] * 50 + 1000, 3);
      expect(regressionMetrics(actual, predicted).rmse).toBeCloseTo(model.metrics.rmse, 2);
      expect(model.importance![0].feature).toBe('x0');
    }
    expect(outcome.tensorsAfter).toBe(outcome.tensorsBefore);
  });

  it('should stop during importance', async () => {
    const watcher = hooks(3);
    const outcome = await trainModels(binaryData(), config({ models: ['forest'] }), watcher);

    // Poll 1 is before the model, 2 before feature x0, 3 before feature x1.
    expect(outcome.stopped).toBe(true);
    expect(outcome.models).toEqual([]);
    expect(watcher.polls()).toBe(3);
  });

  it('should reload a network artifact with equal predictions', async () => {
    const data = dataset('classification', 200, 3, ([a, b]) => (a + b > 0 ? 1 : 0));
    const outcome = await trainModels(data, config({ models: ['mlp'] }), hooks());
    const mlp = byId(outcome.models, 'mlp');
    expect(mlp.artifact!.format).toBe('tfjs-layers');
    expect(typeof mlp.artifact!.weightData).toBe('string');
    const before = tf.memory().numTensors;

    const model = await tfl.loadLayersModel(tf.io.fromMemory(toModelArtifacts(mlp.artifact!)));
    const output = tf.tidy(() => model.predict(tf.tensor2d(data.xValidation, [data.validationRows, 3])) as tf.Tensor);
    const reloaded = (await output.array()) as number[][];
    output.dispose();
    model.dispose();

    expect(tf.memory().numTensors).toBe(before);
    reloaded.forEach((row, index) => {
      expect(row[0]).toBeCloseTo(mlp.predictions!.probabilities![index][0], 5);
      expect(row[1]).toBeCloseTo(mlp.predictions!.probabilities![index][1], 5);
    });
  });

  it('should reload a forest artifact with equal predictions', async () => {
    const data = dataset('regression', 120, 2, ([a]) => a);
    const outcome = await trainModels(data, config({ task: 'regression', models: ['forest'] }), hooks());
    const artifact = byId(outcome.models, 'forest').artifact!;
    expect(artifact.format).toBe('forest');
    expect(artifact.targetScale).toEqual({ mean: 1000, std: 50 });

    const forest = RandomForestRegression.load(JSON.parse(JSON.stringify(artifact.json)));
    const rows = Array.from({ length: data.validationRows }, (_, row) =>
      Array.from(data.xValidation.subarray(row * 2, row * 2 + 2))
    );
    const reloaded = forest.predict(rows).map(value => value * 50 + 1000);

    const predicted = byId(outcome.models, 'forest').predictions!.predicted;
    reloaded.forEach((value, index) => expect(value).toBeCloseTo(predicted[index], 2));
  });

  it('should describe the baseline as a constant', async () => {
    const outcome = await trainModels(binaryData(), config({ models: ['baseline'] }), hooks());

    const artifact = byId(outcome.models, 'baseline').artifact!;
    expect(artifact.format).toBe('constant');
    const json = artifact.json as { classes: string[]; probabilities: number[] };
    expect(json.classes).toEqual(['no', 'yes']);
    expect(json.probabilities.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 6);
  });
});

describe('pipeline evaluation outputs', () => {
  it('should group one-hot columns by original feature', async () => {
    const config = configFor(PENGUINS, 'species', 'classification', {
      models: ['baseline', 'linear'],
      epochs: 5
    });
    const { result } = await runPipeline(PENGUINS, config);

    expect(result!.classes).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(result!.featureNames).toContain('island=Biscoe');
    const linear = byId(result!.models, 'linear');
    const features = linear.importance!.map(item => item.feature).sort();
    expect(features).toEqual([...config.features].sort());
    expect(linear.predictions!.rows).toHaveLength(result!.validationRows);
    expect(new Set(linear.predictions!.rows).size).toBe(result!.validationRows);
    expect(result!.tensorsAfter).toBe(result!.tensorsBefore);
  });

  it('should predict each row once with k-fold', async () => {
    const config = configFor(PENGUINS, 'species', 'classification', {
      models: ['linear'],
      epochs: 3,
      folds: 3
    });
    const { result } = await runPipeline(PENGUINS, config);

    const linear = byId(result!.models, 'linear');
    const rows = linear.predictions!.rows;
    const total = result!.folds!.reduce((sum, fold) => sum + fold.validationRows, 0);
    expect(rows).toHaveLength(total);
    expect(new Set(rows).size).toBe(total);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(linear.importance!.length).toBe(config.features.length);
    expect(linear.artifact!.format).toBe('tfjs-layers');
    expect(result!.tensorsAfter).toBe(result!.tensorsBefore);
  });
});
