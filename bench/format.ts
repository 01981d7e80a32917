/** Formatting helpers of the benchmark report. */
import { ISummary } from './common';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** A parsed result file. */
export type Json = any;

/** Format a number with `digits` significant digits, without exponent notation. */
export function num(value: number, digits = 3): string {
  if (!Number.isFinite(value)) {
    return 'n/a';
  }
  const magnitude = Math.floor(Math.log10(Math.abs(value) || 1));
  const decimals = Math.max(0, digits - 1 - magnitude);
  return value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals
  });
}

/** Format a count with thousands separators. */
export function int(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** "median (min–max)", optionally scaled, for example from ms to s. */
export function spread(summary: ISummary, scale = 1, digits = 3): string {
  return `${num(summary.median * scale, digits)} (${num(summary.min * scale, digits)}–${num(summary.max * scale, digits)})`;
}

export function ratio(summary: ISummary): string {
  return `**${num(summary.median)}×** (${num(summary.min)}–${num(summary.max)})`;
}

export function table(header: string[], rows: string[][]): string {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  return [...lines, ...rows.map(row => `| ${row.join(' | ')} |`)].join('\n');
}

