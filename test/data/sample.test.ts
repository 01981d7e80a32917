import { readFileSync } from 'fs';
import * as path from 'path';

import { readCsv } from '../../src/data/csv';
import { cellsOf } from './helpers';

const SORTED = readFileSync(
  path.join(__dirname, '..', 'fixtures', 'cases', '20-sorted-target-validation-split.csv'),
  'utf8'
);

function labels(table: ReturnType<typeof readCsv>): Set<string> {
  return new Set(cellsOf(table)[table.columns.indexOf('bought')]);
}

describe('readCsv', () => {
  describe('#rowLimit', () => {
    it('should keep the first rows without a seed', () => {
      const table = readCsv(SORTED, 'sorted.csv', { rowLimit: 10 });
      expect(Array.from(table.lines)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect(labels(table)).toEqual(new Set(['no']));
      expect(table.findings.map(finding => finding.code)).toContain('row-limit');
    });

    it('should sample in file order with a seed', () => {
      const table = readCsv(SORTED, 'sorted.csv', { rowLimit: 10, sampleSeed: 42 });
      expect(table.lines).toHaveLength(10);
      expect([...table.lines].sort((a, b) => a - b)).toEqual(Array.from(table.lines));
      expect(labels(table)).toEqual(new Set(['no', 'yes']));
      const finding = table.findings.find(item => item.code === 'row-sample');
      expect(finding?.message).toMatch(/a random sample of 10 drawn with seed 42/);
    });

    it('should draw the same sample for the same seed', () => {
      const first = readCsv(SORTED, 'sorted.csv', { rowLimit: 10, sampleSeed: 7 });
      const second = readCsv(SORTED, 'sorted.csv', { rowLimit: 10, sampleSeed: 7 });
      const other = readCsv(SORTED, 'sorted.csv', { rowLimit: 10, sampleSeed: 8 });
      expect(second.lines).toEqual(first.lines);
      expect(other.lines).not.toEqual(first.lines);
    });

    it('should keep cells aligned with their lines', () => {
      const table = readCsv(SORTED, 'sorted.csv', { rowLimit: 10, sampleSeed: 42 });
      const rows = SORTED.trim().split('\n');
      table.lines.forEach((line, row) => {
        expect(cellsOf(table)[0][row]).toBe(rows[line - 1].split(',')[0]);
      });
    });
  });
});
