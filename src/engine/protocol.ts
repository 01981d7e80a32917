/**
 * Messages between the page and the workers: the data worker that reads and
 * checks a file, and the training worker of a run. Nothing else crosses the
 * worker boundary. Every message carries the id of the request or run it
 * belongs to, so the page can drop messages from a run it no longer follows.
 */
import {
  IDatasetProfile,
  IFinding,
  IModelResult,
  IRunResult,
  IWizardConfig
} from '../core/types';
import { IReadOptions, ITable } from '../data/csv';

/**
 * Page → data worker: read and profile a file. The worker reads the Blob in
 * chunks and keeps the table for `check` and `export` requests.
 */
export interface IInspectRequest {
  type: 'inspect';
  requestId: number;
  fileName: string;
  /** The file's bytes, UTF-8 text. A Blob crosses the boundary by reference. */
  file: Blob;
  options: IReadOptions;
}

/**
 * Page → data worker: send a copy of the last inspected table and its
 * profile, with the table's buffers transferred, in a `table` message.
 */
export interface IExportRequest {
  type: 'export';
  requestId: number;
}

/**
 * Page → training worker: train the configured models on a table read by
 * the data worker. The page transfers the table's buffers, so it keeps no
 * copy.
 */
export interface ITrainRequest {
  type: 'train';
  runId: number;
  fileName: string;
  table: ITable;
  /** The table's profile with the person's column types applied. */
  profile: IDatasetProfile;
  options: IReadOptions;
  config: IWizardConfig;
}

/**
 * Page → worker: check a configuration against the last inspected file.
 * Only valid in the worker that handled the `inspect` request.
 */
export interface ICheckRequest {
  type: 'check';
  requestId: number;
  config: IWizardConfig;
}

export type Request = IInspectRequest | IExportRequest | ICheckRequest | ITrainRequest;

/** Worker → page: the profile of an inspected file. */
export interface IProfileMessage {
  type: 'profile';
  requestId: number;
  profile: IDatasetProfile;
}

/** Data worker → page: a copy of the inspected table, for a training request. */
export interface ITableMessage {
  type: 'table';
  requestId: number;
  table: ITable;
  profile: IDatasetProfile;
}

/** Worker → page: pre-flight findings for a configuration. */
export interface IFindingsMessage {
  type: 'findings';
  requestId: number;
  findings: IFinding[];
}

export interface IRunStartedMessage {
  type: 'run-started';
  runId: number;
  backend: string;
  /** Reason the requested backend was not used, in English; absent when it was. */
  backendNote?: string;
  /** Models in training order; `epochs` is the maximum per fold. */
  models: Array<{ id: string; name: string; epochs: number }>;
  /** Folds each model trains on; absent for a hold-out split. */
  folds?: number;
  /** Rows on each side of the holdout split (of the first fold with k-fold). */
  trainRows: number;
  validationRows: number;
}

export interface IModelStartedMessage {
  type: 'model-started';
  runId: number;
  modelId: string;
  modelName: string;
}

export interface IEpochEndedMessage {
  type: 'epoch-ended';
  runId: number;
  modelId: string;
  epoch: number;
  epochs: number;
  loss: number;
  valLoss: number | null;
  /** Validation accuracy after the epoch; classification networks only. */
  valAccuracy?: number;
  elapsedMs: number;
  /**
   * Estimated milliseconds until the model ends, assuming it runs every
   * remaining epoch; early stopping can end it sooner.
   */
  remainingMs?: number;
  /** Fold number from 1, and the number of folds; only with k-fold validation. */
  fold?: number;
  folds?: number;
}

export interface IModelFinishedMessage {
  type: 'model-finished';
  runId: number;
  result: IModelResult;
}

export interface IRunFinishedMessage {
  type: 'run-finished';
  runId: number;
  result: IRunResult;
}

/** Worker → page: the request or run failed; `message` is plain English. */
export interface IErrorMessage {
  type: 'error';
  runId?: number;
  requestId?: number;
  message: string;
}

export type Response =
  | IProfileMessage
  | ITableMessage
  | IFindingsMessage
  | IRunStartedMessage
  | IModelStartedMessage
  | IEpochEndedMessage
  | IModelFinishedMessage
  | IRunFinishedMessage
  | IErrorMessage;

/**
 * Sends a response, with the buffers to transfer along with it. Senders
 * must not use a transferred buffer afterwards.
 */
export type PostResponse = (message: Response, transfer?: Transferable[]) => void;
