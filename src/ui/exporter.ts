/**
 * Writes an exported model into the notebook's folder through the contents
 * API, and a code cell that loads it right below the run's results cell.
 */
import { Contents } from '@jupyterlab/services';
import { PathExt } from '@jupyterlab/coreutils';
import { INotebookModel } from '@jupyterlab/notebook';

import { ENGINE_VERSION } from '../core/config';
import { DEFAULT_MISSING_MARKERS } from '../data/markers';
import { exportCodeCell, exportFiles } from '../notebook/export';
import { findResultsCell, IResultsPayload } from '../notebook/writer';

/** Metadata key of the generated code cell, so a second export updates it. */
export const EXPORT_METADATA_KEY = 'training_wizard_export';

/** Folder, files and code cell written by an export. */
export interface IExportOutcome {
  folder: string;
  files: string[];
  cellIndex: number;
}

/**
 * Export model `modelId` of `payload` next to the notebook at
 * `notebookPath`, and insert or update its code cell in `notebook`.
 *
 * @throws Error with an English reason when the model cannot be exported
 * or a file cannot be written.
 */
export async function exportModel(options: {
  contents: Contents.IManager;
  notebook: INotebookModel;
  notebookPath: string;
  payload: IResultsPayload;
  modelId: string;
}): Promise<IExportOutcome> {
  const { contents, notebook, payload } = options;
  const model = payload.result.models.find(item => item.id === options.modelId);
  if (!model) {
    throw new Error(`The run has no model "${options.modelId}".`);
  }
  const plan = exportFiles(payload.result, model, {
    missingMarkers: payload.readOptions.missingMarkers ?? [...DEFAULT_MISSING_MARKERS],
    generatedBy: `jupyterlab-training-wizard ${ENGINE_VERSION}`
  });
  if (!plan.ok) {
    throw new Error(plan.reason);
  }
  const notebookDir = PathExt.dirname(options.notebookPath);
  const stem = PathExt.basename(options.notebookPath, PathExt.extname(options.notebookPath));
  const base = `${safeName(stem)}_wizard_export`;
  const leaf = `${safeName(model.id)}-${payload.runKey.slice(0, 8)}`;
  await ensureDirectory(contents, PathExt.join(notebookDir, base));
  const folderPath = PathExt.join(notebookDir, base, leaf);
  await ensureDirectory(contents, folderPath);
  for (const file of plan.files) {
    await contents.save(PathExt.join(folderPath, file.name), {
      type: 'file',
      format: file.format,
      content: file.content
    });
  }
  const relativeFolder = `${base}/${leaf}`;
  const dataPath = payload.data.path
    ? PathExt.relative(notebookDir, payload.data.path)
    : payload.data.name;
  const source = exportCodeCell(relativeFolder, dataPath, model.name);
  const cellIndex = upsertCodeCell(notebook, payload.runKey, model.id, source);
  return { folder: folderPath, files: plan.files.map(file => file.name), cellIndex };
}

/** Insert the export cell below the results cell, or update it in place. */
function upsertCodeCell(
  notebook: INotebookModel,
  runKey: string,
  modelId: string,
  source: string
): number {
  const shared = notebook.sharedModel;
  for (let index = 0; index < shared.cells.length; index++) {
    const tag = shared.cells[index].getMetadata(EXPORT_METADATA_KEY) as
      | { run_key?: unknown; model?: unknown }
      | undefined;
    if (tag && tag.run_key === runKey && tag.model === modelId) {
      shared.cells[index].setSource(source);
      return index;
    }
  }
  const results = findResultsCell(notebook, runKey);
  const index = results >= 0 ? results + 1 : shared.cells.length;
  shared.insertCell(index, {
    cell_type: 'code',
    source,
    metadata: { [EXPORT_METADATA_KEY]: { run_key: runKey, model: modelId } },
    outputs: [],
    execution_count: null
  });
  return index;
}

async function ensureDirectory(contents: Contents.IManager, path: string): Promise<void> {
  try {
    const existing = await contents.get(path, { content: false });
    if (existing.type !== 'directory') {
      throw new Error(`${path} exists and is not a folder.`);
    }
  } catch (reason) {
    if (reason instanceof Error && reason.message.endsWith('is not a folder.')) {
      throw reason;
    }
    await contents.save(path, { type: 'directory' });
  }
}

/** Replace every character but letters, digits, `-` and `_` in a file name. */
function safeName(text: string): string {
  return text.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 60) || 'run';
}
