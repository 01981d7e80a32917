/**
 * The model catalogue: names and descriptions shown to people, and builders
 * for the tfjs-layers networks. The baseline and the random forest have no
 * network: `train.ts` and `forest.ts` compute them in plain JavaScript.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

import { FOREST_MAX_CELLS } from '../core/config';
import { IPreparedData, IWizardConfig, ModelId, TaskType } from '../core/types';

/** Name and one-line description of a catalogue model. */
export interface ICatalogueEntry {
  name: string;
  description: string;
}

/** Every model the wizard can train, by id. */
export const MODEL_CATALOGUE: Record<ModelId, ICatalogueEntry> = {
  baseline: {
    name: 'Baseline',
    description:
      'Majority class / mean of target: predicts the most frequent training ' +
      'class, with the training class frequencies as probabilities, or the ' +
      'training mean for regression. A useful model scores better.'
  },
  linear: {
    name: 'Linear',
    description:
      'Logistic regression / linear regression: one dense layer from the ' +
      'features to the output.'
  },
  mlp: {
    name: 'MLP',
    description: 'Multilayer perceptron with one hidden layer of 32 ReLU units.'
  },
  'mlp-wide': {
    name: 'Wide MLP',
    description: 'Multilayer perceptron with two hidden layers of 64 and 32 ReLU units.'
  },
  forest: {
    name: 'Random forest',
    description:
      'Random forest of 50 decision trees, each on a bootstrap sample of the ' +
      'rows and a random half of the features, trained in plain JavaScript.'
  }
};

/**
 * Return the name a model is shown under for a task: the linear model is
 * "Logistic regression" for classification and "Linear regression" otherwise.
 */
export function modelName(id: ModelId, task: TaskType): string {
  if (id === 'linear') {
    return task === 'classification' ? 'Logistic regression' : 'Linear regression';
  }
  return MODEL_CATALOGUE[id].name;
}

/** Units of the hidden layer of the MLP. */
export const MLP_HIDDEN_UNITS = 32;

/** Units of the hidden layers of the wide MLP, from input to output. */
export const WIDE_MLP_HIDDEN_UNITS = [64, 32];

/** Trees of the random forest. */
export const FOREST_TREES = 50;

/** ml-cart's `minNumSamples`: a node with at most this many training rows becomes a leaf. */
export const FOREST_MIN_NUM_SAMPLES = 3;

/** Ids of the models that are tfjs-layers networks. */
export type NetworkId = Exclude<ModelId, 'baseline' | 'forest'>;

/** Return whether `id` is a tfjs-layers network. */
export function isNetwork(id: ModelId): id is NetworkId {
  return id !== 'baseline' && id !== 'forest';
}

/** Return the units of each hidden layer of a network, from input to output. */
export function hiddenUnits(id: NetworkId): number[] {
  switch (id) {
    case 'linear':
      return [];
    case 'mlp':
      return [MLP_HIDDEN_UNITS];
    case 'mlp-wide':
      return WIDE_MLP_HIDDEN_UNITS;
  }
}

/** A compiled network and the optimizer it trains with. */
export interface INetwork {
  model: tfl.LayersModel;
  /**
   * The optimizer, owned by the caller: `model.dispose()` does not release
   * it, so dispose it after the model.
   */
  optimizer: tf.Optimizer;
}

/** Options for `buildNetwork`. */
export interface IBuildOptions {
  task: TaskType;
  /** Number of input features. */
  width: number;
  /** Number of classes for classification, ignored for regression. */
  classes: number;
  /** Seed of the weight initialisers. Equal seeds give equal weights. */
  seed: number;
  /** Learning rate of the Adam optimizer. */
  learningRate: number;
}

/**
 * Build and compile a network with seeded initialisers and an Adam optimizer.
 *
 * Classification ends in a softmax over `classes` units and trains with
 * categorical cross-entropy on one-hot targets. Regression ends in one linear
 * unit and trains with mean squared error. The caller disposes the model and
 * the optimizer.
 */
export function buildNetwork(id: NetworkId, options: IBuildOptions): INetwork {
  const { task, width, seed } = options;
  const classification = task === 'classification';
  const outputs = classification ? options.classes : 1;
  const model = tfl.sequential();
  const hidden = hiddenUnits(id);

  // The first layer keeps seed `seed` and the output layer `seed + 1`, as
  // before the wide MLP existed, so the seeds of saved runs still reproduce.
  hidden.forEach((units, layer) => {
    model.add(
      tfl.layers.dense({
        ...(layer === 0 ? { inputShape: [width] } : {}),
        units,
        activation: 'relu',
        kernelInitializer: tfl.initializers.heNormal({ seed: layer === 0 ? seed : seed + 1 + layer }),
        biasInitializer: 'zeros'
      })
    );
  });
  model.add(
    tfl.layers.dense({
      ...(hidden.length === 0 ? { inputShape: [width] } : {}),
      units: outputs,
      activation: classification ? 'softmax' : 'linear',
      kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + 1 }),
      biasInitializer: 'zeros'
    })
  );

  const optimizer = tf.train.adam(options.learningRate);
  // Accuracy is tracked per epoch for classification; regression reports
  // only the loss, because its metrics need the target's original units.
  model.compile({
    optimizer,
    loss: classification ? 'categoricalCrossentropy' : 'meanSquaredError',
    metrics: classification ? ['accuracy'] : []
  });
  return { model, optimizer };
}

/**
 * Return the hyperparameters of a model as shown in the results.
 *
 * Networks list layers (dense layers, output included), units of the hidden
 * layers (MLPs only, comma-separated for the wide MLP), activation,
 * optimizer, learningRate, epochs and batchSize. The baseline lists its
 * strategy, and the forest its trees, feature sampling and size limit.
 * `trainForest` adds the forest's `featuresPerTree`, which depends on the data.
 */
export function hyperparameters(
  id: ModelId,
  config: IWizardConfig
): Record<string, number | string> {
  if (id === 'baseline') {
    return {
      strategy: config.task === 'classification' ? 'class frequencies' : 'mean'
    };
  }
  if (id === 'forest') {
    return {
      trees: FOREST_TREES,
      maxFeatures: 'half per tree',
      bootstrap: 'yes',
      minNumSamples: FOREST_MIN_NUM_SAMPLES,
      maxCells: FOREST_MAX_CELLS
    };
  }
  const output = config.task === 'classification' ? 'softmax' : 'linear';
  const hidden = hiddenUnits(id);
  const activations = [...hidden.map(() => 'relu'), output].join(', ');
  const shape: Record<string, number | string> =
    hidden.length === 0
      ? { layers: 1, activation: output }
      : {
          layers: hidden.length + 1,
          units: hidden.length === 1 ? hidden[0] : hidden.join(', '),
          activation: activations
        };
  return {
    ...shape,
    optimizer: 'adam',
    learningRate: config.learningRate,
    epochs: config.epochs,
    batchSize: config.batchSize
  };
}

/** Tensors of one network's training, released together. */
export interface INetworkTensors {
  xTrain: tf.Tensor2D;
  yTrain: tf.Tensor2D;
  xValidation: tf.Tensor2D | null;
  yValidation: tf.Tensor2D | null;
}

/**
 * Build the input and target tensors, with one-hot classification targets.
 * Expects arrays whose lengths match the row counts and width.
 */
export function toTensors(data: IPreparedData): INetworkTensors {
  const target = (y: Float32Array, rows: number): tf.Tensor2D =>
    tf.tidy(() => {
      if (data.task === 'regression') {
        return tf.tensor2d(y, [rows, 1]);
      }
      const labels = tf.tensor1d(Int32Array.from(y), 'int32');
      const oneHot = tf.oneHot(labels, data.classes.length);
      return tf.cast(oneHot, 'float32') as tf.Tensor2D;
    });
  const hasValidation = data.validationRows > 0;
  return {
    xTrain: tf.tensor2d(data.xTrain, [data.trainRows, data.width]),
    yTrain: target(data.yTrain, data.trainRows),
    xValidation: hasValidation
      ? tf.tensor2d(data.xValidation, [data.validationRows, data.width])
      : null,
    yValidation: hasValidation ? target(data.yValidation, data.validationRows) : null
  };
}

/** Return the network's outputs on the validation rows, row-major. */
export function predict(network: INetwork, x: tf.Tensor2D | null): Float32Array {
  if (x === null) {
    return new Float32Array(0);
  }
  const output = tf.tidy(() => network.model.predict(x) as tf.Tensor);
  const values = output.dataSync() as Float32Array;
  output.dispose();
  return Float32Array.from(values);
}

/** Return the network's outputs on a row-major matrix of `rows` × `width` inputs. */
export function predictRows(network: INetwork, x: Float32Array, rows: number, width: number): Float32Array {
  if (rows === 0) {
    return new Float32Array(0);
  }
  const output = tf.tidy(() => network.model.predict(tf.tensor2d(x, [rows, width])) as tf.Tensor);
  const values = output.dataSync() as Float32Array;
  output.dispose();
  return Float32Array.from(values);
}

/** Release the tensors made by `toTensors`. */
export function disposeTensors(tensors: INetworkTensors): void {
  const { xTrain, yTrain, xValidation, yValidation } = tensors;
  const all = [xTrain, yTrain, xValidation, yValidation];
  tf.dispose(all.filter((tensor): tensor is tf.Tensor2D => tensor !== null));
}

/** Weights with the lowest validation loss so far, kept as tensor copies. */
export class BestWeights {
  /** Record `valLoss` and return the number of epochs since the best one. */
  update(model: tfl.LayersModel, valLoss: number, epoch: number): number {
    if (valLoss < this._loss) {
      this.dispose();
      this._loss = valLoss;
      this._epoch = epoch;
      this._weights = model.getWeights().map(weight => weight.clone());
    }
    return epoch - this._epoch;
  }

  /** Load the best weights into `model`, or do nothing when none were recorded. */
  restore(model: tfl.LayersModel): void {
    if (this._weights !== null) {
      model.setWeights(this._weights);
    }
  }

  /** Release the stored copies. Calling it again is a no-op. */
  dispose(): void {
    if (this._weights !== null) {
      tf.dispose(this._weights);
      this._weights = null;
    }
  }

  private _loss = Infinity;
  private _epoch = 0;
  private _weights: tf.Tensor[] | null = null;
}
