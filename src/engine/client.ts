/**
 * The page side of the worker protocol. Owns at most one training worker and
 * one data worker (which keeps the parsed file for pre-flight checks and
 * training requests), and terminates each when its work ends or the client
 * is disposed.
 */
import { IDisposable } from '@lumino/disposable';

import { IDatasetProfile, IFinding, IWizardConfig } from '../core/types';
import { tableBuffers } from '../data/column';
import type { IReadOptions, ITable } from '../data/csv';
import { ITrainRequest, Request, Response } from './protocol';

/** A training request as the page makes it, without the table from the data worker. */
export type TrainOptions = Omit<ITrainRequest, 'type' | 'table' | 'profile'>;

/** Receives the messages of the current run. */
export interface IRunHandlers {
  /** A message of the current run; messages of other runs never arrive. */
  onMessage(message: Response): void;
  /** The worker crashed or could not load; `message` is plain English. */
  onCrash(message: string): void;
}

/**
 * Starts and stops training workers, and drops every message whose run id is
 * not the current one.
 */
export class WorkerClient implements IDisposable {
  constructor(options: WorkerClient.IOptions) {
    this._spawn = options.spawn;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** Whether a training worker is alive. */
  get isTraining(): boolean {
    return this._worker !== null;
  }

  /** Id of the run whose messages are delivered; 0 when none. */
  get currentRunId(): number {
    return this._runId;
  }

  /**
   * Read and profile a file in a data worker of its own, which keeps the
   * parsed table for later `check` and `train` calls until the next
   * `inspect`. The Blob is passed by reference, and the page keeps no text.
   */
  inspect(
    fileName: string,
    file: Blob,
    options: IReadOptions
  ): Promise<IDatasetProfile> {
    this._stopDataWorker();
    const worker = this._spawn();
    this._dataWorker = worker;
    worker.onmessage = (event: MessageEvent<Response>) =>
      this._settle(event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this._rejectAll(new Error(Private.describeCrash(event)));
      this._stopDataWorker();
    };
    return this._ask<IDatasetProfile>(requestId => ({
      type: 'inspect',
      requestId,
      fileName,
      file,
      options
    }));
  }

  /** Pre-flight findings for `config` against the last inspected file. */
  check(config: IWizardConfig): Promise<IFinding[]> {
    if (!this._dataWorker) {
      return Promise.reject(new Error('No file has been inspected.'));
    }
    return this._ask<IFinding[]>(requestId => ({
      type: 'check',
      requestId,
      config
    }));
  }

  /**
   * Start a run in a new worker on the last inspected file, terminating any
   * previous run first.
   *
   * The data worker sends a copy of its table, and the page transfers the
   * buffers on to the training worker, so the page keeps the table only in
   * between. Messages whose `runId` differs from `request.runId` are
   * dropped. A missing or failed data worker ends the run through
   * `handlers.onCrash`.
   */
  train(request: TrainOptions, handlers: IRunHandlers): void {
    this.stop();
    const runId = request.runId;
    const worker = this._spawn();
    this._worker = worker;
    this._runId = runId;
    worker.onmessage = (event: MessageEvent<Response>) => {
      const message = event.data;
      if (this._worker !== worker || this._runId !== runId) {
        return;
      }
      if ('runId' in message && message.runId !== runId) {
        return;
      }
      handlers.onMessage(message);
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      if (this._worker !== worker) {
        return;
      }
      this.stop();
      handlers.onCrash(Private.describeCrash(event));
    };
    worker.onmessageerror = () => {
      if (this._worker !== worker) {
        return;
      }
      this.stop();
      handlers.onCrash('A message from the training worker could not be read.');
    };
    const isCurrent = () => this._worker === worker && this._runId === runId;
    this._exportTable().then(
      ({ table, profile }) => {
        if (isCurrent()) {
          const message: ITrainRequest = { ...request, type: 'train', table, profile };
          worker.postMessage(message, tableBuffers(table));
        }
      },
      (reason: Error) => {
        if (isCurrent()) {
          this.stop();
          handlers.onCrash(`The file could not be handed to the training worker: ${reason.message}`);
        }
      }
    );
  }

  /** Terminate the training worker, if any; later messages are dropped. */
  stop(): void {
    if (this._worker) {
      this._worker.onmessage = null;
      this._worker.onerror = null;
      this._worker.onmessageerror = null;
      this._worker.terminate();
      this._worker = null;
    }
    this._runId = 0;
  }

  /** Terminate every worker. Repeat calls are a no-op. */
  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this.stop();
    this._stopDataWorker();
  }

  /** Ask the data worker for a copy of its table and profile. */
  private _exportTable(): Promise<{ table: ITable; profile: IDatasetProfile }> {
    if (!this._dataWorker) {
      return Promise.reject(new Error('No file has been inspected.'));
    }
    return this._ask(requestId => ({ type: 'export', requestId }));
  }

  private _ask<T>(build: (requestId: number) => Request): Promise<T> {
    const requestId = ++this._requestId;
    return new Promise<T>((resolve, reject) => {
      this._pending.set(requestId, {
        resolve: value => resolve(value as T),
        reject
      });
      this._dataWorker!.postMessage(build(requestId));
    });
  }

  private _settle(message: Response): void {
    const requestId = 'requestId' in message ? message.requestId : undefined;
    const pending =
      requestId === undefined ? undefined : this._pending.get(requestId);
    if (!pending || requestId === undefined) {
      return;
    }
    this._pending.delete(requestId);
    if (message.type === 'profile') {
      pending.resolve(message.profile);
    } else if (message.type === 'table') {
      pending.resolve({ table: message.table, profile: message.profile });
    } else if (message.type === 'findings') {
      pending.resolve(message.findings);
    } else if (message.type === 'error') {
      pending.reject(new Error(message.message));
    }
  }

  private _rejectAll(reason: Error): void {
    const pending = [...this._pending.values()];
    this._pending.clear();
    pending.forEach(entry => entry.reject(reason));
  }

  private _stopDataWorker(): void {
    if (this._dataWorker) {
      this._dataWorker.terminate();
      this._dataWorker = null;
    }
    this._rejectAll(new Error('The file was replaced or the panel closed.'));
  }

  private _spawn: () => Worker;
  private _worker: Worker | null = null;
  private _dataWorker: Worker | null = null;
  private _pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (reason: Error) => void }
  >();
  private _runId = 0;
  private _requestId = 0;
  private _isDisposed = false;
}

export namespace WorkerClient {
  export interface IOptions {
    /** Creates a worker running `worker.ts`. */
    spawn: () => Worker;
  }
}

namespace Private {
  /** Plain English for a worker `error` event. */
  export function describeCrash(event: ErrorEvent): string {
    const detail = event.message || 'the worker script failed to load';
    return `The training worker stopped: ${detail}.`;
  }
}
