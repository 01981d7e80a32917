/**
 * Offers to write runs that finished after their notebook was closed: when
 * that notebook is opened again, a notification names the runs and writes
 * them on request.
 */
import { Notification } from '@jupyterlab/apputils';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import { TranslationBundle } from '@jupyterlab/translation';
import { IDisposable } from '@lumino/disposable';

import { RunCache } from './cache';
import { ResultsDelivery } from './delivery';

/** Watches opened notebooks for unwritten runs. */
export class RunRecovery implements IDisposable {
  constructor(options: RunRecovery.IOptions) {
    this._tracker = options.tracker;
    this._cache = options.cache;
    this._delivery = options.delivery;
    this._trans = options.trans;
    this._tracker.widgetAdded.connect(this._onAdded, this);
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._tracker.widgetAdded.disconnect(this._onAdded, this);
  }

  /** Check `notebook` for unwritten runs and offer to write them. */
  async check(notebook: NotebookPanel): Promise<void> {
    await notebook.context.ready;
    const path = notebook.context.path;
    let runs;
    try {
      runs = await this._cache.unwritten(path);
    } catch (reason) {
      console.error('Failed to read the run cache', reason);
      return;
    }
    if (runs.length === 0 || notebook.isDisposed || this._isDisposed) {
      return;
    }
    const trans = this._trans;
    Notification.info(
      trans._n(
        'A training run for %2 finished after the notebook was closed. Write its results at the end of the notebook?',
        '%1 training runs for %2 finished after the notebook was closed. Write their results at the end of the notebook?',
        runs.length,
        path
      ),
      {
        autoClose: false,
        actions: [
          {
            label: trans.__('Write results'),
            callback: () => void this._write(notebook, runs)
          },
          {
            label: trans.__('Not now'),
            callback: () => undefined
          }
        ]
      }
    );
  }

  private async _write(
    notebook: NotebookPanel,
    runs: Awaited<ReturnType<RunCache['unwritten']>>
  ): Promise<void> {
    try {
      for (const run of runs) {
        await this._delivery.writeCached(notebook, run);
      }
      Notification.success(
        this._trans.__('Results written to %1.', notebook.context.path),
        { autoClose: 5000 }
      );
    } catch (reason) {
      console.error('Failed to write the recovered results', reason);
      Notification.error(
        this._trans.__(
          'Could not write the results into %1: %2',
          notebook.context.path,
          reason instanceof Error ? reason.message : String(reason)
        )
      );
    }
  }

  private _onAdded(_: INotebookTracker, notebook: NotebookPanel): void {
    void this.check(notebook);
  }

  private _tracker: INotebookTracker;
  private _cache: RunCache;
  private _delivery: ResultsDelivery;
  private _trans: TranslationBundle;
  private _isDisposed = false;
}

export namespace RunRecovery {
  export interface IOptions {
    tracker: INotebookTracker;
    cache: RunCache;
    delivery: ResultsDelivery;
    trans: TranslationBundle;
  }
}
