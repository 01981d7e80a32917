import { setupBackend } from '../../src/engine/backend';
import { figuresFor } from '../../src/plots';
import { configFor, readText, runPipeline } from '../engine/helpers';
import {
  classPredictions,
  expectLiteral,
  expectStrictJson,
  HOSTILE_LABELS,
  modelResult,
  runResult,
  stringsIn,
  valuePredictions
} from './helpers';

type Trace = Record<string, any>;

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

describe('figuresFor', () => {
  const history = [
    { epoch: 1, loss: 1, valLoss: 1.1 },
    { epoch: 2, loss: 0.5, valLoss: 0.6 }
  ];
  const importance = [{ feature: 'x', importance: 0.2, std: 0.01 }];

  it('should list classification figures', () => {
    const model = modelResult({ history, importance, predictions: classPredictions(60, 3) });
    const result = runResult('classification', [model], { classes: ['a', 'b', 'c'] });

    const entries = figuresFor(result, 'mlp');

    expect(entries.map(entry => entry.id)).toEqual([
      'learning-curve',
      'confusion-matrix',
      'roc',
      'precision-recall',
      'importance'
    ]);
    expect(entries.map(entry => entry.title)).toEqual([
      'Learning curve',
      'Confusion matrix',
      'ROC curve',
      'Precision-recall curve',
      'Permutation importance'
    ]);
    entries.forEach(entry => expectStrictJson(entry.figure));
  });

  it('should list regression figures', () => {
    const model = modelResult({ id: 'forest', name: 'Random forest', importance, predictions: valuePredictions(30) });

    const entries = figuresFor(runResult('regression', [model]), 'forest');

    expect(entries.map(entry => entry.id)).toEqual(['predicted-vs-actual', 'residuals', 'importance']);
  });

  it('should return nothing for a failed or missing model', () => {
    const failed = modelResult({ status: 'failed', history, predictions: valuePredictions(5) });
    const result = runResult('regression', [failed]);

    expect(figuresFor(result, 'mlp')).toEqual([]);
    expect(figuresFor(result, 'linear')).toEqual([]);
  });

  it('should fall back to class counts for labels', () => {
    const model = modelResult({ predictions: classPredictions(20, 2) });
    const result = runResult('classification', [model], {
      classCounts: { train: { cat: 5, dog: 5 }, validation: { cat: 10, dog: 10 } }
    });

    const matrix = figuresFor(result, 'mlp').find(entry => entry.id === 'confusion-matrix')!;

    expect((matrix.figure.data[0] as Trace).x).toEqual(['cat', 'dog']);
  });

  it('should show hostile labels literally everywhere', () => {
    const model = modelResult({
      name: HOSTILE_LABELS[0],
      history,
      importance: HOSTILE_LABELS.map((feature, i) => ({ feature, importance: i, std: 0 })),
      predictions: classPredictions(80, 3)
    });
    const classes = HOSTILE_LABELS.slice(0, 3);
    const result = runResult('classification', [model], { classes, target: HOSTILE_LABELS[1] });

    const entries = figuresFor(result, 'mlp');

    for (const entry of entries) {
      for (const [path, text] of stringsIn(entry.figure)) {
        if (path.endsWith('.hovertemplate') || path.endsWith('.texttemplate')) {
          // Only the builders' own markup: line breaks, placeholders, <extra>.
          expect([path, text.replace(/<br>|<\/?extra>|%\{[a-z]+(:[.\d\w]+)?\}/g, '')]).not.toEqual([
            path,
            expect.stringMatching(/[<>]|%\{/)
          ]);
        } else {
          expect([path, text]).not.toEqual([path, expect.stringMatching(/[<>$]|%\{/)]);
        }
      }
    }
    const matrix = entries.find(entry => entry.id === 'confusion-matrix')!.figure;
    (matrix.data[0] as Trace).x.forEach((label: string, i: number) => expectLiteral(label, classes[i]));
  });
});

describe('figuresFor on engine results', () => {
  it('should draw a real classification run', async () => {
    const config = configFor(PENGUINS, 'species', 'classification', { models: ['baseline', 'mlp', 'forest'], epochs: 4 });
    const { result } = await runPipeline(PENGUINS, config);

    const byModel = Object.fromEntries(
      result!.models.map(model => [model.id, figuresFor(result!, model.id).map(entry => entry.id)])
    );

    expect(byModel.mlp).toEqual(['learning-curve', 'confusion-matrix', 'roc', 'precision-recall', 'importance']);
    expect(byModel.forest).toEqual(['confusion-matrix', 'roc', 'precision-recall', 'importance']);
    expect(byModel.baseline).toContain('confusion-matrix');
    const matrix = figuresFor(result!, 'mlp')[1].figure.data[0] as Trace;
    const total = matrix.z.flat().reduce((sum: number, count: number) => sum + count, 0);
    expect(total).toBe(result!.validationRows);
    for (const model of result!.models) {
      figuresFor(result!, model.id).forEach(entry => expectStrictJson(entry.figure));
    }
  });

  it('should draw a real regression run', async () => {
    const config = configFor(PENGUINS, 'body_mass_g', 'regression', { models: ['linear'], epochs: 4 });
    const { result } = await runPipeline(PENGUINS, config);

    const entries = figuresFor(result!, 'linear');

    expect(entries.map(entry => entry.id)).toEqual([
      'learning-curve',
      'predicted-vs-actual',
      'residuals',
      'importance'
    ]);
    const scatter = entries[1].figure.data[0] as Trace;
    // Body mass is in grams, so the values are in the file's units.
    expect(Math.min(...scatter.x)).toBeGreaterThan(2000);
    entries.forEach(entry => expectStrictJson(entry.figure));
  });
});
