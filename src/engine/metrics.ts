/**
 * Classification and regression metrics with scikit-learn's definitions.
 *
 * Pure functions over plain arrays, so they run anywhere and are checked
 * against values computed by scikit-learn 1.9.1 (`scripts/sklearn_fixtures.py`).
 * A metric that is undefined for the given input is left out of the result
 * instead of being returned as NaN.
 */

/** Metrics of a classifier on one split. */
export interface IClassificationMetrics {
  accuracy?: number;
  balanced_accuracy?: number;
  f1_macro?: number;
  roc_auc?: number;
  log_loss?: number;
  /** Counts with true classes as rows and predicted classes as columns, k × k. */
  confusion: number[][];
}

/** Metrics of a regressor on one split, in the units of the target. */
export interface IRegressionMetrics {
  rmse?: number;
  mae?: number;
  r2?: number;
}

/**
 * Machine epsilon of float64. `log_loss` clips probabilities to
 * [eps, 1 - eps] with it, as scikit-learn does for float64 input.
 */
const FLOAT64_EPS = 2 ** -52;

/**
 * Compute classification metrics from class indices and predicted probabilities.
 *
 * @param yTrue - true class index per row, each in 0..k-1.
 * @param proba - predicted probabilities, rows × k, row-major.
 * @param k - number of classes, whose labels are the indices 0..k-1.
 *
 * #### Notes
 * The predicted class is the first index of the largest probability, like
 * `numpy.argmax`. `balanced_accuracy` averages recall over the classes present
 * in `yTrue`. `f1_macro` averages F1 over the classes present in `yTrue` or in
 * the predictions, and counts 0 for a class without predictions or without
 * rows. `roc_auc` is binary for k = 2 (probability of class 1) and
 * one-vs-rest macro for k > 2; it is left out when any class 0..k-1 is absent
 * from `yTrue`, because the curve of that class is undefined. `log_loss` uses
 * labels 0..k-1 and does not renormalise rows that do not sum to 1.
 */
export function classificationMetrics(
  yTrue: ArrayLike<number>,
  proba: Float32Array,
  k: number
): IClassificationMetrics {
  const rows = yTrue.length;
  if (proba.length !== rows * k) {
    throw new Error(
      `Expected ${rows * k} probabilities (${rows} rows × ${k} classes), ` +
        `got ${proba.length}.`
    );
  }
  const predicted = argmaxRows(proba, rows, k);
  const confusion = confusionMatrix(yTrue, predicted, k);
  const result: IClassificationMetrics = { confusion };
  if (rows === 0) {
    return result;
  }

  let correct = 0;
  for (let c = 0; c < k; c++) {
    correct += confusion[c][c];
  }
  result.accuracy = correct / rows;
  result.balanced_accuracy = balancedAccuracy(confusion);
  result.f1_macro = macroF1(confusion);
  const auc = rocAuc(yTrue, proba, k);
  if (auc !== null) {
    result.roc_auc = auc;
  }
  result.log_loss = logLoss(yTrue, proba, k);
  return dropNonFinite(result);
}

/**
 * Compute RMSE, MAE and R² of predictions against true values.
 *
 * #### Notes
 * R² follows scikit-learn's `force_finite` default: when `yTrue` is constant
 * it is 1 for perfect predictions and 0 otherwise. It is left out for fewer
 * than two rows. Every metric is left out for zero rows.
 */
export function regressionMetrics(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>
): IRegressionMetrics {
  const rows = yTrue.length;
  if (yPred.length !== rows) {
    throw new Error(`Expected ${rows} predictions, got ${yPred.length}.`);
  }
  if (rows === 0) {
    return {};
  }

  let mean = 0;
  for (let i = 0; i < rows; i++) {
    mean += yTrue[i];
  }
  mean /= rows;

  let squared = 0;
  let absolute = 0;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const error = yTrue[i] - yPred[i];
    squared += error * error;
    absolute += Math.abs(error);
    total += (yTrue[i] - mean) ** 2;
  }

  const result: IRegressionMetrics = {
    rmse: Math.sqrt(squared / rows),
    mae: absolute / rows
  };
  if (rows >= 2) {
    if (total !== 0) {
      result.r2 = 1 - squared / total;
    } else {
      result.r2 = squared === 0 ? 1 : 0;
    }
  }
  return dropNonFinite(result);
}

/** Return the index of the largest value of each row, the first one on ties. */
function argmaxRows(proba: Float32Array, rows: number, k: number): Int32Array {
  const predicted = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) {
      if (proba[i * k + c] > proba[i * k + best]) {
        best = c;
      }
    }
    predicted[i] = best;
  }
  return predicted;
}

function confusionMatrix(
  yTrue: ArrayLike<number>,
  predicted: Int32Array,
  k: number
): number[][] {
  const matrix: number[][] = [];
  for (let c = 0; c < k; c++) {
    matrix.push(new Array<number>(k).fill(0));
  }
  for (let i = 0; i < yTrue.length; i++) {
    const label = yTrue[i];
    if (!Number.isInteger(label) || label < 0 || label >= k) {
      throw new Error(
        `Row ${i} has class index ${label}, expected an integer in 0..${k - 1}.`
      );
    }
    matrix[label][predicted[i]] += 1;
  }
  return matrix;
}

/** Mean recall over the classes that have at least one true row. */
function balancedAccuracy(confusion: number[][]): number {
  let sum = 0;
  let present = 0;
  confusion.forEach((row, c) => {
    const support = row.reduce((a, b) => a + b, 0);
    if (support > 0) {
      sum += row[c] / support;
      present += 1;
    }
  });
  return sum / present;
}

/** Mean F1 over the classes that occur as true or predicted labels. */
function macroF1(confusion: number[][]): number {
  const k = confusion.length;
  let sum = 0;
  let labels = 0;
  for (let c = 0; c < k; c++) {
    const truePositive = confusion[c][c];
    let support = 0;
    let predictedCount = 0;
    for (let j = 0; j < k; j++) {
      support += confusion[c][j];
      predictedCount += confusion[j][c];
    }
    if (support === 0 && predictedCount === 0) {
      continue;
    }
    labels += 1;
    // F1 = 2TP / (2TP + FP + FN), and zero_division=0 makes it 0 when TP is 0.
    const denominator = support + predictedCount;
    sum += truePositive === 0 ? 0 : (2 * truePositive) / denominator;
  }
  return sum / labels;
}

/**
 * Return the ROC AUC, or null when some class 0..k-1 has no true row or k < 2.
 */
function rocAuc(
  yTrue: ArrayLike<number>,
  proba: Float32Array,
  k: number
): number | null {
  if (k < 2) {
    return null;
  }
  const rows = yTrue.length;
  if (k === 2) {
    return binaryAuc(yTrue, proba, 2, 1);
  }
  let sum = 0;
  for (let c = 0; c < k; c++) {
    const auc = binaryAuc(yTrue, proba, k, c);
    if (auc === null) {
      return null;
    }
    sum += auc;
  }
  return rows > 0 ? sum / k : null;
}

/**
 * Return the AUC of column `positive` separating class `positive` from the
 * others, or null when either side has no rows or a score is not finite.
 *
 * Uses the Mann-Whitney form: the rank sum of the positive rows, with tied
 * scores given their average rank, which equals the trapezoidal area under
 * the ROC curve that scikit-learn computes.
 */
function binaryAuc(
  yTrue: ArrayLike<number>,
  proba: Float32Array,
  k: number,
  positive: number
): number | null {
  const rows = yTrue.length;
  const order = Array.from({ length: rows }, (_, i) => i);
  const score = (i: number): number => proba[i * k + positive];
  if (order.some(i => !Number.isFinite(score(i)))) {
    return null;
  }
  order.sort((a, b) => score(a) - score(b));

  let positives = 0;
  let rankSum = 0;
  let start = 0;
  while (start < rows) {
    let end = start;
    while (end + 1 < rows && score(order[end + 1]) === score(order[start])) {
      end += 1;
    }
    // Ranks start at 1, and every row of a tie gets the mean of its ranks.
    const averageRank = (start + end) / 2 + 1;
    for (let j = start; j <= end; j++) {
      if (yTrue[order[j]] === positive) {
        positives += 1;
        rankSum += averageRank;
      }
    }
    start = end + 1;
  }

  const negatives = rows - positives;
  if (positives === 0 || negatives === 0) {
    return null;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean negative log probability of the true class, clipped like scikit-learn. */
function logLoss(yTrue: ArrayLike<number>, proba: Float32Array, k: number): number {
  const rows = yTrue.length;
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    const p = proba[i * k + yTrue[i]];
    const clipped = Math.min(1 - FLOAT64_EPS, Math.max(FLOAT64_EPS, p));
    sum -= Math.log(clipped);
  }
  return sum / rows;
}

/** Remove every numeric entry that is NaN or infinite. */
function dropNonFinite<T extends object>(metrics: T): T {
  const record = metrics as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (typeof value === 'number' && !Number.isFinite(value)) {
      delete record[key];
    }
  }
  return metrics;
}
