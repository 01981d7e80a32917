/**
 * Figures of a classifier's validation predictions: the confusion matrix,
 * ROC curves and precision-recall curves.
 */
import { IModelPredictions } from '../core/types';
import { IPrecisionRecallCurve, IRocCurve, precisionRecallCurve, rocCurve } from './curves';
import {
  baseLayout,
  finiteFigure,
  IPlotlyFigure,
  IPlotOptions,
  IResolvedOptions,
  PlotlyTrace,
  resolveOptions,
  traceColor
} from './figure';
import { curveIndices, pick } from './sample';
import { escapePlotlyText } from './text';

/** The model and classes a classification figure describes. */
export interface IClassificationInput {
  /** Model name as shown to people; escaped by the builders. */
  modelName: string;
  /** Class labels in index order (`IRunResult.classes`); escaped by the builders. */
  classes: string[];
  predictions: IModelPredictions;
}

/**
 * Build the confusion matrix heatmap: actual classes as rows from the top,
 * predicted classes as columns, and the row count written in every cell.
 */
export function confusionMatrixFigure(input: IClassificationInput, options?: IPlotOptions): IPlotlyFigure {
  const resolved = resolveOptions(options);
  const { text, theme } = resolved;

  const k = input.classes.length;
  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const { actual, predicted } = input.predictions;
  actual.forEach((label, row) => {
    const guess = predicted[row];
    if (counts[label] !== undefined && counts[label][guess] !== undefined) {
      counts[label][guess] += 1;
    }
  });

  const labels = input.classes.map(escapePlotlyText);
  const hover =
    `${text('Actual class')}: %{y}<br>${text('Predicted class')}: %{x}<br>` +
    `${text('Rows')}: %{z}<extra></extra>`;
  const heatmap: PlotlyTrace = {
    type: 'heatmap',
    x: labels,
    y: labels,
    z: counts,
    text: counts.map(row => row.map(String)),
    texttemplate: '%{text}',
    hovertemplate: hover,
    colorscale: [
      [0, theme.plotColor],
      [1, traceColor(resolved, 0)]
    ],
    showscale: false,
    xgap: 1,
    ygap: 1
  };

  const layout = baseLayout(resolved, {
    title: text('Confusion matrix: %1', input.modelName),
    x: text('Predicted class'),
    y: text('Actual class')
  });
  // Category axes keep labels such as "1" and "10" as text, in class order.
  layout.xaxis = { ...(layout.xaxis as object), type: 'category', showgrid: false };
  layout.yaxis = { ...(layout.yaxis as object), type: 'category', autorange: 'reversed', showgrid: false };
  return finiteFigure({ data: [heatmap], layout });
}

/** One class's curve, with its label and legend score. */
interface IClassCurve<T> {
  index: number;
  label: string;
  curve: T;
}

/**
 * Compute one curve per class that gets one: the positive class
 * `classes[1]` for two classes, every class against the rest otherwise.
 * Classes whose curve is undefined (no positive or no negative row) are
 * left out.
 */
function classCurves<T>(
  input: IClassificationInput,
  compute: (positive: boolean[], scores: number[]) => T | null
): Array<IClassCurve<T>> {
  const probabilities = input.predictions.probabilities;
  if (probabilities === undefined) {
    return [];
  }
  const k = input.classes.length;
  const indices = k === 2 ? [1] : Array.from({ length: k }, (_, i) => i);
  const curves: Array<IClassCurve<T>> = [];
  for (const index of indices) {
    const positive = input.predictions.actual.map(label => label === index);
    const scores = probabilities.map(row => row[index] ?? 0);
    const curve = compute(positive, scores);
    if (curve !== null) {
      curves.push({ index, label: input.classes[index], curve });
    }
  }
  return curves;
}

/** Build a line trace of at most `MAX_CURVE_POINTS` points. */
function curveTrace(
  options: IResolvedOptions,
  colour: number,
  name: string,
  x: number[],
  y: number[],
  hover: string
): PlotlyTrace {
  const kept = curveIndices(x.length);
  return {
    type: 'scatter',
    mode: 'lines',
    name,
    x: pick(x, kept),
    y: pick(y, kept),
    line: { color: traceColor(options, colour), width: 2 },
    hovertemplate: hover
  };
}

/** Return a unit-square axis with its title. */
function unitAxis(axis: unknown): Record<string, unknown> {
  return { ...(axis as object), range: [0, 1], constrain: 'domain' };
}

/**
 * Build the ROC curves with the AUC in each legend entry, and the chance
 * diagonal. Returns null without probabilities or when no class has a
 * defined curve.
 */
export function rocFigure(input: IClassificationInput, options?: IPlotOptions): IPlotlyFigure | null {
  const resolved = resolveOptions(options);
  const { text } = resolved;
  const curves = classCurves<IRocCurve>(input, rocCurve);
  if (curves.length === 0) {
    return null;
  }
  const hover = `${text('False positive rate')}: %{x:.3f}<br>${text('True positive rate')}: %{y:.3f}`;
  const traces = curves.map(({ index, label, curve }) =>
    curveTrace(resolved, index, text('%1 (AUC %2)', label, curve.auc.toFixed(3)), curve.fpr, curve.tpr, hover)
  );
  traces.push({
    type: 'scatter',
    mode: 'lines',
    name: text('Chance'),
    x: [0, 1],
    y: [0, 1],
    line: { color: resolved.theme.gridColor, dash: 'dash', width: 1 },
    hoverinfo: 'skip'
  });
  const layout = baseLayout(resolved, {
    title: text('ROC curve: %1', input.modelName),
    x: text('False positive rate'),
    y: text('True positive rate')
  });
  layout.xaxis = unitAxis(layout.xaxis);
  layout.yaxis = unitAxis(layout.yaxis);
  return finiteFigure({ data: traces, layout });
}

/**
 * Build the precision-recall curves with the average precision in each
 * legend entry. Returns null without probabilities or when no class has a
 * positive row.
 */
export function precisionRecallFigure(input: IClassificationInput, options?: IPlotOptions): IPlotlyFigure | null {
  const resolved = resolveOptions(options);
  const { text } = resolved;
  const curves = classCurves<IPrecisionRecallCurve>(input, precisionRecallCurve);
  if (curves.length === 0) {
    return null;
  }
  const hover = `${text('Recall')}: %{x:.3f}<br>${text('Precision')}: %{y:.3f}`;
  const traces = curves.map(({ index, label, curve }) =>
    curveTrace(
      resolved,
      index,
      text('%1 (AP %2)', label, curve.averagePrecision.toFixed(3)),
      curve.recall,
      curve.precision,
      hover
    )
  );
  const layout = baseLayout(resolved, {
    title: text('Precision-recall curve: %1', input.modelName),
    x: text('Recall'),
    y: text('Precision')
  });
  layout.xaxis = unitAxis(layout.xaxis);
  layout.yaxis = { ...(layout.yaxis as object), range: [0, 1.02] };
  return finiteFigure({ data: traces, layout });
}
