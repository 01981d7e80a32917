import { IRunResult } from '../../src/core/types';
import {
  escapeHtml,
  escapeMarkdown,
  formatMetric,
  leaderboardHtml,
  leaderboardMarkdown,
  leaderboardRows,
  leaderboardText,
  rankModels,
  untranslated
} from '../../src/notebook/format';

function result(overrides: Partial<IRunResult> = {}): IRunResult {
  const model = (id: 'baseline' | 'linear' | 'mlp', name: string, score: number) => ({
    id,
    name,
    description: '',
    status: 'succeeded' as const,
    metrics: { accuracy: score, balanced_accuracy: score },
    trainMs: 1500,
    hyperparameters: {},
    history: []
  });
  return {
    task: 'classification',
    target: '<b>label</b>',
    primaryMetric: 'balanced_accuracy',
    higherIsBetter: true,
    models: [
      model('baseline', 'Baseline', 0.5),
      model('mlp', 'MLP <script>', 0.9),
      { ...model('linear', 'Logistic regression', 0), status: 'failed', metrics: {}, error: 'Loss became NaN at epoch 3' }
    ],
    best: 'mlp',
    classCounts: {
      train: { '<svg/onload=alert(3)>': 4, no: 4 },
      validation: { '<svg/onload=alert(3)>': 1, no: 1 }
    },
    trainRows: 8,
    validationRows: 2,
    skippedLines: [5, 8],
    droppedTargetRows: 1,
    imputed: [{ column: 'age', count: 3, strategy: 'median 41' }],
    backend: 'cpu',
    tensorsBefore: 0,
    tensorsAfter: 0,
    partial: false,
    engineVersion: '0.1.0',
    ...overrides
  };
}

describe('format', () => {
  describe('escapeHtml', () => {
    it.each([
      ['<script>', '&lt;script&gt;'],
      ['a & b', 'a &amp; b'],
      ['"quoted" \'single\'', '&quot;quoted&quot; &#39;single&#39;']
    ])('should escape %s', (input, expected) => {
      expect(escapeHtml(input)).toBe(expected);
    });
  });

  describe('rankModels', () => {
    it('should put the best first and failed models last', () => {
      expect(rankModels(result()).map(model => model.id)).toEqual([
        'mlp',
        'baseline',
        'linear'
      ]);
    });

    it('should rank lower-is-better metrics ascending', () => {
      const regression = result({
        task: 'regression',
        primaryMetric: 'rmse',
        higherIsBetter: false,
        models: result().models.map((model, index) => ({
          ...model,
          status: 'succeeded',
          metrics: { rmse: [3, 1, 2][index] }
        }))
      });
      expect(rankModels(regression).map(model => model.id)).toEqual([
        'mlp',
        'linear',
        'baseline'
      ]);
    });
  });

  describe('leaderboardRows', () => {
    it('should mark the best model and show failures with the reason', () => {
      const { rows, bestIndex } = leaderboardRows(result(), untranslated);
      expect(bestIndex).toBe(0);
      expect(rows[0][1]).toBe('MLP <script> (best)');
      expect(rows[2][rows[2].length - 1]).toBe('failed: Loss became NaN at epoch 3');
      expect(rows[2][0]).toBe('–');
    });
  });

  describe('leaderboardHtml', () => {
    it('should contain no markup from data', () => {
      const html = leaderboardHtml(result(), untranslated);
      expect(html).not.toMatch(/<(script|b|svg)\b/i);
      expect(html).toContain('MLP &lt;script&gt; (best)');
      expect(html).toContain('&lt;svg/onload=alert(3)&gt;');
      expect(html).toContain('&lt;b&gt;label&lt;/b&gt;');
    });

    it('should list skipped lines, dropped rows and imputation', () => {
      const html = leaderboardHtml(result(), untranslated);
      expect(html).toContain('lines 5, 8');
      expect(html).toContain('Excluded 1 row whose target is missing.');
      expect(html).toContain('Imputed 3 missing values of age (median 41).');
    });
  });

  describe('leaderboardText', () => {
    it('should align columns and include class counts', () => {
      const lines = leaderboardText(result(), untranslated).split('\n');
      expect(lines[0]).toBe(
        'Target <b>label</b> (classification): 8 training rows, 2 validation rows.'
      );
      const header = lines[1];
      const rule = lines[2];
      expect(rule.replace(/ /g, '').length).toBeGreaterThan(0);
      expect(header.indexOf('Model')).toBe(rule.indexOf('-', header.indexOf('Model')));
      expect(lines).toContain('Class counts per split');
    });
  });

  describe('formatMetric', () => {
    it.each([
      [0.98765, '0.9877'],
      [undefined, '–'],
      [Number.NaN, '–'],
      [1.2e12, '1.200e+12']
    ])('should format %p as %s', (value, expected) => {
      expect(formatMetric(value as number | undefined)).toBe(expected);
    });
  });
});

describe('leaderboardRows with k-fold', () => {
  it('should show the mean and standard deviation', () => {
    const base = result();
    const kfold = result({
      folds: [1, 2, 3, 4, 5].map(() => ({
        trainRows: 8,
        validationRows: 2,
        classCounts: null
      })),
      models: base.models.map(model => ({
        ...model,
        metricsStd: { balanced_accuracy: 0.0125 }
      }))
    });
    const { rows, headers } = leaderboardRows(kfold, untranslated);
    const column = headers.indexOf('Balanced accuracy');
    expect(rows[0][column]).toBe('0.9000 ± 0.0125');
    expect(rows[0][headers.indexOf('Accuracy')]).toBe('0.9000');
    expect(leaderboardText(kfold, untranslated).split('\n')[0]).toBe(
      'Target <b>label</b> (classification): 5-fold cross-validation on 10 rows; metrics are means ± standard deviations over the folds.'
    );
  });

  describe('leaderboardMarkdown', () => {
    it.each([
      ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert\\(1\\)&gt;'],
      ['a | b', 'a \\| b'],
      ['**bold** _it_', '\\*\\*bold\\*\\* \\_it\\_'],
      ['line\nbreak', 'line break'],
      ['[link](javascript:x)', '\\[link\\]\\(javascript:x\\)']
    ])('should escape %p', (input, expected) => {
      expect(escapeMarkdown(input)).toBe(expected);
    });

    it('should write one table row per model with escaped names', () => {
      const text = leaderboardMarkdown(result(), untranslated);
      const rows = text.split('\n').filter(line => line.startsWith('|'));
      // Header, separator and three models.
      expect(rows).toHaveLength(5);
      expect(text).toContain('MLP &lt;script&gt;');
      expect(text).not.toContain('<script>');
      expect(text).toContain('&lt;b&gt;label&lt;/b&gt;');
    });
  });
});
