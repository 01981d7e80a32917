/**
 * Seeded synthetic datasets for the benchmarks. The same seed gives the same
 * bytes, so every tool reads exactly the same file.
 */
import * as fs from 'fs';

import { mulberry32 } from '../src/data/random';

/** Rows written per `writeSync` call while generating a CSV. */
const CHUNK_ROWS = 10_000;

/** Return a standard normal generator driven by `random` (Box–Muller). */
function normal(random: () => number): () => number {
  return () => {
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

/** Levels of the five categorical columns of the ingest file. */
const CATEGORY_LEVELS = [3, 5, 8, 12, 20];

/**
 * Write the ingest file: a header and `rows` data rows of 20 columns.
 *
 * Columns: 12 numeric (`num_0` … `num_11`, about 2 % empty cells), 5
 * categorical (`cat_0` … `cat_4` with 3 to 20 levels, about 1 % `NA`), a
 * yes/no column, an integer count and a 3-class target `label`.
 */
export function writeIngestCsv(file: string, rows: number, seed: number): void {
  const random = mulberry32(seed);
  const gauss = normal(random);
  const header = [
    ...Array.from({ length: 12 }, (_, i) => `num_${i}`),
    ...CATEGORY_LEVELS.map((_, i) => `cat_${i}`),
    'flag',
    'count',
    'label'
  ];
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, header.join(',') + '\n');
    for (let start = 0; start < rows; start += CHUNK_ROWS) {
      const lines: string[] = [];
      for (let row = start; row < Math.min(rows, start + CHUNK_ROWS); row++) {
        const fields: string[] = [];
        for (let i = 0; i < 12; i++) {
          const value = gauss() * (i + 1) * 10 + i * 100;
          fields.push(random() < 0.02 ? '' : value.toFixed(3));
        }
        CATEGORY_LEVELS.forEach((levels, i) => {
          const level = Math.floor(random() * levels);
          fields.push(random() < 0.01 ? 'NA' : `c${i}_${level}`);
        });
        fields.push(random() < 0.5 ? 'yes' : 'no');
        fields.push(String(Math.floor(random() * 500)));
        fields.push(['A', 'B', 'C'][Math.floor(random() * 3)]);
        lines.push(fields.join(','));
      }
      fs.writeSync(fd, lines.join('\n') + '\n');
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** A numeric classification dataset held in memory. */
export interface IClassificationData {
  rows: number;
  width: number;
  classes: number;
  /** Row-major features, `rows * width` values. */
  x: Float32Array;
  /** Class index per row. */
  y: Int32Array;
}

/**
 * Generate `rows` rows of `width` standard normal features and a 3-class label.
 *
 * The label is the largest of three noisy scores. One is linear in the
 * features, one has a product and a sine term, one has a square, so a linear
 * model cannot reach the accuracy of trees or a hidden layer. The scores use
 * only the first 10 features, so `width` must be at least 10. Defaults to 20,
 * and the default gives the same values as before the option existed.
 */
export function makeClassification(rows: number, seed: number, width = 20): IClassificationData {
  if (!Number.isInteger(width) || width < 10) {
    throw new Error(`makeClassification needs an integer width of at least 10, got ${width}.`);
  }
  const random = mulberry32(seed);
  const gauss = normal(random);
  const x = new Float32Array(rows * width);
  const y = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    const f = x.subarray(row * width, (row + 1) * width);
    for (let i = 0; i < width; i++) {
      f[i] = gauss();
    }
    const scores = [
      f[0] + 0.5 * f[1] - 0.5 * f[8] + 0.5 * gauss(),
      f[2] * f[3] + Math.sin(2 * f[4]) + 0.3 * f[9] + 0.5 * gauss(),
      f[5] * f[5] - 1 + 0.4 * f[6] - 0.4 * f[7] + 0.5 * gauss()
    ];
    y[row] = scores.indexOf(Math.max(...scores));
  }
  return { rows, width, classes: 3, x, y };
}

/** Write a classification dataset as CSV: `x0` … `x19`, then `label` (k0, k1, k2). */
export function writeClassificationCsv(file: string, data: IClassificationData): void {
  const header = [...Array.from({ length: data.width }, (_, i) => `x${i}`), 'label'];
  const lines = [header.join(',')];
  for (let row = 0; row < data.rows; row++) {
    const fields: string[] = [];
    for (let i = 0; i < data.width; i++) {
      fields.push(data.x[row * data.width + i].toFixed(4));
    }
    fields.push(`k${data.y[row]}`);
    lines.push(fields.join(','));
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
}
