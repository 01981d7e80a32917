import { readCsv } from '../../src/data/csv';
import { numericColumn, parseNumber, profileTable } from '../../src/data/profile';
import { column, loadCase, loadText } from './helpers';

describe('parseNumber', () => {
  it.each([
    ['42', 42],
    ['-3.5', -3.5],
    ['+7', 7],
    ['.5', 0.5],
    ['5.', 5],
    ['4.5e11', 4.5e11],
    ['1E-3', 0.001],
    [' 12 ', 12],
    ['007', 7]
  ])('should read %j', (cell, expected) => {
    expect(parseNumber(cell)).toBe(expected);
  });

  it.each([[''], ['NA'], ['abc'], ['inf'], ['Infinity'], ['1e400'], ['#DIV/0!'], ['0x1F'], ['1,5'], ['1 000']])(
    'should return NaN for %j',
    cell => {
      expect(parseNumber(cell)).toBeNaN();
    }
  );

  it('should read a decimal comma on request', () => {
    expect(parseNumber('1,5', true)).toBe(1.5);
    expect(parseNumber('-0,25', true)).toBe(-0.25);
  });
});

describe('numericColumn', () => {
  it('should use NaN for missing and invalid cells', () => {
    const table = readCsv('x,y\n1.5,a\n,b\ninf,c\n2,d\n', 'numbers.csv');

    const values = numericColumn(table, 'x');

    expect(Array.from(values)).toEqual([1.5, NaN, NaN, 2]);
  });

  it('should read decimal commas of a semicolon file', () => {
    const table = readCsv('a;b\n1,5;2\n3,25;4\n', 'comma.csv');

    expect(Array.from(numericColumn(table, 'a'))).toEqual([1.5, 3.25]);
  });

  it('should throw for an unknown column', () => {
    const table = readCsv('a\n1\n', 'one.csv');

    expect(() => numericColumn(table, 'b')).toThrow("Column 'b' is not in 'one.csv'");
  });
});

describe('profileTable', () => {
  describe('#cases', () => {
    it('should profile the BOM case as numeric', () => {
      const { profile } = loadCase('01-bom-header.csv');
      const temperature = column(profile, 'temperature');

      expect(temperature.type).toBe('numeric');
      expect(temperature.min).toBe(15.8);
      expect(temperature.max).toBe(26.1);
      expect(temperature.summary).toBe('15.8 – 26.1');
      expect(column(profile, 'rain_tomorrow').topValues).toEqual([
        { value: 'no', count: 6 },
        { value: 'yes', count: 6 }
      ]);
    });

    it('should detect free text in the quoted case', () => {
      const { profile } = loadCase('03-quoted-comma-newline.csv');
      const comment = column(profile, 'comment');

      expect(comment.type).toBe('text');
      expect(comment.reason).toContain('free text');
      expect(comment.missing).toBe(1);
      expect(column(profile, 'channel').type).toBe('categorical');
      expect(column(profile, 'escalated').topValues).toEqual([
        { value: 'no', count: 6 },
        { value: 'yes', count: 4 }
      ]);
    });

    it('should keep numeric columns numeric despite markers', () => {
      const { profile } = loadCase('08-missing-markers.csv');

      expect(column(profile, 'age').type).toBe('numeric');
      expect(column(profile, 'age').missing).toBe(3);
      expect(column(profile, 'income').type).toBe('numeric');
      expect(column(profile, 'income').missing).toBe(2);
      expect(column(profile, 'region').type).toBe('categorical');
      expect(column(profile, 'region').missing).toBe(1);
      expect(profile.rowCount).toBe(15);
    });

    it('should flag constant columns', () => {
      const { profile } = loadCase('11-constant-column.csv');

      expect(column(profile, 'sensor_offset').type).toBe('constant');
      expect(column(profile, 'calibrated').type).toBe('constant');
      expect(column(profile, 'voltage').type).toBe('numeric');
    });

    it('should read values near 1e12 as numbers', () => {
      const { profile } = loadCase('15-huge-magnitude-nan-loss.csv');
      const revenue = column(profile, 'annual_revenue_usd');

      expect(revenue.type).toBe('numeric');
      expect(revenue.max).toBe(980000000000);
      expect(revenue.invalid).toBe(0);
      expect(column(profile, 'valuation_usd').max).toBe(1568000000000);
    });

    it('should keep HTML names and values as given', () => {
      const { profile } = loadCase('17-html-script-column-name.csv');

      expect(profile.columns[0].name).toBe('<img src=x onerror=alert(1)>');
      expect(profile.columns[0].type).toBe('numeric');
      expect(column(profile, 'plan').topValues?.[0].value).toBe(
        '<b onmouseover=alert(2)>basic</b>'
      );
    });

    it('should include ragged findings and lines', () => {
      const { profile } = loadCase('04-ragged-rows.csv');

      expect(profile.raggedLines).toEqual([5, 8]);
      expect(profile.findings.map(finding => finding.code)).toEqual(['ragged-rows']);
      expect(profile.rowCount).toBe(8);
    });

    it('should profile an empty file with no columns', () => {
      const { profile } = loadCase('05-empty-file.csv');

      expect(profile.columns).toEqual([]);
      expect(profile.preview).toEqual([]);
      expect(profile.findings[0].code).toBe('empty-file');
    });
  });

  describe('#types', () => {
    it.each([
      ['numeric', 'x\n1.5\n2\n3.25\n4\n', 'numeric'],
      ['exponent numbers', 'x\n4.5e11\n1e3\n2.5E-2\n7\n', 'numeric'],
      ['boolean words', 'x\nyes\nno\nYes\nno\n', 'boolean'],
      ['true and false', 'x\ntrue\nfalse\ntrue\n', 'boolean'],
      ['0 and 1', 'x\n0\n1\n1\n0\n', 'boolean'],
      ['constant numbers', 'x\n3\n3\n3\n', 'constant'],
      ['empty', 'x,y\n,1\nNA,2\n', 'empty'],
      ['ISO dates', 'x\n2024-01-31\n2024-02-29\n2023-12-01T10:00:00\n', 'datetime'],
      ['categories', 'x\nred\nblue\nred\ngreen\nblue\nred\n', 'categorical'],
      ['leading-zero codes', 'x\n007\n012\n007\n100\n', 'categorical'],
      ['unique codes', 'x\nA-1\nB-2\nC-3\nD-4\nE-5\n', 'identifier']
    ])('should read %s', (_, text, type) => {
      const { profile } = loadText(text);

      expect(profile.columns[0].type).toBe(type);
    });

    it('should keep codes with leading zeros as text', () => {
      const { profile } = loadText('zip,n\n01234,1\n02345,2\n01234,3\n');
      const zip = column(profile, 'zip');

      expect(zip.type).toBe('categorical');
      expect(zip.reason).toContain("'01234'");
      expect(zip.min).toBeUndefined();
    });

    it.each([
      ['an ID name', 'customer_id,v\n5,a\n9,b\n2,a\n7,b\n'],
      ['a counting sequence', 'row,v\n1,a\n2,b\n3,a\n4,b\n5,a\n6,b\n']
    ])('should detect a numeric identifier by %s', (_, text) => {
      const { profile } = loadText(text);

      expect(profile.columns[0].type).toBe('identifier');
    });

    it('should keep unique measurements numeric', () => {
      const { profile } = loadCase('04-ragged-rows.csv');

      expect(column(profile, 'height_cm').type).toBe('numeric');
    });

    it('should read a high-cardinality column', () => {
      const rows = Array.from({ length: 120 }, (_, i) => `level${i % 80}`);
      const { profile } = loadText(['name', ...rows, ''].join('\n'));

      expect(profile.columns[0].type).toBe('high-cardinality');
    });

    it('should read decimal commas in a semicolon file', () => {
      const { profile } = loadCase('variants/semicolon-decimal-comma.csv');
      const price = column(profile, 'price_eur');

      expect(price.type).toBe('numeric');
      expect(price.reason).toContain('decimal comma');
      expect(price.min).toBe(1.5);
      expect(price.max).toBe(6.5);
      expect(price.missing).toBe(1);
      expect(column(profile, 'rating').missing).toBe(1);
    });

    it.each([
      ['day-first', 'd\n31/01/2024\n01/02/2024\n15/03/2024\n', 'day-first', '31/01/2024 – 15/03/2024'],
      ['month-first', 'd\n01/31/2024\n02/01/2024\n03/15/2024\n', 'month-first', '01/31/2024 – 03/15/2024'],
      ['dotted', 'd\n01.02.2024\n03.04.2024\n', 'day-first', '01.02.2024 – 03.04.2024']
    ])('should read %s dates', (_, text, order, summary) => {
      const { profile } = loadText(text);

      expect(profile.columns[0].type).toBe('datetime');
      expect(profile.columns[0].reason).toContain(order);
      expect(profile.columns[0].summary).toBe(summary);
    });

    it('should not read impossible dates as dates', () => {
      const { profile } = loadText('d\n31/02/2024\n01/02/2024\n');

      expect(profile.columns[0].type).not.toBe('datetime');
    });
  });

  describe('#invalid', () => {
    const text = 'x,y\n1.5,a\ninf,b\n2,c\n#DIV/0!,d\n1e400,e\n-Infinity,f\n#VALUE!,g\n3,h\n';

    it('should count invalid numbers apart from missing ones', () => {
      const { profile } = loadText(text, 'invalid.csv');
      const x = column(profile, 'x');

      expect(x.type).toBe('numeric');
      expect(x.invalid).toBe(5);
      expect(x.missing).toBe(0);
      expect(x.min).toBe(1.5);
      expect(x.max).toBe(3);
    });

    it('should report invalid numbers with their lines', () => {
      const { profile } = loadText(text, 'invalid.csv');
      const finding = profile.findings.find(item => item.code === 'invalid-values');

      expect(finding?.severity).toBe('warning');
      expect(finding?.column).toBe('x');
      expect(finding?.lines).toEqual([3, 5, 6, 7, 8]);
      expect(finding?.message).toContain("Column 'x' of 'invalid.csv'");
      expect(finding?.message).toContain('lines 3, 5, 6, 7 and 8');
    });
  });

  describe('#summary', () => {
    it('should list top values with counts', () => {
      const { profile } = loadText('c\nb\na\nb\nc\nb\na\n');

      expect(profile.columns[0].summary).toBe('b (3), a (2), c (1)');
    });

    it('should format a huge range with exponents', () => {
      const { profile } = loadCase('15-huge-magnitude-nan-loss.csv');

      expect(column(profile, 'annual_revenue_usd').summary).toBe('1.2e+9 – 9.8e+11');
    });
  });

  describe('#preview', () => {
    it('should keep the first 10 rows as text', () => {
      const { profile } = loadCase('20-sorted-target-validation-split.csv');

      expect(profile.preview).toHaveLength(10);
      expect(profile.preview[0]).toEqual(['1.0', '5.0', 'a', 'no']);
    });

    it('should copy the table findings', () => {
      const table = readCsv('a,a\n1,2\n', 'dup.csv');

      expect(profileTable(table).findings).toEqual(table.findings);
    });
  });
});
