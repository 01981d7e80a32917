/**
 * Figures of how a model trained and what it relies on: the learning curve
 * and permutation importance.
 */
import { IEpochRecord, IFeatureImportance } from '../core/types';
import { baseLayout, finiteFigure, IPlotlyFigure, IPlotOptions, resolveOptions, traceColor } from './figure';
import { curveIndices, pick } from './sample';
import { escapePlotlyText } from './text';

/** Features shown by `importanceFigure` unless the caller sets another limit. */
export const MAX_IMPORTANCE_FEATURES = 30;

/**
 * Build the learning curve: training and validation loss per epoch, at
 * most `MAX_CURVE_POINTS` epochs each. Returns null for an empty history,
 * which the baseline and the random forest have.
 */
export function learningCurveFigure(
  modelName: string,
  history: IEpochRecord[],
  options?: IPlotOptions
): IPlotlyFigure | null {
  if (history.length === 0) {
    return null;
  }
  const resolved = resolveOptions(options);
  const { text } = resolved;
  const kept = pick(history, curveIndices(history.length));
  const epochs = kept.map(record => record.epoch);
  const hover = `${text('Epoch')}: %{x}<br>${text('Loss')}: %{y:.4g}`;
  const data = [
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: text('Training loss'),
      x: epochs,
      y: kept.map(record => record.loss),
      line: { color: traceColor(resolved, 0) },
      marker: { size: 4 },
      hovertemplate: hover
    }
  ];
  if (kept.some(record => record.valLoss !== null)) {
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: text('Validation loss'),
      x: epochs,
      y: kept.map(record => record.valLoss as number),
      line: { color: traceColor(resolved, 1) },
      marker: { size: 4 },
      hovertemplate: hover
    });
  }
  const layout = baseLayout(resolved, {
    title: text('Learning curve: %1', modelName),
    x: text('Epoch'),
    y: text('Loss')
  });
  return finiteFigure({ data, layout });
}

/** Options of `importanceFigure`. */
export interface IImportanceFigureOptions extends IPlotOptions {
  /** Maximum features shown, the most important ones. Defaults to `MAX_IMPORTANCE_FEATURES`. */
  maxFeatures?: number;
}

/**
 * Build the horizontal bar chart of permutation importance, most important
 * feature at the top, with the standard deviation over the repeats as error
 * bars. `metric` names the primary metric whose drop is shown. Returns null
 * when `importance` is empty.
 */
export function importanceFigure(
  modelName: string,
  metric: string,
  importance: IFeatureImportance[],
  options: IImportanceFigureOptions = {}
): IPlotlyFigure | null {
  if (importance.length === 0) {
    return null;
  }
  const resolved = resolveOptions(options);
  const { text } = resolved;
  const limit = Math.max(1, options.maxFeatures ?? MAX_IMPORTANCE_FEATURES);
  const shown = [...importance].sort((a, b) => b.importance - a.importance).slice(0, limit);
  // Plotly draws the first category at the bottom, so list the largest last.
  shown.reverse();

  const data = [
    {
      type: 'bar',
      orientation: 'h',
      name: text('Importance'),
      y: shown.map(item => escapePlotlyText(item.feature)),
      x: shown.map(item => item.importance),
      error_x: { type: 'data', array: shown.map(item => item.std), visible: true },
      marker: { color: traceColor(resolved, 0) },
      hovertemplate: `%{y}<br>${text('Importance')}: %{x:.4g}<extra></extra>`
    }
  ];

  const title =
    importance.length > shown.length
      ? text('Permutation importance: %1 (top %2 of %3 features)', modelName, shown.length, importance.length)
      : text('Permutation importance: %1', modelName);
  const layout = baseLayout(resolved, {
    title,
    x: text('Drop in %1 when shuffled', metric),
    y: text('Feature')
  });
  layout.yaxis = { ...(layout.yaxis as object), type: 'category' };
  layout.showlegend = false;
  return finiteFigure({ data, layout });
}
