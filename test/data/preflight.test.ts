import {
  checkConfig,
  defaultFeatures,
  excludedReason,
  inferTask
} from '../../src/data/preflight';
import { configFor, ILoaded, loadCase, loadText } from './helpers';

function codes(loaded: ILoaded, config: ReturnType<typeof configFor>): string[] {
  return checkConfig(loaded.table, loaded.profile, config).map(finding => finding.code);
}

function finding(loaded: ILoaded, config: ReturnType<typeof configFor>, code: string) {
  return checkConfig(loaded.table, loaded.profile, config).find(item => item.code === code);
}

describe('inferTask', () => {
  it.each([
    ['15-huge-magnitude-nan-loss.csv', 'valuation_usd', 'regression'],
    ['01-bom-header.csv', 'temperature', 'regression'],
    ['01-bom-header.csv', 'rain_tomorrow', 'classification'],
    ['08-missing-markers.csv', 'outcome', 'classification'],
    ['13-single-class-target.csv', 'term_months', 'classification'],
    ['13-single-class-target.csv', 'defaulted', 'classification'],
    ['01-bom-header.csv', 'no_such_column', 'classification']
  ])('should infer the task of %s / %s', (file, target, task) => {
    expect(inferTask(loadCase(file).profile, target)).toBe(task);
  });
});

describe('defaultFeatures', () => {
  it('should leave out constant columns', () => {
    const { profile } = loadCase('11-constant-column.csv');

    expect(defaultFeatures(profile, 'fault')).toEqual(['voltage', 'current_ma']);
  });

  it('should leave out free text', () => {
    const { profile } = loadCase('03-quoted-comma-newline.csv');

    expect(defaultFeatures(profile, 'escalated')).toEqual(['order_size', 'channel', 'priority']);
  });

  it('should leave out identifiers and empty columns', () => {
    const { profile } = loadText('id,empty,x,y\n1,,5,a\n2,,3,b\n3,,4,a\n4,,1,b\n5,,2,a\n');

    expect(defaultFeatures(profile, 'y')).toEqual(['x']);
  });

  it('should keep every other column of case 15', () => {
    const { profile } = loadCase('15-huge-magnitude-nan-loss.csv');

    expect(defaultFeatures(profile, 'valuation_usd')).toEqual([
      'annual_revenue_usd',
      'employees',
      'founded_year',
      'sector'
    ]);
  });
});

describe('excludedReason', () => {
  it.each([
    ['sensor_offset', 'one value'],
    ['calibrated', 'one value']
  ])('should explain why %s is unselected', (name, text) => {
    const { profile } = loadCase('11-constant-column.csv');

    expect(excludedReason(profile, name)).toContain(text);
  });

  it('should explain free text', () => {
    const { profile } = loadCase('03-quoted-comma-newline.csv');

    expect(excludedReason(profile, 'comment')).toContain('free text');
  });

  it('should return null for a selected column', () => {
    const { profile } = loadCase('11-constant-column.csv');

    expect(excludedReason(profile, 'voltage')).toBeNull();
  });
});

describe('checkConfig', () => {
  describe('#cases', () => {
    it.each([
      ['01-bom-header.csv', 'rain_tomorrow'],
      ['03-quoted-comma-newline.csv', 'escalated'],
      ['11-constant-column.csv', 'fault'],
      ['15-huge-magnitude-nan-loss.csv', 'valuation_usd'],
      ['17-html-script-column-name.csv', 'churn'],
      ['20-sorted-target-validation-split.csv', 'bought']
    ])('should find no error in %s', (file, target) => {
      const loaded = loadCase(file);
      const config = configFor(
        target,
        inferTask(loaded.profile, target),
        defaultFeatures(loaded.profile, target)
      );

      const errors = checkConfig(loaded.table, loaded.profile, config).filter(
        item => item.severity === 'error'
      );

      expect(errors).toEqual([]);
    });

    it('should reject a single-class target', () => {
      const loaded = loadCase('13-single-class-target.csv');
      const config = configFor('defaulted', 'classification', ['income_k', 'loan_k']);

      const found = finding(loaded, config, 'single-class');

      expect(found?.severity).toBe('error');
      expect(found?.message).toBe(
        "Target 'defaulted' has one class ('no'); at least 2 are needed."
      );
      expect(found?.params).toEqual(['defaulted', 'no']);
    });

    it('should accept another target of the single-class file', () => {
      const loaded = loadCase('13-single-class-target.csv');
      const config = configFor('employment', 'classification', ['income_k', 'loan_k']);

      expect(codes(loaded, config)).toEqual([]);
    });

    it('should block ragged rows until they are skipped', () => {
      const loaded = loadCase('04-ragged-rows.csv');
      const config = configFor('fit', 'classification', ['height_cm', 'age']);

      const found = finding(loaded, config, 'ragged-rows');

      expect(found?.severity).toBe('error');
      expect(found?.lines).toEqual([5, 8]);
      expect(found?.message).toContain('choose to skip them');
      expect(codes(loaded, { ...config, skipRaggedRows: true })).toEqual([]);
    });

    it('should accept a table read with skipping', () => {
      const loaded = loadCase('04-ragged-rows.csv', { skipRaggedRows: true });
      const config = configFor('fit', 'classification', ['height_cm'], { skipRaggedRows: true });

      expect(codes(loaded, config)).toEqual([]);
    });

    it('should block an empty file with one message', () => {
      const loaded = loadCase('05-empty-file.csv');
      const config = configFor('', 'classification', []);

      expect(codes(loaded, config)).toEqual(['empty-file']);
    });

    it('should warn about possible leakage in case 08', () => {
      const loaded = loadCase('08-missing-markers.csv');
      const config = configFor('outcome', 'classification', ['age', 'income', 'region', 'smoker']);

      const found = finding(loaded, config, 'possible-leakage');

      expect(found?.severity).toBe('warning');
      expect(found?.column).toBe('smoker');
      expect(codes(loaded, config)).toEqual(['possible-leakage']);
    });

    it('should warn about forced constant features', () => {
      const loaded = loadCase('11-constant-column.csv');
      const config = configFor('fault', 'classification', ['sensor_offset', 'calibrated', 'voltage']);

      const found = checkConfig(loaded.table, loaded.profile, config).filter(
        item => item.code === 'constant-feature'
      );

      expect(found.map(item => item.column)).toEqual(['sensor_offset', 'calibrated']);
      expect(found.every(item => item.severity === 'warning')).toBe(true);
      expect(found[0].message).toContain('scaling turns it into 0');
    });
  });

  describe('#target', () => {
    const loaded = loadText(
      'x,label,amount\n1,a,10\n2,a,20\n3,b,\n4,b,40\n5,c,50\n6,,60\n',
      'target.csv'
    );

    it.each([
      ['', 'no-target'],
      ['nope', 'unknown-target']
    ])('should reject target %j', (target, code) => {
      const config = configFor(target, 'classification', ['x']);

      expect(codes(loaded, config)).toContain(code);
      expect(finding(loaded, config, code)?.severity).toBe('error');
    });

    it('should name rare classes with their lines', () => {
      const config = configFor('label', 'classification', ['x']);

      const found = finding(loaded, config, 'rare-class');

      expect(found?.severity).toBe('error');
      expect(found?.message).toContain("'c' (1 row) (line 6)");
      expect(found?.lines).toEqual([6]);
    });

    it('should warn about rows without a target', () => {
      const config = configFor('amount', 'regression', ['x']);

      const found = finding(loaded, config, 'target-missing');

      expect(found?.severity).toBe('warning');
      expect(found?.lines).toEqual([4]);
      expect(found?.message).toContain('1 row');
      expect(found?.message).toContain("'target.csv'");
    });

    it('should reject regression on text', () => {
      const config = configFor('label', 'regression', ['x']);

      expect(finding(loaded, config, 'regression-non-numeric')?.severity).toBe('error');
    });

    it('should reject an all-missing target', () => {
      const empty = loadText('x,y\n1,\n2,\n', 'empty-target.csv');

      expect(codes(empty, configFor('y', 'classification', ['x']))).toEqual(['target-empty']);
    });
  });

  describe('#features', () => {
    const loaded = loadText('a,b,note,y\n1,2,x,p\n2,1,y,q\n3,4,z,p\n4,3,w,q\n', 'f.csv');

    it('should reject an empty selection', () => {
      expect(codes(loaded, configFor('y', 'classification', []))).toEqual(['no-features']);
    });

    it.each([
      ['unknown', ['zzz'], 'unknown-feature'],
      ['target', ['a', 'y'], 'target-is-feature']
    ])('should reject a %s feature', (_, features, code) => {
      const found = finding(loaded, configFor('y', 'classification', features), code);

      expect(found?.severity).toBe('error');
    });

    it('should warn when features outnumber rows', () => {
      const wide = loadText('a,b,c,d,y\n1,2,3,4,p\n2,3,4,5,q\n', 'wide.csv');

      const found = finding(wide, configFor('y', 'classification', ['a', 'b', 'c', 'd']), 'more-features-than-rows');

      expect(found?.severity).toBe('warning');
    });

    it('should flag a numeric copy of a regression target', () => {
      const copy = loadText('x,cents,price\n1,150,1.5\n2,275,2.75\n3,300,3\n4,425,4.25\n', 'copy.csv');

      const found = finding(copy, configFor('price', 'regression', ['x', 'cents']), 'possible-leakage');

      expect(found?.column).toBe('cents');
    });

    it('should flag a feature equal to the target', () => {
      const copy = loadText('x,y2,y\n1,a,a\n2,b,b\n3,a,a\n4,b,b\n', 'same.csv');

      const found = finding(copy, configFor('y', 'classification', ['x', 'y2']), 'possible-leakage');

      expect(found?.column).toBe('y2');
    });

    it('should not flag a mixed feature', () => {
      const loaded20 = loadCase('20-sorted-target-validation-split.csv');

      expect(codes(loaded20, configFor('bought', 'classification', ['segment']))).toEqual([]);
    });

    it('should block a selection of free text only', () => {
      const text = loadCase('03-quoted-comma-newline.csv');

      expect(codes(text, configFor('escalated', 'classification', ['comment']))).toEqual([
        'unused-feature',
        'no-usable-features'
      ]);
    });
  });
});
