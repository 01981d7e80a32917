import { casePath, PENGUINS, runCli, runJson } from './helpers';

describe('main', () => {
  describe('inspect', () => {
    it('should read a header with a byte order mark', async () => {
      const { code, json } = await runJson('inspect', casePath('01-bom-header.csv'), '--json');

      expect(code).toBe(0);
      expect(json.delimiter).toBe(',');
      expect(json.rowCount).toBe(12);
      expect(json.columns[0].name).toBe('temperature');
      expect(json.columns[0].type).toBe('numeric');
      expect(json.columns[0].min).toBe(15.8);
      expect(json.columns[0].max).toBe(26.1);
      expect(json.preflight).toBeNull();
    });

    it('should list every column field', async () => {
      const { json } = await runJson('inspect', PENGUINS, '--json');

      expect(json.columns).toHaveLength(8);
      for (const column of json.columns) {
        expect(Object.keys(column)).toEqual(
          expect.arrayContaining(['name', 'type', 'reason', 'missing', 'invalid', 'distinct', 'summary'])
        );
      }
      const sex = json.columns.find((column: { name: string }) => column.name === 'sex');
      expect(sex.missing).toBe(11);
    });

    it('should report ragged rows', async () => {
      const { code, json } = await runJson('inspect', casePath('04-ragged-rows.csv'), '--json');

      expect(code).toBe(1);
      const ragged = json.findings.find((finding: { code: string }) => finding.code === 'ragged-rows');
      expect(ragged.severity).toBe('error');
      expect(ragged.lines).toEqual([5, 8]);
      expect(json.raggedLines).toEqual([5, 8]);
    });

    it('should accept skipped ragged rows', async () => {
      const { code, json } = await runJson(
        'inspect',
        casePath('04-ragged-rows.csv'),
        '--skip-ragged-rows',
        '--json'
      );

      expect(code).toBe(0);
      const skipped = json.findings.find(
        (finding: { code: string }) => finding.code === 'ragged-rows-skipped'
      );
      expect(skipped.severity).toBe('warning');
      expect(skipped.lines).toEqual([5, 8]);
    });

    it('should report an empty file', async () => {
      const { code, json } = await runJson('inspect', casePath('05-empty-file.csv'), '--json');

      expect(code).toBe(1);
      expect(json.columns).toEqual([]);
      expect(json.findings).toHaveLength(1);
      expect(json.findings[0].code).toBe('empty-file');
      expect(json.findings[0].message).toContain('is empty');
    });

    it('should run pre-flight for a target', async () => {
      const { code, json } = await runJson(
        'inspect',
        casePath('13-single-class-target.csv'),
        '--target',
        'defaulted',
        '--json'
      );

      expect(code).toBe(1);
      expect(json.findings).toEqual([]);
      expect(json.preflight.config.target).toBe('defaulted');
      expect(json.preflight.config.task).toBe('classification');
      const codes = json.preflight.findings.map((finding: { code: string }) => finding.code);
      expect(codes).toEqual(['single-class']);
    });

    it('should pass for a good target', async () => {
      const { code, json } = await runJson('inspect', PENGUINS, '--target', 'species', '--json');

      expect(code).toBe(0);
      expect(json.preflight.findings).toEqual([]);
      expect(json.preflight.config.features).not.toContain('species');
    });

    it('should honour delimiter and missing markers', async () => {
      const file = casePath('variants/pipe-missing-markers.txt');
      const detected = await runJson('inspect', file, '--json');
      const given = await runJson('inspect', file, '--delimiter', 'pipe', '--missing', 'N/A', '--json');
      const comma = await runJson('inspect', file, '--delimiter', ',', '--json');

      expect(detected.json.delimiter).toBe('|');
      expect(detected.json.columns[1].type).toBe('numeric');
      expect(detected.json.columns[1].missing).toBe(3);
      expect(given.json.delimiter).toBe('|');
      expect(given.json.columns[1].type).toBe('categorical');
      expect(given.json.columns[1].missing).toBe(1);
      expect(comma.json.delimiter).toBe(',');
      expect(comma.json.columns).toHaveLength(1);
    });

    it('should print aligned text', async () => {
      const { code, stdout } = await runCli('inspect', casePath('04-ragged-rows.csv'));

      expect(code).toBe(1);
      expect(stdout).toContain("Delimiter: ',' (comma)");
      expect(stdout).toContain('Rows: 8');
      expect(stdout).toMatch(/Name\s+Type\s+Missing\s+Invalid\s+Distinct\s+Summary\s+Reason/);
      expect(stdout).toMatch(/error\s+ragged-rows\s+5, 8\s+The file/);
      expect(stdout).toContain('--skip-ragged-rows');
      const header = stdout.split('\n').find(line => line.includes('Missing'))!;
      const row = stdout.split('\n').find(line => line.includes('height_cm'))!;
      expect(row.indexOf('numeric')).toBe(header.indexOf('Type'));
    });

    it('should print pre-flight text', async () => {
      const { stdout } = await runCli('inspect', PENGUINS, '--target', 'species');

      expect(stdout).toContain("Pre-flight for target 'species' (classification");
      expect(stdout).toContain('Features (7): island, bill_length_mm');
    });

    it('should print help', async () => {
      const { code, stdout, stderr } = await runCli('inspect', '--help');

      expect(code).toBe(0);
      expect(stdout).toContain('Usage: training-wizard inspect FILE');
      expect(stdout).toContain('--target COLUMN');
      expect(stderr).toBe('');
    });
  });
});
