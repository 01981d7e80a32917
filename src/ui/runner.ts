import { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { pickBest, primaryMetric } from '../core/results';
import { computeRunKey } from '../core/runKey';
import { TransitionError } from '../core/session';
import { IModelResult, IRunResult, IWizardConfig } from '../core/types';
import { IEpochEndedMessage, Response } from '../engine/protocol';
import type { IReadOptions } from '../data/csv';
import { ICachedRun, RunCache } from './cache';
import { IChosenFile, WizardModel } from './model';

/** A finished run, as handed to the code that writes it into a notebook. */
export interface IFinishedRun {
  runId: number;
  config: IWizardConfig;
  result: IRunResult;
  /** Hash of the data bytes, configuration and engine version. */
  runKey: string;
  /** Hex SHA-256 of the data bytes, from the data worker's profile. */
  dataHash: string;
  /** The cached run whose results were shown instead of training, or null. */
  cached: ICachedRun | null;
  /** ISO 8601 time the run started. */
  started: string;
  /** The file and read options as they were when the run started. */
  file: IChosenFile | null;
  readOptions: IReadOptions;
}

/**
 * Connects the panel's session to the worker client: starts, cancels and
 * restarts runs, and turns worker messages into session transitions.
 */
export class RunController implements IDisposable {
  constructor(options: RunController.IOptions) {
    this._model = options.model;
    this._trans = options.trans;
    this._now = options.now ?? (() => Date.now());
    this._cache = options.cache ?? null;
  }

  /** Emitted once per successful run, after the session succeeded. */
  get succeeded(): ISignal<this, IFinishedRun> {
    return this._succeeded;
  }

  /** Emitted when a stored run is shown without starting one. */
  get restored(): ISignal<this, IFinishedRun> {
    return this._restored;
  }

  /** The cached run whose results the session shows, or null. */
  get shownFromCache(): ICachedRun | null {
    return this._shownCached;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** The reason the last run did not use the requested backend, or null. */
  get backendNote(): string | null {
    return this._backendNote;
  }

  /**
   * Start a run with the model's configuration. When the cache contains
   * the same data and configuration, its results are shown without training,
   * unless `useCache` is false.
   *
   * Returns false and sets a notice when the run cannot start: a run is going,
   * a finished run needs Restart, or the configuration has errors.
   */
  start(options: { useCache?: boolean } = {}): boolean {
    const model = this._model;
    const session = model.session;
    const config = model.config;
    if (session.state === 'idle' && (!config || !model.canStart)) {
      model.setNotice({
        kind: 'error',
        text: this._trans(
          'Fix the errors listed in Steps 1 and 2 before training.'
        )
      });
      return false;
    }
    let runId: number;
    try {
      runId = session.start();
    } catch (reason) {
      if (!(reason instanceof TransitionError)) {
        throw reason;
      }
      model.setNotice({ kind: 'error', text: this._transitionText(reason) });
      return false;
    }
    this._partial = [];
    this._shownCached = null;
    this._backendNote = null;
    this._plannedEpochs = 0;
    this._epochsDone = 0;
    this._startedAt = this._now();
    this._config = config!;
    this._input = { file: model.file, readOptions: model.readOptions };
    model.setNotice(null);
    void this._begin(runId, config!, options.useCache ?? true);
    return true;
  }

  /** Find the run in the cache, or start the worker. */
  private async _begin(
    runId: number,
    config: IWizardConfig,
    useCache: boolean
  ): Promise<void> {
    const model = this._model;
    let cached: ICachedRun | null = null;
    try {
      this._dataHash = await model.dataHash();
      this._runKey = await computeRunKey(this._dataHash, config);
      if (useCache && this._cache) {
        cached = await this._cache.get(this._runKey);
      }
    } catch (reason) {
      // A broken cache must not stop training.
      console.error('Failed to look up the run cache', reason);
    }
    if (!model.session.isCurrent(runId)) {
      return;
    }
    if (cached) {
      this._shownCached = cached;
      this._finish(runId, cached.result, cached);
      model.setNotice({
        kind: 'info',
        text: this._trans(
          'Shown from the cache: this data and configuration were trained on %1. Press Retrain in Step 5 to train again.',
          new Date(cached.finished).toLocaleString()
        )
      });
      return;
    }
    model.client.train(
      {
        runId,
        fileName: model.file?.name ?? '',
        options: this._input.readOptions,
        config
      },
      {
        onMessage: message => this._onMessage(runId, message),
        onCrash: message => this._fail(runId, message)
      }
    );
  }

  /** Enter `succeeded` with `result` and announce the finished run. */
  private _finish(
    runId: number,
    result: IRunResult,
    cached: ICachedRun | null
  ): void {
    if (this._model.session.succeed(runId, result)) {
      this._model.setStep('evaluate');
      this._succeeded.emit({
        runId,
        config: this._config!,
        result,
        runKey: this._runKey,
        dataHash: this._dataHash,
        cached,
        started: new Date(this._startedAt).toISOString(),
        ...this._input
      });
    }
  }

  /**
   * Show a cached run's results from `idle`, as after a reload or when a
   * results cell is reopened. Nothing is written anywhere.
   */
  showCached(cached: ICachedRun): void {
    const model = this._model;
    const runId = model.session.restore(cached.result);
    this._shownCached = cached;
    this._config = cached.config;
    this._runKey = cached.runKey;
    this._dataHash = cached.data.sha256;
    this._input = { file: model.file, readOptions: cached.readOptions };
    model.setStep('evaluate');
    this._restored.emit({
      runId,
      config: cached.config,
      result: cached.result,
      runKey: cached.runKey,
      dataHash: cached.data.sha256,
      cached,
      started: cached.started ?? cached.finished,
      ...this._input
    });
  }

  /** Leave the shown results and train the same configuration again. */
  retrain(): boolean {
    this.restart();
    return this.start({ useCache: false });
  }

  /** Cancel the running run; finished models are kept as partial results. */
  cancel(): void {
    const session = this._model.session;
    if (session.state !== 'running') {
      return;
    }
    this._model.client.stop();
    session.cancel(this._partialResult());
    this._model.setNotice({
      kind: 'info',
      text: this._trans('Training cancelled.')
    });
  }

  /** Return to a clean Step 4 with the same configuration. */
  restart(): void {
    const session = this._model.session;
    if (session.state === 'running') {
      this._model.setNotice({
        kind: 'error',
        text: this._trans('Cancel the run before restarting.')
      });
      return;
    }
    session.restart();
    this._shownCached = null;
    this._model.setNotice(null);
    this._model.setStep('train');
  }

  /** Stop any run and disconnect. Repeat calls are a no-op. */
  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._model.client.stop();
    Signal.clearData(this);
  }

  private _onMessage(runId: number, message: Response): void {
    const session = this._model.session;
    if (!session.isCurrent(runId)) {
      return;
    }
    switch (message.type) {
      case 'run-started':
        this._backendNote = message.backendNote ?? null;
        if (message.backendNote) {
          this._model.setNotice({
            kind: 'info',
            text: this._trans('Backend: %1', message.backendNote)
          });
        }
        this._folds = message.folds ?? 1;
        this._rows = {
          train: message.trainRows,
          validation: message.validationRows
        };
        this._plannedEpochs =
          this._folds *
          message.models.reduce((sum, entry) => sum + entry.epochs, 0);
        this._modelEpochs = new Map(
          message.models.map(entry => [entry.id, entry.epochs * this._folds])
        );
        break;
      case 'model-started':
        this._currentModel = message.modelName;
        this._report(runId, { epoch: 0, epochs: 0, loss: null });
        break;
      case 'epoch-ended':
        this._report(runId, message);
        break;
      case 'model-finished':
        this._partial.push(message.result);
        this._epochsDone += this._modelEpochs.get(message.result.id) ?? 0;
        break;
      case 'run-finished':
        this._model.client.stop();
        this._finish(runId, message.result, null);
        break;
      case 'error':
        this._fail(runId, message.message);
        break;
    }
  }

  /**
   * Report progress. The fraction counts epochs of finished models at their
   * maximum, so early stopping makes it jump forward, never back.
   */
  private _report(
    runId: number,
    epoch: Pick<
      IEpochEndedMessage,
      'epoch' | 'epochs' | 'fold' | 'folds' | 'valAccuracy'
    > & { loss: number | null }
  ): void {
    const foldsDone = (epoch.fold ?? 1) - 1;
    const done = this._epochsDone + foldsDone * epoch.epochs + epoch.epoch;
    const fraction =
      this._plannedEpochs > 0 ? Math.min(1, done / this._plannedEpochs) : 0;
    const elapsed = this._now() - this._startedAt;
    this._model.session.report(runId, {
      fraction,
      modelName: this._currentModel,
      epoch: epoch.epoch,
      epochs: epoch.epochs,
      fold: epoch.fold ?? null,
      folds: epoch.folds ?? null,
      loss: epoch.loss,
      valAccuracy: epoch.valAccuracy ?? null,
      remainingMs: fraction > 0 ? (elapsed / fraction) * (1 - fraction) : null
    });
  }

  private _fail(runId: number, message: string): void {
    this._model.client.stop();
    if (this._model.session.fail(runId, message)) {
      this._model.setNotice({
        kind: 'error',
        text: this._trans(
          'Training failed: %1 Restart to try again; check the data and settings if it fails again.',
          message
        )
      });
    }
  }

  private _partialResult(): IRunResult | null {
    const config = this._config;
    if (!config || this._partial.length === 0) {
      return null;
    }
    const { metric, higherIsBetter } = primaryMetric(config.task);
    return {
      task: config.task,
      target: config.target,
      primaryMetric: metric,
      higherIsBetter,
      models: [...this._partial],
      best: pickBest(this._partial, metric, higherIsBetter),
      classCounts: null,
      trainRows: this._rows.train,
      validationRows: this._rows.validation,
      skippedLines: [],
      droppedTargetRows: 0,
      imputed: [],
      backend: '',
      tensorsBefore: 0,
      tensorsAfter: 0,
      partial: true,
      engineVersion: ''
    };
  }

  private _transitionText(error: TransitionError): string {
    switch (error.reason) {
      case 'already-running':
        return this._trans('Training is already running.');
      case 'restart-required':
        return this._trans('Press Restart before starting another run.');
      default:
        return this._trans('No run to cancel.');
    }
  }

  private _model: WizardModel;
  private _trans: RunController.Translate;
  private _now: () => number;
  private _config: IWizardConfig | null = null;
  private _input: Pick<IFinishedRun, 'file' | 'readOptions'> = {
    file: null,
    readOptions: {}
  };
  private _partial: IModelResult[] = [];
  private _plannedEpochs = 0;
  private _epochsDone = 0;
  private _modelEpochs = new Map<string, number>();
  private _currentModel = '';
  private _folds = 1;
  private _rows = { train: 0, validation: 0 };
  private _backendNote: string | null = null;
  private _cache: RunCache | null;
  private _runKey = '';
  private _dataHash = '';
  private _startedAt = 0;
  private _isDisposed = false;
  private _succeeded = new Signal<this, IFinishedRun>(this);
  private _restored = new Signal<this, IFinishedRun>(this);
  private _shownCached: ICachedRun | null = null;
}

export namespace RunController {
  export type Translate = (
    message: string,
    ...args: Array<string | number>
  ) => string;

  export interface IOptions {
    model: WizardModel;
    trans: Translate;
    /** Clock for elapsed time. Defaults to `Date.now`. */
    now?: () => number;
    /** Cache consulted before training. Defaults to none. */
    cache?: RunCache | null;
  }
}
