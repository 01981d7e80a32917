/**
 * Figures of a regressor's validation predictions: predicted against
 * actual values, and residuals against predicted values.
 */
import { IModelPredictions } from '../core/types';
import { baseLayout, finiteFigure, IPlotlyFigure, IPlotOptions, IResolvedOptions, PlotlyTrace, resolveOptions, traceColor } from './figure';
import { pick, scatterIndices } from './sample';

/** The model and target a regression figure describes. */
export interface IRegressionInput {
  /** Model name as shown to people; escaped by the builders. */
  modelName: string;
  /** Target column name; escaped by the builders. */
  target: string;
  predictions: IModelPredictions;
}

/** Return the smallest and largest finite value of `values`, or null when there is none. */
function finiteRange(values: number[]): [number, number] | null {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (Number.isFinite(value)) {
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
  }
  return low <= high ? [low, high] : null;
}

/** Build the scatter trace of at most `MAX_SCATTER_POINTS` rows, with the data row in the hover label. */
function scatterTrace(
  options: IResolvedOptions,
  name: string,
  x: number[],
  y: number[],
  rows: number[],
  hover: string
): PlotlyTrace {
  const kept = scatterIndices(x.length);
  return {
    type: 'scatter',
    mode: 'markers',
    name,
    x: pick(x, kept),
    y: pick(y, kept),
    customdata: pick(rows, kept),
    marker: { color: traceColor(options, 0), size: 5, opacity: 0.6 },
    hovertemplate: hover
  };
}

/** Build a dashed reference line through two points. */
function referenceLine(options: IResolvedOptions, name: string, x: number[], y: number[]): PlotlyTrace {
  return {
    type: 'scatter',
    mode: 'lines',
    name,
    x,
    y,
    line: { color: options.theme.fontColor, dash: 'dash', width: 1 },
    hoverinfo: 'skip'
  };
}

/**
 * Build the scatter of predicted against actual values with the line
 * y = x, which a perfect model would follow. The line spans every row,
 * also the rows left out of a downsampled scatter.
 */
export function predictedVsActualFigure(input: IRegressionInput, options?: IPlotOptions): IPlotlyFigure {
  const resolved = resolveOptions(options);
  const { text } = resolved;
  const { actual, predicted, rows } = input.predictions;
  const hover =
    `${text('Row')}: %{customdata}<br>${text('Actual')}: %{x:.4g}<br>` +
    `${text('Predicted')}: %{y:.4g}<extra></extra>`;
  const data: PlotlyTrace[] = [
    scatterTrace(resolved, text('Validation rows'), actual, predicted, rows, hover)
  ];
  const range = finiteRange([...actual, ...predicted]);
  if (range !== null) {
    data.push(referenceLine(resolved, text('Predicted = actual'), range, range));
  }
  const layout = baseLayout(resolved, {
    title: text('Predicted vs actual: %1', input.modelName),
    x: text('Actual %1', input.target),
    y: text('Predicted %1', input.target)
  });
  return finiteFigure({ data, layout });
}

/**
 * Build the scatter of residuals (actual − predicted) against predicted
 * values, with the zero line.
 */
export function residualsFigure(input: IRegressionInput, options?: IPlotOptions): IPlotlyFigure {
  const resolved = resolveOptions(options);
  const { text } = resolved;
  const { actual, predicted, rows } = input.predictions;
  const residuals = actual.map((value, i) => value - predicted[i]);
  const hover =
    `${text('Row')}: %{customdata}<br>${text('Predicted')}: %{x:.4g}<br>` +
    `${text('Residual')}: %{y:.4g}<extra></extra>`;
  const data: PlotlyTrace[] = [
    scatterTrace(resolved, text('Validation rows'), predicted, residuals, rows, hover)
  ];
  const range = finiteRange(predicted);
  if (range !== null) {
    data.push(referenceLine(resolved, text('Zero residual'), range, [0, 0]));
  }
  const layout = baseLayout(resolved, {
    title: text('Residuals: %1', input.modelName),
    x: text('Predicted %1', input.target),
    y: text('Residual (actual − predicted)')
  });
  return finiteFigure({ data, layout });
}
