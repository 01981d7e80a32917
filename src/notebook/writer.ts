/**
 * Writes a run's results into a notebook: one wizard-owned code cell per run
 * key, found again by its metadata and updated in place. Writes go through
 * the notebook's shared model, so collaborators see them.
 */
import * as nbformat from '@jupyterlab/nbformat';
import { INotebookModel } from '@jupyterlab/notebook';
import { PartialJSONObject } from '@lumino/coreutils';

import { IRunResult, IWizardConfig } from '../core/types';
import type { IReadOptions } from '../data/csv';
import { leaderboardHtml, leaderboardMarkdown, leaderboardText, Translate } from './format';

/** Metadata key of wizard-owned cells. */
export const METADATA_KEY = 'training_wizard';

/** Fingerprint of the data a run trained on. */
export interface IDataFingerprint {
  name: string;
  path: string;
  size: number;
  sha256: string;
}

/** Everything one results cell shows and records. */
export interface IResultsPayload {
  runKey: string;
  config: IWizardConfig;
  result: IRunResult;
  data: IDataFingerprint;
  /** The read options of the file: delimiter, missing markers, column types. */
  readOptions: IReadOptions;
  /** ISO 8601 time the run finished. */
  finished: string;
  /** ISO 8601 time the run started; absent in runs stored before it was kept. */
  started?: string;
}

/** A chart of a results cell: the Plotly figure and its PNG copy. */
export interface IResultsFigure {
  title: string;
  /** Plotly figure JSON (`data`, `layout`). */
  figure: { data: unknown[]; layout?: Record<string, unknown> };
  /** Base64 PNG of the figure, for renderers without Plotly; null when it could not be drawn. */
  png: string | null;
}

/**
 * Find the index of the wizard-owned cell of `runKey`, or -1.
 *
 * #### Notes
 * Cells with malformed wizard metadata are skipped, never changed.
 */
export function findResultsCell(model: INotebookModel, runKey: string): number {
  const cells = model.sharedModel.cells;
  for (let index = 0; index < cells.length; index++) {
    const metadata = cells[index].getMetadata(METADATA_KEY);
    if (
      metadata !== null &&
      typeof metadata === 'object' &&
      !Array.isArray(metadata) &&
      (metadata as { run_key?: unknown }).run_key === runKey
    ) {
      return index;
    }
  }
  return -1;
}

/**
 * Insert or update the results cell of `payload.runKey`.
 *
 * A new cell goes right below `activeIndex` (or at the end when it is -1).
 * An existing cell of the same run key is updated where it is. Returns the
 * cell's index. Touches no other cell.
 */
export function writeResults(
  model: INotebookModel,
  payload: IResultsPayload,
  activeIndex: number,
  trans: Translate,
  figures: IResultsFigure[] = []
): number {
  const outputs = buildOutputs(payload, trans, figures);
  const metadata = buildMetadata(payload);
  const shared = model.sharedModel;
  const existing = findResultsCell(model, payload.runKey);
  if (existing >= 0) {
    const cell = shared.cells[existing];
    shared.transact(() => {
      cell.setSource(cellSource(payload, trans));
      cell.setMetadata(METADATA_KEY, metadata);
      (cell as unknown as { setOutputs(o: nbformat.IOutput[]): void }).setOutputs(
        outputs
      );
    });
    return existing;
  }
  const count = shared.cells.length;
  const index =
    activeIndex >= 0 && activeIndex < count ? activeIndex + 1 : count;
  shared.insertCell(index, {
    cell_type: 'code',
    source: cellSource(payload, trans),
    metadata: { [METADATA_KEY]: metadata },
    outputs,
    execution_count: null
  });
  return index;
}

/** Build the outputs of a results cell: escaped HTML and plain text. */
export function buildOutputs(
  payload: IResultsPayload,
  trans: Translate,
  figures: IResultsFigure[] = []
): nbformat.IOutput[] {
  const outputs: nbformat.IOutput[] = [
    {
      output_type: 'display_data',
      data: {
        'text/html': leaderboardHtml(payload.result, trans),
        'text/markdown': leaderboardMarkdown(payload.result, trans),
        'text/plain': leaderboardText(payload.result, trans)
      },
      metadata: {}
    }
  ];
  for (const item of figures) {
    const data: Record<string, unknown> = {
      [PLOTLY_MIME]: toJsonSafe(item.figure),
      'text/plain': item.title
    };
    if (item.png) {
      data['image/png'] = item.png;
    }
    outputs.push({
      output_type: 'display_data',
      data: data as nbformat.IMimeBundle,
      metadata: {}
    });
  }
  return outputs;
}

/** Mime type of Plotly figure outputs. */
export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';

/** Build the `training_wizard` metadata, JSON-safe with no NaN or Infinity. */
export function buildMetadata(
  payload: IResultsPayload
): PartialJSONObject {
  const { config, result } = payload;
  return toJsonSafe({
    version: 1,
    run_key: payload.runKey,
    config,
    data: payload.data,
    read_options: payload.readOptions,
    seed: config.seed,
    backend: result.backend,
    engine_version: result.engineVersion,
    started: payload.started ?? null,
    finished: payload.finished,
    command: headlessCommand(payload),
    best: result.best,
    partial: result.partial,
    leaderboard: result.models.map(model => ({
      id: model.id,
      name: model.name,
      status: model.status,
      error: model.error ?? null,
      metrics: model.metrics,
      train_ms: model.trainMs,
      hyperparameters: model.hyperparameters
    })),
    class_counts: result.classCounts,
    skipped_lines: result.skippedLines,
    imputed: result.imputed,
    preprocessing: result.preprocessing ?? null
  }) as PartialJSONObject;
}

/**
 * Build the equivalent `training-wizard train` command line, to run from the
 * Jupyter server's root folder.
 *
 * #### Notes
 * `--features` is a comma-separated list, so a feature name containing a
 * comma cannot be passed this way.
 */
export function headlessCommand(payload: IResultsPayload): string {
  const { config } = payload;
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  const parts = [
    'training-wizard train',
    quote(payload.data.path),
    `--target ${quote(config.target)}`,
    `--task ${config.task}`,
    `--features ${quote(config.features.join(','))}`,
    `--models ${config.models.join(',')}`,
    `--holdout ${config.holdout}`,
    `--seed ${config.seed}`,
    `--epochs ${config.epochs}`,
    `--batch-size ${config.batchSize}`,
    `--learning-rate ${config.learningRate}`,
    `--backend ${config.backend}`
  ];
  if (config.folds !== undefined && config.folds > 1) {
    parts.push(`--folds ${config.folds}`);
  }
  if (config.skipRaggedRows) {
    parts.push('--skip-ragged-rows');
  }
  parts.push('--json');
  return parts.join(' ');
}

/** Copy `value` deeply, replacing non-finite numbers with null. */
export function toJsonSafe(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, item) =>
      typeof item === 'number' && !Number.isFinite(item) ? null : item
    )
  );
}

/** Build a comment-only source. Line breaks in the target cannot end the comment. */
function cellSource(payload: IResultsPayload, trans: Translate): string {
  const target = payload.config.target.replace(/[\r\n\u2028\u2029]+/g, ' ');
  return [
    trans('# Training Wizard results for target %1.', target),
    trans(
      '# Written by the Training Wizard panel; re-run from the panel, since running this cell clears its outputs.'
    )
  ].join('\n');
}
