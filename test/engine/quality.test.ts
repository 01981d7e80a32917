/**
 * Quality on real data: the penguins example (344 rows, Palmer Station,
 * Antarctica). Published classifiers reach at least 0.95 accuracy on
 * species from these measurements.
 */
import { setupBackend } from '../../src/engine/backend';
import { bestMetric, configFor, readText, runPipeline } from './helpers';

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

describe('training quality', () => {
  it('should classify penguin species', async () => {
    const config = configFor(PENGUINS, 'species', 'classification');

    const { result } = await runPipeline(PENGUINS, config);

    expect(config.models).toEqual(['baseline', 'linear', 'mlp']);
    expect(bestMetric(result, 'accuracy')).toBeGreaterThanOrEqual(0.95);
    expect(bestMetric(result, 'balanced_accuracy')).toBeGreaterThanOrEqual(0.95);
  });

  it('should classify penguin sex', async () => {
    // Rows with a missing sex are dropped by the data step.
    const config = configFor(PENGUINS, 'sex', 'classification');

    const { result } = await runPipeline(PENGUINS, config);

    expect(result!.droppedTargetRows).toBe(11);
    expect(bestMetric(result, 'accuracy')).toBeGreaterThanOrEqual(0.85);
    expect(bestMetric(result, 'roc_auc')).toBeGreaterThanOrEqual(0.9);
  });

  it('should classify a file sorted by target', async () => {
    const text = readText('test/fixtures/cases/20-sorted-target-validation-split.csv');
    const config = configFor(text, 'bought', 'classification', { learningRate: 0.05 });

    const { result } = await runPipeline(text, config);

    expect(result!.classCounts!.validation).toEqual({ no: 4, yes: 2 });
    expect(bestMetric(result, 'accuracy')).toBe(1);
  });

  it('should predict penguin body mass', async () => {
    const config = configFor(PENGUINS, 'body_mass_g', 'regression');

    const { result } = await runPipeline(PENGUINS, config);

    expect(bestMetric(result, 'r2')).toBeGreaterThanOrEqual(0.7);
    // Body mass spans about 2700 to 6300 g, so the error is in grams.
    expect(bestMetric(result, 'rmse')).toBeLessThan(450);
    expect(result!.models.find(model => model.id === 'baseline')!.metrics.r2).toBeLessThan(0.05);
  });

  it('should predict body mass with the forest', async () => {
    const config = configFor(PENGUINS, 'body_mass_g', 'regression', { models: ['forest'] });

    const { result } = await runPipeline(PENGUINS, config);

    expect(result!.models[0].status).toBe('succeeded');
    expect(result!.models[0].metrics.r2).toBeGreaterThanOrEqual(0.7);
  });
});
