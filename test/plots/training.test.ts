import { importanceFigure, learningCurveFigure, MAX_CURVE_POINTS } from '../../src/plots';
import { expectLiteral, expectStrictJson, HOSTILE_LABELS } from './helpers';

type Trace = Record<string, any>;

describe('learningCurveFigure', () => {
  it('should plot both losses per epoch', () => {
    const history = [
      { epoch: 1, loss: 0.9, valLoss: 1.0 },
      { epoch: 2, loss: 0.5, valLoss: 0.7 },
      { epoch: 3, loss: 0.3, valLoss: 0.6 }
    ];

    const figure = learningCurveFigure('MLP', history)!;

    const [training, validation] = figure.data as Trace[];
    expect(training.x).toEqual([1, 2, 3]);
    expect(training.y).toEqual([0.9, 0.5, 0.3]);
    expect(validation.y).toEqual([1.0, 0.7, 0.6]);
    expect(training.name).toBe('Training loss');
    expect(validation.name).toBe('Validation loss');
    expectStrictJson(figure);
  });

  it('should return null without history', () => {
    expect(learningCurveFigure('Random forest', [])).toBeNull();
  });

  it('should leave out validation loss when absent', () => {
    const figure = learningCurveFigure('MLP', [{ epoch: 1, loss: NaN, valLoss: null }])!;

    expect(figure.data).toHaveLength(1);
    expect((figure.data[0] as Trace).y).toEqual([null]);
    expectStrictJson(figure);
  });

  it('should downsample long histories', () => {
    const history = Array.from({ length: 1000 }, (_, i) => ({ epoch: i + 1, loss: 1 / (i + 1), valLoss: 2 / (i + 1) }));

    const figure = learningCurveFigure('MLP', history)!;

    for (const trace of figure.data as Trace[]) {
      expect(trace.x).toHaveLength(MAX_CURVE_POINTS);
      expect(trace.x[0]).toBe(1);
      expect(trace.x[MAX_CURVE_POINTS - 1]).toBe(1000);
    }
  });

  it('should escape the model name', () => {
    const figure = learningCurveFigure(HOSTILE_LABELS[0], [{ epoch: 1, loss: 1, valLoss: 1 }])!;

    expectLiteral((figure.layout.title as Trace).text, `Learning curve: ${HOSTILE_LABELS[0]}`);
  });
});

describe('importanceFigure', () => {
  const importance = [
    { feature: 'bill', importance: 0.3, std: 0.02 },
    { feature: 'island', importance: 0.1, std: 0.01 },
    { feature: 'year', importance: -0.01, std: 0.005 }
  ];

  it('should draw bars with error bars, largest on top', () => {
    const figure = importanceFigure('MLP', 'balanced_accuracy', importance)!;

    const bars = figure.data[0] as Trace;
    expect(bars.type).toBe('bar');
    expect(bars.orientation).toBe('h');
    expect(bars.y).toEqual(['year', 'island', 'bill']);
    expect(bars.x).toEqual([-0.01, 0.1, 0.3]);
    expect(bars.error_x).toEqual({ type: 'data', array: [0.005, 0.01, 0.02], visible: true });
    expect((figure.layout.xaxis as Trace).title.text).toBe('Drop in balanced_accuracy when shuffled');
    expectStrictJson(figure);
  });

  it('should keep the most important features', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ feature: `f${i}`, importance: i, std: 0 }));

    const figure = importanceFigure('MLP', 'rmse', many, { maxFeatures: 5 })!;

    expect((figure.data[0] as Trace).y).toEqual(['f45', 'f46', 'f47', 'f48', 'f49']);
    expect((figure.layout.title as Trace).text).toBe('Permutation importance: MLP (top 5 of 50 features)');
  });

  it('should escape feature names', () => {
    const hostile = HOSTILE_LABELS.map((feature, i) => ({ feature, importance: i, std: 0 }));

    const figure = importanceFigure('MLP', 'rmse', hostile)!;

    const bars = figure.data[0] as Trace;
    [...bars.y].reverse().forEach((label: string, i: number) => expectLiteral(label, HOSTILE_LABELS[HOSTILE_LABELS.length - 1 - i]));
    expect(bars.hovertemplate).not.toContain('img');
  });

  it('should return null without importance', () => {
    expect(importanceFigure('MLP', 'rmse', [])).toBeNull();
  });
});
