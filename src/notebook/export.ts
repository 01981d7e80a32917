/**
 * The files of an exported model: the network in the tfjs layers format
 * (`model.json` + `weights.bin`), its preprocessing plan, the validation
 * predictions as CSV and a numpy helper, plus the code cell that loads them.
 * Pure: the page writes the files through the contents API.
 */
import { IModelResult, IRunResult } from '../core/types';
import { PREDICT_PY } from './predictPy';

/** One file to write, relative to the export folder. */
export interface IExportFile {
  name: string;
  format: 'text' | 'base64';
  content: string;
}

/** Outcome of preparing an export. */
export type ExportPlan =
  | { ok: true; files: IExportFile[] }
  | { ok: false; reason: string };

/** Options of an export. */
export interface IExportOptions {
  /** Missing-value markers the data was read with. */
  missingMarkers: string[];
  /** Version string recorded in `model.json`. */
  generatedBy: string;
}

/**
 * Prepare the files that export `model` of `result`. Refuses, with an
 * English reason, a model that has no artifact or a run without a plan.
 */
export function exportFiles(
  result: IRunResult,
  model: IModelResult,
  options: IExportOptions
): ExportPlan {
  const artifact = model.artifact;
  if (model.status !== 'succeeded' || !artifact) {
    return { ok: false, reason: `The model "${model.name}" has no fitted model to export.` };
  }
  if (!result.preprocessing) {
    return { ok: false, reason: 'The run has no preprocessing plan to export with the model.' };
  }
  const files: IExportFile[] = [];
  const info: Record<string, unknown> = {
    model: { id: model.id, name: model.name },
    task: result.task,
    target: result.target,
    classes: result.classes ?? [],
    plan: result.preprocessing,
    missing_markers: options.missingMarkers,
    target_scale: artifact.targetScale ?? null,
    artifact_format: artifact.format
  };
  if (artifact.format === 'tfjs-layers') {
    if (typeof artifact.weightData !== 'string' || !artifact.modelTopology) {
      return { ok: false, reason: `The network "${model.name}" was saved without its weights.` };
    }
    files.push({
      name: 'model.json',
      format: 'text',
      content: JSON.stringify(
        {
          format: 'layers-model',
          generatedBy: options.generatedBy,
          convertedBy: null,
          modelTopology: artifact.modelTopology,
          weightsManifest: [{ paths: ['weights.bin'], weights: artifact.weightSpecs ?? [] }]
        },
        null,
        1
      )
    });
    files.push({ name: 'weights.bin', format: 'base64', content: artifact.weightData });
  } else if (artifact.format === 'constant') {
    info.constant = constantOutput(result, artifact.json);
  } else {
    files.push({ name: 'forest.json', format: 'text', content: JSON.stringify(artifact.json) });
  }
  files.push({ name: 'preprocessing.json', format: 'text', content: JSON.stringify(info, null, 1) });
  if (model.predictions) {
    files.push({ name: 'predictions.csv', format: 'text', content: predictionsCsv(result, model) });
  }
  files.push({ name: 'predict.py', format: 'text', content: PREDICT_PY });
  return { ok: true, files };
}

/**
 * Write the validation predictions as CSV: the data row, actual and predicted
 * values (class labels for classification) and one probability column per
 * class. Cells are quoted when they hold a comma, a quote or a line break.
 */
export function predictionsCsv(result: IRunResult, model: IModelResult): string {
  const predictions = model.predictions;
  if (!predictions) {
    return '';
  }
  const classes = result.classes ?? [];
  const classification = result.task === 'classification';
  const label = (index: number) => (classification ? classes[index] ?? String(index) : String(index));
  const header = ['row', 'actual', 'predicted'];
  if (classification && predictions.probabilities) {
    header.push(...classes.map(name => `p(${name})`));
  }
  const lines = [header.map(csvCell).join(',')];
  for (let i = 0; i < predictions.rows.length; i++) {
    const cells = [
      String(predictions.rows[i]),
      label(predictions.actual[i]),
      label(predictions.predicted[i])
    ];
    if (classification && predictions.probabilities) {
      cells.push(...predictions.probabilities[i].map(String));
    }
    lines.push(cells.map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}

/**
 * Build the code cell that loads an export in a Python kernel and predicts.
 * `folder` and `dataPath` are relative to the notebook's folder.
 */
export function exportCodeCell(folder: string, dataPath: string, modelName: string): string {
  const py = (text: string) => JSON.stringify(text);
  return [
    `# Load the ${modelName.replace(/\s+/g, ' ')} exported by the Training Wizard and predict (needs numpy and pandas).`,
    'import runpy',
    'import pandas as pd',
    `wizard_export = runpy.run_path(${py(`${folder}/predict.py`)})`,
    `wizard_model = wizard_export["load_model"](${py(folder)})`,
    `wizard_data = pd.read_csv(${py(dataPath)}, dtype=str, keep_default_na=False)`,
    'wizard_predictions = wizard_model.predict(wizard_data)',
    'wizard_predictions[:10]'
  ].join('\n');
}

function constantOutput(result: IRunResult, json: unknown): number[] {
  const value = json as { probabilities?: unknown; value?: unknown } | null;
  if (value && Array.isArray(value.probabilities)) {
    return value.probabilities.map(Number);
  }
  if (value && typeof value.value === 'number') {
    return [value.value];
  }
  throw new Error(`Unreadable baseline of a ${result.task} run.`);
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
