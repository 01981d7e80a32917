/**
 * Helpers that build findings, so every message of the data room names its
 * values the same way.
 */

import { IFinding, Severity } from '../core/types';

/** Line numbers listed in a message before the rest is summarised. */
const MAX_LISTED_LINES = 10;

/** Optional parts of a finding. */
export interface IFindingExtras {
  column?: string;
  lines?: number[];
}

/**
 * Create a finding.
 *
 * `params` must hold the values that appear in `message`, in order, so the
 * page can translate the message from its `code`. A value that the message
 * repeats is listed once, and a count that `plural` formats ("3 rows") is
 * passed as the bare number, so the page can choose the plural form itself.
 */
export function makeFinding(
  severity: Severity,
  code: string,
  message: string,
  params: Array<string | number>,
  extras: IFindingExtras = {}
): IFinding {
  const finding: IFinding = {
    severity,
    code,
    message,
    params: params.map(String)
  };
  if (extras.column !== undefined) {
    finding.column = extras.column;
  }
  if (extras.lines !== undefined) {
    finding.lines = extras.lines;
  }
  return finding;
}

/**
 * Format line numbers for a message, for example "lines 3, 5 and 9".
 *
 * Lists at most 10 lines and summarises the rest as "and N more".
 */
export function formatLines(lines: number[]): string {
  if (lines.length === 1) {
    return `line ${lines[0]}`;
  }
  const listed = lines.slice(0, MAX_LISTED_LINES);
  const rest = lines.length - listed.length;
  if (rest > 0) {
    return `lines ${listed.join(', ')} and ${rest} more`;
  }
  const last = listed.pop();
  return `lines ${listed.join(', ')} and ${last}`;
}

/** Pluralise `noun` for `count`, for example "1 row" and "3 rows". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Format a number for a summary or message.
 *
 * Keeps 4 significant digits and switches to exponent notation at 1e9 and
 * above, or below 1e-4, so "980000000000" reads as "9.8e+11".
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) {
    return String(value);
  }
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e9 || magnitude < 1e-4)) {
    return Number(value.toPrecision(4)).toExponential();
  }
  return String(Number(value.toPrecision(4)));
}
