import { readCsv } from '../../src/data/csv';
import {
  describeNumberFormat,
  detectNumberFormat,
  INumberFormat,
  parseFormatted
} from '../../src/data/numberFormat';
import { applyPlan, fitPlan, IPreprocessPlan, prepareData } from '../../src/data/prepare';
import { numericColumn, parseColumn } from '../../src/data/values';
import { column, configFor, loadCase, loadText } from './helpers';

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';

const plain: INumberFormat = { decimal: '.', thousands: '' };
const decimalComma: INumberFormat = { decimal: ',', thousands: '' };
const commaDot: INumberFormat = { decimal: ',', thousands: '.' };
const commaSpace: INumberFormat = { decimal: ',', thousands: ' ' };
const pointComma: INumberFormat = { decimal: '.', thousands: ',' };
const pointSpace: INumberFormat = { decimal: '.', thousands: ' ' };
const pointApostrophe: INumberFormat = { decimal: '.', thousands: "'" };

/** Decode a standardised matrix column back to the values it encodes. */
function decode(matrix: Float32Array, plan: IPreprocessPlan, name: string): number[] {
  const position = plan.featureNames.indexOf(name);
  const columnPlan = plan.columns.find(item => item.column === name)!;
  if (columnPlan.kind !== 'numeric') {
    throw new Error(`Column '${name}' is not planned as numeric.`);
  }
  const { mean, std } = columnPlan.scaler;
  const values: number[] = [];
  for (let row = position; row < matrix.length; row += plan.width) {
    values.push(Math.round((matrix[row] * std + mean) * 100) / 100);
  }
  return values;
}

describe('detectNumberFormat', () => {
  it.each<[string, string[], string, INumberFormat]>([
    ['decimal comma, dot groups', ['1.234,5', '12,75'], ';', commaDot],
    ['no-break space groups', [`1${NBSP}234,5`, '2 000', '17,25'], ';', commaSpace],
    ['narrow no-break space groups', [`1${NARROW_NBSP}234`, '5'], '\t', pointSpace],
    ['comma groups', ['1,234,567.25', '2,500.5', '12'], ',', pointComma],
    ['apostrophe groups', ["12'345.5", '999.25'], '\t', pointApostrophe],
    ['decimal comma alone', ['1,5', '2'], ';', decimalComma],
    ['plain decimals', ['1.5', '-2.25', '3e4'], ';', plain],
    ['integers in a semicolon file', ['1', '-2', '300'], ';', plain],
    ['dot groups and decimal commas', ['1.234', '12,75'], '\t', commaDot],
    ['leading zero group', ['0.500', '1.000'], ';', plain],
    ['invalid tokens skipped', ['1.234,5', 'inf', '', '#DIV/0!'], ';', commaDot]
  ])('should detect %s', (_, cells, delimiter, expected) => {
    expect(detectNumberFormat(cells, delimiter)).toEqual(expected);
  });

  it.each<[string, string[], string, INumberFormat]>([
    ['dot in a tab file', ['1.234', '5.678'], '\t', plain],
    ['dot in a semicolon file', ['1.234', '5.678'], ';', commaDot],
    ['comma in a tab file', ['1,234', '5,678'], '\t', decimalComma],
    ['comma in a semicolon file', ['1,234', '5,678'], ';', decimalComma],
    ['comma in a comma file', ['1,234', '5,678'], ',', pointComma]
  ])('should resolve an ambiguous %s', (_, cells, delimiter, expected) => {
    expect(detectNumberFormat(cells, delimiter)).toEqual(expected);
  });

  it.each<[string, string[], string]>([
    ['comma and dot decimals', ['1,5', '1.5'], ';'],
    ['both grouping styles', ['1.234,5', '1,234.5'], ';'],
    ['groups of two digits', ['1,23,456'], ','],
    ['uneven dot groups', ['12.34.567'], ';'],
    ['a word among numbers', ['abc', '1'], ';'],
    ['a decimal comma in a comma file', ['1,5', '2'], ','],
    ['only missing and invalid cells', ['', 'inf'], ';']
  ])('should return null for %s', (_, cells, delimiter) => {
    expect(detectNumberFormat(cells, delimiter)).toBeNull();
  });
});

describe('parseFormatted', () => {
  it.each<[string, INumberFormat, number]>([
    ['1.234,5', commaDot, 1234.5],
    ['-1.234.567,25', commaDot, -1234567.25],
    ['1234,5', commaDot, 1234.5],
    [`1${NBSP}234,5`, commaSpace, 1234.5],
    [`1${NARROW_NBSP}234 567`, pointSpace, 1234567],
    ["12'345.5", pointApostrophe, 12345.5],
    ['1,234,567.25', pointComma, 1234567.25],
    [' 2,5 ', decimalComma, 2.5],
    ['4.5e11', plain, 4.5e11]
  ])('should read %j', (cell, format, expected) => {
    expect(parseFormatted(cell, format)).toBe(expected);
  });

  it.each<[string, INumberFormat]>([
    ['', commaDot],
    ['1.23,5', commaDot],
    ['1,2345', pointComma],
    ['0.500', commaDot],
    ['1.234e5', commaDot],
    ['1.5', decimalComma],
    ['1,5', plain],
    ['1e400', plain],
    ['abc', pointSpace]
  ])('should return NaN for %j', (cell, format) => {
    expect(parseFormatted(cell, format)).toBeNaN();
  });

  it('should throw for an invalid format', () => {
    const format = { decimal: '.', thousands: '.' } as INumberFormat;

    expect(() => parseFormatted('1', format)).toThrow('Invalid number format');
  });
});

describe('describeNumberFormat', () => {
  it.each<[INumberFormat, string]>([
    [plain, 'decimal point'],
    [decimalComma, 'decimal comma'],
    [commaDot, "decimal comma, '.' between thousands"],
    [pointComma, "decimal point, ',' between thousands"],
    [commaSpace, 'decimal comma, spaces between thousands'],
    [pointApostrophe, 'decimal point, apostrophes between thousands']
  ])('should describe %j', (format, expected) => {
    expect(describeNumberFormat(format)).toBe(expected);
  });
});

describe('parseColumn', () => {
  it('should cache one array per format', () => {
    const cells = ['1.234', '5.678'];

    const asPlain = parseColumn(cells, plain);
    const asGroups = parseColumn(cells, commaDot);

    expect(Array.from(asPlain)).toEqual([1.234, 5.678]);
    expect(Array.from(asGroups)).toEqual([1234, 5678]);
    expect(parseColumn(cells, { ...commaDot })).toBe(asGroups);
  });
});

describe('profileTable', () => {
  describe('#numberFormat', () => {
    it('should name the format in the reason', () => {
      const { profile } = loadText('price;units\n1.234,50;1\n89,90;2\n2.499,00;3\n', 'shop.csv');
      const price = column(profile, 'price');

      expect(price.type).toBe('numeric');
      expect(price.numberFormat).toEqual(commaDot);
      expect(price.reason).toBe(
        "numbers with a decimal comma and '.' between thousands, 3 distinct values"
      );
      expect(price.min).toBe(89.9);
      expect(price.max).toBe(2499);
    });

    it('should keep the plain reason for plain numbers', () => {
      const { profile } = loadText('x,y\n1.5,a\n2.5,b\n4,c\n');
      const x = column(profile, 'x');

      expect(x.numberFormat).toEqual(plain);
      expect(x.reason).toBe('numbers, 3 distinct values');
    });

    it('should read quoted comma groups in a comma file', () => {
      const { profile, table } = loadText('amount,label\n"1,234.5",a\n"12,000",b\n7,c\n');
      const amount = column(profile, 'amount');

      expect(amount.numberFormat).toEqual(pointComma);
      expect(amount.reason).toContain("',' between thousands");
      expect(Array.from(numericColumn(table, 'amount'))).toEqual([1234.5, 12000, 7]);
    });

    it('should leave text and leading-zero codes alone', () => {
      const { profile } = loadText('code;mixed\n007;1,5\n012;1.5\n100;2\n');

      expect(column(profile, 'code').type).toBe('categorical');
      expect(column(profile, 'mixed').type).toBe('categorical');
      expect(column(profile, 'mixed').numberFormat).toBeUndefined();
    });

    it('should mention the format of a constant', () => {
      const { profile } = loadText('x;y\n1.234,5;a\n1.234,5;b\n');

      expect(column(profile, 'x').reason).toBe(
        "one value (1235) in every non-missing cell; numbers with a decimal comma and '.' between thousands"
      );
    });
  });

  describe('#numberFormats', () => {
    const text = 'amount\tname\n1.234\tA\n5.678\tB\n12.000\tC\n7\tD\n';

    it('should read with the set format', () => {
      const { profile, table } = loadText(text, 'amounts.tsv', {
        numberFormats: { amount: commaDot }
      });
      const amount = column(profile, 'amount');

      expect(amount.numberFormat).toEqual(commaDot);
      expect(amount.reason).toBe(
        "numbers with a decimal comma and '.' between thousands (format set by you), 4 distinct values"
      );
      expect(amount.min).toBe(7);
      expect(amount.max).toBe(12000);
      expect(Array.from(numericColumn(table, 'amount', commaDot))).toEqual([1234, 5678, 12000, 7]);
    });

    it('should count cells outside the set format as invalid', () => {
      const { profile } = loadText(`${text}2.5\tE\nabc\tF\n`, 'amounts.tsv', {
        numberFormats: { amount: commaDot }
      });
      const amount = column(profile, 'amount');
      const finding = profile.findings.find(item => item.code === 'invalid-values');

      expect(amount.type).toBe('numeric');
      expect(amount.invalid).toBe(2);
      expect(amount.reason).toContain('2 invalid values read as missing');
      expect(finding?.column).toBe('amount');
      expect(finding?.lines).toEqual([6, 7]);
      expect(finding?.message).toContain("such as '2.5'");
    });

    it('should detect the format without a setting', () => {
      const { profile } = loadText(text, 'amounts.tsv');

      expect(column(profile, 'amount').numberFormat).toEqual(plain);
      expect(column(profile, 'amount').min).toBe(1.234);
    });

    it('should warn when no cell reads in the set format', () => {
      const { profile } = loadText(text, 'amounts.tsv', { numberFormats: { name: commaDot } });
      const finding = profile.findings.find(item => item.code === 'number-format-unused');

      expect(column(profile, 'name').type).toBe('categorical');
      expect(column(profile, 'name').invalid).toBe(0);
      expect(finding?.column).toBe('name');
      expect(finding?.message).toContain("decimal comma, '.' between thousands");
    });

    it('should ignore a format for an absent column', () => {
      const { profile } = loadText(text, 'amounts.tsv', { numberFormats: { other: commaDot } });

      expect(column(profile, 'amount').numberFormat).toEqual(plain);
      expect(profile.findings).toEqual([]);
    });

    it('should throw for an invalid set format', () => {
      const numberFormats = { amount: { decimal: ',', thousands: ',' } as INumberFormat };

      expect(() => loadText(text, 'amounts.tsv', { numberFormats })).toThrow(
        'Invalid number format'
      );
    });
  });
});

describe('applyPlan', () => {
  const training = 'price;size\n1.234,50;1\n89,90;2\n2.499,00;3\n450,25;4\n';

  it('should read new rows in the fitted format', () => {
    const { table, profile } = loadText(training, 'train.csv');
    const plan = fitPlan(table, profile, ['price'], [0, 1, 2, 3]);
    const fresh = readCsv('price;size\n2.000,00;1\n12,5;2\n;3\n', 'new.csv');

    const encoded = applyPlan(plan, fresh, [0, 1, 2]);

    expect(plan.columns[0]).toMatchObject({ kind: 'numeric', format: commaDot, decimalComma: true });
    expect(decode(encoded, plan, 'price')).toEqual([2000, 12.5, 842.38]);
  });

  it('should use the set format in fit and apply', () => {
    const text = 'amount\tsize\n1.234\t1\n5.678\t2\n12.000\t3\n';
    const { table, profile } = loadText(text, 'a.tsv', { numberFormats: { amount: commaDot } });
    const plan = fitPlan(table, profile, ['amount'], [0, 1, 2]);

    const encoded = applyPlan(plan, table, [0, 1, 2]);

    expect(plan.columns[0]).toMatchObject({ format: commaDot });
    expect(decode(encoded, plan, 'amount')).toEqual([1234, 5678, 12000]);
  });

  it('should apply a plan that has no format', () => {
    const { table, profile } = loadText('a;b\n1,5;x\n2,5;y\n', 'old.csv');
    const plan = fitPlan(table, profile, ['a'], [0, 1]);
    const { format: _format, ...older } = plan.columns[0] as { format?: INumberFormat };
    const oldPlan = { ...plan, columns: [older] } as IPreprocessPlan;

    expect(decode(applyPlan(oldPlan, table, [0, 1]), oldPlan, 'a')).toEqual([1.5, 2.5]);
  });
});

describe('thousands-separators.csv', () => {
  const { table, profile } = loadCase('variants/thousands-separators.csv');

  it('should profile both number columns', () => {
    const price = column(profile, 'price_eur');
    const units = column(profile, 'units');

    expect(table.delimiter).toBe(';');
    expect(price.type).toBe('numeric');
    expect(price.numberFormat).toEqual(commaDot);
    expect(price.min).toBe(35.5);
    expect(price.max).toBe(12345.75);
    expect(price.missing).toBe(1);
    expect(units.type).toBe('numeric');
    expect(units.numberFormat).toEqual(commaDot);
    expect(units.min).toBe(600);
    expect(units.max).toBe(15000);
    expect(profile.findings).toEqual([]);
  });

  it('should prepare the parsed values', () => {
    const config = configFor('returned', 'classification', ['price_eur', 'units'], {
      holdout: 0.2
    });

    const prepared = prepareData(table, profile, config);
    const train = Array.from(prepared.rows.train);
    const prices = [1234.5, 89.9, 2499, 12345.75, 450.25, NaN, 999.99, 1050, 35.5, 120];
    const medianPrice = (prepared.plan.columns[0] as { scaler: { median: number } }).scaler
      .median;
    const expected = train.map(row =>
      Number.isNaN(prices[row]) ? Math.round(medianPrice * 100) / 100 : prices[row]
    );

    expect(decode(prepared.data.xTrain, prepared.plan, 'price_eur')).toEqual(expected);
    expect(prepared.plan.columns.map(item => item.kind)).toEqual(['numeric', 'numeric']);
  });
});
