import {
  ColumnBuilder,
  columnTexts,
  countMissing,
  FORM_MISSING,
  FORM_SHORTEST,
  FORM_TEXT,
  gatherColumn,
  IColumnData
} from '../../src/data/column';
import { mulberry32 } from '../../src/data/random';

/** Build a column where '' is a missing cell. */
function build(cells: string[]): IColumnData {
  const builder = new ColumnBuilder(2);
  cells.forEach(cell => (cell === '' ? builder.pushMissing() : builder.push(cell)));
  return builder.finish();
}

describe('ColumnBuilder', () => {
  describe('#push', () => {
    it.each([
      ['12', 0],
      ['0', 0],
      ['-0.5', 1],
      ['-3.25', 2],
      ['1.50', 2],
      ['0.000', 3],
      ['1e+21', FORM_SHORTEST],
      ['123456789012345678', FORM_TEXT],
      ['-0.00', FORM_TEXT],
      ['007', FORM_TEXT],
      ['+1', FORM_TEXT],
      [' 1', FORM_TEXT],
      ['1e3', FORM_TEXT],
      ['-0', FORM_TEXT],
      ['1.', FORM_TEXT],
      ['Infinity', FORM_TEXT],
      ['0x10', FORM_TEXT],
      ['abc', FORM_TEXT]
    ])('should store %s with form %d', (cell, form) => {
      const column = build([cell]);

      expect(column.forms[0]).toBe(form);
      expect(columnTexts(column)).toEqual([cell]);
    });

    it('should keep every text through growth', () => {
      const cells = Array.from({ length: 50 }, (_, row) =>
        ['', 'x', '1.50', '7', 'x', '007'][row % 6]
      );

      const column = build(cells);

      expect(columnTexts(column)).toEqual(cells);
      expect(column.dictionary).toEqual(['x', '007']);
      expect(countMissing(column)).toBe(9);
      expect(column.forms.filter(form => form === FORM_MISSING)).toHaveLength(9);
    });

    it('should store the value Number reads', () => {
      const random = mulberry32(11);
      const cells = Array.from({ length: 20_000 }, () => {
        const digits = 1 + Math.floor(random() * 15);
        const text = String(Math.floor(random() * 10 ** digits));
        const decimals = Math.floor(random() * Math.min(digits, 8));
        const point = text.length - decimals;
        const sign = random() < 0.3 ? '-' : '';
        return decimals === 0 ? sign + text : `${sign}${text.slice(0, point) || '0'}.${text.slice(point)}`;
      });

      const column = build(cells);

      cells.forEach((cell, row) => {
        if (column.forms[row] >= 0) {
          expect(Object.is(column.values![row], Number(cell))).toBe(true);
        }
      });
      expect(columnTexts(column)).toEqual(cells);
    });

    it('should leave value and code arrays out when unused', () => {
      expect(build(['a', '', 'b']).values).toBeNull();
      expect(build(['1', '', '2.5']).codes).toBeNull();
    });
  });
});

describe('gatherColumn', () => {
  it('should keep rows in order and rebuild the dictionary', () => {
    const column = build(['a', 'b', '3', '', 'c', 'b']);

    const gathered = gatherColumn(column, [5, 2, 3, 4]);

    expect(columnTexts(gathered)).toEqual(['b', '3', '', 'c']);
    expect(gathered.dictionary).toEqual(['b', 'c']);
  });
});
