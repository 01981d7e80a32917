import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { readCsv, readCsvStream } from '../../src/data/csv';
import { profileTable } from '../../src/data/profile';
import { CASES, cellsOf } from './helpers';

/** Every fixture file, as a path relative to the cases folder. */
const FIXTURES = [
  ...readdirSync(CASES).filter(name => /\.(csv|tsv|txt)$/.test(name)),
  ...readdirSync(join(CASES, 'variants')).map(name => `variants/${name}`)
];

/** Hard inline inputs, by name. */
const INLINE: Array<[string, string]> = [
  ['cr-only.csv', 'a,b\r1,x\r2,y\r'],
  ['crlf-quoted.csv', 'a,b\r\n"line one\r\nline two",1\r\n"x",2\r\n'],
  ['unclosed.csv', 'a,b\n1,"open\n2,3\n4,5\n'],
  ['malformed.csv', 'a,b\n1,"x"y\n2,3\n'],
  ['one-column.csv', '\n\nvalue\n1\n\n2\n\n\n'],
  ['semicolon.csv', 'x;y\n1,5;2.000,25\n3,25;1.500,5\n'],
  ['bom.csv', '\ufeffid,name\n1,Zoë\n2,Ünal\n']
];

/** Create a stream that delivers `text` as UTF-8 in pieces of `size` bytes. */
function byteStream(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    }
  });
}

/** Build a file of more than one parse chunk, with quoted line breaks throughout. */
function largeText(): string {
  const lines = ['id,note,amount,grade'];
  for (let row = 0; row < 40_000; row++) {
    const note = row % 997 === 0 ? `"first\nsecond, ${row}"` : `n${row % 13}`;
    const amount = row % 101 === 0 ? 'NA' : (row * 0.25).toFixed(2);
    lines.push(`${row},${note},${amount},${'ABC'[row % 3]}`);
  }
  return lines.join('\n') + '\n';
}

describe('readCsv', () => {
  describe('#chunkChars', () => {
    it.each(FIXTURES)('should read %s alike in tiny chunks', name => {
      const text = readFileSync(join(CASES, name), 'utf8');
      const whole = readCsv(text, name);
      const chunked = readCsv(text, name, {}, 5);

      expect(cellsOf(chunked)).toEqual(cellsOf(whole));
      expect(Array.from(chunked.lines)).toEqual(Array.from(whole.lines));
      expect(chunked.raggedLines).toEqual(whole.raggedLines);
      expect(chunked.findings).toEqual(whole.findings);
    });

    it.each(INLINE)('should read %s alike in tiny chunks', (name, text) => {
      const whole = readCsv(text, name);
      const chunked = readCsv(text, name, {}, 3);

      expect(cellsOf(chunked)).toEqual(cellsOf(whole));
      expect(Array.from(chunked.lines)).toEqual(Array.from(whole.lines));
      expect(chunked.findings).toEqual(whole.findings);
    });
  });
});

describe('readCsvStream', () => {
  it.each(FIXTURES)('should match readCsv on %s', async name => {
    const text = readFileSync(join(CASES, name), 'utf8');
    const expected = readCsv(text, name);

    const table = await readCsvStream(byteStream(text, 7), name);

    expect(table).toEqual(expected);
    expect(profileTable(table)).toEqual(profileTable(expected));
  });

  it.each(INLINE)('should match readCsv on %s', async (name, text) => {
    const table = await readCsvStream(byteStream(text, 2), name);

    expect(table).toEqual(readCsv(text, name));
  });

  it('should match readCsv across parse chunks', async () => {
    const text = largeText();
    const expected = readCsv(text, 'large.csv');

    const table = await readCsvStream(byteStream(text, 65_536), 'large.csv');

    expect(table.lines.length).toBe(40_000);
    expect(table.lines[999]).toBe(1000 + 2 + 1);
    expect(table).toEqual(expected);
    expect(profileTable(table)).toEqual(profileTable(expected));
  });

  it('should apply the row limit and sample', async () => {
    const text = largeText();
    const options = { rowLimit: 500, sampleSeed: 3 };

    const table = await readCsvStream(byteStream(text, 4096), 'large.csv', options);

    expect(table.lines.length).toBe(500);
    expect(table).toEqual(readCsv(text, 'large.csv', options));
    expect(table.findings.map(finding => finding.code)).toContain('row-sample');
  });

  it('should reject when the stream fails', async () => {
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('disk gone'));
      }
    });

    await expect(readCsvStream(failing, 'broken.csv')).rejects.toThrow('disk gone');
  });
});
