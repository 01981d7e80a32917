import {
  classificationMetrics,
  regressionMetrics
} from '../../src/engine/metrics';
import fixtures from '../fixtures/metrics.json';

interface IClassificationCase {
  name: string;
  kind: 'classification';
  k: number;
  yTrue: number[];
  proba: number[];
  expected: Record<string, number | number[][]>;
}

interface IRegressionCase {
  name: string;
  kind: 'regression';
  yTrue: number[];
  yPred: number[];
  expected: Record<string, number>;
}

const cases = fixtures.cases as unknown as Array<IClassificationCase | IRegressionCase>;
const classificationCases = cases.filter(
  (c): c is IClassificationCase => c.kind === 'classification'
);
const regressionCases = cases.filter(
  (c): c is IRegressionCase => c.kind === 'regression'
);

/** Relative tolerance for large values, absolute 1e-6 for small ones. */
function expectClose(actual: number | undefined, expected: number): void {
  expect(actual).toBeDefined();
  const tolerance = 1e-6 * Math.max(1, Math.abs(expected));
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance);
}

describe('classificationMetrics', () => {
  it.each(classificationCases.map(c => [c.name, c]))(
    'should match scikit-learn on %s',
    (_name, testCase) => {
      const c = testCase as IClassificationCase;
      const actual = classificationMetrics(c.yTrue, new Float32Array(c.proba), c.k);
      const numeric = [
        'accuracy',
        'balanced_accuracy',
        'f1_macro',
        'log_loss',
        'roc_auc'
      ];

      for (const key of numeric) {
        const expected = c.expected[key] as number | undefined;
        const value = (actual as unknown as Record<string, number | undefined>)[key];
        if (expected === undefined) {
          expect(value).toBeUndefined();
        } else {
          expectClose(value, expected);
        }
      }
      expect(actual.confusion).toEqual(c.expected.confusion);
    }
  );

  it('should leave out roc_auc with one class', () => {
    const proba = new Float32Array([0.8, 0.2, 0.6, 0.4]);
    const actual = classificationMetrics([0, 0], proba, 2);
    expect(actual.roc_auc).toBeUndefined();
    expect(actual.accuracy).toBe(1);
  });

  it('should leave out values from NaN probabilities', () => {
    const proba = new Float32Array([NaN, NaN, 0.3, 0.7]);
    const actual = classificationMetrics([0, 1], proba, 2);
    expect(actual.roc_auc).toBeUndefined();
    expect(actual.log_loss).toBeUndefined();
  });

  it('should return only the confusion matrix for no rows', () => {
    const actual = classificationMetrics([], new Float32Array(0), 3);
    expect(actual).toEqual({ confusion: [[0, 0, 0], [0, 0, 0], [0, 0, 0]] });
  });

  it('should reject a class index out of range', () => {
    expect(() => classificationMetrics([2], new Float32Array([0.5, 0.5]), 2)).toThrow(
      /class index 2/
    );
  });

  it('should reject a probability array of the wrong length', () => {
    expect(() => classificationMetrics([0, 1], new Float32Array(3), 2)).toThrow(
      /Expected 4 probabilities/
    );
  });
});

describe('regressionMetrics', () => {
  it.each(regressionCases.map(c => [c.name, c]))(
    'should match scikit-learn on %s',
    (_name, testCase) => {
      const c = testCase as IRegressionCase;
      const actual = regressionMetrics(c.yTrue, c.yPred);
      expectClose(actual.rmse, c.expected.rmse);
      expectClose(actual.mae, c.expected.mae);
      expectClose(actual.r2, c.expected.r2);
    }
  );

  it('should leave out r2 for one row', () => {
    const actual = regressionMetrics([3], [1]);
    expect(actual.r2).toBeUndefined();
    expect(actual.rmse).toBe(2);
    expect(actual.mae).toBe(2);
  });

  it('should drop metrics that are not finite', () => {
    const actual = regressionMetrics([1, 2], [Infinity, 2]);
    expect(actual).toEqual({});
  });
});
