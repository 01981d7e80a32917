import { defaultConfig } from '../../src/core/config';
import { IRunResult } from '../../src/core/types';
import { parseStoredRun } from '../../src/notebook/metadata';
import { buildMetadata, IResultsPayload } from '../../src/notebook/writer';

const KEY = 'a'.repeat(64);

function payload(): IResultsPayload {
  const config = {
    ...defaultConfig('species', 'classification', ['bill_length_mm', 'island']),
    folds: 5
  };
  return {
    runKey: KEY,
    config,
    result: {
      task: 'classification',
      target: 'species',
      primaryMetric: 'balanced_accuracy',
      higherIsBetter: true,
      models: [],
      best: null,
      classCounts: null,
      trainRows: 1,
      validationRows: 1,
      skippedLines: [],
      droppedTargetRows: 0,
      imputed: [],
      backend: 'cpu',
      tensorsBefore: 0,
      tensorsAfter: 0,
      partial: false,
      engineVersion: '0.1.0'
    } as IRunResult,
    data: { name: 'penguins.csv', path: 'data/penguins.csv', size: 10, sha256: 'b'.repeat(64) },
    readOptions: {
      delimiter: ';',
      missingMarkers: ['', 'NA'],
      columnTypes: { island: 'categorical' },
      numberFormats: { bill_length_mm: { decimal: ',', thousands: '' } }
    },
    finished: '2026-12-01T00:00:00.000Z'
  };
}

/** Build the metadata of a results cell, as plain JSON. */
function metadata(): Record<string, any> {
  return JSON.parse(JSON.stringify(buildMetadata(payload())));
}

describe('parseStoredRun', () => {
  it('should read back what the writer records', () => {
    const parsed = parseStoredRun(metadata());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) {
      return;
    }
    expect(parsed.warnings).toEqual([]);
    expect(parsed.run.runKey).toBe(KEY);
    expect(parsed.run.config).toEqual(payload().config);
    expect(parsed.run.data).toEqual(payload().data);
    expect(parsed.run.readOptions).toEqual(payload().readOptions);
  });

  it.each([
    ['a string', () => 'nonsense', /no "training_wizard" metadata/],
    ['a list', () => [1, 2], /no "training_wizard" metadata/],
    ['a missing run key', () => ({ ...metadata(), run_key: undefined }), /run key/],
    ['a run key that is not a hash', () => ({ ...metadata(), run_key: '<b>x</b>' }), /run key/],
    ['a missing configuration', () => ({ ...metadata(), config: null }), /configuration is missing/],
    ['a numeric target', () => ({ ...metadata(), config: { ...metadata().config, target: 7 } }), /no target/],
    ['an unknown task', () => ({ ...metadata(), config: { ...metadata().config, task: 'clustering' } }), /"clustering"/],
    ['features that are not strings', () => ({ ...metadata(), config: { ...metadata().config, features: [1, {}] } }), /feature list/],
    ['only unknown models', () => ({ ...metadata(), config: { ...metadata().config, models: ['svm'] } }), /no known model/],
    ['a huge target name', () => ({ ...metadata(), config: { ...metadata().config, target: 'x'.repeat(20_000) } }), /no target/]
  ])('should refuse %s with a reason', (_, make, reason) => {
    const parsed = parseStoredRun(make());
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toMatch(reason);
    }
  });

  it.each([
    ['epochs', -5, 1],
    ['batchSize', 0, 1],
    ['holdout', 1.5, 0.5],
    ['learningRate', 'fast', 0.01],
    ['seed', null, 42]
  ])('should repair %s %p to %p with a warning', (key, given, used) => {
    const value = metadata();
    value.config[key] = given;
    const parsed = parseStoredRun(value);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect((parsed.run.config as any)[key]).toBe(used);
      expect(parsed.warnings.join(' ')).toContain(key);
    }
  });

  it('should drop unknown models, bad folds and bad read options with warnings', () => {
    const value = metadata();
    value.config.models = ['mlp', 'svm', 3];
    value.config.folds = 99;
    value.config.backend = 'webgpu';
    value.read_options = {
      delimiter: ';;',
      missingMarkers: 'NA',
      columnTypes: { island: 'date', sex: 'numeric' },
      numberFormats: { bill_length_mm: { decimal: 'x' } }
    };
    value.data = { path: 42 };
    const parsed = parseStoredRun(value);
    expect(parsed.ok).toBe(false);
    // `models` with a non-string entry is not a list of names at all.
    value.config.models = ['mlp', 'svm'];
    const repaired = parseStoredRun(value);
    expect(repaired.ok).toBe(true);
    if (!repaired.ok) {
      return;
    }
    expect(repaired.run.config.models).toEqual(['mlp']);
    expect(repaired.run.config.folds).toBeUndefined();
    expect(repaired.run.config.backend).toBe('auto');
    expect(repaired.run.readOptions).toEqual({ columnTypes: { sex: 'numeric' }, numberFormats: {} });
    expect(repaired.run.data.path).toBe('');
    expect(repaired.warnings.join('\n')).toMatch(/folds 99/);
    expect(repaired.warnings.join('\n')).toMatch(/number format of column "bill_length_mm"/);
    expect(repaired.warnings.join('\n')).toMatch(/data file path is missing/);
  });
});
