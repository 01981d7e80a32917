import {
  confusionMatrixFigure,
  DEFAULT_THEME,
  escapePlotlyText,
  MAX_CURVE_POINTS,
  precisionRecallCurve,
  precisionRecallFigure,
  rocCurve,
  rocFigure
} from '../../src/plots';
import { classPredictions, expectLiteral, expectStrictJson, HOSTILE_LABELS } from './helpers';

type Trace = Record<string, any>;

describe('confusionMatrixFigure', () => {
  const predictions = {
    rows: [0, 1, 2, 3, 4, 5],
    actual: [0, 0, 1, 1, 2, 2],
    predicted: [0, 1, 1, 1, 2, 0]
  };

  it('should count actual by predicted', () => {
    const figure = confusionMatrixFigure({ modelName: 'MLP', classes: ['a', 'b', 'c'], predictions });

    const heatmap = figure.data[0] as Trace;
    expect(heatmap.type).toBe('heatmap');
    expect(heatmap.z).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 1]
    ]);
    expect(heatmap.text).toEqual([
      ['1', '1', '0'],
      ['0', '2', '0'],
      ['1', '0', '1']
    ]);
    expect(heatmap.texttemplate).toBe('%{text}');
    expect(heatmap.x).toEqual(['a', 'b', 'c']);
    expect(heatmap.y).toEqual(['a', 'b', 'c']);
    expectStrictJson(figure);
  });

  it('should keep numeric labels as categories', () => {
    const figure = confusionMatrixFigure({ modelName: 'MLP', classes: ['1', '2', '10'], predictions });

    expect((figure.layout.xaxis as Trace).type).toBe('category');
    expect((figure.layout.yaxis as Trace).type).toBe('category');
    expect((figure.layout.yaxis as Trace).autorange).toBe('reversed');
  });

  it('should escape labels and model name', () => {
    const classes = HOSTILE_LABELS.slice(0, 3);
    const figure = confusionMatrixFigure({ modelName: HOSTILE_LABELS[0], classes, predictions });

    const heatmap = figure.data[0] as Trace;
    heatmap.x.forEach((label: string, i: number) => expectLiteral(label, classes[i]));
    heatmap.y.forEach((label: string, i: number) => expectLiteral(label, classes[i]));
    const title = (figure.layout.title as Trace).text;
    expectLiteral(title, `Confusion matrix: ${HOSTILE_LABELS[0]}`);
    expect(heatmap.hovertemplate).not.toContain('img');
  });

  it('should use the theme', () => {
    const theme = { ...DEFAULT_THEME, fontFamily: 'Test Sans', paperColor: '#111111', colorway: ['#abcdef'] };
    const figure = confusionMatrixFigure({ modelName: 'MLP', classes: ['a', 'b', 'c'], predictions }, { theme });

    expect((figure.layout.font as Trace).family).toBe('Test Sans');
    expect(figure.layout.paper_bgcolor).toBe('#111111');
    expect((figure.data[0] as Trace).colorscale[1][1]).toBe('#abcdef');
  });

  it('should translate every text', () => {
    const translate = (text: string, ...args: Array<string | number>) => `T(${text})[${args.join('|')}]`;
    const figure = confusionMatrixFigure({ modelName: 'M', classes: ['a', 'b', 'c'], predictions }, { translate });

    expect((figure.layout.title as Trace).text).toBe('T(Confusion matrix: &#37;1)[M]');
    expect((figure.layout.xaxis as Trace).title.text).toBe('T(Predicted class)[]');
    expect((figure.layout.yaxis as Trace).title.text).toBe('T(Actual class)[]');
    expect((figure.data[0] as Trace).hovertemplate).toContain('T(Rows)[]');
  });
});

describe('rocFigure', () => {
  it('should draw the positive class for two classes', () => {
    const predictions = classPredictions(300, 2);
    const figure = rocFigure({ modelName: 'MLP', classes: ['no', 'yes'], predictions })!;

    const expected = rocCurve(
      predictions.actual.map(label => label === 1),
      predictions.probabilities!.map(row => row[1])
    )!;
    expect(figure.data).toHaveLength(2);
    const [curve, chance] = figure.data as Trace[];
    expect(curve.name).toBe(`yes (AUC ${expected.auc.toFixed(3)})`);
    expect(curve.x[0]).toBe(0);
    expect(curve.x[curve.x.length - 1]).toBe(1);
    expect(curve.x.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
    expect(chance.x).toEqual([0, 1]);
    expect(chance.y).toEqual([0, 1]);
    expectStrictJson(figure);
  });

  it('should draw one curve per class for three', () => {
    const predictions = classPredictions(120, 3);
    const figure = rocFigure({ modelName: 'MLP', classes: ['a', 'b', 'c'], predictions })!;

    const names = (figure.data as Trace[]).map(trace => trace.name);
    expect(names).toHaveLength(4);
    expect(names.slice(0, 3).map(name => name.split(' ')[0])).toEqual(['a', 'b', 'c']);
    expect(names[3]).toBe('Chance');
    for (const name of names.slice(0, 3)) {
      expect(name).toMatch(/ \(AUC 0\.\d{3}\)$/);
    }
  });

  it('should downsample long curves deterministically', () => {
    const predictions = classPredictions(5000, 2, 7);
    const input = { modelName: 'MLP', classes: ['no', 'yes'], predictions };

    const figure = rocFigure(input)!;

    const curve = figure.data[0] as Trace;
    expect(curve.x.length).toBe(MAX_CURVE_POINTS);
    expect(rocFigure(input)).toEqual(figure);
  });

  it('should skip undefined classes', () => {
    const predictions = { rows: [0, 1], actual: [0, 0], predicted: [0, 0], probabilities: [[0.9, 0.1], [0.8, 0.2]] };

    expect(rocFigure({ modelName: 'MLP', classes: ['no', 'yes'], predictions })).toBeNull();
    expect(rocFigure({ modelName: 'MLP', classes: ['no', 'yes'], predictions: { ...predictions, probabilities: undefined } })).toBeNull();
  });

  it('should escape class labels in the legend', () => {
    const classes = HOSTILE_LABELS.slice(0, 3);
    const figure = rocFigure({ modelName: HOSTILE_LABELS[3], classes, predictions: classPredictions(90, 3) })!;

    (figure.data as Trace[]).slice(0, 3).forEach((trace, i) => {
      const visible = trace.name.replace(/ \(AUC 0\.\d{3}\)$/, '');
      expect(visible).toBe(escapePlotlyText(classes[i]));
      expectLiteral(visible, classes[i]);
    });
    expectLiteral((figure.layout.title as Trace).text, `ROC curve: ${HOSTILE_LABELS[3]}`);
  });
});

describe('precisionRecallFigure', () => {
  it('should report average precision per class', () => {
    const predictions = classPredictions(200, 3, 4);
    const figure = precisionRecallFigure({ modelName: 'MLP', classes: ['a', 'b', 'c'], predictions })!;

    expect(figure.data).toHaveLength(3);
    (figure.data as Trace[]).forEach((trace, c) => {
      const expected = precisionRecallCurve(
        predictions.actual.map(label => label === c),
        predictions.probabilities!.map(row => row[c])
      )!;
      expect(trace.name).toBe(`${['a', 'b', 'c'][c]} (AP ${expected.averagePrecision.toFixed(3)})`);
      expect(trace.x.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
      expect(trace.x[trace.x.length - 1]).toBe(0);
      expect(trace.y[trace.y.length - 1]).toBe(1);
    });
    expectStrictJson(figure);
  });

  it('should draw only the positive class for two', () => {
    const figure = precisionRecallFigure({ modelName: 'MLP', classes: ['no', 'yes'], predictions: classPredictions(50, 2) })!;

    expect(figure.data).toHaveLength(1);
    expect((figure.data[0] as Trace).name).toMatch(/^yes \(AP /);
  });
});
