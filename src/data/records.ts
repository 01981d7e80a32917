/** Unique column names for a file's header record. */

/** A column whose name was changed to make every name unique. */
export interface IRenamedColumn {
  /** Position in the file, from 1. */
  position: number;
  original: string;
  name: string;
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
