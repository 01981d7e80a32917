import { ISignal, Signal } from '@lumino/signaling';

import { IRunResult } from './types';

/** The states of a training run, as in the house plan. */
export type RunState = 'idle' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** Progress of the current run, as the worker last reported it. */
export interface IRunProgress {
  /** Fraction of all planned epochs done, in [0, 1]. */
  fraction: number;
  modelName: string;
  epoch: number;
  epochs: number;
  /** Fold number from 1 and the number of folds; null for a holdout split. */
  fold: number | null;
  folds: number | null;
  loss: number | null;
  /** Validation accuracy after the epoch, or null when not measured. */
  valAccuracy: number | null;
  /** Estimated milliseconds left for the whole run, or null when unknown. */
  remainingMs: number | null;
}

/** Payload of `TrainingSession.stateChanged`. */
export interface IStateChange {
  previous: RunState;
  current: RunState;
  runId: number;
}

/**
 * The error thrown when a transition is not allowed from the current state.
 *
 * `reason` lets the page show a translated message.
 */
export class TransitionError extends Error {
  constructor(
    readonly reason: 'already-running' | 'restart-required' | 'not-running',
    message: string
  ) {
    super(message);
    this.name = 'TransitionError';
  }
}

/**
 * The state machine of one wizard panel's runs.
 *
 * `idle → running → succeeded | failed | cancelled → (restart) → idle`.
 * Every run gets a new id; reports carrying another id are ignored, so a late
 * message from a cancelled run cannot change the current one.
 */
export class TrainingSession {
  /** Emitted after every state change. */
  get stateChanged(): ISignal<this, IStateChange> {
    return this._stateChanged;
  }

  /** Emitted when the current run reports progress. */
  get progressChanged(): ISignal<this, IRunProgress> {
    return this._progressChanged;
  }

  get state(): RunState {
    return this._state;
  }

  /** Id of the current or last run; 0 before the first. */
  get runId(): number {
    return this._runId;
  }

  /** Results of the last run: full on success, partial after a cancel. */
  get result(): IRunResult | null {
    return this._result;
  }

  /** Error message of the last failed run. */
  get error(): string | null {
    return this._error;
  }

  get progress(): IRunProgress | null {
    return this._progress;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /**
   * Start a run and return its id.
   *
   * @throws TransitionError with reason `already-running` while a run is
   * going, and `restart-required` after a finished run.
   */
  start(): number {
    return this._leaveIdle('running', null, 'starting another run');
  }

  /** Return whether `runId` is the run currently going. */
  isCurrent(runId: number): boolean {
    return this._state === 'running' && runId === this._runId;
  }

  /** Record progress; ignored unless `runId` is the current run. */
  report(runId: number, progress: IRunProgress): boolean {
    if (!this.isCurrent(runId)) {
      return false;
    }
    this._progress = progress;
    this._progressChanged.emit(progress);
    return true;
  }

  /** Finish the current run with results; ignored for any other run id. */
  succeed(runId: number, result: IRunResult): boolean {
    if (!this.isCurrent(runId)) {
      return false;
    }
    this._result = result;
    this._setState('succeeded');
    return true;
  }

  /** Fail the current run; ignored for any other run id. */
  fail(runId: number, message: string): boolean {
    if (!this.isCurrent(runId)) {
      return false;
    }
    this._error = message;
    this._setState('failed');
    return true;
  }

  /**
   * Cancel the current run, keeping `partial` results if any model finished.
   *
   * @throws TransitionError with reason `not-running` when no run is going.
   */
  cancel(partial: IRunResult | null = null): void {
    if (this._state !== 'running') {
      throw new TransitionError('not-running', 'No run to cancel.');
    }
    this._result = partial;
    this._setState('cancelled');
  }

  /**
   * Show the stored results of an earlier run: `idle` → `succeeded` without
   * training, under a new run id. Returns that id.
   *
   * @throws TransitionError with reason `already-running` while a run is
   * going, or `restart-required` after a finished run.
   */
  restore(result: IRunResult): number {
    return this._leaveIdle('succeeded', result, 'restoring another run');
  }

  /**
   * Return to `idle` after a finished run. A no-op when already idle.
   *
   * @throws TransitionError with reason `already-running` while a run is going.
   */
  restart(): void {
    if (this._state === 'running') {
      throw new TransitionError(
        'already-running',
        'Cancel the run before restarting.'
      );
    }
    if (this._state === 'idle') {
      return;
    }
    this._result = null;
    this._error = null;
    this._progress = null;
    this._setState('idle');
  }

  /** Dispose the session; repeat calls are a no-op. */
  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    Signal.clearData(this);
  }

  /**
   * Move from `idle` to `next` under a new run id with `result`. Outside
   * `idle`, throw the `TransitionError` of the current state, whose message
   * names `action`.
   */
  private _leaveIdle(
    next: 'running' | 'succeeded',
    result: IRunResult | null,
    action: string
  ): number {
    if (this._state === 'running') {
      throw new TransitionError('already-running', 'Training is already running.');
    }
    if (this._state !== 'idle') {
      throw new TransitionError('restart-required', `Restart before ${action}.`);
    }
    this._runId += 1;
    this._result = result;
    this._error = null;
    this._progress = null;
    this._setState(next);
    return this._runId;
  }

  private _setState(next: RunState): void {
    const previous = this._state;
    this._state = next;
    this._stateChanged.emit({ previous, current: next, runId: this._runId });
  }

  private _state: RunState = 'idle';
  private _runId = 0;
  private _result: IRunResult | null = null;
  private _error: string | null = null;
  private _progress: IRunProgress | null = null;
  private _isDisposed = false;
  private _stateChanged = new Signal<this, IStateChange>(this);
  private _progressChanged = new Signal<this, IRunProgress>(this);
}
