import { PENGUINS, runCli } from './helpers';

describe('main', () => {
  describe('usage errors', () => {
    it.each([
      [['train', PENGUINS, '--target', 'species', '--holdout', '0.9'], "Invalid value '0.9' for --holdout", 'from 0.05 to 0.5'],
      [['train', PENGUINS, '--target', 'species', '--holdout', 'abc'], "Invalid value 'abc' for --holdout", 'a number'],
      [['train', PENGUINS, '--target', 'species', '--epochs', '-3'], "Invalid value '-3' for --epochs", 'an integer from 1 to 1000'],
      [['train', PENGUINS, '--target', 'species', '--epochs', '2.5'], "Invalid value '2.5' for --epochs", 'an integer'],
      [['train', PENGUINS, '--target', 'species', '--batch-size', '0'], "Invalid value '0' for --batch-size", 'from 1 to 65536'],
      [['train', PENGUINS, '--target', 'species', '--learning-rate', '2'], "Invalid value '2' for --learning-rate", 'to 1'],
      [['train', PENGUINS, '--target', 'species', '--seed', '-1'], "Invalid value '-1' for --seed", 'from 0 to 2147483647'],
      [['train', PENGUINS, '--target', 'species', '--models', 'linear,svm'], "'svm' is not a model", 'baseline, linear, mlp'],
      [['train', PENGUINS, '--target', 'species', '--models', 'mlp,mlp'], "'mlp' is listed twice", '--models'],
      [['train', PENGUINS, '--target', 'species', '--backend', 'gpu'], "Invalid value 'gpu' for --backend", 'cpu, wasm, auto'],
      [['train', PENGUINS, '--target', 'species', '--task', 'ranking'], "Invalid value 'ranking' for --task", 'classification, regression'],
      [['train', PENGUINS], 'Option --target is required', '--target species'],
      [['train', PENGUINS, '--target'], 'Option --target needs a value', '--target VALUE'],
      [['train', PENGUINS, '--target', 'species', '--frobnicate'], "Unknown option '--frobnicate'", 'training-wizard train --help'],
      [['inspect', PENGUINS, '--json=yes'], 'Option --json takes no value', "'=yes'"],
      [['inspect', PENGUINS, '--delimiter', '::'], "Invalid value '::' for --delimiter", 'one character'],
      [['inspect', PENGUINS, '-x'], "Unknown option '-x'", 'training-wizard inspect --help'],
      [['inspect'], 'Missing FILE', 'training-wizard inspect --help'],
      [['inspect', 'a.csv', 'b.csv'], "Expected one FILE, got 2: 'a.csv', 'b.csv'", '--help'],
      [['inspect', 'no/such/file.csv'], "File 'no/such/file.csv' was not found", 'Check the path'],
      [['inspect', 'test'], "'test' is a directory", 'CSV or TSV file'],
      [['fit', PENGUINS], "Unknown command 'fit'", "'inspect' or 'train'"]
    ])('should reject %j', async (argv, problem, fix) => {
      const { code, stdout, stderr } = await runCli(...argv);

      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(problem);
      expect(stderr).toContain(fix);
    });

    it('should validate options before the file', async () => {
      const { code, stderr } = await runCli('train', 'missing.csv', '--target', 'x', '--epochs', '0');

      expect(code).toBe(2);
      expect(stderr).toContain('--epochs');
      expect(stderr).not.toContain('missing.csv');
    });

    it('should print usage without a command', async () => {
      const { code, stderr } = await runCli();

      expect(code).toBe(2);
      expect(stderr).toContain('Usage: training-wizard COMMAND');
    });
  });

  describe('options', () => {
    it('should accept name=value and --', async () => {
      const { code, stdout } = await runCli('inspect', '--target=species', '--json', '--', PENGUINS);

      expect(code).toBe(0);
      expect(JSON.parse(stdout).preflight.config.target).toBe('species');
    });

    it('should print the main help', async () => {
      const { code, stdout } = await runCli('--help');

      expect(code).toBe(0);
      expect(stdout).toContain('inspect FILE');
      expect(stdout).toContain('train FILE');
    });
  });
});
