import { defaultConfig } from '../../src/core/config';
import { IWizardConfig } from '../../src/core/types';
import { readCsv } from '../../src/data/csv';
import { checkConfig } from '../../src/data/preflight';
import { prepareData } from '../../src/data/prepare';
import { profileTable } from '../../src/data/profile';

// 'a' and 'b' have 6 rows each, 'c' and 'd' one each (lines 14 and 15).
const CSV = [
  'x,label',
  ...Array.from({ length: 12 }, (_, i) => `${i},${i % 2 === 0 ? 'a' : 'b'}`),
  '12,c',
  '13,d'
].join('\n');

const table = readCsv(CSV, 'rare.csv');
const profile = profileTable(table);

function config(overrides: Partial<IWizardConfig> = {}): IWizardConfig {
  return { ...defaultConfig('label', 'classification', ['x']), ...overrides };
}

function found(settings: IWizardConfig, code: string) {
  return checkConfig(table, profile, settings).find(item => item.code === code);
}

describe('rare classes', () => {
  describe('checkConfig', () => {
    it('should block rare classes until a choice is made', () => {
      const finding = found(config(), 'rare-class');
      expect(finding?.severity).toBe('error');
      expect(finding?.lines).toEqual([14, 15]);
      expect(finding?.message).toContain("merge them into 'other' or to drop their rows");
    });

    it.each([
      ['merge', 'rare-class-merged'],
      ['drop', 'rare-class-dropped']
    ] as const)('should warn once the classes are %sd', (mode, code) => {
      const finding = found(config({ rareClasses: mode }), code);
      expect(finding?.severity).toBe('warning');
      expect(found(config({ rareClasses: mode }), 'rare-class')).toBeUndefined();
    });

    it('should count folds in the minimum class size', () => {
      const finding = found(config({ folds: 7 }), 'rare-class');
      expect(finding?.message).toContain('fewer than 7 rows');
      expect(finding?.message).toContain("'a' (6 rows)");
    });

    it('should reject a merge that stays too small', () => {
      const finding = found(config({ folds: 3, rareClasses: 'merge' }), 'rare-class-merged');
      expect(finding?.severity).toBe('error');
      expect(finding?.message).toContain("only 2 rows, fewer than 3");
    });
  });

  describe('prepareData', () => {
    it('should merge rare classes into other', () => {
      const prepared = prepareData(table, profile, config({ rareClasses: 'merge' }));
      expect(prepared.data.classes).toEqual(['a', 'b', 'other']);
      expect(prepared.data.trainRows + prepared.data.validationRows).toBe(14);
      expect(prepared.rareClasses).toEqual({ mode: 'merge', classes: { c: 1, d: 1 } });
      expect(prepared.classCounts?.validation.other).toBe(1);
    });

    it('should drop the rows of rare classes', () => {
      const prepared = prepareData(table, profile, config({ rareClasses: 'drop' }));
      expect(prepared.data.classes).toEqual(['a', 'b']);
      expect(prepared.data.trainRows + prepared.data.validationRows).toBe(12);
      expect(prepared.droppedTargetRows).toBe(0);
      expect(prepared.rareClasses).toEqual({ mode: 'drop', classes: { c: 1, d: 1 } });
    });
  });
});
