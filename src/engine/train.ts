/**
 * The fit loop: trains the configured models one after another on prepared
 * data, reports progress through hooks and returns one result per model.
 *
 * Runs in the training worker, in the CLI and under jest, so it imports no
 * DOM and no JupyterLab packages. Call `setupBackend` first, or tfjs uses
 * the cpu backend registered by the import below.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type * as tfl from '@tensorflow/tfjs-layers';

import {
  IEpochRecord,
  IModelResult,
  IPreparedData,
  IWizardConfig,
  ModelId,
  TaskType
} from '../core/types';
import { mulberry32, shuffle } from '../data/random';
import { classificationMetrics, regressionMetrics } from './metrics';
import {
  BestWeights,
  buildNetwork,
  disposeTensors,
  hyperparameters,
  INetworkTensors,
  MODEL_CATALOGUE,
  modelName,
  NetworkId,
  predict,
  toTensors
} from './models';

/** Progress of one epoch: `IEpochEndedMessage` without the type and run id. */
export interface IEpochProgress {
  modelId: ModelId;
  /** Epoch number, from 1. */
  epoch: number;
  epochs: number;
  loss: number;
  /** Loss on the validation rows, or null when there are none. */
  valLoss: number | null;
  /** Time since the model started, in milliseconds. */
  elapsedMs: number;
}

/** Callbacks of `trainModels`, called in order on the training thread. */
export interface ITrainHooks {
  onModelStarted(id: ModelId, name: string): void;
  onEpochEnded(e: IEpochProgress): void;
  /** Called once per model that finished, succeeded or failed. */
  onModelFinished(result: IModelResult): void;
  /** Polled after every batch and before every epoch. True stops the run. */
  shouldStop(): boolean;
  /** Clock in milliseconds. Defaults to `Date.now`. */
  now?: () => number;
}

/** Result of `trainModels`. */
export interface ITrainOutcome {
  /** Results of the models that finished, in the order trained. */
  models: IModelResult[];
  /** `tf.memory().numTensors` before the first model and after the last. */
  tensorsBefore: number;
  tensorsAfter: number;
  /** True when `shouldStop` ended the run before every model finished. */
  stopped: boolean;
}

/** Epochs without a lower validation loss before a network stops early. */
export const PATIENCE = 5;

/**
 * Train `config.models` in order on `data` and return their results.
 *
 * A model that fails (a non-finite loss or any exception) is reported with
 * status 'failed' and an error message, and the next model still trains.
 * When `shouldStop` returns true, the model in progress is dropped without a
 * result and the run ends with `stopped: true`. Equal data, config and seed
 * give equal metrics on the same backend.
 */
export async function trainModels(
  data: IPreparedData,
  config: IWizardConfig,
  hooks: ITrainHooks
): Promise<ITrainOutcome> {
  checkShapes(data);
  await tf.ready();
  const now = hooks.now ?? Date.now;
  const tensorsBefore = tf.memory().numTensors;
  const models: IModelResult[] = [];
  let stopped = false;

  for (const [index, id] of config.models.entries()) {
    if (hooks.shouldStop()) {
      stopped = true;
      break;
    }
    const name = modelName(id, data.task);
    hooks.onModelStarted(id, name);
    const started = now();
    const run = { id, index, started, now, hooks, data, config };
    let result: IModelResult | null;
    try {
      result = id === 'baseline' ? trainBaseline(run) : await trainNetwork(id, run);
    } catch (reason) {
      const message = reason instanceof Error ? reason.message : String(reason);
      result = failedResult(run, `Model '${name}' failed: ${message}`, []);
    }
    if (result === null) {
      stopped = true;
      break;
    }
    models.push(result);
    hooks.onModelFinished(result);
  }

  const tensorsAfter = tf.memory().numTensors;
  return { models, tensorsBefore, tensorsAfter, stopped };
}

/** Everything one model's training needs. */
interface IModelRun {
  id: ModelId;
  /** Position in `config.models`, which varies the shuffle seed per model. */
  index: number;
  started: number;
  now: () => number;
  hooks: ITrainHooks;
  data: IPreparedData;
  config: IWizardConfig;
}

/** Score the baseline: training class frequencies, or the training mean. */
function trainBaseline(run: IModelRun): IModelResult {
  const { data } = run;
  const rows = data.validationRows;
  if (data.task === 'classification') {
    const k = data.classes.length;
    const frequencies = new Float64Array(k);
    for (let i = 0; i < data.trainRows; i++) {
      frequencies[data.yTrain[i]] += 1 / data.trainRows;
    }
    const proba = new Float32Array(rows * k);
    for (let i = 0; i < rows; i++) {
      proba.set(frequencies, i * k);
    }
    return succeededResult(run, metricsOf(data, proba), []);
  }
  let mean = 0;
  for (let i = 0; i < data.trainRows; i++) {
    mean += data.yTrain[i] / data.trainRows;
  }
  const predictions = new Float32Array(rows).fill(mean);
  return succeededResult(run, metricsOf(data, predictions), []);
}

/** Train one network, or return null when `shouldStop` interrupted it. */
async function trainNetwork(
  id: NetworkId,
  run: IModelRun
): Promise<IModelResult | null> {
  const { data, config } = run;
  const network = buildNetwork(id, {
    task: data.task,
    width: data.width,
    classes: data.classes.length,
    seed: config.seed,
    learningRate: config.learningRate
  });
  let tensors: INetworkTensors | null = null;
  try {
    tensors = toTensors(data);
    const fit = await fitEpochs(network.model, tensors, run);
    if (fit.stopped) {
      return null;
    }
    if (fit.error !== null) {
      return failedResult(run, fit.error, fit.history);
    }
    const proba = predict(network, tensors.xValidation);
    return succeededResult(run, metricsOf(data, proba), fit.history);
  } finally {
    if (tensors !== null) {
      disposeTensors(tensors);
    }
    network.model.dispose();
    network.optimizer.dispose();
  }
}

/** Result of the epoch loop of one network. */
interface IFitOutcome {
  history: IEpochRecord[];
  /** Error message when training failed, or null. */
  error: string | null;
  stopped: boolean;
}

/**
 * Run up to `config.epochs` epochs with a seeded shuffle, early stopping on
 * validation loss and the best weights restored at the end.
 */
async function fitEpochs(
  model: tfl.LayersModel,
  tensors: INetworkTensors,
  run: IModelRun
): Promise<IFitOutcome> {
  const { config, hooks } = run;
  // Each model position gets its own shuffle stream from the run seed.
  const random = mulberry32(config.seed + 7919 * (run.index + 1));
  const history: IEpochRecord[] = [];
  const best = new BestWeights();
  let error: string | null = null;
  let stopped = false;

  try {
    for (let epoch = 1; epoch <= config.epochs; epoch++) {
      await new Promise(resolve => setTimeout(resolve, 0));
      if (hooks.shouldStop()) {
        stopped = true;
        break;
      }
      const loss = await fitOneEpoch(model, tensors, run, random);
      if (hooks.shouldStop()) {
        stopped = true;
        break;
      }
      const valLoss = validationLoss(model, tensors, config.batchSize);
      error = lossError(loss, valLoss, epoch, run.id, run.data.task);
      if (error !== null) {
        break;
      }
      history.push({ epoch, loss, valLoss });
      hooks.onEpochEnded({
        modelId: run.id,
        epoch,
        epochs: config.epochs,
        loss,
        valLoss,
        elapsedMs: run.now() - run.started
      });
      if (valLoss !== null && best.update(model, valLoss, epoch) >= PATIENCE) {
        break;
      }
    }
    best.restore(model);
  } finally {
    best.dispose();
  }
  return { history, error, stopped };
}

/** Fit one epoch on a new shuffle of the training rows and return its mean loss. */
async function fitOneEpoch(
  model: tfl.LayersModel,
  tensors: INetworkTensors,
  run: IModelRun,
  random: () => number
): Promise<number> {
  const order = shuffledRows(run.data.trainRows, random);
  const x = tf.tidy(() => tf.gather(tensors.xTrain, order));
  const y = tf.tidy(() => tf.gather(tensors.yTrain, order));
  try {
    const fitted = await model.fit(x, y, {
      epochs: 1,
      batchSize: run.config.batchSize,
      shuffle: false,
      verbose: 0,
      callbacks: {
        onBatchEnd: (_batch, logs) => {
          // A diverged batch makes the epoch loss non-finite too, so the
          // rest of the epoch would be wasted work.
          const batchLoss = logs?.loss;
          const diverged = batchLoss !== undefined && !Number.isFinite(batchLoss);
          if (diverged || run.hooks.shouldStop()) {
            model.stopTraining = true;
          }
        }
      }
    });
    return Number(fitted.history.loss[0]);
  } finally {
    tf.dispose([x, y, order]);
  }
}

/** Return the loss on the validation rows, or null without them. */
function validationLoss(
  model: tfl.LayersModel,
  tensors: INetworkTensors,
  batchSize: number
): number | null {
  if (tensors.xValidation === null || tensors.yValidation === null) {
    return null;
  }
  const evaluated = model.evaluate(tensors.xValidation, tensors.yValidation, {
    batchSize
  });
  const scalars = Array.isArray(evaluated) ? evaluated : [evaluated];
  const value = scalars[0].dataSync()[0];
  tf.dispose(scalars);
  return value;
}

/** Return the error for a non-finite loss, or null when both losses are finite. */
function lossError(
  loss: number,
  valLoss: number | null,
  epoch: number,
  id: ModelId,
  task: TaskType
): string | null {
  const bad = [loss, valLoss ?? 0].find(value => !Number.isFinite(value));
  if (bad === undefined) {
    return null;
  }
  const kind = Number.isNaN(bad) ? 'NaN' : 'infinite';
  return (
    `Loss became ${kind} at epoch ${epoch} of model '${modelName(id, task)}'; ` +
    'check columns with very large values or lower the learning rate.'
  );
}

/**
 * Compute the validation metrics from outputs: probabilities for
 * classification, scaled predictions for regression, which are converted
 * back to the target's original units first.
 */
function metricsOf(
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

function succeededResult(
  run: IModelRun,
  metrics: Record<string, number>,
  history: IEpochRecord[]
): IModelResult {
  return { ...baseResult(run, history), status: 'succeeded', metrics };
}

function failedResult(
  run: IModelRun,
  error: string,
  history: IEpochRecord[]
): IModelResult {
  return { ...baseResult(run, history), status: 'failed', error, metrics: {} };
}

function baseResult(
  run: IModelRun,
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

/** Throw when the arrays of `data` do not match its row counts and width. */
function checkShapes(data: IPreparedData): void {
  const arrays: Array<[string, ArrayLike<number>, number]> = [
    ['xTrain', data.xTrain, data.trainRows * data.width],
    ['xValidation', data.xValidation, data.validationRows * data.width],
    ['yTrain', data.yTrain, data.trainRows],
    ['yValidation', data.yValidation, data.validationRows]
  ];
  for (const [name, values, expected] of arrays) {
    if (values.length !== expected) {
      const shape =
        `${data.trainRows} training rows, ` +
        `${data.validationRows} validation rows, width ${data.width}`;
      throw new Error(
        `Prepared data is invalid: ${name} has ${values.length} values, ` +
          `expected ${expected} (${shape}).`
      );
    }
  }
  if (data.trainRows === 0) {
    throw new Error(
      'Prepared data has no training rows; lower the holdout or add rows.'
    );
  }
}

/** Return a seeded permutation of 0..rows-1 as an int32 tensor. */
function shuffledRows(rows: number, random: () => number): tf.Tensor1D {
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  return tf.tensor1d(shuffle(order, random), 'int32');
}
