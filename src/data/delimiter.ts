/** Detection of the field delimiter of a delimited text file. */

import Papa from 'papaparse';

/** Delimiters tried by `detectDelimiter`, in order of preference on ties. */
export const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'];

/** Characters of the file looked at to detect the delimiter. */
export const SAMPLE_CHARS = 64 * 1024;

/** Records of the sample compared with the header. */
const SAMPLE_RECORDS = 50;

/**
 * Detect the field delimiter of `text`.
 *
 * A `.tsv` or `.tab` file name means tab. Otherwise each candidate splits the
 * header and the first 50 records of the first 64 KiB. A candidate must give
 * the header at least 2 fields. The winner has the largest share of records
 * with the header's field count, then the most fields. So `1,5;2,7` under
 * the header `a;b` is semicolon-separated, because splitting on commas leaves
 * the header as one field. Returns `,` when no candidate splits the header.
 */
export function detectDelimiter(text: string, fileName: string): string {
  if (/\.(tsv|tab)$/i.test(fileName)) {
    return '\t';
  }
  let sample = text.slice(0, SAMPLE_CHARS);
  if (text.length > SAMPLE_CHARS) {
    const lastBreak = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
    sample = lastBreak > 0 ? sample.slice(0, lastBreak) : sample;
  }
  let best = ',';
  let bestScore = [-1, 0];
  for (const delimiter of CANDIDATE_DELIMITERS) {
    const score = scoreDelimiter(sample, delimiter);
    const better =
      score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1]);
    if (better) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Return [share of records matching the header's width, header width]. */
function scoreDelimiter(sample: string, delimiter: string): [number, number] {
  const parsed = Papa.parse<string[]>(sample, {
    delimiter,
    preview: SAMPLE_RECORDS + 1,
    skipEmptyLines: 'greedy'
  });
  const [header, ...rows] = parsed.data;
  if (!header || header.length < 2) {
    return [-1, 0];
  }
  if (rows.length === 0) {
    return [1, header.length];
  }
  const matching = rows.filter(row => row.length === header.length).length;
  return [matching / rows.length, header.length];
}
