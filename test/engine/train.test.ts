import * as tf from '@tensorflow/tfjs-core';

import {
  IModelResult,
  IPreparedData,
  IWizardConfig,
  ModelId
} from '../../src/core/types';
import { setupBackend } from '../../src/engine/backend';
import { IEpochProgress, ITrainHooks, trainModels } from '../../src/engine/train';

/** Seeded normal numbers (Box-Muller over mulberry32) for the datasets. */
function gaussian(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => {
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    return radius * Math.cos(2 * Math.PI * uniform());
  };
}

/** Split rows of features and targets into IPreparedData, the last 20% for validation. */
function prepared(
  task: IPreparedData['task'],
  x: number[][],
  y: number[],
  classes: string[],
  targetScale: IPreparedData['targetScale'] = null
): IPreparedData {
  const rows = y.length;
  const trainRows = Math.round(rows * 0.8);
  const width = x[0].length;
  return {
    task,
    featureNames: x[0].map((_, j) => `x${j}`),
    width,
    xTrain: Float32Array.from(x.slice(0, trainRows).flat()),
    xValidation: Float32Array.from(x.slice(trainRows).flat()),
    trainRows,
    validationRows: rows - trainRows,
    yTrain: Float32Array.from(y.slice(0, trainRows)),
    yValidation: Float32Array.from(y.slice(trainRows)),
    classes,
    targetScale
  };
}

/** Two features, and the class is whether their sum is positive. */
function binaryData(rows = 250): IPreparedData {
  const normal = gaussian(1);
  const x = Array.from({ length: rows }, () => [normal(), normal()]);
  const y = x.map(([a, b]) => (a + b > 0 ? 1 : 0));
  return prepared('classification', x, y, ['no', 'yes']);
}

/** Three well separated Gaussian blobs in two dimensions. */
function threeClassData(rows = 300): IPreparedData {
  const normal = gaussian(2);
  const centres = [
    [-2, 0],
    [2, 0],
    [0, 2.5]
  ];
  const y = Array.from({ length: rows }, (_, i) => i % 3);
  const x = y.map(c => [centres[c][0] + 0.6 * normal(), centres[c][1] + 0.6 * normal()]);
  return prepared('classification', x, y, ['a', 'b', 'c']);
}

/**
 * Build a linear target near 1e12 with a little noise, standardised the way the
 * data step does it: scaled = (original - mean) / std.
 */
function regressionData(rows = 250): { data: IPreparedData; original: number[] } {
  const normal = gaussian(3);
  const x = Array.from({ length: rows }, () => [normal(), normal(), normal()]);
  const original = x.map(
    ([a, b, c]) => 1e12 * (1 + 0.1 * (3 * a - 2 * b + 0.5 * c) + 0.01 * normal())
  );
  const mean = original.reduce((s, v) => s + v, 0) / rows;
  const std = Math.sqrt(original.reduce((s, v) => s + (v - mean) ** 2, 0) / rows);
  const scaled = original.map(v => (v - mean) / std);
  return { data: prepared('regression', x, scaled, [], { mean, std }), original };
}

function config(overrides: Partial<IWizardConfig> = {}): IWizardConfig {
  return {
    target: 'y',
    task: 'classification',
    features: [],
    models: ['baseline', 'linear', 'mlp'],
    holdout: 0.2,
    seed: 42,
    epochs: 15,
    batchSize: 32,
    learningRate: 0.05,
    backend: 'cpu',
    skipRaggedRows: false,
    ...overrides
  };
}

/** Hooks that record every call. `shouldStop` is true after `stopAfterEpochs` epochs. */
function recorder(stopAfterEpochs = Infinity): ITrainHooks & {
  started: ModelId[];
  epochs: IEpochProgress[];
  finished: IModelResult[];
} {
  const started: ModelId[] = [];
  const epochs: IEpochProgress[] = [];
  const finished: IModelResult[] = [];
  let clock = 0;
  return {
    started,
    epochs,
    finished,
    onModelStarted: id => started.push(id),
    onEpochEnded: e => epochs.push(e),
    onModelFinished: result => finished.push(result),
    shouldStop: () => epochs.length >= stopAfterEpochs,
    now: () => (clock += 10)
  };
}

function byId(models: IModelResult[], id: ModelId): IModelResult {
  const model = models.find(m => m.id === id);
  expect(model).toBeDefined();
  return model as IModelResult;
}

let warn: jest.SpyInstance;

beforeAll(async () => {
  // The cpu backend suggests installing tfjs-node on its first use in Node.
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  await setupBackend('cpu');
});

afterAll(() => {
  warn.mockRestore();
});

describe('trainModels', () => {
  it('should separate binary classes', async () => {
    const hooks = recorder();
    const outcome = await trainModels(binaryData(), config(), hooks);

    expect(outcome.stopped).toBe(false);
    const statuses = outcome.models.map(m => m.status);
    expect(statuses).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(byId(outcome.models, 'linear').metrics.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(byId(outcome.models, 'mlp').metrics.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(byId(outcome.models, 'linear').metrics.roc_auc).toBeGreaterThanOrEqual(0.95);
    expect(byId(outcome.models, 'baseline').metrics.roc_auc).toBe(0.5);
    expect(outcome.tensorsAfter).toBe(outcome.tensorsBefore);
  });

  it('should separate three classes', async () => {
    const outcome = await trainModels(threeClassData(), config(), recorder());

    const mlp = byId(outcome.models, 'mlp');
    expect(mlp.status).toBe('succeeded');
    expect(mlp.metrics.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(mlp.metrics.balanced_accuracy).toBeGreaterThanOrEqual(0.9);
    expect(byId(outcome.models, 'linear').metrics.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(byId(outcome.models, 'baseline').metrics.accuracy).toBeLessThan(0.5);
    expect(outcome.tensorsAfter).toBe(outcome.tensorsBefore);
  });

  it('should fit regression in original units', async () => {
    const { data, original } = regressionData();
    const outcome = await trainModels(data, config({ task: 'regression' }), recorder());

    const linear = byId(outcome.models, 'linear');
    expect(linear.status).toBe('succeeded');
    expect(linear.metrics.r2).toBeGreaterThanOrEqual(0.9);
    for (const value of Object.values(linear.metrics)) {
      expect(Number.isFinite(value)).toBe(true);
    }
    // The target spreads over about 4e11, so an RMSE in scaled units (< 1)
    // would mean the predictions were not converted back.
    const spread = Math.max(...original) - Math.min(...original);
    expect(linear.metrics.rmse).toBeGreaterThan(1e6);
    expect(linear.metrics.rmse).toBeLessThan(0.1 * spread);
    expect(byId(outcome.models, 'mlp').metrics.r2).toBeGreaterThanOrEqual(0.9);
    expect(byId(outcome.models, 'baseline').metrics.r2).toBeLessThanOrEqual(0);
    expect(outcome.tensorsAfter).toBe(outcome.tensorsBefore);
  });

  it('should repeat metrics for one seed', async () => {
    const data = binaryData(120);
    const settings = config({ models: ['linear', 'mlp'], epochs: 5 });
    const first = await trainModels(data, settings, recorder());
    const second = await trainModels(data, settings, recorder());

    const metrics = (outcome: typeof first) => outcome.models.map(m => m.metrics);
    const histories = (outcome: typeof first) => outcome.models.map(m => m.history);
    expect(metrics(second)).toEqual(metrics(first));
    expect(histories(second)).toEqual(histories(first));
    expect(first.models[0].metrics.accuracy).toBeDefined();
  });

  it('should differ for different seeds', async () => {
    const data = binaryData(120);
    const settings = config({ models: ['mlp'], epochs: 3 });
    const first = await trainModels(data, settings, recorder());
    const second = await trainModels(data, { ...settings, seed: 7 }, recorder());

    expect(second.models[0].history[0].loss).not.toBe(first.models[0].history[0].loss);
  });

  it('should fail a model on NaN loss', async () => {
    const data = binaryData(100);
    data.xTrain[5] = Infinity;
    const outcome = await trainModels(data, config({ epochs: 3 }), recorder());

    expect(byId(outcome.models, 'baseline').status).toBe('succeeded');
    const mlp = byId(outcome.models, 'mlp');
    expect(mlp.status).toBe('failed');
    expect(mlp.error).toBe(
      "Loss became NaN at epoch 1 of model 'MLP'; check columns with very large " +
        'values or lower the learning rate.'
    );
    expect(mlp.metrics).toEqual({});
    expect(byId(outcome.models, 'linear').error).toMatch(/epoch 1 of model 'Logistic regression'/);
    expect(outcome.tensorsAfter).toBe(outcome.tensorsBefore);
  });

  it('should fail on a huge learning rate', async () => {
    const { data } = regressionData(100);
    const outcome = await trainModels(
      data,
      config({ task: 'regression', models: ['baseline', 'linear'], learningRate: 1e30 }),
      recorder()
    );

    expect(byId(outcome.models, 'baseline').status).toBe('succeeded');
    const linear = byId(outcome.models, 'linear');
    expect(linear.status).toBe('failed');
    expect(linear.error).toMatch(
      /^Loss became (NaN|infinite) at epoch \d+ of model 'Linear regression'/
    );
  });

  it('should stop when shouldStop returns true', async () => {
    const hooks = recorder(1);
    const outcome = await trainModels(binaryData(), config(), hooks);

    expect(outcome.stopped).toBe(true);
    expect(hooks.epochs).toHaveLength(1);
    expect(outcome.models.map(m => m.id)).toEqual(['baseline']);
    expect(hooks.started).toEqual(['baseline', 'linear']);
    expect(outcome.tensorsAfter).toBe(outcome.tensorsBefore);
  });

  it('should release tensors of importance and artifacts', async () => {
    const models: ModelId[] = ['baseline', 'linear', 'mlp', 'mlp-wide', 'forest'];
    for (const task of ['classification', 'regression'] as const) {
      const data = task === 'classification' ? threeClassData(150) : regressionData(150).data;
      const before = tf.memory().numTensors;

      const outcome = await trainModels(data, config({ task, models, epochs: 3 }), recorder());

      expect(outcome.models.map(m => m.status)).toEqual(models.map(() => 'succeeded'));
      for (const model of outcome.models) {
        expect(model.importance).toHaveLength(data.width);
        expect(model.artifact).toBeDefined();
      }
      expect(outcome.tensorsAfter).toBe(outcome.tensorsBefore);
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('should release tensors when stopped during importance', async () => {
    const data = binaryData(100);
    const settings = config({ models: ['linear'], epochs: 2 });
    let polls = 0;
    await trainModels(data, settings, { ...recorder(), shouldStop: () => (polls++, false) });
    const total = polls;
    const before = tf.memory().numTensors;
    polls = 0;

    // The last poll of a full run is the importance's, before its last feature.
    const outcome = await trainModels(data, settings, { ...recorder(), shouldStop: () => ++polls >= total });

    expect(outcome.stopped).toBe(true);
    expect(outcome.models).toEqual([]);
    expect(polls).toBe(total);
    expect(outcome.tensorsAfter).toBe(outcome.tensorsBefore);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('should report progress through hooks', async () => {
    const hooks = recorder();
    const outcome = await trainModels(binaryData(100), config({ epochs: 4 }), hooks);

    expect(hooks.started).toEqual(['baseline', 'linear', 'mlp']);
    expect(hooks.finished).toEqual(outcome.models);
    const mlpEpochs = hooks.epochs.filter(e => e.modelId === 'mlp');
    expect(mlpEpochs.map(e => e.epoch)).toEqual([1, 2, 3, 4]);
    expect(mlpEpochs.every(e => e.epochs === 4 && e.valLoss !== null)).toBe(true);
    const mlp = byId(outcome.models, 'mlp');
    expect(mlp.history).toHaveLength(4);
    expect(mlp.trainMs).toBeGreaterThan(0);
    expect(mlp.hyperparameters).toEqual({
      layers: 2,
      units: 32,
      activation: 'relu, softmax',
      optimizer: 'adam',
      learningRate: 0.05,
      epochs: 4,
      batchSize: 32
    });
  });

  it('should stop early and restore the best weights', async () => {
    const outcome = await trainModels(
      binaryData(100),
      config({ models: ['linear'], epochs: 200, learningRate: 0.5 }),
      recorder()
    );

    const history = outcome.models[0].history;
    expect(history.length).toBeLessThan(200);
    const losses = history.map(h => h.valLoss as number);
    const bestEpoch = losses.indexOf(Math.min(...losses)) + 1;
    expect(history.length - bestEpoch).toBe(5);
    // The restored weights are the best epoch's, so the validation log loss
    // equals that epoch's validation cross-entropy.
    const logLoss = outcome.models[0].metrics.log_loss;
    expect(Math.abs(logLoss - Math.min(...losses))).toBeLessThan(1e-4);
  });

  it('should reject mismatched array lengths', async () => {
    const data = binaryData(50);
    data.trainRows += 1;
    await expect(trainModels(data, config(), recorder())).rejects.toThrow(
      /xTrain has 80 values, expected 82/
    );
  });
});
