/**
 * Inputs and checks shared by the figure tests: run results built by hand,
 * walks over figure JSON, and a model of how Plotly renders text.
 */
import { IModelResult, IRunResult } from '../../src/core/types';
import { mulberry32 } from '../../src/data/random';
import { IPlotlyFigure } from '../../src/plots';

/** Labels that Plotly would read as markup, plus text that must pass unchanged. */
export const HOSTILE_LABELS = [
  '<img src=x onerror=alert(1)>',
  'a & b',
  'שלום עולם',
  '🐧 penguin',
  '<b>bold</b><br>',
  '$x^2$',
  '%{y} &amp;'
];

/** Collect every number in a JSON value, with its path. */
export function numbersIn(value: unknown, path = '$'): Array<[string, number]> {
  if (typeof value === 'number') {
    return [[path, value]];
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => numbersIn(item, `${path}.${key}`));
  }
  return [];
}

/** Collect every string in a JSON value, with its path. */
export function stringsIn(value: unknown, path = '$'): Array<[string, string]> {
  if (typeof value === 'string') {
    return [[path, value]];
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, `${path}.${key}`));
  }
  return [];
}

/** Assert that a figure is plain JSON whose numbers are all finite. */
export function expectStrictJson(figure: IPlotlyFigure): void {
  expect(JSON.parse(JSON.stringify(figure))).toEqual(figure);
  for (const [path, value] of numbersIn(figure)) {
    expect([path, Number.isFinite(value)]).toEqual([path, true]);
  }
}

/**
 * Render a Plotly string as text the way plotly.js 4 does for titles,
 * legends, ticks and hover labels: tags are split off (and dropped here),
 * and the character references in the text between them are decoded.
 * Returns the visible text and the tags found.
 */
export function renderPlotlyText(text: string): { visible: string; tags: string[] } {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', quot: '"' };
  const tags: string[] = [];
  const visible = text
    .split(/(<[^<>]*>)/)
    .map(part => {
      if (/^<[^<>]*>$/.test(part)) {
        tags.push(part);
        return '';
      }
      return part.replace(/&(#\d+|#x[\da-fA-F]+|[a-z]+);/g, (match, body: string) => {
        if (body.startsWith('#x')) {
          return String.fromCodePoint(parseInt(body.slice(2), 16));
        }
        if (body.startsWith('#')) {
          return String.fromCodePoint(Number(body.slice(1)));
        }
        return named[body] ?? match;
      });
    })
    .join('');
  return { visible, tags };
}

/** Assert that `escaped` shows as `label` in Plotly, with no markup and no placeholder. */
export function expectLiteral(escaped: string, label: string): void {
  const rendered = renderPlotlyText(escaped);
  expect(rendered.tags).toEqual([]);
  expect(rendered.visible).toBe(label);
  expect(escaped).not.toMatch(/%\{|\$/);
}

/** Build a succeeded model result with the given fields. */
export function modelResult(fields: Partial<IModelResult>): IModelResult {
  return {
    id: 'mlp',
    name: 'MLP',
    description: '',
    status: 'succeeded',
    metrics: {},
    trainMs: 1,
    hyperparameters: {},
    history: [],
    ...fields
  };
}

/** Build a run result around `models`. */
export function runResult(task: IRunResult['task'], models: IModelResult[], fields: Partial<IRunResult> = {}): IRunResult {
  return {
    task,
    target: 'y',
    primaryMetric: task === 'classification' ? 'balanced_accuracy' : 'rmse',
    higherIsBetter: task === 'classification',
    models,
    best: models[0]?.id ?? null,
    classCounts: null,
    trainRows: 10,
    validationRows: 10,
    skippedLines: [],
    droppedTargetRows: 0,
    imputed: [],
    backend: 'cpu',
    tensorsBefore: 0,
    tensorsAfter: 0,
    partial: false,
    engineVersion: 'test',
    ...fields
  };
}

/**
 * Build classification predictions for `rows` rows of `k` classes: the true
 * class gets extra probability, so curves are better than chance.
 */
export function classPredictions(rows: number, k: number, seed = 1): Required<IModelResult>['predictions'] {
  const random = mulberry32(seed);
  const actual = Array.from({ length: rows }, () => Math.floor(random() * k));
  const probabilities = actual.map(label => {
    const raw = Array.from({ length: k }, (_, c) => random() + (c === label ? 0.7 : 0));
    const sum = raw.reduce((total, value) => total + value, 0);
    return raw.map(value => Number((value / sum).toPrecision(6)));
  });
  const predicted = probabilities.map(row => row.indexOf(Math.max(...row)));
  return { rows: actual.map((_, i) => i * 2), actual, predicted, probabilities };
}

/** Build regression predictions near y = 3x with noise, for `rows` rows. */
export function valuePredictions(rows: number, seed = 2): Required<IModelResult>['predictions'] {
  const random = mulberry32(seed);
  const actual = Array.from({ length: rows }, (_, i) => 3 * i + 100);
  const predicted = actual.map(value => value + (random() - 0.5) * 20);
  return { rows: actual.map((_, i) => i), actual, predicted };
}
