/**
 * Test helpers for the CLI: an in-memory `ICliIO` that reads real files and
 * records everything written, and paths of the fixture files.
 */
import * as path from 'path';

import { ICliIO, main, nodeIO } from '../../src/cli/main';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..', '..');

/** Path of a file in `test/fixtures/cases`, relative to the repository root. */
export function casePath(name: string): string {
  return path.join('test', 'fixtures', 'cases', name);
}

/** Path of the penguins example, relative to the repository root. */
export const PENGUINS = path.join('examples', 'penguins.csv');

/** What one CLI invocation produced. */
export interface IRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Build an `ICliIO` that resolves paths against the repository root. */
export function memoryIO(): ICliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: text => void out.push(text),
    stderr: text => void err.push(text),
    openFile: file => nodeIO().openFile(path.resolve(ROOT, file))
  };
}

/** Run `main` in this process and collect its exit code and output. */
export async function runCli(...argv: string[]): Promise<IRun> {
  const io = memoryIO();
  const code = await main(argv, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

/** Run `main` and parse its standard output as JSON. */
export async function runJson(...argv: string[]): Promise<IRun & { json: any }> {
  const run = await runCli(...argv);
  return { ...run, json: JSON.parse(run.stdout) };
}

/**
 * Split a POSIX shell command line into words, handling single quotes and
 * the `'\''` idiom; enough for the commands the results cell records.
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quoted) {
      if (char === "'") {
        quoted = false;
      } else {
        word += char;
      }
    } else if (char === "'") {
      quoted = true;
      word = word ?? '';
    } else if (char === '\\' && index + 1 < line.length) {
      word = (word ?? '') + line[++index];
    } else if (char === ' ') {
      if (word !== null) {
        words.push(word);
      }
      word = null;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== null) {
    words.push(word);
  }
  return words;
}
