import { defaultConfig } from '../../src/core/config';
import { headlessCommand, IResultsPayload } from '../../src/notebook/writer';
import { casePath, PENGUINS, runCli, runJson, shellWords } from './helpers';

/** Collect every number in a JSON value, with its path. */
function numbersIn(value: unknown, path = '$'): Array<[string, number]> {
  if (typeof value === 'number') {
    return [[path, value]];
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => numbersIn(item, `${path}.${key}`));
  }
  return [];
}

describe('main', () => {
  describe('train', () => {
    let penguins: Awaited<ReturnType<typeof runJson>>;

    beforeAll(async () => {
      penguins = await runJson('train', PENGUINS, '--target', 'species', '--epochs', '5', '--json');
    });

    it('should train three models', () => {
      expect(penguins.code).toBe(0);
      expect(penguins.json.error).toBeNull();
      const models = penguins.json.result.models;
      expect(models.map((model: { id: string }) => model.id)).toEqual(['baseline', 'linear', 'mlp']);
      for (const model of models) {
        expect(model.status).toBe('succeeded');
        expect(Object.keys(model.metrics)).toEqual(
          expect.arrayContaining(['accuracy', 'balanced_accuracy', 'f1_macro', 'roc_auc', 'log_loss'])
        );
        for (const value of Object.values(model.metrics)) {
          expect(Number.isFinite(value)).toBe(true);
        }
      }
    });

    it('should release every tensor', () => {
      const { result } = penguins.json;
      expect(typeof result.tensorsBefore).toBe('number');
      expect(result.tensorsAfter).toBe(result.tensorsBefore);
    });

    it('should report the run details', () => {
      const { config, result } = penguins.json;

      expect(config.target).toBe('species');
      expect(config.task).toBe('classification');
      expect(config.epochs).toBe(5);
      expect(config.holdout).toBe(0.2);
      expect(config.seed).toBe(42);
      expect(config.features).not.toContain('species');
      expect(result.backend).toBe('cpu');
      expect(result.best).not.toBeNull();
      expect(result.trainRows + result.validationRows).toBe(344);
      expect(result.classCounts.train.Adelie + result.classCounts.validation.Adelie).toBe(152);
      const mlp = result.models[2];
      expect(mlp.hyperparameters).toMatchObject({ epochs: 5, batchSize: 32, optimizer: 'adam' });
      expect(typeof mlp.trainMs).toBe('number');
      expect(mlp.history.length).toBeGreaterThan(0);
    });

    it('should write strict JSON', () => {
      expect(penguins.stdout).not.toMatch(/\bNaN\b|Infinity/);
      for (const [path, value] of numbersIn(penguins.json)) {
        expect([path, Number.isFinite(value)]).toEqual([path, true]);
      }
    });

    it('should report progress on stderr', () => {
      const names = penguins.json.result.models.map((model: { name: string }) => model.name);
      expect(penguins.stderr).toContain(`Training ${names.join(', ')} on the cpu backend.`);
      for (const name of names) {
        expect(penguins.stderr).toContain(`${name} succeeded in `);
      }
    });

    it('should include predictions without artifacts', () => {
      const { result } = penguins.json;
      expect(result.classes).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
      for (const model of result.models) {
        expect(model.predictions.rows).toHaveLength(result.validationRows);
        expect(model.importance.length).toBeGreaterThan(0);
        expect(model.artifact).toBeUndefined();
      }
    });

    it('should include artifacts on request', async () => {
      const { code, json } = await runJson(
        'train',
        PENGUINS,
        '--target',
        'species',
        '--models',
        'baseline,linear',
        '--epochs',
        '2',
        '--json',
        '--artifacts'
      );

      expect(code).toBe(0);
      const formats = json.result.models.map((model: { artifact: { format: string } }) => model.artifact.format);
      expect(formats).toEqual(['constant', 'tfjs-layers']);
    });

    it('should print the leaderboard', async () => {
      const { code, stdout } = await runCli(
        'train',
        PENGUINS,
        '--target',
        'species',
        '--models',
        'baseline,linear',
        '--epochs',
        '2'
      );

      expect(code).toBe(0);
      expect(stdout).toContain('Target species (classification)');
      expect(stdout).toMatch(/Rank\s+Model\s+Accuracy/);
      expect(stdout.match(/succeeded/g)).toHaveLength(2);
      expect(stdout).toContain('Class counts (training / validation): Adelie');
      expect(stdout).toMatch(/Permutation importance of \S.* \(drop in balanced_accuracy\): \S+ -?\d\.\d{4} ± /);
      expect(stdout).not.toContain('probabilities');
      expect(stdout.split('\n').length).toBeLessThan(40);
    });

    it('should train a regression target', async () => {
      const { code, json } = await runJson(
        'train',
        casePath('15-huge-magnitude-nan-loss.csv'),
        '--target',
        'valuation_usd',
        '--epochs',
        '3',
        '--json'
      );

      expect(code).toBe(0);
      expect(json.config.task).toBe('regression');
      expect(json.result.classCounts).toBeNull();
      for (const model of json.result.models) {
        expect(Object.keys(model.metrics)).toEqual(['rmse', 'mae', 'r2']);
      }
    });

    it('should stop on pre-flight errors', async () => {
      const { code, json } = await runJson(
        'train',
        casePath('13-single-class-target.csv'),
        '--target',
        'defaulted',
        '--json'
      );

      expect(code).toBe(1);
      expect(json.result).toBeNull();
      expect(json.findings.map((finding: { code: string }) => finding.code)).toEqual(['single-class']);
    });

    it('should print pre-flight errors', async () => {
      const { code, stdout, stderr } = await runCli(
        'train',
        casePath('04-ragged-rows.csv'),
        '--target',
        'fit'
      );

      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain('Training did not start');
      expect(stderr).toMatch(/error\s+ragged-rows\s+5, 8/);
      expect(stderr).toContain('add --skip-ragged-rows');
    });

    it('should skip ragged rows on request', async () => {
      const { code, json } = await runJson(
        'train',
        casePath('04-ragged-rows.csv'),
        '--target',
        'fit',
        '--skip-ragged-rows',
        '--epochs',
        '2',
        '--json'
      );

      expect(code).toBe(0);
      expect(json.config.skipRaggedRows).toBe(true);
      expect(json.result.skippedLines).toEqual([5, 8]);
    });

    it('should accept the recorded command', async () => {
      const payload = {
        runKey: 'key',
        config: {
          ...defaultConfig('species', 'classification', ['island', 'bill_length_mm', 'flipper_length_mm']),
          models: ['baseline', 'linear'],
          holdout: 0.25,
          seed: 7,
          epochs: 2,
          batchSize: 16,
          learningRate: 0.05,
          backend: 'cpu'
        },
        data: { name: 'penguins.csv', path: PENGUINS, size: 0, sha256: '' }
      } as unknown as IResultsPayload;
      const [program, ...argv] = shellWords(headlessCommand(payload));

      expect(program).toBe('training-wizard');
      const { code, json } = await runJson(...argv);
      expect(code).toBe(0);
      expect(json.config).toMatchObject({
        target: 'species',
        models: ['baseline', 'linear'],
        holdout: 0.25,
        seed: 7,
        epochs: 2,
        batchSize: 16,
        learningRate: 0.05,
        features: ['island', 'bill_length_mm', 'flipper_length_mm']
      });
    });

    it('should cross-validate with --folds', async () => {
      const { code, json } = await runJson(
        'train',
        PENGUINS,
        '--target',
        'species',
        '--models',
        'baseline,linear',
        '--epochs',
        '3',
        '--folds',
        '3',
        '--json'
      );

      expect(code).toBe(0);
      expect(json.config.folds).toBe(3);
      expect(json.result.folds).toHaveLength(3);
      for (const model of json.result.models) {
        expect(model.foldMetrics).toHaveLength(3);
        expect(typeof model.metricsStd.accuracy).toBe('number');
      }
    });

    it('should print the folds', async () => {
      const { code, stdout } = await runCli(
        'train',
        PENGUINS,
        '--target',
        'species',
        '--models',
        'baseline',
        '--folds',
        '4'
      );

      expect(code).toBe(0);
      expect(stdout).toContain('Settings: seed 42, 4-fold cross-validation,');
      expect(stdout).toContain('Metrics are means over 4 folds.');
      expect(stdout).toMatch(/Fold 4: \d+ training \/ \d+ validation rows; class counts Adelie/);
      expect(stdout).toMatch(/Baseline balanced_accuracy per fold: [\d.]+, [\d.]+, [\d.]+, [\d.]+ \(std [\d.]+\)/);
    });

    it('should leave out folds by default', () => {
      expect(penguins.json.config.folds).toBeUndefined();
      expect(penguins.json.result.folds).toBeUndefined();
      expect(penguins.json.result.models[0].foldMetrics).toBeUndefined();
    });

    it.each([['1'], ['11'], ['2.5'], ['five']])('should reject --folds %s', async value => {
      const { code, stderr } = await runCli('train', PENGUINS, '--target', 'species', '--folds', value);

      expect(code).toBe(2);
      expect(stderr).toContain(`Invalid value '${value}' for --folds: expected an integer from 2 to 10.`);
    });

    it('should accept the new models', async () => {
      const { code, json } = await runJson(
        'train',
        PENGUINS,
        '--target',
        'species',
        '--models',
        'forest,mlp-wide',
        '--epochs',
        '3',
        '--json'
      );

      expect(code).toBe(0);
      expect(json.result.models.map((model: { id: string }) => model.id)).toEqual(['forest', 'mlp-wide']);
      expect(json.result.models.map((model: { status: string }) => model.status)).toEqual([
        'succeeded',
        'succeeded'
      ]);
    });

    it('should print help', async () => {
      const { code, stdout } = await runCli('train', '--help');

      expect(code).toBe(0);
      expect(stdout).toContain('Usage: training-wizard train FILE --target COLUMN');
      expect(stdout).toContain('Defaults to 0.2.');
      expect(stdout).toContain('--learning-rate X');
      expect(stdout).toContain('--folds K');
      expect(stdout).toContain('from baseline, linear, mlp, mlp-wide and forest.');
    });
  });
});
