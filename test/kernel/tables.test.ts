import { IModelResult, IRunResult } from '../../src/core/types';
import { leaderboardTable, planTransfer, predictionsTable } from '../../src/kernel/tables';

function model(id: IModelResult['id'], extra: Partial<IModelResult>): IModelResult {
  return {
    id,
    name: id.toUpperCase(),
    description: '',
    status: 'succeeded',
    metrics: {},
    trainMs: 1500,
    hyperparameters: {},
    history: [],
    ...extra
  };
}

function run(models: IModelResult[]): IRunResult {
  return {
    task: 'classification',
    target: 'species',
    primaryMetric: 'balanced_accuracy',
    higherIsBetter: true,
    models,
    best: null,
    classCounts: null,
    trainRows: 8,
    validationRows: 2,
    skippedLines: [],
    droppedTargetRows: 0,
    classes: ['Adelie', 'Gentoo'],
    imputed: [],
    backend: 'cpu',
    tensorsBefore: 0,
    tensorsAfter: 0,
    partial: false,
    engineVersion: 'test'
  };
}

describe('leaderboardTable', () => {
  it('should rank succeeded models and leave failed ones unranked', () => {
    const table = leaderboardTable(
      run([
        model('baseline', { metrics: { balanced_accuracy: 0.5, accuracy: 0.6 } }),
        model('mlp', { status: 'failed', error: 'NaN loss' }),
        model('linear', { metrics: { balanced_accuracy: 0.9, accuracy: 0.95 } })
      ])
    );
    expect(table.columns).toEqual([
      'rank',
      'model',
      'name',
      'status',
      'accuracy',
      'balanced_accuracy',
      'train_seconds',
      'error'
    ]);
    expect(table.rows[0]).toEqual([1, 'linear', 'LINEAR', 'succeeded', 0.95, 0.9, 1.5, null]);
    expect(table.rows[1]).toEqual([2, 'baseline', 'BASELINE', 'succeeded', 0.6, 0.5, 1.5, null]);
    expect(table.rows[2]).toEqual([null, 'mlp', 'MLP', 'failed', null, null, 1.5, 'NaN loss']);
  });
});

describe('predictionsTable', () => {
  it('should return null when no model has predictions', () => {
    expect(predictionsTable(run([model('baseline', {})]))).toBeNull();
  });

  it('should write class labels and one probability column per class', () => {
    const table = predictionsTable(
      run([
        model('linear', {
          predictions: {
            rows: [3, 7],
            actual: [0, 1],
            predicted: [0, 0],
            probabilities: [
              [0.8, 0.2],
              [0.6, 0.4]
            ]
          }
        }),
        model('baseline', {})
      ])
    );
    expect(table?.columns).toEqual(['model', 'row', 'actual', 'predicted', 'proba_Adelie', 'proba_Gentoo']);
    expect(table?.rows).toEqual([
      ['linear', 3, 'Adelie', 'Adelie', 0.8, 0.2],
      ['linear', 7, 'Gentoo', 'Adelie', 0.6, 0.4]
    ]);
  });

  it('should keep regression values as numbers', () => {
    const result = {
      ...run([model('linear', { predictions: { rows: [0], actual: [2.5], predicted: [2.25] } })]),
      task: 'regression' as const,
      classes: []
    };
    expect(predictionsTable(result)?.rows).toEqual([['linear', 0, 2.5, 2.25]]);
  });
});

describe('planTransfer', () => {
  it('should send every row under the limit', () => {
    expect(planTransfer({ name: 'df', rows: 100, columns: 3, memory: 2400 }, 1000, 10_000)).toEqual({
      rows: 100,
      limited: false,
      estimatedBytes: 2400,
      tooLarge: false
    });
  });

  it('should scale the memory to the rows kept by the limit', () => {
    const plan = planTransfer({ name: 'df', rows: 1000, columns: 3, memory: 50_000 }, 100, 10_000);
    expect(plan.rows).toBe(100);
    expect(plan.limited).toBe(true);
    expect(plan.estimatedBytes).toBe(5000);
    expect(plan.tooLarge).toBe(false);
  });

  it('should flag a frame above the memory cap', () => {
    const plan = planTransfer({ name: 'df', rows: 10, columns: 3, memory: 20_000 }, 100, 10_000);
    expect(plan.tooLarge).toBe(true);
  });
});
