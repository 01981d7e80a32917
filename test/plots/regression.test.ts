import { MAX_SCATTER_POINTS, predictedVsActualFigure, residualsFigure } from '../../src/plots';
import { expectLiteral, expectStrictJson, HOSTILE_LABELS, valuePredictions } from './helpers';

type Trace = Record<string, any>;

describe('predictedVsActualFigure', () => {
  it('should plot predictions with the y = x line', () => {
    const predictions = valuePredictions(50);
    const figure = predictedVsActualFigure({ modelName: 'MLP', target: 'price', predictions });

    const [scatter, line] = figure.data as Trace[];
    expect(scatter.x).toEqual(predictions.actual);
    expect(scatter.y).toEqual(predictions.predicted);
    expect(scatter.customdata).toEqual(predictions.rows);
    expect(line.x).toEqual(line.y);
    const all = [...predictions.actual, ...predictions.predicted];
    expect(line.x).toEqual([Math.min(...all), Math.max(...all)]);
    expectStrictJson(figure);
  });

  it('should downsample large scatters', () => {
    const predictions = valuePredictions(9000);
    const input = { modelName: 'MLP', target: 'price', predictions };

    const figure = predictedVsActualFigure(input);

    const scatter = figure.data[0] as Trace;
    expect(scatter.x).toHaveLength(MAX_SCATTER_POINTS);
    // Each kept point is still a pair of the same row.
    scatter.customdata.forEach((row: number, i: number) => {
      expect(scatter.x[i]).toBe(predictions.actual[row]);
      expect(scatter.y[i]).toBe(predictions.predicted[row]);
    });
    expect(predictedVsActualFigure(input)).toEqual(figure);
  });

  it('should write null for non-finite values', () => {
    const predictions = { rows: [0, 1, 2], actual: [1, 2, 3], predicted: [1, NaN, Infinity] };

    const figure = predictedVsActualFigure({ modelName: 'MLP', target: 'y', predictions });

    expect((figure.data[0] as Trace).y).toEqual([1, null, null]);
    expect((figure.data[1] as Trace).x).toEqual([1, 3]);
    expectStrictJson(figure);
  });

  it('should escape the target and model name', () => {
    const figure = predictedVsActualFigure({
      modelName: HOSTILE_LABELS[1],
      target: HOSTILE_LABELS[0],
      predictions: valuePredictions(5)
    });

    expectLiteral((figure.layout.xaxis as Trace).title.text, `Actual ${HOSTILE_LABELS[0]}`);
    expectLiteral((figure.layout.title as Trace).text, `Predicted vs actual: ${HOSTILE_LABELS[1]}`);
    for (const trace of figure.data as Trace[]) {
      expect(trace.hovertemplate ?? '').not.toContain('img');
    }
  });
});

describe('residualsFigure', () => {
  it('should plot actual minus predicted', () => {
    const predictions = valuePredictions(40);
    const figure = residualsFigure({ modelName: 'MLP', target: 'price', predictions });

    const [scatter, zero] = figure.data as Trace[];
    expect(scatter.x).toEqual(predictions.predicted);
    scatter.y.forEach((residual: number, i: number) =>
      expect(residual).toBeCloseTo(predictions.actual[i] - predictions.predicted[i], 10)
    );
    expect(zero.y).toEqual([0, 0]);
    expect(zero.x).toEqual([Math.min(...predictions.predicted), Math.max(...predictions.predicted)]);
    expectStrictJson(figure);
  });

  it('should handle no rows', () => {
    const figure = residualsFigure({ modelName: 'MLP', target: 'y', predictions: { rows: [], actual: [], predicted: [] } });

    expect(figure.data).toHaveLength(1);
    expectStrictJson(figure);
  });
});
