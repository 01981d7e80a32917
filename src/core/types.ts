/**
 * Types shared by every room: the dataset profile, the wizard configuration,
 * findings, and the results of a run. Pure data, safe to structured-clone
 * between the page and the training worker.
 */

/** The kind of prediction a run makes. */
export type TaskType = 'classification' | 'regression';

/**
 * The inferred type of a column.
 *
 * `identifier` is unique per row, `constant` has one distinct value, `text` is
 * free text (long, mostly unique strings) and `high-cardinality` is a
 * categorical column with too many levels to one-hot encode.
 */
export type ColumnType =
  | 'numeric'
  | 'categorical'
  | 'boolean'
  | 'datetime'
  | 'text'
  | 'identifier'
  | 'constant'
  | 'high-cardinality'
  | 'empty';

/** Severity of a finding. An `error` blocks training. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem or fact found while reading or checking a dataset.
 *
 * `code` is stable and lets the page translate the finding. `message` is the
 * English text with the values filled in, and `params` contains those values
 * in the order they first appear in the message, with pluralised counts as
 * bare numbers.
 */
export interface IFinding {
  severity: Severity;
  code: string;
  message: string;
  params: string[];
  column?: string;
  /** Line numbers in the file, counting the header as line 1. */
  lines?: number[];
}

/** Summary of one column, shown in the Step 1 table. */
export interface IColumnProfile {
  name: string;
  /** Position in the file, from 0. */
  index: number;
  type: ColumnType;
  /** The reason for the type, in English. */
  reason: string;
  missing: number;
  /** Cells that looked numeric but were invalid (`inf`, `#DIV/0!`, ...). */
  invalid: number;
  distinct: number;
  /** Short description: range for numbers, top values for categories. */
  summary: string;
  min?: number;
  max?: number;
  topValues?: Array<{ value: string; count: number }>;
  /**
   * Number format of a column read as numbers: the decimal mark ('.' or ',')
   * and the thousands separator ('' for none, ',', '.', "'", or ' ' for any
   * kind of space).
   */
  numberFormat?: { decimal: string; thousands: string };
}

/** Profile of a file: dialect, row count, columns and findings. */
export interface IDatasetProfile {
  fileName: string;
  /** Detected field delimiter, for example `,` or `\t`. */
  delimiter: string;
  /** Data rows, excluding the header and skipped ragged rows. */
  rowCount: number;
  columns: IColumnProfile[];
  /** The first data rows as text, for the preview table. */
  preview: string[][];
  findings: IFinding[];
  /** Line numbers of rows whose field count differs from the header's. */
  raggedLines: number[];
  /**
   * Hex SHA-256 of the file's bytes. Absent when the profile was made from
   * text, or where the worker has no Web Crypto API (plain HTTP from another
   * host).
   */
  sha256?: string;
  /** Size of the file in bytes; absent when the profile was made from text. */
  size?: number;
}

/** Model identifiers of the catalogue. */
export type ModelId = 'baseline' | 'linear' | 'mlp' | 'mlp-wide' | 'forest';

/** Backend request for tfjs inside the worker. */
export type BackendName = 'auto' | 'wasm' | 'cpu';

/** Everything a run needs besides the data. */
export interface IWizardConfig {
  target: string;
  task: TaskType;
  features: string[];
  models: ModelId[];
  /** Fraction of rows held out for validation, in (0, 1). Defaults to 0.2. */
  holdout: number;
  seed: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  backend: BackendName;
  /** Whether rows with the wrong number of fields may be skipped. */
  skipRaggedRows: boolean;
  /**
   * Handling of classes too small for every split: merge them into one class
   * named "other", or drop their rows. Absent means neither, and the
   * pre-flight check reports them as an error.
   */
  rareClasses?: 'merge' | 'drop';
  /**
   * Number of cross-validation folds, from 2 to 10. Absent, 0 or 1 means a
   * single hold-out split of `holdout`, which is the default.
   */
  folds?: number;
}

/** One epoch of a model's learning curve. */
export interface IEpochRecord {
  epoch: number;
  loss: number;
  valLoss: number | null;
  /** Validation accuracy after the epoch; classification networks only. */
  valAccuracy?: number;
}

/** Result of one model in a run. */
export interface IModelResult {
  id: ModelId;
  name: string;
  description: string;
  status: 'succeeded' | 'failed';
  /** The reason the model failed, in English. */
  error?: string;
  /** Metric name to value; only finite numbers. */
  metrics: Record<string, number>;
  /**
   * Milliseconds from the start of the model's first fold until its result
   * was complete, permutation importance and saving included.
   */
  trainMs: number;
  hyperparameters: Record<string, number | string>;
  /** Learning curve of the network; with k-fold validation, of the first fold. */
  history: IEpochRecord[];
  /**
   * With k-fold validation, the metrics of each fold in fold order. `metrics`
   * then holds, per metric, the mean over the folds where it is defined.
   */
  foldMetrics?: Array<Record<string, number>>;
  /** With k-fold validation, the population standard deviation of each metric over the folds. */
  metricsStd?: Record<string, number>;
  /** Predictions on the validation rows; absent for a failed model. */
  predictions?: IModelPredictions;
  /**
   * Permutation importance per original feature column, largest first. With
   * k-fold validation, measured on the first fold.
   */
  importance?: IFeatureImportance[];
  /**
   * The fitted model in a form that can be saved and loaded again. With
   * k-fold validation, the model of the first fold.
   */
  artifact?: IModelArtifact;
}

/**
 * Predictions of one model on the validation rows, in the units of the file.
 *
 * #### Notes
 * With k-fold validation these are out-of-fold predictions: every row is
 * predicted once, by the model of the fold that held it out.
 */
export interface IModelPredictions {
  /** Data row (0-based, header excluded, after skipped lines) of each prediction. */
  rows: number[];
  /** Classification: class index into `IRunResult.classes`. Regression: the value. */
  actual: number[];
  /** Classification: predicted class index. Regression: predicted value. */
  predicted: number[];
  /** Classification only: per row, the probability of each class in `IRunResult.classes` order. */
  probabilities?: number[][];
}

/** Drop of the primary metric when one feature column is shuffled. */
export interface IFeatureImportance {
  /** Original column name, before encoding. */
  feature: string;
  /** Mean score lost over the repeats, in the primary metric's units; larger means more important. */
  importance: number;
  /** Standard deviation of the loss over the repeats. */
  std: number;
}

/**
 * A fitted model, plain JSON so it can go through `postMessage`, IndexedDB
 * and the contents API unchanged.
 */
export interface IModelArtifact {
  /**
   * `tfjs-layers`: `modelTopology` and `weightSpecs` of a tfjs layers model,
   * with the weights as base64 in `weightData`. `forest`: the JSON of an
   * ml-random-forest model. `constant`: the baseline's constant prediction.
   */
  format: 'tfjs-layers' | 'forest' | 'constant';
  modelTopology?: unknown;
  weightSpecs?: unknown[];
  weightData?: string;
  json?: unknown;
  /**
   * Regression networks and forests output the standardised target:
   * original = output * std + mean. Absent for classification.
   */
  targetScale?: { mean: number; std: number };
}

/** Class counts per split, for classification runs. */
export interface IClassCounts {
  train: Record<string, number>;
  validation: Record<string, number>;
}

/** Rows and class counts of one cross-validation fold. */
export interface IFoldSummary {
  trainRows: number;
  validationRows: number;
  /** Rows per class in each side of the fold; null for regression. */
  classCounts: IClassCounts | null;
}

/** Results of a finished run, or the partial results of a cancelled one. */
export interface IRunResult {
  task: TaskType;
  target: string;
  /** Metric that ranks the leaderboard, higher or lower is better per `higherIsBetter`. */
  primaryMetric: string;
  higherIsBetter: boolean;
  models: IModelResult[];
  /** Id of the best succeeded model, or null when none succeeded. */
  best: ModelId | null;
  classCounts: IClassCounts | null;
  trainRows: number;
  validationRows: number;
  /** Lines skipped because their field count was wrong. */
  skippedLines: number[];
  /** Rows dropped because the target was missing. */
  droppedTargetRows: number;
  /** Class labels in index order; empty for regression. */
  classes?: string[];
  /**
   * Names of the encoded feature columns the models see, in input order.
   * With k-fold validation, those of the plan in `preprocessing`, because
   * each fold encodes the category levels of its own training rows.
   */
  featureNames?: string[];
  /** Rare classes merged or dropped, with their row counts; absent when none. */
  rareClasses?: { mode: 'merge' | 'drop'; classes: Record<string, number> };
  /**
   * The preprocessing plan fitted on the training rows (`IPreprocessPlan` of
   * `data/plan.ts`, plain JSON), so new rows can be encoded the same way.
   *
   * #### Notes
   * With k-fold validation this is the plan of the holdout split drawn with
   * the same seed, not of any one fold.
   */
  preprocessing?: unknown;
  /** Per column, how many missing cells were imputed and with what. */
  imputed: Array<{ column: string; count: number; strategy: string }>;
  backend: string;
  /** `tf.memory().numTensors` before the first model and after the last. */
  tensorsBefore: number;
  tensorsAfter: number;
  /** True when the run was cancelled and only some models finished. */
  partial: boolean;
  engineVersion: string;
  /**
   * With k-fold validation, the rows and class counts of every fold. Then
   * `trainRows`, `validationRows` and `classCounts` describe the first fold.
   */
  folds?: IFoldSummary[];
}

/**
 * A dataset after splitting and preprocessing: row-major feature matrices,
 * ready for the engine. Built by `data/prepare.ts` with statistics fitted on
 * the training rows only.
 */
export interface IPreparedData {
  task: TaskType;
  /** Names of the encoded feature columns, `width` of them. */
  featureNames: string[];
  width: number;
  xTrain: Float32Array;
  xValidation: Float32Array;
  trainRows: number;
  validationRows: number;
  /**
   * Targets. Classification: class index per row. Regression: the value
   * standardised with `targetScale`, so metrics must undo it.
   */
  yTrain: Float32Array;
  yValidation: Float32Array;
  /** Class labels by index; empty for regression. */
  classes: string[];
  /** Regression target scaling: original = scaled * std + mean. */
  targetScale: { mean: number; std: number } | null;
  /**
   * Data row index (as in `IModelPredictions.rows`) of each validation row.
   * Absent means the validation rows are numbered 0..validationRows-1.
   */
  validationRowIndices?: Int32Array;
  /**
   * The encoded columns of each original feature column, in input order.
   * Absent means every encoded column is its own feature, named by
   * `featureNames`.
   */
  featureColumns?: IFeatureColumns[];
}

/** An original feature column and the positions of its encoded input columns. */
export interface IFeatureColumns {
  feature: string;
  /** Indices into `IPreparedData.featureNames`, one for a numeric column, one per slot for a one-hot column. */
  columns: number[];
}
