import { FOREST_MAX_CELLS } from '../../src/core/config';
import { IModelResult, ModelId } from '../../src/core/types';
import { setupBackend } from '../../src/engine/backend';
import { featuresPerTree } from '../../src/engine/forest';
import { MODEL_CATALOGUE } from '../../src/engine/models';
import { configFor, readText, runPipeline } from './helpers';

const PENGUINS = readText('examples/penguins.csv');
const ALL_MODELS: ModelId[] = ['baseline', 'linear', 'mlp', 'mlp-wide', 'forest'];

let warn: jest.SpyInstance;

beforeAll(async () => {
  // The cpu backend suggests installing tfjs-node on its first use in Node.
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  await setupBackend('cpu');
});

afterAll(() => {
  warn.mockRestore();
});

function byId(models: IModelResult[], id: ModelId): IModelResult {
  const model = models.find(item => item.id === id);
  expect(model).toBeDefined();
  return model!;
}

describe('MODEL_CATALOGUE', () => {
  it.each(ALL_MODELS)('should describe %s in one line', id => {
    const entry = MODEL_CATALOGUE[id];

    expect(entry.name.length).toBeGreaterThan(0);
    expect(entry.name.length).toBeLessThanOrEqual(20);
    expect(entry.description).not.toContain('\n');
    expect(entry.description.length).toBeLessThanOrEqual(200);
  });
});

describe('featuresPerTree', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 2],
    [5, 3],
    [14, 7],
    [100, 50]
  ])('should map width %i to %i', (width, expected) => {
    expect(featuresPerTree(width)).toBe(expected);
  });
});

describe('every model on penguins', () => {
  let first: Awaited<ReturnType<typeof runPipeline>>;
  let second: Awaited<ReturnType<typeof runPipeline>>;

  beforeAll(async () => {
    const config = configFor(PENGUINS, 'species', 'classification', { models: ALL_MODELS, epochs: 10 });
    first = await runPipeline(PENGUINS, config);
    second = await runPipeline(PENGUINS, config);
  });

  it('should train the forest with finite metrics', () => {
    const forest = byId(first.result!.models, 'forest');

    expect(forest.status).toBe('succeeded');
    expect(Object.keys(forest.metrics)).toEqual(
      expect.arrayContaining(['accuracy', 'balanced_accuracy', 'f1_macro', 'roc_auc', 'log_loss'])
    );
    for (const value of Object.values(forest.metrics)) {
      expect(Number.isFinite(value)).toBe(true);
    }
    expect(forest.metrics.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(forest.metrics.roc_auc).toBeGreaterThanOrEqual(0.98);
    expect(forest.history).toEqual([]);
  });

  it('should record the hyperparameters', () => {
    const models = first.result!.models;

    expect(byId(models, 'forest').hyperparameters).toMatchObject({
      trees: 50,
      maxFeatures: 'half per tree',
      maxCells: FOREST_MAX_CELLS
    });
    expect(byId(models, 'forest').hyperparameters.featuresPerTree).toBeGreaterThanOrEqual(2);
    expect(byId(models, 'mlp-wide').hyperparameters).toMatchObject({
      layers: 3,
      units: '64, 32',
      activation: 'relu, relu, softmax',
      epochs: 10
    });
    expect(byId(models, 'mlp').hyperparameters).toMatchObject({ layers: 2, units: 32 });
  });

  it('should train the wide MLP', () => {
    const wide = byId(first.result!.models, 'mlp-wide');

    expect(wide.status).toBe('succeeded');
    expect(wide.name).toBe('Wide MLP');
    expect(wide.metrics.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(wide.history.length).toBeGreaterThan(0);
  });

  it.each(ALL_MODELS)('should repeat the metrics of %s for one seed', id => {
    const a = byId(first.result!.models, id);
    const b = byId(second.result!.models, id);

    expect(b.metrics).toEqual(a.metrics);
    expect(b.history).toEqual(a.history);
  });

  it('should release every tensor', () => {
    expect(first.result!.tensorsAfter).toBe(first.result!.tensorsBefore);
  });
});

describe('forest size limit', () => {
  it('should skip a large forest and train the others', async () => {
    // 400 rows of 20 features: 320 training rows × 20 = 6400 cells, above the limit.
    const features = Array.from({ length: 20 }, (_, j) => `x${j}`);
    const header = [...features, 'y'].join(',');
    const lines = Array.from({ length: 400 }, (_, i) => {
      const values = Array.from({ length: 20 }, (_, j) => ((i * (j + 3)) % 17) / 17);
      return [...values, values[0] + values[1] > 1 ? 'yes' : 'no'].join(',');
    });
    const text = [header, ...lines].join('\n');
    const config = configFor(text, 'y', 'classification', {
      features,
      models: ['baseline', 'forest', 'linear'],
      epochs: 3
    });

    const { result } = await runPipeline(text, config);

    const forest = byId(result!.models, 'forest');
    expect(forest.status).toBe('failed');
    expect(forest.error).toBe(
      `Random forest skipped: 320 rows × 20 features exceeds the limit of ${FOREST_MAX_CELLS} ` +
        'cells; choose fewer rows or features.'
    );
    expect(forest.metrics).toEqual({});
    expect(byId(result!.models, 'baseline').status).toBe('succeeded');
    expect(byId(result!.models, 'linear').status).toBe('succeeded');
    expect(result!.best).toBe('linear');
  });
});
