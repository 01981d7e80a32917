/**
 * Defaults for reading files, in a module of their own so the page can use
 * them without loading the CSV parser.
 */

/** Cell texts read as missing when `IReadOptions.missingMarkers` is absent. */
export const DEFAULT_MISSING_MARKERS: readonly string[] = [
  '',
  'NA',
  'N/A',
  'NaN',
  'nan',
  'null',
  'NULL',
  '?',
  '-',
  'None'
];

/** Data rows kept when `IReadOptions.rowLimit` is absent. */
export const DEFAULT_ROW_LIMIT = 1_000_000;
