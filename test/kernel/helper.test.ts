/**
 * The kernel helper run by a real Python with pandas: the `.venv` that
 * `scripts/setup.sh` creates, or the interpreter in TRAINING_WIZARD_PYTHON.
 * Without one the suite is skipped, with the reason printed.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { buildExpression, EXPRESSION_KEY } from '../../src/kernel/code';
import {
  parseExpressionReply,
  parseListing,
  parsePushed,
  parseSentFrame
} from '../../src/kernel/messages';

const ROOT = path.resolve(__dirname, '..', '..');
const PYTHON = process.env.TRAINING_WIZARD_PYTHON ?? path.join(ROOT, '.venv', 'bin', 'python');

function hasPandas(): boolean {
  if (!fs.existsSync(PYTHON)) {
    return false;
  }
  return spawnSync(PYTHON, ['-c', 'import pandas']).status === 0;
}

const available = hasPandas();
if (!available) {
  console.warn(`Skipping the kernel helper tests: no Python with pandas at ${PYTHON}. Run scripts/setup.sh.`);
}
const describeWithPython = available ? describe : describe.skip;

interface IPythonRun {
  before: string[];
  after: string[];
  results: Array<Record<string, unknown>>;
  frames: Record<string, { columns: string[]; records: unknown[][] }>;
}

function runPython(setup: string, expressions: string[]): IPythonRun {
  const child = spawnSync(PYTHON, [path.join(__dirname, 'runPython.py')], {
    input: JSON.stringify({ setup, expressions }),
    encoding: 'utf8'
  });
  if (child.status !== 0) {
    throw new Error(`python failed: ${child.stderr}`);
  }
  return JSON.parse(child.stdout);
}

function resultOf(entry: Record<string, unknown>): Record<string, unknown> {
  return parseExpressionReply({ status: 'ok', user_expressions: { [EXPRESSION_KEY]: entry } });
}

const SETUP = [
  'import pandas as pd',
  'df = pd.DataFrame({"x": [1.5, 2.5, None], "label": ["a", "b", "a"]})',
  'données = pd.DataFrame({"é": [1]})',
  '_hidden = pd.DataFrame({"a": [1]})',
  'list = [1, 2]',
  'not_a_frame = {"rows": 3}'
].join('\n');

describeWithPython('kernel helper in Python', () => {
  it('should list the public DataFrames with shape and memory', () => {
    const run = runPython(SETUP, [buildExpression('list', {})]);
    const listing = parseListing(resultOf(run.results[0]));
    expect(listing.pandas).toBe('ok');
    expect(listing.frames.map(frame => frame.name)).toEqual(['df', 'données']);
    expect(listing.frames[0]).toMatchObject({ name: 'df', rows: 3, columns: 2 });
    expect(listing.frames[0].memory).toBeGreaterThan(0);
  });

  it('should leave the user namespace unchanged when listing', () => {
    const run = runPython(SETUP, [buildExpression('list', {}), buildExpression('list', {})]);
    expect(run.after).toEqual(run.before);
  });

  it('should report pandas as not imported without importing it', () => {
    const run = runPython('import sys\nx = 1', [
      buildExpression('list', {}),
      "__import__('sys').modules.get('pandas') is None"
    ]);
    expect(parseListing(resultOf(run.results[0])).pandas).toBe('not-imported');
    expect(run.results[1]).toMatchObject({ data: { 'text/plain': 'True' } });
  });

  it('should report pandas as missing when it cannot be imported', () => {
    const run = runPython("import sys\nsys.modules['pandas'] = None", [
      buildExpression('list', {}),
      buildExpression('send', { name: 'df', request: 'r', target: 't', rowLimit: 10, sample: false, seed: 1 })
    ]);
    expect(parseListing(resultOf(run.results[0])).pandas).toBe('missing');
    expect(() => parseSentFrame(resultOf(run.results[1]))).toThrow('no-pandas');
  });

  it('should reject sending a name that is not a DataFrame', () => {
    const run = runPython(SETUP, [
      buildExpression('send', { name: 'not_a_frame', request: 'r', target: 't', rowLimit: 10, sample: false, seed: 1 })
    ]);
    expect(() => parseSentFrame(resultOf(run.results[0]))).toThrow('not-found: not_a_frame');
  });

  it('should push tables and add only their names', () => {
    const args = {
      allowBuiltin: false,
      tables: [
        { name: 'wizard_results', columns: ['rank', 'model'], rows: [[1, 'linear'], [null, 'mlp']] },
        { name: 'wizard_results_predictions', columns: ['row'], rows: [[0], [4]] }
      ]
    };
    const run = runPython(SETUP, [buildExpression('push', args)]);
    const pushed = parsePushed(resultOf(run.results[0]));
    expect(pushed).toEqual([
      { name: 'wizard_results', rows: 2, columns: 2 },
      { name: 'wizard_results_predictions', rows: 2, columns: 1 }
    ]);
    const added = run.after.filter(name => !run.before.includes(name));
    expect(added).toEqual(['wizard_results', 'wizard_results_predictions']);
    expect(run.before.every(name => run.after.includes(name))).toBe(true);
    expect(run.frames.wizard_results).toEqual({
      columns: ['rank', 'model'],
      records: [
        [1, 'linear'],
        [null, 'mlp']
      ]
    });
  });

  it('should push under a unicode name', () => {
    const args = { allowBuiltin: false, tables: [{ name: 'résultats', columns: ['a'], rows: [[1]] }] };
    const run = runPython(SETUP, [buildExpression('push', args)]);
    expect(parsePushed(resultOf(run.results[0]))[0].name).toBe('résultats');
    expect(run.frames['résultats'].records).toEqual([[1]]);
  });

  it('should reject a builtin name unless allowed', () => {
    const table = { name: 'print', columns: ['a'], rows: [[1]] };
    const refused = runPython(SETUP, [buildExpression('push', { allowBuiltin: false, tables: [table] })]);
    expect(() => parsePushed(resultOf(refused.results[0]))).toThrow('builtin: print');
    expect(refused.after).toEqual(refused.before);

    const allowed = runPython(SETUP, [buildExpression('push', { allowBuiltin: true, tables: [table] })]);
    expect(allowed.after).toContain('print');
  });

  it('should reject an invalid name and assign nothing', () => {
    const args = {
      allowBuiltin: false,
      tables: [
        { name: 'fine', columns: ['a'], rows: [[1]] },
        { name: 'not valid', columns: ['a'], rows: [[1]] }
      ]
    };
    const run = runPython(SETUP, [buildExpression('push', args)]);
    expect(() => parsePushed(resultOf(run.results[0]))).toThrow('invalid-name: not valid');
    expect(run.after).toEqual(run.before);
  });

  it('should keep a user variable called run or scope intact', () => {
    const run = runPython('run = 5\nscope = 6\nb = 7', [buildExpression('list', {})]);
    expect(run.results[0]).toMatchObject({ status: 'ok' });
    expect(run.after).toEqual(run.before);
  });
});
