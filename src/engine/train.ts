/**
 * The training loop: trains the configured models one after another on
 * prepared data, on one hold-out split or on every fold of a k-fold set,
 * reports progress through hooks and returns one result per model.
 *
 * Runs in the training worker, in the CLI and under jest, so it imports no
 * DOM and no JupyterLab packages. Call `setupBackend` first, or tfjs uses
 * the cpu backend registered by the import below.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

import { IModelResult, IPreparedData, IWizardConfig, ModelId } from '../core/types';
import { constantArtifact } from './artifact';
import { evaluatedResult } from './evaluation';
import { trainForest } from './forest';
import { failedResult, IModelRun, ITrainHooks } from './modelRun';
import { isNetwork, modelName } from './models';
import { trainNetwork } from './network';
import { holdoutFolds, IFoldSet, mergeFoldResults } from './validation';

export type { IEpochProgress, ITrainHooks } from './modelRun';
export { PATIENCE } from './network';

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

/**
 * Train `config.models` in order on `data` and return their results.
 *
 * `data` is one hold-out split, or a fold set from `kfoldFolds`, on which
 * each model trains once per fold and gets the mean metrics of its folds.
 * A model that fails on any fold (a non-finite loss or any exception) is
 * reported with status 'failed' and an error message, and the next model
 * still trains. When `shouldStop` returns true, the model in progress is
 * dropped without a result and the run ends with `stopped: true`. Equal
 * data, config and seed give equal metrics on the same backend.
 */
export async function trainModels(
  data: IPreparedData | IFoldSet,
  config: IWizardConfig,
  hooks: ITrainHooks
): Promise<ITrainOutcome> {
  const folds = 'fold' in data ? data : holdoutFolds(data);
  if (!('fold' in data)) {
    checkShapes(data);
  }
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
    hooks.onModelStarted(id, modelName(id, config.task));
    const result = await trainOnFolds(id, index, folds, config, hooks, now);
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

/**
 * Train one model on every fold in turn and merge the results, or return
 * null when `shouldStop` interrupted it. The first failed fold fails the
 * model, and its error names the fold.
 */
async function trainOnFolds(
  id: ModelId,
  index: number,
  folds: IFoldSet,
  config: IWizardConfig,
  hooks: ITrainHooks,
  now: () => number
): Promise<IModelResult | null> {
  const started = now();
  const progress = { epochs: 0 };
  const results: IModelResult[] = [];
  for (let fold = 0; fold < folds.count; fold++) {
    if (fold > 0 && hooks.shouldStop()) {
      return null;
    }
    const data = folds.fold(fold);
    checkShapes(data);
    const run: IModelRun = { id, index, fold, folds: folds.count, started, progress, now, hooks, data, config };
    const result = await trainOnce(run);
    if (result === null) {
      return null;
    }
    if (result.status === 'failed') {
      if (folds.count > 1) {
        result.error = `${result.error ?? ''} (fold ${fold + 1} of ${folds.count})`;
      }
      return result;
    }
    results.push(result);
  }
  return folds.count === 1 ? results[0] : mergeFoldResults(results, now() - started);
}

/** Train one model on one fold; exceptions become a failed result. */
async function trainOnce(run: IModelRun): Promise<IModelResult | null> {
  try {
    if (run.id === 'baseline') {
      return await trainBaseline(run);
    }
    if (run.id === 'forest') {
      return await trainForest(run);
    }
    if (isNetwork(run.id)) {
      return await trainNetwork(run.id, run);
    }
    throw new Error(`Unknown model id '${run.id}'.`);
  } catch (reason) {
    const message = reason instanceof Error ? reason.message : String(reason);
    const name = modelName(run.id, run.data.task);
    return failedResult(run, `Model '${name}' failed: ${message}`, []);
  }
}

/**
 * Score the baseline: training class frequencies, or the training mean.
 * Its predictions ignore the inputs, so every importance is 0.
 */
async function trainBaseline(run: IModelRun): Promise<IModelResult | null> {
  const { data } = run;
  let constant: Float32Array;
  if (data.task === 'classification') {
    const frequencies = new Float64Array(data.classes.length);
    for (let i = 0; i < data.trainRows; i++) {
      frequencies[data.yTrain[i]] += 1 / data.trainRows;
    }
    constant = Float32Array.from(frequencies);
  } else {
    let mean = 0;
    for (let i = 0; i < data.trainRows; i++) {
      mean += data.yTrain[i] / data.trainRows;
    }
    constant = Float32Array.of(mean);
  }
  const predict = (_x: Float32Array, rows: number): Float32Array => {
    const outputs = new Float32Array(rows * constant.length);
    for (let i = 0; i < rows; i++) {
      outputs.set(constant, i * constant.length);
    }
    return outputs;
  };
  const outputs = predict(data.xValidation, data.validationRows);
  return evaluatedResult(run, outputs, [], {
    predict,
    artifact: () => constantArtifact(data, constant)
  });
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
