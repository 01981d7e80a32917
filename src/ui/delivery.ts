import { ICodeCellModel } from '@jupyterlab/cells';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import { Contents } from '@jupyterlab/services';
import { TranslationBundle } from '@jupyterlab/translation';
import { IDisposable } from '@lumino/disposable';

import { IStateChange, TrainingSession } from '../core/session';
import { IResultsFigure, IResultsPayload, writeResults } from '../notebook/writer';
import { IRunResult } from '../core/types';
import { IGalleryFigure } from './plotGallery';
import { ICachedRun, RunCache } from './cache';
import { exportModel } from './exporter';
import { WizardModel } from './model';
import { IFinishedRun } from './runner';

/**
 * Decides which notebook a run's results go to and writes them there.
 *
 * The target is the notebook that was current when the run started. A run
 * started with no notebook open writes to the notebook current at the end.
 */
export class ResultsDelivery implements IDisposable {
  constructor(options: ResultsDelivery.IOptions) {
    this._model = options.model;
    this._tracker = options.tracker;
    this._trans = options.trans;
    this._autoWrite = options.autoWrite;
    this._cache = options.cache ?? null;
    this._contents = options.contents ?? null;
    this._figures = options.figures ?? null;
    this._toPng = options.toPng ?? null;
    this._model.session.stateChanged.connect(this._onStateChanged, this);
    this._tracker.currentChanged.connect(this._onCurrentChanged, this);
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** Return the path of the notebook results would be written to, or null. */
  targetLabel(): string | null {
    const notebook = this._target();
    return notebook ? notebook.context.path : null;
  }

  /**
   * Store a finished run in the cache, then write it if the settings ask
   * for it.
   */
  async deliver(run: IFinishedRun): Promise<void> {
    this._last = run;
    this._lastPayload = payloadOf(run);
    if (!run.cached && this._cache) {
      try {
        const pinned = this._runNotebook;
        await this._cache.put({
          ...this._lastPayload,
          notebookPath: this._runNotebookPath,
          // Only a run whose notebook closed meanwhile is owed a write.
          written: !(pinned && pinned.isDisposed)
        });
      } catch (reason) {
        console.error('Failed to store the run in the cache', reason);
      }
    }
    if (!this._autoWrite()) {
      return;
    }
    const pinned = this._runNotebook;
    if (pinned && pinned.isDisposed) {
      // Never write a run into a notebook other than its own without a click.
      this._model.setNotice({
        kind: 'info',
        text: this._trans.__(
          'The notebook %1 was closed during training. Press "Write results to notebook" to write the results into the current notebook.',
          this._runNotebookPath
        )
      });
      return;
    }
    await this.writeLast(run.cached !== null);
  }

  /**
   * Make `run`, shown from the cache, the one "Write results to notebook"
   * writes, without writing it now.
   */
  adopt(run: IFinishedRun): void {
    this._last = run;
    this._lastPayload = payloadOf(run);
  }

  /**
   * Write the last successful run into its notebook. A failure becomes an
   * error notice, so callers may fire and forget. With `fromCache`, the
   * success notice also states that the results came from the cache.
   */
  async writeLast(fromCache = false): Promise<void> {
    try {
      await this._write(fromCache);
    } catch (reason) {
      console.error('Failed to write the results into the notebook', reason);
      this._model.setNotice({
        kind: 'error',
        text: this._trans.__(
          'Could not write the results into the notebook: %1. Try "Write results to notebook" again.',
          reason instanceof Error ? reason.message : String(reason)
        )
      });
    }
  }

  private async _write(fromCache: boolean): Promise<void> {
    const run = this._last;
    const trans = this._trans;
    if (!run) {
      return;
    }
    const notebook = this._target();
    if (!notebook || !notebook.model) {
      this._model.setNotice({
        kind: 'info',
        text: trans.__(
          'Training finished. Open a notebook and press "Write results to notebook" to keep the leaderboard.'
        )
      });
      return;
    }
    const payload = this._lastPayload ?? payloadOf(run);
    if (!payload.runKey) {
      throw new Error(
        'the data file has no SHA-256, because this page is not served over HTTPS or from localhost'
      );
    }
    const figures = await this._renderFigures(payload.result);
    if (notebook.isDisposed || !notebook.model) {
      return;
    }
    const index = writeResults(
      notebook.model,
      payload,
      notebook.content.activeCellIndex,
      (text, ...args) => trans.__(text, ...args),
      figures
    );
    trustCell(notebook, index);
    if (this._cache && notebook.context.path === this._runNotebookPath) {
      await this._cache.markWritten(payload.runKey).catch(reason => {
        console.error('Failed to update the run cache', reason);
      });
    }
    const written = trans.__(
      'Results written to cell %1 of %2.',
      index + 1,
      notebook.context.path
    );
    this._model.setNotice({
      kind: 'success',
      text: fromCache && run.cached
        ? trans.__(
            'Shown from the cache: this data and configuration were trained on %1. %2 Press Retrain in Step 5 to train again.',
            new Date(run.cached.finished).toLocaleString(),
            written
          )
        : written
    });
  }

  /** Build the charts of the chosen model with their PNG copies. */
  private async _renderFigures(result: IRunResult): Promise<IResultsFigure[]> {
    const modelId =
      this._model.session.result === result ? this._model.selectedModel : result.best;
    if (!modelId || !this._figures) {
      return [];
    }
    const rendered: IResultsFigure[] = [];
    for (const item of this._figures(result, modelId)) {
      let png: string | null = null;
      try {
        png = this._toPng ? await this._toPng(item.figure) : null;
      } catch (reason) {
        console.error('Failed to draw the PNG copy of a chart', reason);
      }
      rendered.push({ title: item.title, figure: item.figure, png });
    }
    return rendered;
  }

  /**
   * Export model `modelId` of the last run next to its notebook, with a
   * code cell that loads it. Failures become an error notice.
   */
  async exportModel(modelId: string): Promise<void> {
    const trans = this._trans;
    const payload = this._lastPayload;
    const notebook = this._target();
    if (!payload || !notebook || !notebook.model || !this._contents) {
      this._model.setNotice({
        kind: 'error',
        text: trans.__('Open the notebook of this run to export a model next to it.')
      });
      return;
    }
    try {
      const outcome = await exportModel({
        contents: this._contents,
        notebook: notebook.model,
        notebookPath: notebook.context.path,
        payload,
        modelId
      });
      this._model.setNotice({
        kind: 'success',
        text: trans.__(
          'Exported %1 to %2 (%3); cell %4 loads it.',
          trans.__(payload.result.models.find(item => item.id === modelId)?.name ?? modelId),
          outcome.folder,
          outcome.files.join(', '),
          outcome.cellIndex + 1
        )
      });
    } catch (reason) {
      console.error('Failed to export the model', reason);
      this._model.setNotice({
        kind: 'error',
        text: trans.__(
          'Could not export the model: %1',
          reason instanceof Error ? reason.message : String(reason)
        )
      });
    }
  }

  /**
   * Write a cached run into `notebook` at its end (or in place when its
   * cell exists), then mark it written. Returns the cell index.
   */
  async writeCached(notebook: NotebookPanel, cached: ICachedRun): Promise<number> {
    const { notebookPath: _path, written: _written, ...payload } = cached;
    if (!notebook.model) {
      throw new Error(`The notebook ${notebook.context.path} is not loaded.`);
    }
    const figures = await this._renderFigures(payload.result);
    const index = writeResults(
      notebook.model,
      payload,
      -1,
      (text, ...args) => this._trans.__(text, ...args),
      figures
    );
    trustCell(notebook, index);
    await this._cache?.markWritten(cached.runKey);
    return index;
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._model.session.stateChanged.disconnect(this._onStateChanged, this);
    this._tracker.currentChanged.disconnect(this._onCurrentChanged, this);
  }

  private _target(): NotebookPanel | null {
    const pinned = this._runNotebook;
    if (pinned && !pinned.isDisposed) {
      return pinned;
    }
    return this._tracker.currentWidget;
  }

  private _onStateChanged(_: TrainingSession, change: IStateChange): void {
    if (change.current === 'running') {
      this._runNotebook = this._tracker.currentWidget;
      this._runNotebookPath = this._runNotebook?.context.path ?? '';
      this._last = null;
    } else if (change.current === 'idle') {
      this._runNotebook = null;
    }
  }

  private _onCurrentChanged(): void {
    if (this._model.session.state === 'idle') {
      // Re-render so Step 4 names the notebook results will go to.
      this._model.setNotice(this._model.notice);
    }
  }

  private _model: WizardModel;
  private _tracker: INotebookTracker;
  private _trans: TranslationBundle;
  private _autoWrite: () => boolean;
  private _runNotebook: NotebookPanel | null = null;
  private _runNotebookPath = '';
  private _last: IFinishedRun | null = null;
  private _lastPayload: IResultsPayload | null = null;
  private _cache: RunCache | null;
  private _contents: Contents.IManager | null;
  private _figures: ResultsDelivery.IOptions['figures'] | null;
  private _toPng: ResultsDelivery.IOptions['toPng'] | null;
  private _isDisposed = false;
}

export namespace ResultsDelivery {
  export interface IOptions {
    model: WizardModel;
    tracker: INotebookTracker;
    trans: TranslationBundle;
    /** Whether finished runs are written without a click. */
    autoWrite: () => boolean;
    /** Cache of finished runs. Defaults to none. */
    cache?: RunCache | null;
    /** The server's contents, for exports. Defaults to none. */
    contents?: Contents.IManager | null;
    /** The charts written with a run. Defaults to none. */
    figures?: (result: IRunResult, modelId: string) => IGalleryFigure[];
    /** Draw a chart as base64 PNG. Defaults to no PNG copies. */
    toPng?: (figure: IGalleryFigure['figure']) => Promise<string>;
  }
}

/** Return the results payload of a finished run; a cached run keeps its own. */
function payloadOf(run: IFinishedRun): IResultsPayload {
  if (run.cached) {
    const { notebookPath: _path, written: _written, ...payload } = run.cached;
    return payload;
  }
  const file = run.file;
  return {
    runKey: run.runKey,
    config: run.config,
    result: run.result,
    data: {
      name: file?.name ?? '',
      path: file?.path ?? '',
      size: file?.size ?? 0,
      sha256: run.dataHash
    },
    readOptions: run.readOptions,
    started: run.started,
    finished: new Date().toISOString()
  };
}

/**
 * Mark the outputs of the results cell at `index` as trusted: the wizard
 * built them in this page, so the interactive charts may render, as they
 * would for a cell the person ran.
 */
function trustCell(notebook: NotebookPanel, index: number): void {
  const cell = notebook.content.widgets[index];
  if (cell && cell.model.type === 'code') {
    (cell.model as ICodeCellModel).trusted = true;
  }
}
