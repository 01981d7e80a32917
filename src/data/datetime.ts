/**
 * Date reading for datetime columns: ISO dates (`2024-01-31`, optionally
 * with a time) and day-first or month-first dates with a four-digit year
 * (`31/01/2024`, `01/31/2024`, `31.01.2024`).
 */

/** Order of the date parts in a column. */
export type DateOrder = 'ymd' | 'dmy' | 'mdy';

/** The parts of a date that the preprocessing plan uses as features. */
export interface IDateParts {
  year: number;
  /** 1 to 12. */
  month: number;
  /** 1 to 31. */
  day: number;
  /** 0 (Sunday) to 6 (Saturday). */
  dayOfWeek: number;
}

const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME}$`);
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})${TIME}$`);

/** Parse a date with a known part order; null when the text is not a valid date. */
export function parseDate(cell: string, order: DateOrder): IDateParts | null {
  const text = cell.trim();
  let year: number;
  let month: number;
  let day: number;
  if (order === 'ymd') {
    const match = YEAR_FIRST.exec(text);
    if (!match) {
      return null;
    }
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    const match = YEAR_LAST.exec(text);
    if (!match) {
      return null;
    }
    const first = Number(match[1]);
    const second = Number(match[3]);
    year = Number(match[4]);
    [day, month] = order === 'dmy' ? [first, second] : [second, first];
  }
  return validParts(year, month, day);
}

/**
 * Detect the part order of a column of dates, or null when some non-missing
 * cell is not a date.
 *
 * For `a/b/yyyy` dates a first part above 12 means day-first and a second
 * part above 12 means month-first. When no part is above 12 the order is
 * ambiguous, and the column counts as day-first with dots (`31.01.2024`) and
 * month-first otherwise.
 */
export function detectDateOrder(cells: string[]): DateOrder | null {
  const values = cells.map(cell => cell.trim()).filter(text => text !== '');
  if (values.length === 0) {
    return null;
  }
  if (values.every(text => parseDate(text, 'ymd') !== null)) {
    return 'ymd';
  }
  const matches: RegExpExecArray[] = [];
  for (const text of values) {
    const match = YEAR_LAST.exec(text);
    if (!match) {
      return null;
    }
    matches.push(match);
  }
  const dayFirst = matches.some(match => Number(match[1]) > 12);
  const monthFirst = matches.some(match => Number(match[3]) > 12);
  let order: DateOrder;
  if (dayFirst !== monthFirst) {
    order = dayFirst ? 'dmy' : 'mdy';
  } else if (dayFirst) {
    return null;
  } else {
    order = matches[0][2] === '.' ? 'dmy' : 'mdy';
  }
  return values.every(text => parseDate(text, order) !== null) ? order : null;
}

/** Describe a date order for a column's type reason. */
export function describeDateOrder(order: DateOrder): string {
  switch (order) {
    case 'ymd':
      return 'year-month-day dates';
    case 'dmy':
      return 'day-first dates';
    case 'mdy':
      return 'month-first dates';
  }
}

function validParts(year: number, month: number, day: number): IDateParts | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    return null;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day, dayOfWeek: date.getUTCDay() };
}
