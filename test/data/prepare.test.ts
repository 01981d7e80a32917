import { ITable } from '../../src/data/csv';
import { IColumnPlan, IPreprocessPlan, IScaler } from '../../src/data/plan';
import { defaultFeatures, inferTask } from '../../src/data/preflight';
import { applyPlan, prepareData } from '../../src/data/prepare';
import { profileTable } from '../../src/data/profile';
import { cellsOf, configFor, withCells, ILoaded, loadCase, loadText } from './helpers';

function prepareCase(file: string, target: string, features?: string[], skip = false) {
  const loaded = loadCase(file, { skipRaggedRows: skip });
  const task = inferTask(loaded.profile, target);
  const config = configFor(target, task, features ?? defaultFeatures(loaded.profile, target), {
    skipRaggedRows: skip
  });
  return { ...loaded, config, prepared: prepareData(loaded.table, loaded.profile, config) };
}

function planOf(plan: IPreprocessPlan, column: string): IColumnPlan {
  const found = plan.columns.find(item => item.column === column);
  if (!found) {
    throw new Error(`Column '${column}' is not in the plan.`);
  }
  return found;
}

function scalerOf(plan: IPreprocessPlan, column: string): IScaler {
  const found = planOf(plan, column);
  if (found.kind !== 'numeric') {
    throw new Error(`Column '${column}' has a ${found.kind} plan, not a numeric one.`);
  }
  return found.scaler;
}

function allFinite(values: Float32Array): boolean {
  return values.every(value => Number.isFinite(value));
}

describe('prepareData', () => {
  describe('#missing', () => {
    const { prepared, table } = prepareCase('08-missing-markers.csv', 'outcome');

    it('should use all 15 rows', () => {
      expect(prepared.data.trainRows + prepared.data.validationRows).toBe(15);
      expect(prepared.droppedTargetRows).toBe(0);
    });

    it('should list what was imputed', () => {
      const age = scalerOf(prepared.plan, 'age');

      expect(prepared.imputed.map(item => [item.column, item.count])).toEqual([
        ['age', 3],
        ['income', 2],
        ['region', 1]
      ]);
      expect(prepared.imputed[0].strategy).toBe(`median ${age.median.toFixed(1)}`);
      expect(prepared.imputed[2].strategy).toBe('own category');
      expect(table.columns).toContain('region');
    });

    it('should impute the training median', () => {
      const age = scalerOf(prepared.plan, 'age');
      const trainAges = Array.from(prepared.rows.train, row => cellsOf(table)[0][row])
        .filter(cell => cell !== '')
        .map(Number)
        .sort((a, b) => a - b);
      const middle = trainAges.length / 2;
      const median =
        trainAges.length % 2 === 1
          ? trainAges[Math.floor(middle)]
          : (trainAges[middle - 1] + trainAges[middle]) / 2;

      expect(age.median).toBe(median);
    });

    it('should give region a missing slot', () => {
      expect(prepared.data.featureNames).toContain('region=(missing)');
      const slot = prepared.data.featureNames.indexOf('region=(missing)');
      const missingRow = cellsOf(table)[2].indexOf('');
      const all = applyPlan(prepared.plan, table, [missingRow]);

      expect(all[slot]).toBe(1);
    });

    it('should produce finite matrices', () => {
      expect(allFinite(prepared.data.xTrain)).toBe(true);
      expect(allFinite(prepared.data.xValidation)).toBe(true);
    });
  });

  describe('#constant', () => {
    const { prepared } = prepareCase('11-constant-column.csv', 'fault', [
      'sensor_offset',
      'calibrated',
      'voltage'
    ]);

    it.each([['sensor_offset'], ['calibrated']])('should scale forced %s to 0', name => {
      const index = prepared.data.featureNames.indexOf(name);
      const width = prepared.data.width;
      const values = Array.from(
        { length: prepared.data.trainRows },
        (_, row) => prepared.data.xTrain[row * width + index]
      );

      expect(index).toBeGreaterThanOrEqual(0);
      expect(values.every(value => value === 0)).toBe(true);
    });

    it('should record a zero standard deviation', () => {
      const offset = scalerOf(prepared.plan, 'sensor_offset');

      expect(offset.std).toBe(0);
      expect(offset.mean).toBe(14.62);
      expect(allFinite(prepared.data.xTrain)).toBe(true);
    });
  });

  describe('#regression', () => {
    const { prepared, table } = prepareCase('15-huge-magnitude-nan-loss.csv', 'valuation_usd');

    it('should scale values near 1e12', () => {
      expect(allFinite(prepared.data.xTrain)).toBe(true);
      expect(allFinite(prepared.data.xValidation)).toBe(true);
      expect(Math.max(...Array.from(prepared.data.xTrain).map(Math.abs))).toBeLessThan(10);
    });

    it('should standardise the target with training statistics', () => {
      const scale = prepared.data.targetScale!;
      const train = Array.from(prepared.rows.train, row => Number(cellsOf(table)[4][row]));
      const mean = train.reduce((sum, value) => sum + value, 0) / train.length;

      expect(scale.mean).toBeCloseTo(mean, 0);
      expect(Number.isFinite(scale.std)).toBe(true);
      expect(scale.std).toBeGreaterThan(0);
      const yMean = prepared.data.yTrain.reduce((sum, value) => sum + value, 0) / train.length;
      expect(yMean).toBeCloseTo(0, 5);
    });

    it('should undo the scaling to the original units', () => {
      const scale = prepared.data.targetScale!;
      const row = prepared.rows.validation[0];
      const original = prepared.data.yValidation[0] * scale.std + scale.mean;

      expect(original / Number(cellsOf(table)[4][row])).toBeCloseTo(1, 5);
    });

    it('should have no classes or class counts', () => {
      expect(prepared.data.classes).toEqual([]);
      expect(prepared.classCounts).toBeNull();
    });
  });

  describe('#classification', () => {
    const { prepared } = prepareCase('20-sorted-target-validation-split.csv', 'bought');

    it('should hold out 20% with both classes', () => {
      expect(prepared.data.validationRows).toBe(6);
      expect(prepared.classCounts).toEqual({
        train: { no: 16, yes: 8 },
        validation: { no: 4, yes: 2 }
      });
    });

    it('should index classes in sorted order', () => {
      expect(prepared.data.classes).toEqual(['no', 'yes']);
      expect(new Set(prepared.data.yValidation)).toEqual(new Set([0, 1]));
    });

    it('should count classes of case 01', () => {
      const bom = prepareCase('01-bom-header.csv', 'rain_tomorrow').prepared;
      const counts = bom.classCounts!;

      expect(counts.train.no + counts.validation.no).toBe(6);
      expect(counts.train.yes + counts.validation.yes).toBe(6);
      expect(counts.validation.no).toBeGreaterThan(0);
      expect(counts.validation.yes).toBeGreaterThan(0);
    });

    it('should keep HTML class labels and names literally', () => {
      const html = prepareCase('17-html-script-column-name.csv', 'churn').prepared;

      expect(html.data.classes).toEqual(['<svg/onload=alert(3)>', 'no']);
      expect(html.data.featureNames).toContain('<img src=x onerror=alert(1)>');
      expect(html.data.featureNames).toContain('plan=<b onmouseover=alert(2)>basic</b>');
    });

    it('should sort numeric class labels as numbers', () => {
      const loaded = loadText('x,y\n1,10\n2,2\n3,10\n4,2\n5,10\n6,2\n', 'numbers.csv');
      const config = configFor('y', 'classification', ['x']);

      expect(prepareData(loaded.table, loaded.profile, config).data.classes).toEqual(['2', '10']);
    });

    it('should leave free text out of the encoding', () => {
      const quoted = prepareCase('03-quoted-comma-newline.csv', 'escalated', [
        'order_size',
        'comment',
        'priority'
      ]).prepared;

      expect(quoted.data.featureNames.some(name => name.startsWith('comment'))).toBe(false);
      expect(quoted.plan.excluded.map(item => item.column)).toEqual(['comment']);
      expect(quoted.classCounts!.train.yes + quoted.classCounts!.validation.yes).toBe(4);
      expect(quoted.classCounts!.train.no + quoted.classCounts!.validation.no).toBe(6);
    });
  });

  describe('#ragged', () => {
    it('should report skipped lines', () => {
      const { prepared } = prepareCase('04-ragged-rows.csv', 'fit', ['height_cm', 'age'], true);

      expect(prepared.skippedLines).toEqual([5, 8]);
      expect(prepared.data.trainRows + prepared.data.validationRows).toBe(8);
    });
  });

  describe('#target', () => {
    it('should drop rows without a target', () => {
      const loaded = loadText('x,y\n1,a\n2,\n3,b\n4,a\n5,NA\n6,b\n', 'gaps.csv');
      const prepared = prepareData(loaded.table, loaded.profile, configFor('y', 'classification', ['x']));

      expect(prepared.droppedTargetRows).toBe(2);
      expect(prepared.data.trainRows + prepared.data.validationRows).toBe(4);
    });

    it('should throw when the target is a feature', () => {
      const loaded = loadText('x,y\n1,a\n2,b\n', 'self.csv');

      expect(() =>
        prepareData(loaded.table, loaded.profile, configFor('y', 'classification', ['y']))
      ).toThrow("Target 'y' cannot also be a feature");
    });
  });

  describe('#categories', () => {
    it('should cap levels at 20 plus other', () => {
      const rows = Array.from({ length: 200 }, (_, i) => `${i % 25 < 20 ? `L${i % 25}` : `R${i}`},${i % 2}`);
      const loaded = loadText(['level,y', ...rows, ''].join('\n'), 'levels.csv');
      const prepared = prepareData(loaded.table, loaded.profile, configFor('y', 'classification', ['level']));
      const plan = planOf(prepared.plan, 'level');

      expect(plan.kind).toBe('categorical');
      expect(plan.kind === 'categorical' ? plan.levels : []).toHaveLength(20);
      expect(prepared.data.width).toBe(22);
      expect(prepared.data.featureNames.slice(-2)).toEqual(['level=(missing)', 'level=(other)']);
    });

    it('should encode one slot per row', () => {
      const { prepared } = prepareCase('08-missing-markers.csv', 'outcome', ['region']);
      const width = prepared.data.width;

      for (let row = 0; row < prepared.data.trainRows; row++) {
        const slots = prepared.data.xTrain.slice(row * width, (row + 1) * width);
        expect(slots.reduce((sum, value) => sum + value, 0)).toBe(1);
      }
    });
  });

  describe('#datetime', () => {
    it('should encode year, month and day of week', () => {
      const loaded = loadText(
        'when,y\n31/01/2024,a\n01/02/2024,b\n15/03/2024,a\n,b\n20/06/2023,a\n11/11/2022,b\n',
        'dates.csv'
      );
      const prepared = prepareData(loaded.table, loaded.profile, configFor('y', 'classification', ['when']));
      const plan = planOf(prepared.plan, 'when');

      expect(prepared.data.featureNames).toEqual(['when:year', 'when:month', 'when:day_of_week']);
      expect(plan.kind).toBe('datetime');
      expect(plan.kind === 'datetime' ? plan.order : null).toBe('dmy');
      expect(allFinite(prepared.data.xTrain)).toBe(true);
      expect(allFinite(prepared.data.xValidation)).toBe(true);
    });
  });

  describe('#leakage', () => {
    const base = loadCase('08-missing-markers.csv');
    const config = configFor('outcome', 'classification', ['age', 'income', 'region', 'smoker']);
    const reference = prepareData(base.table, base.profile, config);

    function withValidationChanged(change: (cells: string[][], row: number) => void): ILoaded {
      const cells = cellsOf(base.table).map(column => [...column]);
      for (const row of reference.rows.validation) {
        change(cells, row);
      }
      const table: ITable = withCells(base.table, cells);
      return { table, profile: profileTable(table) };
    }

    it('should fit no statistic on validation rows', () => {
      const changed = withValidationChanged((cells, row) => {
        cells[0][row] = '1e9';
        cells[1][row] = '';
        cells[2][row] = 'atlantis';
        cells[3][row] = 'yes';
      });

      const prepared = prepareData(changed.table, changed.profile, config);

      expect(Array.from(prepared.rows.validation)).toEqual(Array.from(reference.rows.validation));
      expect(prepared.plan).toEqual(reference.plan);
      expect(prepared.data.xTrain).toEqual(reference.data.xTrain);
    });

    it('should scale validation values with training statistics', () => {
      const changed = withValidationChanged((cells, row) => {
        cells[0][row] = '5000';
      });
      const prepared = prepareData(changed.table, changed.profile, config);
      const scaler = scalerOf(reference.plan, 'age');

      expect(prepared.data.xValidation[0]).toBeCloseTo((5000 - scaler.mean) / scaler.std, 2);
      expect(allFinite(prepared.data.xValidation)).toBe(true);
    });

    it('should put unseen validation levels in the other slot', () => {
      const changed = withValidationChanged((cells, row) => {
        cells[2][row] = 'atlantis';
      });
      const prepared = prepareData(changed.table, changed.profile, config);
      const other = prepared.data.featureNames.indexOf('region=(other)');

      expect(prepared.data.xValidation[other]).toBe(1);
    });
  });

  describe('#determinism', () => {
    it('should give identical results for the same seed', () => {
      const first = prepareCase('20-sorted-target-validation-split.csv', 'bought').prepared;
      const second = prepareCase('20-sorted-target-validation-split.csv', 'bought').prepared;

      expect(second.data).toEqual(first.data);
      expect(second.plan).toEqual(first.plan);
    });

    it('should change the split with the seed', () => {
      const loaded = loadCase('20-sorted-target-validation-split.csv');
      const features = ['x1', 'x2', 'segment'];
      const a = prepareData(loaded.table, loaded.profile, configFor('bought', 'classification', features, { seed: 1 }));
      const b = prepareData(loaded.table, loaded.profile, configFor('bought', 'classification', features, { seed: 2 }));

      expect(Array.from(b.rows.validation)).not.toEqual(Array.from(a.rows.validation));
    });
  });
});

describe('applyPlan', () => {
  it('should apply a fitted plan to another file', () => {
    const { prepared } = prepareCase('01-bom-header.csv', 'rain_tomorrow');
    const other = loadText('temperature,humidity,wind_kmh\n20,0.5,10\nNA,0.7,\n', 'new.csv');

    const matrix = applyPlan(prepared.plan, other.table, [0, 1]);

    expect(matrix).toHaveLength(2 * prepared.data.width);
    expect(allFinite(matrix)).toBe(true);
  });

  it('should throw when a planned column is absent', () => {
    const { prepared } = prepareCase('01-bom-header.csv', 'rain_tomorrow');
    const other = loadText('temperature\n20\n', 'short.csv');

    expect(() => applyPlan(prepared.plan, other.table, [0])).toThrow("Column 'humidity' is not in 'short.csv'");
  });

  it('should clip values far outside the training range', () => {
    const { prepared } = prepareCase('01-bom-header.csv', 'rain_tomorrow', ['temperature']);
    const other = loadText('temperature\n1e300\n-1e300\n', 'extreme.csv');

    const matrix = applyPlan(prepared.plan, other.table, [0, 1]);

    expect(Array.from(matrix)).toEqual([1e6, -1e6]);
  });
});
