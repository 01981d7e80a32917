import { readFileSync } from 'fs';
import * as path from 'path';

import { defaultConfig } from '../../src/core/config';
import { readCsv } from '../../src/data/csv';
import {
  allowedOverrides,
  applyTypeOverrides
} from '../../src/data/overrides';
import { prepareData } from '../../src/data/prepare';
import { profileTable } from '../../src/data/profile';

const PENGUINS = readFileSync(
  path.join(__dirname, '..', '..', 'examples', 'penguins.csv'),
  'utf8'
);

describe('applyTypeOverrides', () => {
  const table = readCsv(PENGUINS, 'penguins.csv');
  const profile = profileTable(table);
  const column = (name: string, p = profile) =>
    p.columns.find(item => item.name === name)!;

  it('should read a numeric column as categorical', () => {
    const changed = applyTypeOverrides(profile, { year: 'categorical' });
    expect(column('year', changed).type).toBe('categorical');
    expect(column('year', changed).reason).toMatch(/^set to categorical by you; inferred numeric/);
    expect(column('year', changed).min).toBeUndefined();
    expect(column('year').type).toBe('numeric');
  });

  it('should one-hot encode the overridden column', () => {
    const changed = applyTypeOverrides(profile, { year: 'categorical' });
    const config = {
      ...defaultConfig('species', 'classification', ['year']),
      backend: 'cpu' as const
    };
    const numeric = prepareData(table, profile, config);
    const categorical = prepareData(table, changed, config);
    expect(numeric.data.width).toBe(1);
    expect(categorical.data.featureNames.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['island', 'numeric'],
    ['no_such_column', 'categorical']
  ] as const)('should ignore %s set to %s', (name, override) => {
    const changed = applyTypeOverrides(profile, { [name]: override });
    expect(changed.columns).toEqual(profile.columns);
  });

  it('should return the same profile without overrides', () => {
    expect(applyTypeOverrides(profile, undefined)).toBe(profile);
    expect(applyTypeOverrides(profile, {})).toBe(profile);
  });

  describe('allowedOverrides', () => {
    it.each([
      ['bill_length_mm', ['categorical']],
      ['island', []],
      ['sex', []]
    ])('should allow %s to become %p', (name, expected) => {
      expect(allowedOverrides(column(name))).toEqual(expected);
    });
  });
});
