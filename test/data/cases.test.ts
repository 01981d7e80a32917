/**
 * The hard-input files end to end through the data room: read, profile,
 * pre-flight check and prepare with the defaults a person gets.
 */

import { IFinding } from '../../src/core/types';
import { checkConfig, defaultFeatures, inferTask } from '../../src/data/preflight';
import { IPrepared, prepareData } from '../../src/data/prepare';
import { column, configFor, loadCase } from './helpers';

interface IRun {
  findings: IFinding[];
  prepared: IPrepared | null;
}

/** Check and, when nothing blocks, prepare `file` for `target` with defaults. */
function run(file: string, target: string, skipRaggedRows = false): IRun {
  const { table, profile } = loadCase(file, { skipRaggedRows });
  const config = configFor(target, inferTask(profile, target), defaultFeatures(profile, target), {
    skipRaggedRows
  });
  const findings = checkConfig(table, profile, config);
  const blocked = findings.some(finding => finding.severity === 'error');
  return { findings, prepared: blocked ? null : prepareData(table, profile, config) };
}

function isFinite32(values: Float32Array): boolean {
  return values.every(value => Number.isFinite(value));
}

describe('hard inputs', () => {
  describe('01-bom-header.csv', () => {
    it('should train on rain_tomorrow with a clean first name', () => {
      const { profile } = loadCase('01-bom-header.csv');
      const result = run('01-bom-header.csv', 'rain_tomorrow');

      expect(profile.columns[0].name).toBe('temperature');
      expect(column(profile, 'temperature').summary).toBe('15.8 – 26.1');
      expect(result.findings).toEqual([]);
      expect(result.prepared?.data.classes).toEqual(['no', 'yes']);
    });
  });

  describe('03-quoted-comma-newline.csv', () => {
    it('should prepare without the free-text comment', () => {
      const { table, profile } = loadCase('03-quoted-comma-newline.csv');
      const result = run('03-quoted-comma-newline.csv', 'escalated');
      const counts = result.prepared!.classCounts!;

      expect(table.lines).toHaveLength(10);
      expect(table.raggedLines).toEqual([]);
      expect(column(profile, 'comment').type).toBe('text');
      expect(result.prepared!.data.featureNames.some(name => name.includes('comment'))).toBe(false);
      expect(counts.train.yes + counts.validation.yes).toBe(4);
      expect(counts.train.no + counts.validation.no).toBe(6);
    });
  });

  describe('04-ragged-rows.csv', () => {
    it('should block until the rows are skipped', () => {
      const blocked = run('04-ragged-rows.csv', 'fit');
      const error = blocked.findings.find(finding => finding.code === 'ragged-rows');

      expect(blocked.prepared).toBeNull();
      expect(error?.message).toContain('line 5: 4 fields, expected 5');
      expect(error?.message).toContain('line 8: 6 fields, expected 5');
    });

    it('should name the skipped lines in the result', () => {
      const skipped = run('04-ragged-rows.csv', 'fit', true);

      expect(skipped.findings.filter(finding => finding.severity === 'error')).toEqual([]);
      expect(skipped.prepared?.skippedLines).toEqual([5, 8]);
    });
  });

  describe('05-empty-file.csv', () => {
    it('should block with one clear message and no columns', () => {
      const { profile } = loadCase('05-empty-file.csv');
      const result = run('05-empty-file.csv', '');

      expect(profile.columns).toEqual([]);
      expect(result.prepared).toBeNull();
      expect(result.findings.map(finding => finding.message)).toEqual([
        "The file '05-empty-file.csv' is empty. Choose a file with a header row and at least one data row."
      ]);
    });
  });

  describe('08-missing-markers.csv', () => {
    it('should impute and use all 15 rows', () => {
      const result = run('08-missing-markers.csv', 'outcome');
      const prepared = result.prepared!;

      expect(prepared.data.trainRows + prepared.data.validationRows).toBe(15);
      expect(prepared.imputed).toEqual([
        { column: 'age', count: 3, strategy: expect.stringMatching(/^median \d+\.\d$/) },
        { column: 'income', count: 2, strategy: expect.stringMatching(/^median \d+\.\d$/) },
        { column: 'region', count: 1, strategy: 'own category' }
      ]);
    });
  });

  describe('11-constant-column.csv', () => {
    it('should unselect constant columns by default', () => {
      const { profile } = loadCase('11-constant-column.csv');

      expect(column(profile, 'sensor_offset').type).toBe('constant');
      expect(column(profile, 'calibrated').type).toBe('constant');
      expect(defaultFeatures(profile, 'fault')).not.toContain('sensor_offset');
      expect(defaultFeatures(profile, 'fault')).not.toContain('calibrated');
    });

    it('should encode forced constant columns as 0', () => {
      const { table, profile } = loadCase('11-constant-column.csv');
      const config = configFor('fault', 'classification', ['sensor_offset', 'calibrated', 'voltage']);

      const prepared = prepareData(table, profile, config);

      expect(isFinite32(prepared.data.xTrain)).toBe(true);
      expect(prepared.data.xTrain[0]).toBe(0);
      expect(prepared.data.xTrain[1]).toBe(0);
    });
  });

  describe('13-single-class-target.csv', () => {
    it('should block with the one-class message', () => {
      const result = run('13-single-class-target.csv', 'defaulted');

      expect(result.prepared).toBeNull();
      expect(result.findings.map(finding => finding.message)).toContain(
        "Target 'defaulted' has one class ('no'); at least 2 are needed."
      );
    });

    it('should allow another target at once', () => {
      expect(run('13-single-class-target.csv', 'employment').prepared).not.toBeNull();
    });
  });

  describe('15-huge-magnitude-nan-loss.csv', () => {
    it('should scale features and the regression target', () => {
      const prepared = run('15-huge-magnitude-nan-loss.csv', 'valuation_usd').prepared!;
      const data = prepared.data;

      expect(data.task).toBe('regression');
      expect(isFinite32(data.xTrain)).toBe(true);
      expect(isFinite32(data.xValidation)).toBe(true);
      expect(isFinite32(data.yTrain)).toBe(true);
      expect(isFinite32(data.yValidation)).toBe(true);
      expect(Math.max(...Array.from(data.yTrain).map(Math.abs))).toBeLessThan(10);
      expect(data.targetScale!.std).toBeGreaterThan(1e10);
    });
  });

  describe('17-html-script-column-name.csv', () => {
    it('should prepare with names and labels kept literally', () => {
      const result = run('17-html-script-column-name.csv', 'churn');

      expect(result.findings).toEqual([]);
      expect(result.prepared?.data.classes).toContain('<svg/onload=alert(3)>');
      expect(result.prepared?.data.featureNames).toContain('<script>alert("pwned")</script>');
    });
  });

  describe('20-sorted-target-validation-split.csv', () => {
    it('should hold out both classes and count them per split', () => {
      const prepared = run('20-sorted-target-validation-split.csv', 'bought').prepared!;

      expect(prepared.data.validationRows).toBe(6);
      expect(prepared.classCounts?.validation.no).toBeGreaterThan(0);
      expect(prepared.classCounts?.validation.yes).toBeGreaterThan(0);
      expect(prepared.classCounts).toEqual({
        train: { no: 16, yes: 8 },
        validation: { no: 4, yes: 2 }
      });
    });
  });
});
