/**
 * ROC and precision-recall curves of a binary score, with the definitions
 * of scikit-learn's `roc_curve`, `roc_auc_score`, `precision_recall_curve`
 * and `average_precision_score`. They are checked against values that
 * scikit-learn 1.9.1 computed (`scripts/curve_fixtures.py`).
 */

/** A ROC curve, from (0, 0) to (1, 1). */
export interface IRocCurve {
  fpr: number[];
  tpr: number[];
  /**
   * Score threshold of each point: a row is positive when its score is at
   * least the threshold. The first point's is Infinity, as in scikit-learn.
   */
  thresholds: number[];
  /** Area under the full curve, by the trapezoidal rule. */
  auc: number;
}

/** A precision-recall curve, in order of decreasing recall as scikit-learn returns it. */
export interface IPrecisionRecallCurve {
  precision: number[];
  recall: number[];
  /** Score threshold of each point except the last (recall 0, precision 1). */
  thresholds: number[];
  /** Sum over thresholds of the recall gained times the precision there. */
  averagePrecision: number;
}

/** True and false positive counts at each distinct score, highest score first. */
interface IBinaryCounts {
  truePositives: number[];
  falsePositives: number[];
  thresholds: number[];
}

/**
 * Count the true and false positives when every row with a score at or
 * above each distinct score is called positive.
 */
function binaryCounts(positive: ArrayLike<boolean>, scores: ArrayLike<number>): IBinaryCounts {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const counts: IBinaryCounts = { truePositives: [], falsePositives: [], thresholds: [] };
  let truePositives = 0;
  let falsePositives = 0;
  order.forEach((row, position) => {
    if (positive[row]) {
      truePositives += 1;
    } else {
      falsePositives += 1;
    }
    // Rows of equal score become positive together, so count once per score.
    const next = order[position + 1];
    if (next === undefined || scores[next] !== scores[row]) {
      counts.truePositives.push(truePositives);
      counts.falsePositives.push(falsePositives);
      counts.thresholds.push(scores[row]);
    }
  });
  return counts;
}

/** Throw when the inputs differ in length or a score is not finite. */
function checkInputs(positive: ArrayLike<boolean>, scores: ArrayLike<number>): void {
  if (positive.length !== scores.length) {
    throw new Error(`Expected one score per row: ${positive.length} rows, ${scores.length} scores.`);
  }
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) {
      throw new Error(`Score ${scores[i]} of row ${i} is not a finite number.`);
    }
  }
}

/**
 * Compute the ROC curve of `scores` for the rows where `positive` is true.
 *
 * Like scikit-learn's `roc_curve` with `drop_intermediate=True`, points that
 * lie on a straight segment between their neighbours are dropped. Returns
 * null when the rows lack a positive or a negative, because the curve is
 * then undefined.
 */
export function rocCurve(positive: ArrayLike<boolean>, scores: ArrayLike<number>): IRocCurve | null {
  checkInputs(positive, scores);
  const counts = binaryCounts(positive, scores);
  const last = counts.truePositives.length - 1;
  const positives = last < 0 ? 0 : counts.truePositives[last];
  const negatives = last < 0 ? 0 : counts.falsePositives[last];
  if (positives === 0 || negatives === 0) {
    return null;
  }
  const { truePositives: tps, falsePositives: fps } = counts;
  const kept: number[] = [];
  for (let i = 0; i <= last; i++) {
    const isEnd = i === 0 || i === last;
    // Keep a point where the second difference of either count is non-zero.
    const bends =
      !isEnd &&
      (fps[i + 1] - 2 * fps[i] + fps[i - 1] !== 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] !== 0);
    if (isEnd || bends) {
      kept.push(i);
    }
  }
  // The curve starts at (0, 0), with a threshold no score reaches.
  const fpr = [0, ...kept.map(i => fps[i] / negatives)];
  const tpr = [0, ...kept.map(i => tps[i] / positives)];
  const thresholds = [Infinity, ...kept.map(i => counts.thresholds[i])];
  let auc = 0;
  for (let i = 1; i < fpr.length; i++) {
    auc += ((fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1])) / 2;
  }
  return { fpr, tpr, thresholds, auc };
}

/**
 * Compute the precision-recall curve and the average precision of `scores`
 * for the rows where `positive` is true.
 *
 * Returns null when no row is positive, because recall is then undefined
 * (scikit-learn 1.9.1 warns and returns 0 for the average precision there).
 */
export function precisionRecallCurve(
  positive: ArrayLike<boolean>,
  scores: ArrayLike<number>
): IPrecisionRecallCurve | null {
  checkInputs(positive, scores);
  const counts = binaryCounts(positive, scores);
  const last = counts.truePositives.length - 1;
  const positives = last < 0 ? 0 : counts.truePositives[last];
  if (positives === 0) {
    return null;
  }
  const precision = counts.truePositives.map((tp, i) => tp / (tp + counts.falsePositives[i]));
  const recall = counts.truePositives.map(tp => tp / positives);

  let averagePrecision = 0;
  let previousRecall = 0;
  for (let i = 0; i < recall.length; i++) {
    averagePrecision += (recall[i] - previousRecall) * precision[i];
    previousRecall = recall[i];
  }
  // scikit-learn lists the points from the lowest threshold up and ends
  // with the point (recall 0, precision 1).
  return {
    precision: [...precision.reverse(), 1],
    recall: [...recall.reverse(), 0],
    thresholds: [...counts.thresholds].reverse(),
    averagePrecision
  };
}
