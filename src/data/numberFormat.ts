/**
 * Number formats of text columns: the decimal mark and the thousands
 * separator, detected per column from its cells or set by the person, and
 * the parser for each format.
 */

/** Number format of a column: its decimal mark and thousands separator. */
export interface INumberFormat {
  /** Decimal mark. */
  decimal: '.' | ',';
  /**
   * Thousands separator, or '' for none. A space stands for any of the space,
   * the no-break space (U+00A0) and the narrow no-break space (U+202F).
   */
  thousands: '' | ',' | '.' | ' ' | "'";
}

/** Decimal point and no thousands separator, as in `1234.5`. */
export const PLAIN_FORMAT: INumberFormat = Object.freeze({ decimal: '.', thousands: '' });

/** Decimal comma and no thousands separator, as in `1234,5`. */
export const DECIMAL_COMMA_FORMAT: INumberFormat = Object.freeze({
  decimal: ',',
  thousands: ''
});

/** Regular expression source matching one thousands separator. */
const SEPARATOR_SOURCES: Record<INumberFormat['thousands'], string> = {
  '': '',
  ',': ',',
  '.': '\\.',
  ' ': '[ \\u00a0\\u202f]',
  "'": "'"
};

/** Names of the thousands separators in descriptions. */
const SEPARATOR_NAMES: Record<INumberFormat['thousands'], string> = {
  '': 'nothing',
  ',': "','",
  '.': "'.'",
  ' ': 'spaces',
  "'": 'apostrophes'
};

/** A cell that every format reads alike: an optional sign and digits. */
const INTEGER_PATTERN = /^[+-]?\d+$/;

/**
 * Tokens that spreadsheets and numeric libraries write for values that are
 * not finite numbers. Compared in lower case.
 */
const INVALID_TOKENS = new Set([
  'inf',
  '+inf',
  '-inf',
  'infinity',
  '+infinity',
  '-infinity',
  '#div/0!',
  '#value!',
  '#num!',
  '#ref!',
  '#name?',
  '#null!',
  '#n/a'
]);

/**
 * Formats tried by `detectNumberFormat`, in order of preference, so a column
 * whose cells fit several formats gets the first. Outside semicolon files a
 * lone `1.234` is 1.234, and `1,234` is 1.234 too unless the file is
 * comma-delimited. A semicolon delimiter usually comes from a spreadsheet
 * that writes decimal commas, so there `1.234` is 1234.
 *
 * NOTE: a column where every separator is followed by exactly three digits
 * fits both readings, and this order only guesses from the delimiter. The
 * person can set the format with `IReadOptions.numberFormats`.
 */
const POINT_FIRST: INumberFormat[] = [
  { decimal: '.', thousands: '' },
  { decimal: ',', thousands: '' },
  { decimal: '.', thousands: ',' },
  { decimal: ',', thousands: '.' },
  { decimal: '.', thousands: ' ' },
  { decimal: ',', thousands: ' ' },
  { decimal: '.', thousands: "'" },
  { decimal: ',', thousands: "'" }
];
const COMMA_FIRST: INumberFormat[] = [
  { decimal: ',', thousands: '' },
  { decimal: ',', thousands: '.' },
  { decimal: ',', thousands: ' ' },
  { decimal: ',', thousands: "'" },
  { decimal: '.', thousands: '' },
  { decimal: '.', thousands: ',' },
  { decimal: '.', thousands: ' ' },
  { decimal: '.', thousands: "'" }
];

/** Compiled patterns, by `formatKey`. */
const patterns = new Map<string, { syntax: RegExp; separator: RegExp | null }>();

/** Return whether a cell is an infinity or spreadsheet error token such as `#DIV/0!`. */
export function isInvalidToken(cell: string): boolean {
  return INVALID_TOKENS.has(cell.trim().toLowerCase());
}

/** Return whether `value` is a valid number format. */
export function isNumberFormat(value: unknown): value is INumberFormat {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { decimal, thousands } = value as Record<string, unknown>;
  return (
    (decimal === '.' || decimal === ',') &&
    typeof thousands === 'string' &&
    Object.prototype.hasOwnProperty.call(SEPARATOR_SOURCES, thousands) &&
    thousands !== decimal
  );
}

/**
 * Return a string that identifies a format, for use as a cache key. Throws
 * when the format is invalid, for example with the same mark for decimals
 * and thousands.
 */
export function formatKey(format: INumberFormat): string {
  if (!isNumberFormat(format)) {
    throw new Error(
      `Invalid number format ${JSON.stringify(format)}: decimal must be '.' or ',', ` +
        `thousands one of '', ',', '.', ' ' or "'", and the two must differ.`
    );
  }
  return format.decimal + format.thousands;
}

/**
 * Return whether a cell is written as a number in `format`, even one that
 * overflows such as `1e400`. Missing cells are not.
 */
export function matchesNumberFormat(cell: string, format: INumberFormat): boolean {
  return patternsOf(format).syntax.test(cell.trim());
}

/**
 * Parse a cell written in `format` as a finite number.
 *
 * Accepts an optional sign, digits, the decimal mark and an exponent. With a
 * thousands separator, digits may also be grouped: one to three digits that
 * do not start with 0, then groups of exactly three, and such a number takes
 * no exponent. Returns NaN for a missing cell, for other text, and for values
 * that overflow, such as `1e400`. Throws when the format is invalid.
 */
export function parseFormatted(cell: string, format: INumberFormat): number {
  const text = cell.trim();
  const { syntax, separator } = patternsOf(format);
  if (text === '' || !syntax.test(text)) {
    return NaN;
  }
  let normal = separator ? text.replace(separator, '') : text;
  if (format.decimal === ',') {
    normal = normal.replace(',', '.');
  }
  const value = Number(normal);
  return Number.isFinite(value) ? value : NaN;
}

/**
 * Detect how a column writes its numbers, from all its cells.
 *
 * Missing cells and invalid tokens such as `inf` are skipped. Returns null
 * when some other cell is not a number in any format, or when no cell is a
 * number. Every cell must fit the same format, so `1.234,5` beside `12,75`
 * means a decimal comma with '.' between thousands, while `1,5` beside `1.5`
 * is not numeric. A format with a thousands separator or a decimal comma is
 * only chosen when some cell uses it. Decimal commas are not read in a
 * comma-delimited file, even inside quoted fields.
 */
export function detectNumberFormat(cells: Iterable<string>, delimiter: string): INumberFormat | null {
  const order = delimiter === ';' ? COMMA_FIRST : POINT_FIRST;
  let candidates = order
    .filter(format => delimiter !== ',' || format.decimal === '.')
    .map(format => ({ format, usesDecimal: false, usesThousands: false }));
  let numbers = 0;
  for (const cell of cells) {
    const text = cell.trim();
    if (text === '' || INVALID_TOKENS.has(text.toLowerCase())) {
      continue;
    }
    numbers++;
    if (INTEGER_PATTERN.test(text)) {
      continue;
    }
    candidates = candidates.filter(item => matchesNumberFormat(text, item.format));
    if (candidates.length === 0) {
      return null;
    }
    for (const item of candidates) {
      const separator = patternsOf(item.format).separator;
      item.usesDecimal = item.usesDecimal || (item.format.decimal === ',' && text.includes(','));
      item.usesThousands = item.usesThousands || (separator !== null && text.search(separator) >= 0);
    }
  }
  // A '.' between thousands implies a decimal comma even when no cell has one.
  const chosen = candidates.find(
    ({ format, usesDecimal, usesThousands }) =>
      (format.thousands === '' || usesThousands) &&
      (format.decimal === '.' || usesDecimal || format.thousands === '.')
  );
  return numbers > 0 && chosen ? { ...chosen.format } : null;
}

/** Describe a format in English, such as "decimal comma, '.' between thousands". */
export function describeNumberFormat(format: INumberFormat): string {
  const mark = format.decimal === ',' ? 'decimal comma' : 'decimal point';
  if (format.thousands === '') {
    return mark;
  }
  return `${mark}, ${SEPARATOR_NAMES[format.thousands]} between thousands`;
}

/**
 * Describe the numbers of a column in English: "numbers" in the plain
 * format, otherwise such as "numbers with a decimal comma and '.' between
 * thousands".
 */
export function describeNumbers(format: INumberFormat): string {
  const mark = format.decimal === ',' ? 'a decimal comma' : 'a decimal point';
  if (format.thousands === '') {
    return format.decimal === ',' ? `numbers with ${mark}` : 'numbers';
  }
  return `numbers with ${mark} and ${SEPARATOR_NAMES[format.thousands]} between thousands`;
}

/** Return whether a format is the plain one: a decimal point and no separator. */
export function isPlainFormat(format: INumberFormat): boolean {
  return format.decimal === '.' && format.thousands === '';
}

function patternsOf(format: INumberFormat): { syntax: RegExp; separator: RegExp | null } {
  const key = formatKey(format);
  let compiled = patterns.get(key);
  if (!compiled) {
    const mark = format.decimal === '.' ? '\\.' : ',';
    const plain = `(?:\\d+(?:${mark}\\d*)?|${mark}\\d+)(?:[eE][+-]?\\d+)?`;
    const separator = SEPARATOR_SOURCES[format.thousands];
    if (separator === '') {
      compiled = { syntax: new RegExp(`^[+-]?${plain}$`), separator: null };
    } else {
      const grouped = `[1-9]\\d{0,2}(?:${separator}\\d{3})+(?:${mark}\\d*)?`;
      compiled = {
        syntax: new RegExp(`^[+-]?(?:${plain}|${grouped})$`),
        separator: new RegExp(separator, 'g')
      };
    }
    patterns.set(key, compiled);
  }
  return compiled;
}
