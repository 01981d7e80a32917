import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import { TranslationBundle } from '@jupyterlab/translation';
import { IDisposable } from '@lumino/disposable';

import { computeRunKey } from '../core/runKey';
import { IStateChange, TrainingSession } from '../core/session';
import { writeResults } from '../notebook/writer';
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

  /** Write a finished run if the settings ask for it. */
  async deliver(run: IFinishedRun): Promise<void> {
    this._last = run;
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
    await this.writeLast();
  }

  /**
   * Write the last successful run into its notebook. A failure becomes an
   * error notice, so callers may fire and forget.
   */
  async writeLast(): Promise<void> {
    try {
      await this._write();
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

  private async _write(): Promise<void> {
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
    const file = run.file;
    const dataHash = run.sha256;
    if (!dataHash) {
      throw new Error(
        'the data file has no SHA-256, because this page is not served over HTTPS or from localhost'
      );
    }
    const runKey = await computeRunKey(dataHash, run.config);
    const index = writeResults(
      notebook.model,
      {
        runKey,
        config: run.config,
        result: run.result,
        data: {
          name: file?.name ?? '',
          path: file?.path ?? '',
          size: file?.size ?? 0,
          sha256: dataHash
        },
        readOptions: run.readOptions,
        finished: new Date().toISOString()
      },
      notebook.content.activeCellIndex,
      (text, ...args) => trans.__(text, ...args)
    );
    this._model.setNotice({
      kind: 'success',
      text: trans.__(
        'Results written to cell %1 of %2.',
        index + 1,
        notebook.context.path
      )
    });
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
  private _isDisposed = false;
}

export namespace ResultsDelivery {
  export interface IOptions {
    model: WizardModel;
    tracker: INotebookTracker;
    trans: TranslationBundle;
    /** Whether finished runs are written without a click. */
    autoWrite: () => boolean;
  }
}
