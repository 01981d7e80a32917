import * as fs from 'fs';
import * as path from 'path';

import { precisionRecallCurve, rocCurve } from '../../src/plots';

interface ICurveCase {
  name: string;
  positive: boolean[];
  scores: number[];
  roc?: { fpr: number[]; tpr: number[]; thresholds: Array<number | null>; auc: number };
  pr?: { precision: number[]; recall: number[]; thresholds: number[]; averagePrecision: number };
}

const FIXTURE = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'curves.json'), 'utf8')
) as {
  sklearn: string;
  cases: ICurveCase[];
  multiclass: { labels: number[]; proba: number[][]; macroAuc: number };
};

function expectClose(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 12));
}

describe('rocCurve', () => {
  it.each(FIXTURE.cases.map(item => [item.name, item] as const))('should match scikit-learn on %s', (_name, item) => {
    const curve = rocCurve(item.positive, item.scores);

    if (item.roc === undefined) {
      expect(curve).toBeNull();
      return;
    }
    expect(curve).not.toBeNull();
    expectClose(curve!.fpr, item.roc.fpr);
    expectClose(curve!.tpr, item.roc.tpr);
    expect(curve!.thresholds[0]).toBe(Infinity);
    expectClose(curve!.thresholds.slice(1), item.roc.thresholds.slice(1) as number[]);
    expect(curve!.auc).toBeCloseTo(item.roc.auc, 12);
  });

  it('should match the one-vs-rest macro AUC', () => {
    const { labels, proba, macroAuc } = FIXTURE.multiclass;
    const aucs = [0, 1, 2].map(c => rocCurve(labels.map(label => label === c), proba.map(row => row[c]))!.auc);

    expect(aucs.reduce((sum, value) => sum + value, 0) / 3).toBeCloseTo(macroAuc, 12);
  });

  it('should reject mismatched lengths and non-finite scores', () => {
    expect(() => rocCurve([true, false], [0.5])).toThrow(/one score per row/);
    expect(() => rocCurve([true, false], [0.5, NaN])).toThrow(/not a finite number/);
  });
});

describe('precisionRecallCurve', () => {
  it.each(FIXTURE.cases.map(item => [item.name, item] as const))('should match scikit-learn on %s', (_name, item) => {
    const curve = precisionRecallCurve(item.positive, item.scores);

    if (item.pr === undefined) {
      expect(curve).toBeNull();
      return;
    }
    expect(curve).not.toBeNull();
    expectClose(curve!.precision, item.pr.precision);
    expectClose(curve!.recall, item.pr.recall);
    expectClose(curve!.thresholds, item.pr.thresholds);
    expect(curve!.averagePrecision).toBeCloseTo(item.pr.averagePrecision, 12);
  });

  it('should cover ties and both undefined cases', () => {
    const names = FIXTURE.cases.map(item => item.name);

    expect(names).toEqual(expect.arrayContaining(['ties', 'all scores equal', 'no positive', 'no negative']));
    expect(FIXTURE.sklearn).toMatch(/^1\./);
  });
});
