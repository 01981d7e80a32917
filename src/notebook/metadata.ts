/**
 * Reads the wizard metadata of a results cell back into a run that can be
 * reopened. The metadata travels in notebooks from anyone and may have been
 * edited by hand, so every field is checked. A bad field is repaired with a
 * warning or makes the whole record unusable; `parseStoredRun` returns the
 * outcome instead of throwing.
 */
import { clampSetting, DEFAULTS, FOLD_LIMITS, LIMITS } from '../core/config';
import { BackendName, IWizardConfig, ModelId, TaskType } from '../core/types';
import type { IReadOptions } from '../data/csv';
import { isNumberFormat } from '../data/numberFormat';
import { IDataFingerprint, METADATA_KEY } from './writer';

/** A run as recorded in a results cell. */
export interface IStoredRun {
  runKey: string;
  config: IWizardConfig;
  data: IDataFingerprint;
  readOptions: IReadOptions;
}

/** Outcome of reading wizard metadata. */
export type StoredRunResult =
  | { ok: true; run: IStoredRun; warnings: string[] }
  | { ok: false; reason: string };

/** Maximum length of a string read from metadata, in characters. */
export const MAX_METADATA_STRING = 10_000;

const MODEL_IDS: readonly ModelId[] = ['baseline', 'linear', 'mlp', 'mlp-wide', 'forest'];
const TASKS: readonly TaskType[] = ['classification', 'regression'];
const BACKENDS: readonly BackendName[] = ['auto', 'wasm', 'cpu'];

/**
 * Read `value`, the cell's `training_wizard` metadata.
 *
 * Messages are English with the field named, for the panel to show.
 */
export function parseStoredRun(value: unknown): StoredRunResult {
  const warnings: string[] = [];
  if (!isObject(value)) {
    return { ok: false, reason: `The cell has no "${METADATA_KEY}" metadata object.` };
  }
  const runKey = value.run_key;
  if (!isShortString(runKey) || !/^[0-9a-f]{64}$/.test(runKey)) {
    return { ok: false, reason: 'The run key is missing or is not a SHA-256 hash.' };
  }
  const config = readConfig(value.config, warnings);
  if (typeof config === 'string') {
    return { ok: false, reason: config };
  }
  const data = isObject(value.data) ? value.data : {};
  const path = isShortString(data.path) ? data.path : '';
  if (!path) {
    warnings.push('The data file path is missing; choose the file again in Step 1.');
  }
  return {
    ok: true,
    warnings,
    run: {
      runKey,
      config,
      data: {
        path,
        name: isShortString(data.name) ? data.name : path,
        size: isCount(data.size) ? data.size : 0,
        sha256: isShortString(data.sha256) ? data.sha256 : ''
      },
      readOptions: readOptions(value.read_options, warnings)
    }
  };
}

function readConfig(value: unknown, warnings: string[]): IWizardConfig | string {
  if (!isObject(value)) {
    return 'The configuration is missing.';
  }
  if (!isShortString(value.target) || value.target === '') {
    return 'The configuration names no target column.';
  }
  if (!TASKS.includes(value.task as TaskType)) {
    return `The task ${JSON.stringify(value.task)} is neither classification nor regression.`;
  }
  const features = stringList(value.features);
  if (features === null) {
    return 'The feature list is not a list of column names.';
  }
  const models = stringList(value.models)?.filter(id =>
    MODEL_IDS.includes(id as ModelId)
  ) as ModelId[] | undefined;
  if (!models || models.length === 0) {
    return 'The configuration names no known model.';
  }
  const number = (key: keyof typeof LIMITS) => {
    const clamped = clampSetting(key, value[key], DEFAULTS[key]);
    if (clamped.rejected !== undefined || value[key] === undefined) {
      warnings.push(
        `${key} ${JSON.stringify(value[key] ?? null)} is not allowed; ${clamped.value} is used.`
      );
    }
    return clamped.value;
  };
  const config: IWizardConfig = {
    target: value.target,
    task: value.task as TaskType,
    features,
    models,
    holdout: number('holdout'),
    seed: number('seed'),
    epochs: number('epochs'),
    batchSize: number('batchSize'),
    learningRate: number('learningRate'),
    backend: BACKENDS.includes(value.backend as BackendName)
      ? (value.backend as BackendName)
      : DEFAULTS.backend,
    skipRaggedRows: value.skipRaggedRows === true
  };
  if (value.rareClasses === 'merge' || value.rareClasses === 'drop') {
    config.rareClasses = value.rareClasses;
  }
  const folds = value.folds;
  if (
    typeof folds === 'number' &&
    Number.isInteger(folds) &&
    folds >= FOLD_LIMITS.min &&
    folds <= FOLD_LIMITS.max
  ) {
    config.folds = folds;
  } else if (folds !== undefined && folds !== 0 && folds !== 1) {
    warnings.push(`folds ${JSON.stringify(folds)} is not allowed; a holdout split is used.`);
  }
  return config;
}

function readOptions(value: unknown, warnings: string[]): IReadOptions {
  if (!isObject(value)) {
    return {};
  }
  const options: IReadOptions = {};
  if (isShortString(value.delimiter) && value.delimiter.length === 1) {
    options.delimiter = value.delimiter;
  }
  const markers = stringList(value.missingMarkers);
  if (markers) {
    options.missingMarkers = markers;
  }
  if (value.skipRaggedRows === true) {
    options.skipRaggedRows = true;
  }
  if (isCount(value.sampleSeed)) {
    options.sampleSeed = value.sampleSeed;
  }
  if (isObject(value.columnTypes)) {
    options.columnTypes = {};
    for (const [column, type] of Object.entries(value.columnTypes)) {
      if (type === 'numeric' || type === 'categorical') {
        options.columnTypes[column] = type;
      }
    }
  }
  if (isObject(value.numberFormats)) {
    options.numberFormats = {};
    for (const [column, format] of Object.entries(value.numberFormats)) {
      if (isNumberFormat(format)) {
        options.numberFormats[column] = format;
      } else {
        warnings.push(`The number format of column "${column}" is not valid; it is detected again.`);
      }
    }
  }
  return options;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isShortString(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_METADATA_STRING;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function stringList(value: unknown): string[] | null {
  if (!Array.isArray(value) || !value.every(isShortString)) {
    return null;
  }
  return value as string[];
}
