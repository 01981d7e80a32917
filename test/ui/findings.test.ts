/**
 * The translated finding templates, checked against the English messages
 * that the data room builds for the fixture files and for small inline files
 * that trigger every finding code.
 */

import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import type { TranslationBundle } from '@jupyterlab/translation';

import { IFinding, IWizardConfig, TaskType } from '../../src/core/types';
import { IReadOptions } from '../../src/data/csv';
import { checkConfig, defaultFeatures } from '../../src/data/preflight';
import { findingText } from '../../src/ui/findings';
import { TEMPLATE_CODES, translateFinding } from '../../src/ui/findingTemplates';
import { CASES, caseText, configFor, ILoaded, loadText } from '../data/helpers';

const DATA_ROOM = join(__dirname, '..', '..', 'src', 'data');
const TEMPLATE_SOURCE = join(__dirname, '..', '..', 'src', 'ui', 'findingTemplates.ts');

/**
 * Replace `%1`, `%2`… with `args` and `%%` with `%`, as the gettext of
 * `@jupyterlab/translation` does.
 */
function substitute(template: string, args: unknown[]): string {
  return template
    .replace(/%%/g, '%% ')
    .replace(/%(\d+)/g, (_, index: string) => String(args[Number(index) - 1]))
    .replace(/%% /g, '%');
}

/**
 * Build a bundle without translations, which behaves like JupyterLab's
 * untranslated bundle: `_n` picks the singular for 1 and passes the count as
 * `%1`. Each result starts with `prefix`, so a test can tell a template's
 * output from the English fallback.
 */
function bundle(prefix = ''): TranslationBundle {
  const methods = {
    __: (msgid: string, ...args: unknown[]) => prefix + substitute(msgid, args),
    _n: (singular: string, pluralForm: string, count: number, ...args: unknown[]) =>
      prefix + substitute(count === 1 ? singular : pluralForm, [count, ...args])
  };
  return methods as unknown as TranslationBundle;
}

/** Codes passed as literals to `makeFinding` in `src/data/*.ts`. */
function dataRoomCodes(): { codes: Set<string>; calls: number } {
  const codes = new Set<string>();
  let calls = 0;
  for (const file of readdirSync(DATA_ROOM).filter(name => name.endsWith('.ts'))) {
    const source = readFileSync(join(DATA_ROOM, file), 'utf8');
    calls += (source.match(/(?<!function )makeFinding\(/g) ?? []).length;
    for (const match of source.matchAll(/(?<!function )makeFinding\(\s*[^,]+,\s*'([^']+)'/g)) {
      codes.add(match[1]);
    }
  }
  return { codes, calls };
}

/** Count the `makeFinding` calls whose code is a string literal. */
function literalCodeCalls(): number {
  let count = 0;
  for (const file of readdirSync(DATA_ROOM).filter(name => name.endsWith('.ts'))) {
    const source = readFileSync(join(DATA_ROOM, file), 'utf8');
    count += (source.match(/(?<!function )makeFinding\(\s*[^,]+,\s*'[^']+'/g) ?? []).length;
  }
  return count;
}

/** Settings of a configuration that change which findings appear. */
const VARIANTS: Array<Partial<IWizardConfig>> = [
  {},
  { rareClasses: 'merge' },
  { rareClasses: 'drop' },
  { folds: 3 },
  { folds: 3, rareClasses: 'merge' }
];

/**
 * Collect the findings of reading, profiling and checking a dataset with
 * every column (and a missing and an unknown one) as target, both tasks, and
 * several feature selections and settings.
 */
function sweep({ table, profile }: ILoaded): IFinding[] {
  const found = [...table.findings, ...profile.findings];
  const names = profile.columns.map(item => item.name);
  for (const target of [...names, '', 'not-a-column']) {
    const featureSets = [
      names.filter(name => name !== target),
      defaultFeatures(profile, target),
      [],
      [target, 'not-a-column']
    ];
    for (const task of ['classification', 'regression'] as TaskType[]) {
      for (const features of featureSets) {
        for (const changes of VARIANTS) {
          found.push(...checkConfig(table, profile, configFor(target, task, features, changes)));
        }
      }
    }
  }
  return found;
}

/** Options under which every fixture file is read. */
const READ_OPTIONS: IReadOptions[] = [
  {},
  { skipRaggedRows: true },
  { rowLimit: 3 },
  { rowLimit: 3, sampleSeed: 7 }
];

/** Lines of `count` rows built by `row` from the row index. */
function rows(count: number, row: (index: number) => string): string {
  return Array.from({ length: count }, (_, index) => row(index)).join('\n') + '\n';
}

/** Small files, each built to trigger findings that the fixtures lack. */
const INLINE: Array<[string, string, IReadOptions?]> = [
  ['header-only.csv', 'a,b\n'],
  ['renamed.csv', 'a,,a\n1,2,3\n4,5,6\n'],
  ['unclosed.csv', 'a,b\n1,"open\n2,3\n'],
  ['malformed.csv', 'a,b\n"x"y,1\nz,2\n'],
  ['ragged-one.csv', 'a,b,y\n1,2,p\n3,q\n4,5,p\n6,7,q\n', { skipRaggedRows: true }],
  ['ragged-many.csv', 'a,y\n1,p\n2,q\n' + rows(13, index => `${index},p,extra`)],
  ['ragged-many-skipped.csv', 'a,y\n1,p\n2,q\n' + rows(13, index => `${index}`), { skipRaggedRows: true }],
  ['invalid-one.csv', 'x,y\n1.5,a\n#VALUE!,b\n2,a\n3,b\n'],
  ['invalid-many.csv', 'x,y\n1.5,a\ninf,b\n2,c\n#DIV/0!,d\n1e400,e\n3,h\n'],
  [
    'format-unused.csv',
    'amount,name\n1.5,a\n2.5,b\n',
    { numberFormats: { name: { decimal: ',', thousands: '.' } } }
  ],
  ['identifier.csv', 'customer_id,v,y\n5,a,p\n9,b,q\n2,a,p\n7,b,q\n'],
  ['high-cardinality.csv', 'name,y\n' + rows(120, index => `level${index % 80},${index % 2}`)],
  ['empty-feature.csv', 'e,x,y\n,1,p\n,2,q\n,3,p\n,4,q\n'],
  ['many-classes.csv', 'x,y\n' + rows(104, index => `${index % 7},c${index % 52}`)],
  ['target-missing-one.csv', 'x,y,t\n1,p,1.5\n2,,2.5\n3,q,3.5\n4,p,4.5\n5,q,5.5\n'],
  ['target-missing-many.csv', 'x,y,t\n1,p,1.5\n2,,\n3,,#VALUE!\n4,q,4.5\n5,p,5.5\n6,q,6.5\n'],
  ['too-few-rows.csv', 'x,y\n1,p\n2,\n3,\n'],
  ['rare-one.csv', 'x,y\n1,a\n2,a\n3,b\n4,b\n5,c\n'],
  ['rare-two.csv', 'x,y\n1,a\n2,a\n3,b\n'],
  ['rare-many.csv', 'x,y\n' + rows(30, index => `${index},r${index}`) + rows(6, index => `${index},a`)],
  ['leakage.csv', 'x,y\n1,a\n2,b\n1,a\n2,b\n1,a\n2,b\n'],
  ['wide.csv', 'a,b,c,d,y\n1,2,3,4,p\n2,3,4,5,q\n']
];

/** Collect the findings of the fixtures and inline files, one per distinct message. */
function collectFindings(): IFinding[] {
  const loaded: ILoaded[] = [];
  const fixtures = [
    ...readdirSync(CASES).filter(name => /\.(csv|tsv|txt)$/.test(name)),
    ...readdirSync(join(CASES, 'variants')).map(name => `variants/${name}`)
  ];
  for (const name of fixtures) {
    for (const options of READ_OPTIONS) {
      loaded.push(loadText(caseText(name), name.split('/').pop()!, options));
    }
  }
  for (const [name, text, options] of INLINE) {
    loaded.push(loadText(text, name, options));
  }
  const unique = new Map<string, IFinding>();
  for (const finding of loaded.flatMap(sweep)) {
    unique.set(`${finding.code}\n${finding.severity}\n${finding.message}`, finding);
  }
  return [...unique.values()];
}

const FINDINGS = collectFindings();

describe('findingText', () => {
  describe('#templates', () => {
    it('should cover every code of the data room', () => {
      const { codes } = dataRoomCodes();

      const missing = [...codes].filter(code => !TEMPLATE_CODES.has(code));

      expect(codes.size).toBeGreaterThan(0);
      expect(missing).toEqual([]);
    });

    it('should find a literal code in every makeFinding call', () => {
      const { calls } = dataRoomCodes();

      expect(calls).toBeGreaterThan(0);
      expect(literalCodeCalls()).toBe(calls);
    });

    it('should have no template for a code the data room lacks', () => {
      const { codes } = dataRoomCodes();

      const stale = [...TEMPLATE_CODES].filter(code => !codes.has(code));

      expect(stale).toEqual([]);
    });

    it('should pass a literal to every translation call', () => {
      const source = readFileSync(TEMPLATE_SOURCE, 'utf8');

      const calls = source.match(/trans\.(__|_n)\(\s*[^\s)]/g) ?? [];
      const literal = source.match(/trans\.(__|_n)\(\s*["']/g) ?? [];

      expect(calls.length).toBeGreaterThan(0);
      expect(literal.length).toBe(calls.length);
    });
  });

  describe('#collected findings', () => {
    it('should trigger every code of the data room', () => {
      const { codes } = dataRoomCodes();
      const triggered = new Set(FINDINGS.map(finding => finding.code));

      const untriggered = [...codes].filter(code => !triggered.has(code));

      expect(untriggered).toEqual([]);
    });

    it.each([
      ['ragged-rows-skipped', 'Skipped 1 row '],
      ['ragged-rows-skipped', 'Skipped 13 rows '],
      ['ragged-rows', 'has 1 row with'],
      ['ragged-rows', 'has 13 rows with'],
      ['ragged-rows', 'fields on line'],
      ['ragged-rows', 'fields on lines'],
      ['ragged-rows', '; and 3 more)'],
      ['invalid-values', 'has 1 invalid number '],
      ['invalid-values', 'invalid numbers '],
      ['too-few-rows', 'Only 1 row '],
      ['target-missing', 'is missing in 1 row '],
      ['target-missing', 'is missing in 2 rows '],
      ['target-missing', 'is missing or not a number in 1 row '],
      ['target-missing', 'is missing or not a number in 2 rows '],
      ['unused-feature', 'is free text'],
      ['unused-feature', 'has no values'],
      ['rare-class-merged', 'only 1 row,'],
      ['rare-class-merged', 'are merged into'],
      ['rare-class-dropped', 'merge them instead.'],
      ['rare-class-dropped', 'are dropped (lines'],
      ['rare-class', 'fewer than 3 rows'],
      ['rare-class', 'and 20 more']
    ])('should include %s containing %p', (code, text) => {
      const matches = FINDINGS.filter(
        finding => finding.code === code && finding.message.includes(text)
      );

      expect(matches.length).toBeGreaterThan(0);
    });
  });

  describe('#findingText', () => {
    it.each([...new Set(FINDINGS.map(finding => finding.code))])(
      'should render %s findings as their messages',
      code => {
        const trans = bundle();

        for (const finding of FINDINGS.filter(item => item.code === code)) {
          expect(translateFinding(finding, trans)).toBe(finding.message);
          expect(findingText(finding, trans)).toBe(finding.message);
        }
      }
    );

    it('should translate every collected finding through the bundle', () => {
      const trans = bundle('[de] ');

      const untranslated = FINDINGS.filter(
        finding => findingText(finding, trans) !== `[de] ${finding.message}`
      );

      expect(untranslated.map(finding => finding.message)).toEqual([]);
    });

    it('should fall back to the message for an unknown code', () => {
      const finding: IFinding = {
        severity: 'warning',
        code: 'not-a-code',
        message: 'Something the page has no template for.',
        params: []
      };

      expect(findingText(finding, bundle('[de] '))).toBe(finding.message);
    });

    it('should fall back to the message for an unknown phrase', () => {
      const finding: IFinding = {
        severity: 'warning',
        code: 'unused-feature',
        message: "Feature 'a' of 'b.csv' is odd, so it is left out of the models.",
        params: ['a', 'b.csv', 'is odd']
      };

      expect(findingText(finding, bundle('[de] '))).toBe(finding.message);
    });
  });
});
