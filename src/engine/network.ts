/**
 * The fit loop of the tfjs-layers networks: seeded shuffles, one `fit` call
 * per epoch, early stopping on the validation loss with the best weights
 * restored, and a failed result for a non-finite loss.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

import { IEpochRecord, IModelResult, ModelId, TaskType } from '../core/types';
import { mulberry32, shuffle } from '../data/random';
import { networkArtifact } from './artifact';
import { evaluatedResult } from './evaluation';
import { failedResult, IEpochProgress, IModelRun } from './modelRun';
import {
  BestWeights,
  buildNetwork,
  disposeTensors,
  INetworkTensors,
  modelName,
  NetworkId,
  predict,
  predictRows,
  toTensors
} from './models';

/** Epochs without a lower validation loss before a network stops early. */
export const PATIENCE = 5;

/** Train one network, or return null when `shouldStop` interrupted it. */
export async function trainNetwork(
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
    return await evaluatedResult(run, proba, fit.history, {
      predict: (x, rows) => predictRows(network, x, rows, data.width),
      artifact: () => networkArtifact(network.model, data)
    });
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
  // Each model position and fold gets its own shuffle stream from the run
  // seed. Fold 0 keeps the stream a hold-out run has always used.
  const random = mulberry32(config.seed + 7919 * (run.index + 1) + 104729 * run.fold);
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
      const evaluated = evaluateValidation(model, tensors, config.batchSize);
      const valLoss = evaluated?.loss ?? null;
      error = lossError(loss, valLoss, epoch, run.id, run.data.task);
      if (error !== null) {
        break;
      }
      const valAccuracy = evaluated?.accuracy;
      history.push(
        valAccuracy === undefined
          ? { epoch, loss, valLoss }
          : { epoch, loss, valLoss, valAccuracy }
      );
      hooks.onEpochEnded({
        ...epochProgress(run, epoch, loss, valLoss),
        ...(valAccuracy === undefined ? {} : { valAccuracy })
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

/** Build the progress report of an epoch that just ended, with the time estimate. */
function epochProgress(
  run: IModelRun,
  epoch: number,
  loss: number,
  valLoss: number | null
): IEpochProgress {
  const epochs = run.config.epochs;
  run.progress.epochs += 1;
  const elapsedMs = run.now() - run.started;
  const epochsLeft = epochs - epoch + (run.folds - run.fold - 1) * epochs;
  const progress: IEpochProgress = {
    modelId: run.id,
    epoch,
    epochs,
    loss,
    valLoss,
    elapsedMs,
    remainingMs: Math.round((elapsedMs / run.progress.epochs) * epochsLeft)
  };
  if (run.folds > 1) {
    progress.fold = run.fold + 1;
    progress.folds = run.folds;
  }
  return progress;
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

/**
 * Evaluate the validation rows: the loss, and the accuracy for
 * classification. Null when there are no validation rows.
 */
function evaluateValidation(
  model: tfl.LayersModel,
  tensors: INetworkTensors,
  batchSize: number
): { loss: number; accuracy?: number } | null {
  if (tensors.xValidation === null || tensors.yValidation === null) {
    return null;
  }
  const evaluated = model.evaluate(tensors.xValidation, tensors.yValidation, {
    batchSize
  });
  const scalars = Array.isArray(evaluated) ? evaluated : [evaluated];
  const values = scalars.map(scalar => scalar.dataSync()[0]);
  tf.dispose(scalars);
  return values.length > 1 && Number.isFinite(values[1])
    ? { loss: values[0], accuracy: values[1] }
    : { loss: values[0] };
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

/** Return a seeded permutation of 0..rows-1 as an int32 tensor. */
function shuffledRows(rows: number, random: () => number): tf.Tensor1D {
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  return tf.tensor1d(shuffle(order, random), 'int32');
}
