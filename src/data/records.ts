/**
 * Helpers for the records Papa Parse returns: file line numbers and unique
 * column names.
 */

/** One parsed record and the file line (header = 1) where it starts. */
export interface IRecord {
  fields: string[];
  line: number;
}

/** A column whose name was changed to make every name unique. */
export interface IRenamedColumn {
  /** Position in the file, from 1. */
  position: number;
  original: string;
  name: string;
}

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Attach the starting line number to each record.
 *
 * A record starts one line after the previous record plus the line breaks
 * inside that record's quoted fields, so a record spanning three lines moves
 * every later line number by two. Records must be parsed with empty lines
 * kept. When the file's line break is `\n`, a `\r` left at the end of a
 * record by mixed line endings is removed first.
 */
export function numberRecords(rows: string[][], linebreak: string): IRecord[] {
  const records: IRecord[] = [];
  let line = 1;
  for (const fields of rows) {
    const last = fields.length - 1;
    if (linebreak === '\n' && last >= 0 && fields[last].endsWith('\r')) {
      fields[last] = fields[last].slice(0, -1);
    }
    records.push({ fields, line });
    line += 1 + countLineBreaks(fields);
  }
  return records;
}

function countLineBreaks(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    if (field.includes('\n') || field.includes('\r')) {
      count += field.match(LINE_BREAK)?.length ?? 0;
    }
  }
  return count;
}

/**
 * Make header names unique and non-empty.
 *
 * Names are trimmed. An empty name becomes `column_<position>` (from 1) and
 * a repeated name gets `_2`, `_3`, ... in file order; a generated name never
 * equals another name of the header.
 */
export function uniqueNames(header: string[]): {
  names: string[];
  renamed: IRenamedColumn[];
} {
  const trimmed = header.map(name => name.trim());
  const usedNames = new Set(trimmed.filter(name => name !== ''));
  const assigned = new Set<string>();
  const renamed: IRenamedColumn[] = [];
  const names = trimmed.map((name, index) => {
    if (name !== '' && !assigned.has(name)) {
      assigned.add(name);
      return name;
    }
    const base = name === '' ? `column_${index + 1}` : name;
    let unique = name === '' && !usedNames.has(base) ? base : '';
    for (let suffix = 2; unique === ''; suffix++) {
      const candidate = `${base}_${suffix}`;
      unique = usedNames.has(candidate) ? '' : candidate;
    }
    usedNames.add(unique);
    assigned.add(unique);
    renamed.push({ position: index + 1, original: name, name: unique });
    return unique;
  });
  return { names, renamed };
}
