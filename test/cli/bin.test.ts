/**
 * Runs the compiled bin in a child process, as a user's shell would. The
 * CommonJS build comes from `npx tsc -p tsconfig.cli.json`; these tests are
 * skipped when it is missing, and test a stale build when sources changed.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { casePath, ROOT } from './helpers';

const BIN = path.join(ROOT, 'lib', 'node', 'cli', 'main.js');
const built = fs.existsSync(BIN);
const describeBuilt = built ? describe : describe.skip;

if (!built) {
  // eslint-disable-next-line no-console
  console.warn(`Skipping the bin tests: ${BIN} is missing. Build it with 'npx tsc -p tsconfig.cli.json'.`);
}

function runBin(...argv: string[]): { code: number | null; stdout: string; stderr: string } {
  const child = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60000
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('main', () => {
  describeBuilt('compiled bin', () => {
    it('should start with a shebang', () => {
      expect(fs.readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    });

    it('should inspect a file', () => {
      const { code, stdout } = runBin('inspect', casePath('01-bom-header.csv'), '--json');

      expect(code).toBe(0);
      expect(JSON.parse(stdout).columns[0].name).toBe('temperature');
    });

    it('should exit 1 on error findings', () => {
      const { code, stdout } = runBin('inspect', casePath('05-empty-file.csv'));

      expect(code).toBe(1);
      expect(stdout).toContain('is empty');
    });

    it('should exit 2 on usage errors', () => {
      const { code, stderr } = runBin('train', casePath('01-bom-header.csv'), '--target', 'rain_tomorrow', '--holdout', '0.01');

      expect(code).toBe(2);
      expect(stderr).toContain("Invalid value '0.01' for --holdout");
    });

    it('should train a model', () => {
      const { code, stdout } = runBin(
        'train',
        casePath('01-bom-header.csv'),
        '--target',
        'rain_tomorrow',
        '--models',
        'baseline,linear',
        '--epochs',
        '2',
        '--json'
      );

      expect(code).toBe(0);
      const { result } = JSON.parse(stdout);
      expect(result.models).toHaveLength(2);
      expect(result.tensorsAfter).toBe(result.tensorsBefore);
    });
  });
});
