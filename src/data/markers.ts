/**
 * The default missing-value markers, in a module of their own so the page
 * can show them without loading the CSV parser.
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
