/** Ranking rules shared by the engine, the panel and the notebook. */
import { IModelResult, ModelId, TaskType } from './types';

/** Return the metric that ranks a task's leaderboard and whether higher wins. */
export function primaryMetric(task: TaskType): {
  metric: string;
  higherIsBetter: boolean;
} {
  return task === 'classification'
    ? { metric: 'balanced_accuracy', higherIsBetter: true }
    : { metric: 'rmse', higherIsBetter: false };
}

/**
 * Metrics that break ties on the primary metric, in order; lower is better
 * for each. Log loss rewards confident correct probabilities, and MAE is
 * the regression metric least swayed by one large error.
 */
const TIE_BREAKERS: Record<string, string[]> = {
  balanced_accuracy: ['log_loss'],
  rmse: ['mae']
};

/**
 * Compare two models for ranking: negative when `a` ranks before `b`.
 * Succeeded models with the metric come first, ordered by the metric, then
 * by the tie-breakers; the rest keep their order.
 */
export function compareModels(
  a: IModelResult,
  b: IModelResult,
  metric: string,
  higherIsBetter: boolean
): number {
  const score = (model: IModelResult) => {
    const value = model.metrics[metric];
    return model.status === 'succeeded' && value !== undefined
      ? (higherIsBetter ? -1 : 1) * value
      : Infinity;
  };
  const byMetric = score(a) - score(b);
  if (byMetric !== 0 || !Number.isFinite(score(a))) {
    return Number.isNaN(byMetric) ? 0 : byMetric;
  }
  for (const breaker of TIE_BREAKERS[metric] ?? []) {
    const left = a.metrics[breaker];
    const right = b.metrics[breaker];
    if (left !== undefined && right !== undefined && left !== right) {
      return left - right;
    }
  }
  return 0;
}

/** Id of the best succeeded model by `metric` and its tie-breakers, or null. */
export function pickBest(
  models: IModelResult[],
  metric: string,
  higherIsBetter: boolean
): ModelId | null {
  const ranked = [...models].sort((a, b) =>
    compareModels(a, b, metric, higherIsBetter)
  );
  const best = ranked[0];
  return best &&
    best.status === 'succeeded' &&
    best.metrics[metric] !== undefined
    ? best.id
    : null;
}
