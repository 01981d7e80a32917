/**
 * Pure builders of Plotly figure JSON for a run's results. No DOM and no
 * Plotly import: the figures are data for `application/vnd.plotly.v1+json`
 * outputs and for whatever renders them.
 */
import { IModelResult, IRunResult, ModelId } from '../core/types';
import { confusionMatrixFigure, precisionRecallFigure, rocFigure } from './classification';
import { IPlotlyFigure, resolveOptions } from './figure';
import { predictedVsActualFigure, residualsFigure } from './regression';
import { IImportanceFigureOptions, importanceFigure, learningCurveFigure } from './training';

export * from './classification';
export * from './curves';
export * from './figure';
export * from './regression';
export * from './sample';
export * from './text';
export * from './training';

/** Identifier of each kind of figure. */
export type FigureId =
  | 'learning-curve'
  | 'confusion-matrix'
  | 'roc'
  | 'precision-recall'
  | 'predicted-vs-actual'
  | 'residuals'
  | 'importance';

/** One figure of a model, with a title for a heading or a tab. */
export interface IFigureEntry {
  id: FigureId;
  /** Translated title as plain text, not escaped: set it as text content, never as HTML. */
  title: string;
  figure: IPlotlyFigure;
}

/** Options of `figuresFor`. */
export type FiguresOptions = IImportanceFigureOptions;

/**
 * Build every figure that applies to model `modelId` of `result`, in the
 * order a person would read them.
 *
 * The learning curve needs a history (networks only). Classification adds
 * the confusion matrix, and with probabilities the ROC and precision-recall
 * curves. Regression adds predicted vs actual and the residuals. Permutation
 * importance comes last. Returns an empty list when the model is missing,
 * failed, or has no predictions and no history.
 */
export function figuresFor(result: IRunResult, modelId: ModelId, options: FiguresOptions = {}): IFigureEntry[] {
  const model = result.models.find(item => item.id === modelId);
  if (model === undefined || model.status !== 'succeeded') {
    return [];
  }
  const { translate } = resolveOptions(options);
  const entries: IFigureEntry[] = [];
  const add = (id: FigureId, title: string, figure: IPlotlyFigure | null) => {
    if (figure !== null) {
      entries.push({ id, title, figure });
    }
  };

  add('learning-curve', translate('Learning curve'), learningCurveFigure(model.name, model.history, options));
  const predictions = model.predictions;
  if (predictions !== undefined && result.task === 'classification') {
    const input = { modelName: model.name, classes: classesOf(result, model), predictions };
    add('confusion-matrix', translate('Confusion matrix'), confusionMatrixFigure(input, options));
    add('roc', translate('ROC curve'), rocFigure(input, options));
    add('precision-recall', translate('Precision-recall curve'), precisionRecallFigure(input, options));
  }
  if (predictions !== undefined && result.task === 'regression') {
    const input = { modelName: model.name, target: result.target, predictions };
    add('predicted-vs-actual', translate('Predicted vs actual'), predictedVsActualFigure(input, options));
    add('residuals', translate('Residuals'), residualsFigure(input, options));
  }
  add(
    'importance',
    translate('Permutation importance'),
    importanceFigure(model.name, result.primaryMetric, model.importance ?? [], options)
  );
  return entries;
}

/**
 * Return the class labels of a run. Results saved before `classes` existed
 * fall back to the keys of the class counts, and then to the class indices.
 *
 * #### Notes
 * The keys are in class order unless integer-like labels mix with other
 * labels, because JavaScript objects list integer keys first.
 */
function classesOf(result: IRunResult, model: IModelResult): string[] {
  if (result.classes !== undefined && result.classes.length > 0) {
    return result.classes;
  }
  const counted = result.classCounts ? Object.keys(result.classCounts.train) : [];
  if (counted.length > 0) {
    return counted;
  }
  const predictions = model.predictions;
  const largest = Math.max(-1, ...(predictions?.actual ?? []), ...(predictions?.predicted ?? []));
  return Array.from({ length: largest + 1 }, (_, i) => String(i));
}
