/**
 * The random forest: ml-random-forest's CART ensembles trained in plain
 * JavaScript on the prepared matrices, with no tfjs tensors.
 */
import { RandomForestClassifier, RandomForestRegression } from 'ml-random-forest';

import { FOREST_MAX_CELLS } from '../core/config';
import { IModelResult, IPreparedData } from '../core/types';
import { forestArtifact } from './artifact';
import { evaluatedResult, PredictFunction } from './evaluation';
import { failedResult, IModelRun } from './modelRun';
import { FOREST_MIN_NUM_SAMPLES, FOREST_TREES } from './models';

/**
 * Return the number of features each tree trains on: half of `width`,
 * rounded, and at least 2 when there are 2 or more.
 *
 * #### Notes
 * ml-random-forest draws one feature subset per tree, not per split as
 * scikit-learn's `max_features='sqrt'` does, so a tree may see none of the
 * useful features. With 5-fold validation on the penguins species (14
 * encoded features), sqrt(features) per tree reached 0.945 mean accuracy,
 * half 0.977 and all 0.965. The library also reads the integer 1 as the
 * fraction 1.0, meaning every feature, so 1 is only used when `width` is 1.
 */
export function featuresPerTree(width: number): number {
  if (width <= 1) {
    return 1;
  }
  return Math.min(width, Math.max(2, Math.round(width / 2)));
}

/**
 * Train the random forest on `run.data` and score it on the validation rows.
 *
 * Classification probabilities are the fractions of trees voting for each
 * class. Returns a failed result, without training, when the training
 * matrix has more than `FOREST_MAX_CELLS` cells, and null when `shouldStop`
 * interrupted the permutation importance. The fit itself is synchronous,
 * so `shouldStop` is not polled during it.
 */
export async function trainForest(run: IModelRun): Promise<IModelResult | null> {
  const { data, config } = run;
  const cells = data.trainRows * data.width;
  if (cells > FOREST_MAX_CELLS) {
    return failedResult(
      run,
      `Random forest skipped: ${data.trainRows} rows × ${data.width} features exceeds ` +
        `the limit of ${FOREST_MAX_CELLS} cells; choose fewer rows or features.`,
      []
    );
  }
  const features = featuresPerTree(data.width);
  const options = {
    nEstimators: FOREST_TREES,
    maxFeatures: features,
    replacement: false,
    useSampleBagging: true,
    noOOB: true,
    // The library seeds a Mersenne Twister, which needs a 32-bit integer.
    seed: config.seed | 0,
    treeOptions: { minNumSamples: FOREST_MIN_NUM_SAMPLES }
  };
  const xTrain = toRows(data.xTrain, data.trainRows, data.width);
  const yTrain = Array.from(data.yTrain);

  let predict: PredictFunction;
  let json: unknown;
  if (data.task === 'classification') {
    const forest = new RandomForestClassifier(options);
    forest.train(xTrain, yTrain);
    predict = (x, rows) => voteFractions(forest, toRows(x, rows, data.width), data);
    json = forest.toJSON();
  } else {
    const forest = new RandomForestRegression(options);
    forest.train(xTrain, yTrain);
    predict = (x, rows) => Float32Array.from(rows > 0 ? forest.predict(toRows(x, rows, data.width)) : []);
    json = forest.toJSON();
  }
  const outputs = predict(data.xValidation, data.validationRows);
  const result = await evaluatedResult(run, outputs, [], {
    predict,
    artifact: () => forestArtifact(json, data)
  });
  if (result !== null) {
    result.hyperparameters.featuresPerTree = features;
  }
  return result;
}

/**
 * Return the fraction of trees voting for each class, rows × classes.
 *
 * The library's `predictProbability` is not used, because in version 2.1.0
 * its sum starts from the first tree's vote instead of 0.
 */
function voteFractions(
  forest: RandomForestClassifier,
  x: number[][],
  data: IPreparedData
): Float32Array {
  const k = data.classes.length;
  const proba = new Float32Array(x.length * k);
  if (x.length === 0) {
    return proba;
  }
  const votes = forest.predictionValues(x);
  for (let row = 0; row < votes.rows; row++) {
    const trees = votes.columns;
    for (let tree = 0; tree < trees; tree++) {
      proba[row * k + votes.get(row, tree)] += 1 / trees;
    }
  }
  return proba;
}

function toRows(values: Float32Array, rows: number, width: number): number[][] {
  return Array.from({ length: rows }, (_, row) =>
    Array.from(values.subarray(row * width, (row + 1) * width))
  );
}
