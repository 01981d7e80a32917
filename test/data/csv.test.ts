import { DEFAULT_MISSING_MARKERS, readCsv } from '../../src/data/csv';
import { caseText, cellsOf, readCase } from './helpers';

describe('readCsv', () => {
  describe('#bom', () => {
    it('should strip the byte order mark before a quoted header', () => {
      const table = readCase('01-bom-header.csv');

      expect(caseText('01-bom-header.csv').charCodeAt(0)).toBe(0xfeff);
      expect(table.columns[0]).toBe('temperature');
      expect(table.columns).toEqual(['temperature', 'humidity', 'wind_kmh', 'rain_tomorrow']);
      expect(table.findings).toEqual([]);
    });

    it('should strip the byte order mark before an unquoted header', () => {
      const table = readCsv('\ufeffa,b\n1,2\n', 'plain.csv');

      expect(table.columns).toEqual(['a', 'b']);
    });

    it('should read a semicolon file with BOM and CRLF', () => {
      const table = readCase('variants/semicolon-decimal-comma.csv');

      expect(table.delimiter).toBe(';');
      expect(table.columns).toEqual(['region', 'price_eur', 'rating', 'sold']);
      expect(cellsOf(table)[3]).toEqual(['yes', 'no', 'yes', 'no', 'yes', 'no']);
      expect(cellsOf(table)[0][2]).toBe('east; coast');
    });
  });

  describe('#quotes', () => {
    const table = readCase('03-quoted-comma-newline.csv');

    it('should read 10 records of 5 columns', () => {
      expect(table.columns).toHaveLength(5);
      expect(table.lines).toHaveLength(10);
      expect(cellsOf(table).every(cells => cells.length === 10)).toBe(true);
      expect(table.raggedLines).toEqual([]);
      expect(table.findings).toEqual([]);
    });

    it('should keep the line break inside record 3', () => {
      expect(cellsOf(table)[2][2]).toBe('first line\r\nsecond line');
    });

    it('should undouble quotes in record 4', () => {
      expect(cellsOf(table)[2][3]).toBe('Said "urgent" twice');
    });

    it.each([
      [0, 'Late, but polite'],
      [5, 'Multi\nline\nnote, with comma'],
      [7, 'Ends with comma,'],
      [8, 'Tab\tinside'],
      [9, 'Quote at end "']
    ])('should read comment %i literally', (row, expected) => {
      expect(cellsOf(table)[2][row]).toBe(expected);
    });

    it('should count lines after quoted line breaks', () => {
      expect(Array.from(table.lines)).toEqual([2, 3, 4, 6, 7, 8, 11, 12, 13, 14]);
    });

    it('should report an unclosed quote with its line', () => {
      const broken = readCsv('a,b\n1,2\n3,"open\n4,5\n', 'broken.csv');
      const finding = broken.findings.find(item => item.code === 'unclosed-quote');

      expect(finding?.severity).toBe('error');
      expect(finding?.lines).toEqual([3]);
      expect(finding?.message).toContain("'broken.csv'");
      expect(finding?.message).toContain('line 3');
    });
  });

  describe('#delimiter', () => {
    it.each([
      ['comma', 'a,b,c\n1,2,3\n4,5,6\n', 'data.csv', ','],
      ['semicolon', 'a;b;c\n1;2;3\n4;5;6\n', 'data.csv', ';'],
      ['tab', 'a\tb\tc\n1\t2\t3\n', 'data.txt', '\t'],
      ['pipe', 'a|b|c\n1|2|3\n', 'data.txt', '|'],
      ['semicolon with decimal commas', 'a;b\n1,5;2,7\n3,1;4,2\n', 'data.csv', ';'],
      ['tab from the .tsv name', 'a b\n1 2\n', 'data.tsv', '\t'],
      ['comma for one column', 'value\n1\n2\n', 'data.csv', ',']
    ])('should detect %s', (_, text, fileName, expected) => {
      expect(readCsv(text, fileName).delimiter).toBe(expected);
    });

    it('should keep decimal commas inside semicolon fields', () => {
      const table = readCsv('a;b\n1,5;2,7\n3,1;4,2\n', 'decimal.csv');

      expect(cellsOf(table)).toEqual([
        ['1,5', '3,1'],
        ['2,7', '4,2']
      ]);
    });

    it('should use the delimiter from the options', () => {
      const table = readCsv('a;b,c\n1;2,3\n', 'data.csv', { delimiter: ';' });

      expect(table.columns).toEqual(['a', 'b,c']);
    });

    it('should read a pipe file with missing markers', () => {
      const table = readCase('variants/pipe-missing-markers.txt');

      expect(table.delimiter).toBe('|');
      expect(cellsOf(table)[1]).toEqual(['1.5', '', '', '2.5', '', '3.5']);
      expect(cellsOf(table)[2]).toEqual(['ok', '', 'ok', '', 'fail', 'ok']);
      expect(cellsOf(table)[3]).toEqual(['001', '002', '001', '003', '002', '001']);
    });
  });

  describe('#lineEndings', () => {
    it.each([
      ['LF', '\n'],
      ['CRLF', '\r\n'],
      ['CR', '\r']
    ])('should read %s line endings', (_, eol) => {
      const text = ['x,y', '1,2', '3,4', ''].join(eol);
      const table = readCsv(text, 'eol.csv');

      expect(cellsOf(table)).toEqual([
        ['1', '3'],
        ['2', '4']
      ]);
      expect(Array.from(table.lines)).toEqual([2, 3]);
    });

    it('should read mixed line endings without stray carriage returns', () => {
      const table = readCsv('x,y\r\n1,2\n3,4\r\n', 'mixed.csv');

      expect(cellsOf(table)[1]).toEqual(['2', '4']);
    });
  });

  describe('#missingMarkers', () => {
    it.each(DEFAULT_MISSING_MARKERS.map(marker => [marker]))(
      'should store %j as an empty cell',
      marker => {
        const table = readCsv(`a,b\n1,${marker}\n2,x\n`, 'markers.csv');

        expect(cellsOf(table)[1]).toEqual(['', 'x']);
      }
    );

    it('should read the markers of case 08 as missing', () => {
      const table = readCase('08-missing-markers.csv');

      expect(cellsOf(table)[0].filter(cell => cell === '')).toHaveLength(3);
      expect(cellsOf(table)[1].filter(cell => cell === '')).toHaveLength(2);
      expect(cellsOf(table)[2].filter(cell => cell === '')).toHaveLength(1);
      expect(table.lines).toHaveLength(15);
    });

    it('should treat whitespace around a marker as missing', () => {
      const table = readCsv('a,b\n1, NA \n2,x\n', 'spaces.csv');

      expect(cellsOf(table)[1]).toEqual(['', 'x']);
    });

    it('should replace the default markers with the given list', () => {
      const table = readCsv('a,b\n1,NA\n2,missing\n', 'custom.csv', {
        missingMarkers: ['missing']
      });

      expect(cellsOf(table)[1]).toEqual(['NA', '']);
    });
  });

  describe('#ragged', () => {
    it('should report each ragged line with its field count', () => {
      const table = readCase('04-ragged-rows.csv');
      const finding = table.findings.find(item => item.code === 'ragged-rows');

      expect(finding?.severity).toBe('error');
      expect(finding?.message).toContain('line 5: 4 fields, expected 5');
      expect(finding?.message).toContain('line 8: 6 fields, expected 5');
      expect(finding?.message).toContain("'04-ragged-rows.csv'");
      expect(finding?.message).toContain('choose to skip them');
      expect(finding?.lines).toEqual([5, 8]);
    });

    it('should keep ragged rows out of the cells without padding', () => {
      const table = readCase('04-ragged-rows.csv');

      expect(table.raggedLines).toEqual([5, 8]);
      expect(Array.from(table.lines)).toEqual([2, 3, 4, 6, 7, 9, 10, 11]);
      expect(cellsOf(table)[0]).not.toContain('158');
      expect(cellsOf(table)[0]).not.toContain('175');
    });

    it('should not count the trailing blank line', () => {
      const table = readCase('04-ragged-rows.csv');

      expect(table.findings).toHaveLength(1);
      expect(table.raggedLines).not.toContain(12);
    });

    it('should report skipped rows as a warning', () => {
      const table = readCase('04-ragged-rows.csv', { skipRaggedRows: true });
      const finding = table.findings.find(item => item.code === 'ragged-rows-skipped');

      expect(table.findings.map(item => item.code)).toEqual(['ragged-rows-skipped']);
      expect(finding?.severity).toBe('warning');
      expect(finding?.message).toContain('line 5: 4 fields, expected 5');
      expect(finding?.message).toContain('line 8: 6 fields, expected 5');
      expect(table.raggedLines).toEqual([5, 8]);
      expect(table.lines).toHaveLength(8);
    });

    it('should count lines after a quoted line break in a TSV', () => {
      const table = readCase('variants/ragged-after-quoted-break.tsv');
      const finding = table.findings[0];

      expect(table.delimiter).toBe('\t');
      expect(table.raggedLines).toEqual([4, 6]);
      expect(finding.message).toContain('line 4: 3 fields, expected 4');
      expect(finding.message).toContain('line 6: 5 fields, expected 4');
      expect(Array.from(table.lines)).toEqual([2, 5, 7]);
    });

    it('should skip blank lines between rows', () => {
      const table = readCsv('a,b\n1,2\n\n3,4\n', 'gaps.csv');

      expect(table.findings).toEqual([]);
      expect(Array.from(table.lines)).toEqual([2, 4]);
    });

    it('should read a blank line of a one-column file as missing', () => {
      const table = readCsv('a\n1\n\n3\n', 'single.csv');

      expect(cellsOf(table)).toEqual([['1', '', '3']]);
    });
  });

  describe('#empty', () => {
    it.each([
      ['0 bytes', ''],
      ['whitespace', '  \n\r\n\t\n'],
      ['a byte order mark', '\ufeff']
    ])('should report an empty file of %s', (_, text) => {
      const table = readCsv(text, 'blank.csv');

      expect(table.columns).toEqual([]);
      expect(table.findings).toEqual([
        {
          severity: 'error',
          code: 'empty-file',
          message:
            "The file 'blank.csv' is empty. Choose a file with a header row and at least one data row.",
          params: ['blank.csv']
        }
      ]);
    });

    it('should report the 0-byte case file as empty', () => {
      const table = readCase('05-empty-file.csv');

      expect(table.findings.map(item => item.code)).toEqual(['empty-file']);
      expect(table.findings[0].message).toContain("'05-empty-file.csv'");
    });

    it.each([
      ['without a line break', 'a,b,c'],
      ['with a line break', 'a,b,c\n'],
      ['with CRLF and blank lines', 'a,b,c\r\n\r\n']
    ])('should report a header-only file %s', (_, text) => {
      const table = readCsv(text, 'header.csv');

      expect(table.columns).toEqual(['a', 'b', 'c']);
      expect(cellsOf(table)).toEqual([[], [], []]);
      expect(table.findings.map(item => item.code)).toEqual(['no-rows']);
      expect(table.findings[0].severity).toBe('error');
      expect(table.findings[0].message).toContain("'header.csv'");
    });
  });

  describe('#columnNames', () => {
    it('should keep HTML in names and values literally', () => {
      const table = readCase('17-html-script-column-name.csv');

      expect(table.columns).toEqual([
        '<img src=x onerror=alert(1)>',
        '<script>alert("pwned")</script>',
        'plan',
        '</td><td>total',
        'churn'
      ]);
      expect(cellsOf(table)[2][0]).toBe('<b onmouseover=alert(2)>basic</b>');
      expect(cellsOf(table)[4][2]).toBe('<svg/onload=alert(3)>');
    });

    it('should make repeated names unique', () => {
      const table = readCsv('col,col,col\n1,2,3\n', 'dup.csv');
      const finding = table.findings[0];

      expect(table.columns).toEqual(['col', 'col_2', 'col_3']);
      expect(finding.code).toBe('renamed-columns');
      expect(finding.severity).toBe('warning');
      expect(finding.message).toContain("column 2 ('col') is now 'col_2'");
      expect(finding.message).toContain("'dup.csv'");
    });

    it('should name empty names by position', () => {
      const table = readCsv('a,,c,\n1,2,3,4\n', 'blank-names.csv');

      expect(table.columns).toEqual(['a', 'column_2', 'c', 'column_4']);
      expect(table.findings[0].message).toContain("column 2 (empty name) is now 'column_2'");
    });

    it('should not reuse a name that the header has', () => {
      const table = readCsv('a,a,a_2\n1,2,3\n', 'clash.csv');

      expect(table.columns).toEqual(['a', 'a_3', 'a_2']);
    });

    it('should trim spaces around names', () => {
      const table = readCsv(' a , b\n1,2\n', 'spaces.csv');

      expect(table.columns).toEqual(['a', 'b']);
      expect(table.findings).toEqual([]);
    });
  });

  describe('#rowLimit', () => {
    it('should keep the first rows and report the limit', () => {
      const table = readCsv('a,b\n1,2\n3,4\n5,6\n7,8\n', 'big.csv', { rowLimit: 2 });
      const finding = table.findings[0];

      expect(cellsOf(table)[0]).toEqual(['1', '3']);
      expect(Array.from(table.lines)).toEqual([2, 3]);
      expect(finding.code).toBe('row-limit');
      expect(finding.severity).toBe('warning');
      expect(finding.params).toEqual(['big.csv', '4', '2']);
    });

    it('should not report a file at the limit', () => {
      const table = readCsv('a,b\n1,2\n3,4\n', 'exact.csv', { rowLimit: 2 });

      expect(table.findings).toEqual([]);
    });
  });
});
