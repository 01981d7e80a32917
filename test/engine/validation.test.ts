import { IModelResult } from '../../src/core/types';
import { readCsv } from '../../src/data/csv';
import { prepareData } from '../../src/data/prepare';
import { profileTable } from '../../src/data/profile';
import { setupBackend } from '../../src/engine/backend';
import { Response } from '../../src/engine/protocol';
import { trainModels } from '../../src/engine/train';
import { kfoldFolds, mergeFoldResults } from '../../src/engine/validation';
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

/** Build a succeeded result with the given metrics, for merging. */
function foldResult(metrics: Record<string, number>, trainMs = 10): IModelResult {
  return {
    id: 'linear',
    name: 'Linear regression',
    description: '',
    status: 'succeeded',
    metrics,
    trainMs,
    hyperparameters: {},
    history: [{ epoch: 1, loss: trainMs, valLoss: null }]
  };
}

describe('kfoldFolds', () => {
  const table = readCsv(
    ['x,colour,y', '1,red,0', '2,red,1', '3,blue,0', '4,blue,1', '100,green,0', '200,green,1'].join('\n'),
    'small.csv',
    {}
  );
  const profile = profileTable(table);

  it('should fit each fold on its training rows', () => {
    const config = {
      ...configFor('x,y\n1,2', 'y', 'regression', { features: ['x', 'colour'] }),
      folds: 3
    };
    const prepared = prepareData(table, profile, config);

    const folds = kfoldFolds(table, profile, config, prepared, 3);

    expect(folds.count).toBe(3);
    for (let index = 0; index < 3; index++) {
      const data = folds.fold(index);
      expect(data.trainRows + data.validationRows).toBe(6);
      expect(data.trainRows).toBe(4);
      // Scaled training columns have mean 0 over the training rows only.
      const xColumn = Array.from({ length: data.trainRows }, (_, row) => data.xTrain[row * data.width]);
      expect(Math.abs(xColumn.reduce((sum, value) => sum + value, 0))).toBeLessThan(1e-5);
      const yMean = Array.from(data.yTrain).reduce((sum, value) => sum + value, 0) / data.trainRows;
      expect(Math.abs(yMean)).toBeLessThan(1e-6);
    }
  });

  it('should validate every row once', () => {
    const config = { ...configFor('x,y\n1,2', 'y', 'classification', { features: ['x'] }), folds: 3 };
    const prepared = prepareData(table, profile, config);

    const folds = kfoldFolds(table, profile, config, prepared, 3);

    const validated = folds.summaries.reduce((sum, fold) => sum + fold.validationRows, 0);
    expect(validated).toBe(6);
    for (const summary of folds.summaries) {
      expect(summary.classCounts!.validation).toEqual({ '0': 1, '1': 1 });
      expect(summary.classCounts!.train).toEqual({ '0': 2, '1': 2 });
    }
  });

  it('should reject more folds than rows', () => {
    const config = { ...configFor('x,y\n1,2', 'y', 'classification', { features: ['x'] }), folds: 7 };
    const prepared = prepareData(table, profile, config);

    expect(() => kfoldFolds(table, profile, config, prepared, 7)).toThrow('Cannot make 7 folds of 6 rows');
  });
});

describe('kfoldFolds with rare classes', () => {
  // 'a' and 'b' have 6 rows each, 'c' and 'd' one each.
  const text = [
    'x,label',
    ...Array.from({ length: 12 }, (_, i) => `${(i * 7) % 13 + 0.5},${i % 2 === 0 ? 'a' : 'b'}`),
    '3.25,c',
    '8.75,d'
  ].join('\n');
  const table = readCsv(text, 'rare.csv', {});
  const profile = profileTable(table);

  it.each(['merge', 'drop'] as const)('should keep class indices when rare classes %s', mode => {
    const config = {
      ...configFor(text, 'label', 'classification', { features: ['x'] }),
      folds: 2,
      rareClasses: mode
    };
    const prepared = prepareData(table, profile, config);

    const folds = kfoldFolds(table, profile, config, prepared, 2);

    for (let index = 0; index < 2; index++) {
      const data = folds.fold(index);
      const labels = [...data.yTrain, ...data.yValidation];
      expect(labels.every(Number.isInteger)).toBe(true);
      expect(Math.max(...labels)).toBe(prepared.data.classes.length - 1);
    }
  });
});

describe('mergeFoldResults', () => {
  it('should average the metrics of the folds', () => {
    const merged = mergeFoldResults(
      [foldResult({ rmse: 1, r2: 0.5 }, 10), foldResult({ rmse: 3, r2: 0.7 }, 20)],
      35
    );

    expect(merged.metrics.rmse).toBe(2);
    expect(merged.metrics.r2).toBeCloseTo(0.6, 12);
    expect(merged.metricsStd!.rmse).toBe(1);
    expect(merged.metricsStd!.r2).toBeCloseTo(0.1, 12);
    expect(merged.foldMetrics).toEqual([
      { rmse: 1, r2: 0.5 },
      { rmse: 3, r2: 0.7 }
    ]);
    expect(merged.trainMs).toBe(35);
    expect(merged.history).toEqual([{ epoch: 1, loss: 10, valLoss: null }]);
  });

  it('should average a metric over the folds that define it', () => {
    const merged = mergeFoldResults([foldResult({ accuracy: 1, roc_auc: 0.8 }), foldResult({ accuracy: 0.5 })], 1);

    expect(merged.metrics.roc_auc).toBe(0.8);
    expect(merged.metricsStd!.roc_auc).toBe(0);
    expect(merged.metrics.accuracy).toBe(0.75);
  });
});

describe('k-fold training', () => {
  let messages: Response[];
  let result: Awaited<ReturnType<typeof runPipeline>>['result'];

  beforeAll(async () => {
    const config = configFor(PENGUINS, 'species', 'classification', {
      folds: 5,
      models: ['baseline', 'linear'],
      epochs: 15
    });
    ({ messages, result } = await runPipeline(PENGUINS, config));
  });

  it('should record the metrics of each fold', () => {
    const linear = result!.models.find(model => model.id === 'linear')!;

    expect(linear.status).toBe('succeeded');
    expect(linear.foldMetrics).toHaveLength(5);
    const accuracies = linear.foldMetrics!.map(metrics => metrics.accuracy);
    const mean = accuracies.reduce((sum, value) => sum + value, 0) / 5;
    expect(linear.metrics.accuracy).toBeCloseTo(mean, 12);
    expect(linear.metrics.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(linear.metricsStd!.accuracy).toBeGreaterThanOrEqual(0);
    expect(linear.metricsStd!.accuracy).toBeLessThan(0.1);
  });

  it('should report class counts per fold', () => {
    const folds = result!.folds!;

    expect(folds).toHaveLength(5);
    const adelie = folds.map(fold => fold.classCounts!.validation.Adelie);
    expect(adelie.reduce((sum, count) => sum + count, 0)).toBe(152);
    expect(Math.max(...adelie) - Math.min(...adelie)).toBeLessThanOrEqual(1);
    for (const fold of folds) {
      expect(fold.trainRows + fold.validationRows).toBe(344);
    }
    expect(result!.classCounts).toEqual(folds[0].classCounts);
    expect(result!.trainRows).toBe(folds[0].trainRows);
  });

  it('should label epochs with their fold', () => {
    const started = messages.find(message => message.type === 'run-started');
    const epochs = messages.filter(message => message.type === 'epoch-ended');

    expect(started).toMatchObject({ folds: 5 });
    expect(epochs.length).toBeGreaterThan(0);
    for (const epoch of epochs) {
      expect(epoch).toMatchObject({ folds: 5 });
    }
    expect(result!.tensorsAfter).toBe(result!.tensorsBefore);
  });

});

describe('k-fold regression', () => {
  it('should report metrics in grams', async () => {
    const config = configFor(PENGUINS, 'body_mass_g', 'regression', {
      folds: 3,
      models: ['baseline', 'linear'],
      epochs: 20
    });

    const { result } = await runPipeline(PENGUINS, config);

    const [baseline, linear] = result!.models;
    expect(linear.foldMetrics).toHaveLength(3);
    expect(linear.metrics.r2).toBeGreaterThanOrEqual(0.7);
    expect(linear.metrics.rmse).toBeGreaterThan(100);
    expect(linear.metrics.rmse).toBeLessThan(450);
    expect(baseline.metrics.r2).toBeLessThanOrEqual(0);
    expect(result!.folds!.every(fold => fold.classCounts === null)).toBe(true);
    expect(result!.folds!.reduce((sum, fold) => sum + fold.validationRows, 0)).toBe(342);
  });
});

describe('trainModels', () => {
  it('should stop between folds', async () => {
    const built: number[] = [];
    const data = prepareData(
      readCsv('x,y\n1,a\n2,b\n3,a\n4,b\n5,a\n6,b', 'small.csv', {}),
      profileTable(readCsv('x,y\n1,a\n2,b\n3,a\n4,b\n5,a\n6,b', 'small.csv', {})),
      configFor('x,y\n1,2', 'y', 'classification', { features: ['x'] })
    ).data;
    const folds = {
      count: 3,
      fold: (index: number) => {
        built.push(index);
        return data;
      }
    };
    const config = configFor('x,y\n1,2', 'y', 'classification', { features: ['x'], models: ['baseline', 'linear'] });
    const finished: string[] = [];

    // The baseline polls no epochs, so after its first fold only the check between folds can stop it.
    const outcome = await trainModels(folds, config, {
      onModelStarted: () => undefined,
      onEpochEnded: () => undefined,
      onModelFinished: model => finished.push(model.id),
      shouldStop: () => built.length >= 1
    });

    expect(built).toEqual([0]);
    expect(outcome.stopped).toBe(true);
    expect(outcome.models).toEqual([]);
    expect(finished).toEqual([]);
  });
});
