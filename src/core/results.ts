/** Ranking rules shared by the engine, the panel and the notebook. */
import { IModelResult, ModelId, TaskType } from './types';

/** The metric that ranks a task's leaderboard and whether higher wins. */
export function primaryMetric(task: TaskType): {
  metric: string;
  higherIsBetter: boolean;
} {
  return task === 'classification'
    ? { metric: 'balanced_accuracy', higherIsBetter: true }
    : { metric: 'rmse', higherIsBetter: false };
}

/** Id of the succeeded model with the best `metric`, or null. */
export function pickBest(
  models: IModelResult[],
  metric: string,
  higherIsBetter: boolean
): ModelId | null {
  let best: IModelResult | null = null;
  for (const model of models) {
    const value = model.metrics[metric];
    if (model.status !== 'succeeded' || value === undefined) {
      continue;
    }
    const bestValue = best ? best.metrics[metric] : undefined;
    if (
      bestValue === undefined ||
      (higherIsBetter ? value > bestValue : value < bestValue)
    ) {
      best = model;
    }
  }
  return best ? best.id : null;
}
