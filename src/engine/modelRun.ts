/**
 * The inputs of one model's training on one fold, and the helpers that turn
 * its outputs into an `IModelResult`. Shared by the baseline, the networks
 * and the random forest.
 */
import { IEpochRecord, IModelResult, IPreparedData, IWizardConfig, ModelId } from '../core/types';
import { classificationMetrics, regressionMetrics } from './metrics';
import { hyperparameters, MODEL_CATALOGUE, modelName } from './models';

/** Progress of one epoch: `IEpochEndedMessage` without the type and run id. */
export interface IEpochProgress {
  modelId: ModelId;
  /** Epoch number within the fold, from 1. */
  epoch: number;
  epochs: number;
  loss: number;
  /** Loss on the validation rows, or null when there are none. */
  valLoss: number | null;
  /** Time since the model started, over all its folds, in milliseconds. */
  elapsedMs: number;
  /**
   * Estimated milliseconds until the model ends: the mean epoch time so far
   * times the epochs left in this and the later folds. Early stopping can
   * end the model sooner, so this is an upper estimate.
   */
  remainingMs?: number;
  /** Fold number from 1, and the number of folds; only with k-fold validation. */
  fold?: number;
  folds?: number;
}

/** Callbacks of `trainModels`, called in order on the training thread. */
export interface ITrainHooks {
  onModelStarted(id: ModelId, name: string): void;
  onEpochEnded(e: IEpochProgress): void;
  /** Called once per model that finished, succeeded or failed. */
  onModelFinished(result: IModelResult): void;
  /** Polled after every batch, before every epoch and before every fold. True stops the run. */
  shouldStop(): boolean;
  /** Clock in milliseconds. Defaults to `Date.now`. */
  now?: () => number;
}

/** Everything one model's training on one fold needs. */
export interface IModelRun {
  id: ModelId;
  /** Position in `config.models`, which varies the shuffle seed per model. */
  index: number;
  /** Fold index from 0; always 0 for a hold-out split. */
  fold: number;
  /** Number of folds; 1 for a hold-out split. */
  folds: number;
  /** Clock reading when the model's first fold started. */
  started: number;
  /** Epochs the model has finished so far, over all folds. */
  progress: { epochs: number };
  now: () => number;
  hooks: ITrainHooks;
  data: IPreparedData;
  config: IWizardConfig;
}

/**
 * Compute the validation metrics from outputs: probabilities for
 * classification, scaled predictions for regression, which are converted
 * back to the target's original units first.
 */
export function metricsOf(
  data: IPreparedData,
  outputs: Float32Array
): Record<string, number> {
  if (data.task === 'classification') {
    const { confusion: _confusion, ...values } = classificationMetrics(
      data.yValidation,
      outputs,
      data.classes.length
    );
    return values as Record<string, number>;
  }
  const scale = data.targetScale ?? { mean: 0, std: 1 };
  const unscale = (values: ArrayLike<number>): Float64Array =>
    Float64Array.from(values, value => value * scale.std + scale.mean);
  const metrics = regressionMetrics(unscale(data.yValidation), unscale(outputs));
  return metrics as Record<string, number>;
}

export function succeededResult(
  run: IModelRun,
  metrics: Record<string, number>,
  history: IEpochRecord[]
): IModelResult {
  return { ...baseResult(run, history), status: 'succeeded', metrics };
}

export function failedResult(
  run: Pick<IModelRun, 'id' | 'data' | 'config' | 'now' | 'started'>,
  error: string,
  history: IEpochRecord[]
): IModelResult {
  return { ...baseResult(run, history), status: 'failed', error, metrics: {} };
}

function baseResult(
  run: Pick<IModelRun, 'id' | 'data' | 'config' | 'now' | 'started'>,
  history: IEpochRecord[]
): Omit<IModelResult, 'status' | 'metrics'> {
  const entry = MODEL_CATALOGUE[run.id];
  return {
    id: run.id,
    name: modelName(run.id, run.data.task),
    description: entry.description,
    trainMs: run.now() - run.started,
    hyperparameters: hyperparameters(run.id, run.config),
    history
  };
}
