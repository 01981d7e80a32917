import { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { defaultConfig, DEFAULTS } from '../core/config';
import { TrainingSession } from '../core/session';
import {
  IDatasetProfile,
  IFinding,
  IWizardConfig,
  ModelId,
  TaskType
} from '../core/types';
import type { IReadOptions } from '../data/csv';
import type { INumberFormat } from '../data/numberFormat';
import { TypeOverride } from '../data/overrides';
import { defaultFeatures, inferTask } from '../data/preflight';
import { WorkerClient } from '../engine/client';

/** The five steps of the wizard, in order. */
export const STEPS = ['data', 'target', 'models', 'train', 'evaluate'] as const;
export type StepName = (typeof STEPS)[number];

/** A short message shown at the top of the panel. */
export interface INotice {
  kind: 'info' | 'success' | 'warning' | 'error';
  text: string;
}

/** The file chosen in Step 1. */
export interface IChosenFile {
  path: string;
  name: string;
  /** Size of the file in bytes. */
  size: number;
}

/** Training options a person can change in Step 3, seeded from settings. */
export type TrainingOptions = Pick<
  IWizardConfig,
  'epochs' | 'batchSize' | 'holdout' | 'seed' | 'learningRate' | 'backend'
>;

/**
 * The state of one wizard panel besides the run itself: the chosen file, its
 * profile, the configuration and the pre-flight findings. Views render it and
 * call its methods; they never keep state of their own.
 */
export class WizardModel implements IDisposable {
  constructor(options: WizardModel.IOptions) {
    this.client = options.client;
    this._options = { ...options.defaults };
    this._readOptions = { rowLimit: options.rowLimit };
  }

  /** The run state machine of this panel. */
  readonly session = new TrainingSession();

  /** The worker client owned by this model. */
  readonly client: WorkerClient;

  /** Emitted after any change of the model. */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  get step(): StepName {
    return this._step;
  }

  get file(): IChosenFile | null {
    return this._file;
  }

  get readOptions(): IReadOptions {
    return this._readOptions;
  }

  get profile(): IDatasetProfile | null {
    return this._profile;
  }

  get isLoading(): boolean {
    return this._isLoading;
  }

  /** The configuration; null until a target is chosen. */
  get config(): IWizardConfig | null {
    return this._config;
  }

  get options(): TrainingOptions {
    return this._options;
  }

  /** Findings of the file and of the configuration. */
  get findings(): IFinding[] {
    const fileFindings = this._profile?.findings ?? [];
    return this._config ? this._checkFindings : fileFindings;
  }

  get notice(): INotice | null {
    return this._notice;
  }

  /** Whether training may start: a checked configuration with no errors. */
  get canStart(): boolean {
    return (
      this._config !== null &&
      !this._isChecking &&
      this._config.features.length > 0 &&
      this._config.models.length > 0 &&
      !this.findings.some(finding => finding.severity === 'error')
    );
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  setStep(step: StepName): void {
    if (this._step !== step) {
      this._step = step;
      this._changed.emit();
    }
  }

  setNotice(notice: INotice | null): void {
    this._notice = notice;
    this._changed.emit();
  }

  /**
   * Read and profile a file's bytes (UTF-8 text) in the data worker. Clears
   * the target and findings of the previous file; keeps the training
   * options.
   *
   * #### Notes
   * The page keeps only the Blob, which the browser may hold outside the
   * JavaScript heap, to read the file again when a read option changes. The
   * parsed table lives in the data worker.
   */
  async loadFile(file: IChosenFile, data: Blob | BufferSource | string): Promise<void> {
    const blob = data instanceof Blob ? data : new Blob([data]);
    if (this._file?.path !== file.path) {
      // Column types and the skip choice belong to one file.
      const {
        columnTypes: _types,
        numberFormats: _formats,
        sampleSeed: _seed,
        ...rest
      } = this._readOptions;
      this._readOptions = rest;
      this._skipRaggedRows = false;
    }
    if (this.session.state !== 'idle' && this.session.state !== 'running') {
      // A finished run belongs to the previous data; the new data starts clean.
      this.session.restart();
    }
    this._file = file;
    this._blob = blob;
    this._profile = null;
    this._config = null;
    this._checkFindings = [];
    this._isLoading = true;
    this._notice = null;
    this._changed.emit();
    try {
      this._profile = await this.client.inspect(file.name, blob, this._readOptions);
    } finally {
      this._isLoading = false;
      this._changed.emit();
    }
  }

  /**
   * Strings read as missing values, besides empty cells. Re-reads the file
   * and keeps the target when the file still has that column.
   */
  async setMissingMarkers(markers: string[]): Promise<void> {
    const unique = [...new Set(['', ...markers.map(marker => marker.trim())])];
    this._readOptions = { ...this._readOptions, missingMarkers: unique };
    await this._reread();
  }

  /**
   * Read `column` as `type`, or as inferred when `type` is null. Re-reads
   * the file and keeps the target.
   */
  async setColumnType(column: string, type: TypeOverride | null): Promise<void> {
    const columnTypes = { ...this._readOptions.columnTypes };
    if (type) {
      columnTypes[column] = type;
    } else {
      delete columnTypes[column];
    }
    this._readOptions = { ...this._readOptions, columnTypes };
    await this._reread();
  }

  /** Whether rows above the row limit are sampled with the seed. */
  get sampleRows(): boolean {
    return this._readOptions.sampleSeed !== undefined;
  }

  /**
   * Above the row limit, sample rows with the run's seed (true) or keep the
   * first rows (false). Re-reads the file.
   */
  async setSampleRows(sample: boolean): Promise<void> {
    const { sampleSeed: _previous, ...rest } = this._readOptions;
    this._readOptions = sample ? { ...rest, sampleSeed: this._options.seed } : rest;
    await this._reread();
  }

  /**
   * Read `column`'s numbers in `format`, or in the detected format when
   * `format` is null. Re-reads the file and keeps the target.
   */
  async setNumberFormat(column: string, format: INumberFormat | null): Promise<void> {
    const numberFormats = { ...this._readOptions.numberFormats };
    if (format) {
      numberFormats[column] = format;
    } else {
      delete numberFormats[column];
    }
    this._readOptions = { ...this._readOptions, numberFormats };
    await this._reread();
  }

  /**
   * Return the SHA-256 (hex) of the loaded data's bytes, as the data worker
   * computed it. Rejects when no data is loaded or the page has no Web Crypto.
   */
  async dataHash(): Promise<string> {
    const hash = this._profile?.sha256;
    if (!this._file || !hash) {
      throw new Error(
        this._file
          ? `No SHA-256 of '${this._file.name}': the page has no Web Crypto API (it needs HTTPS or localhost).`
          : 'No data is loaded.'
      );
    }
    return hash;
  }

  /** Read the file again with the current read options, keeping the target. */
  private async _reread(): Promise<void> {
    const file = this._file;
    if (!file) {
      this._changed.emit();
      return;
    }
    const previous = this._config;
    await this.loadFile(file, this._blob);
    const names = new Set(this._profile?.columns.map(column => column.name));
    if (previous && names.has(previous.target)) {
      await this.setTarget(previous.target);
      await this._update({
        task: previous.task,
        features: previous.features.filter(name => names.has(name))
      });
    }
  }

  /** Choose the target: infers the task and selects the default features. */
  setTarget(target: string): Promise<void> {
    if (!this._profile) {
      return Promise.resolve();
    }
    const task = inferTask(this._profile, target);
    const features = defaultFeatures(this._profile, target);
    const models = this._config?.models;
    this._config = {
      ...defaultConfig(target, task, features),
      ...this._options,
      ...(models ? { models } : {}),
      skipRaggedRows: this._skipRaggedRows
    };
    return this._recheck();
  }

  setTask(task: TaskType): Promise<void> {
    return this._update({ task });
  }

  setFeatures(features: string[]): Promise<void> {
    return this._update({ features });
  }

  setModels(models: ModelId[]): Promise<void> {
    return this._update({ models });
  }

  /** Whether rows with the wrong number of fields are skipped in training. */
  get skipRaggedRows(): boolean {
    return this._skipRaggedRows;
  }

  /** Use k-fold validation with `folds` folds, or the holdout split for 0. */
  setFolds(folds: number): Promise<void> {
    return this._update({ folds: folds > 1 ? folds : undefined });
  }

  /** Merge or drop classes too small for every split; undefined for neither. */
  setRareClasses(mode: 'merge' | 'drop' | undefined): Promise<void> {
    return this._update({ rareClasses: mode });
  }

  setSkipRaggedRows(skip: boolean): Promise<void> {
    this._skipRaggedRows = skip;
    return this._update({ skipRaggedRows: skip });
  }

  /** Change a training option; applies to the next run. */
  setOption<K extends keyof TrainingOptions>(
    key: K,
    value: TrainingOptions[K]
  ): Promise<void> {
    this._options = { ...this._options, [key]: value };
    if (key === 'seed' && this.sampleRows) {
      // The sample follows the run's seed.
      return this.setSampleRows(true);
    }
    return this._update({ [key]: value } as Partial<IWizardConfig>);
  }

  /**
   * Set up the loaded file and the configuration as a stored run had them:
   * its read options (the row limit stays this panel's), then its target,
   * task, features present in the file, models and training options.
   * Returns the stored features the file no longer has.
   */
  async applyStoredRun(
    readOptions: IReadOptions,
    config: IWizardConfig
  ): Promise<string[]> {
    const { rowLimit: _ignored, ...rest } = readOptions;
    this._readOptions = { ...rest, rowLimit: this._readOptions.rowLimit };
    this._skipRaggedRows = config.skipRaggedRows;
    this._options = {
      epochs: config.epochs,
      batchSize: config.batchSize,
      holdout: config.holdout,
      seed: config.seed,
      learningRate: config.learningRate,
      backend: config.backend
    };
    await this._reread();
    const names = new Set(this._profile?.columns.map(column => column.name));
    if (!names.has(config.target)) {
      return [config.target];
    }
    await this.setTarget(config.target);
    const missing = config.features.filter(name => !names.has(name));
    await this._update({
      task: config.task,
      features: config.features.filter(name => names.has(name)),
      models: config.models,
      folds: config.folds,
      rareClasses: config.rareClasses,
      skipRaggedRows: config.skipRaggedRows
    });
    return missing;
  }

  /**
   * The model Step 5 shows plots for and exports: the chosen one, or the
   * best of the current result when none was chosen or it is not there.
   */
  get selectedModel(): ModelId | null {
    const result = this.session.result;
    if (!result) {
      return null;
    }
    const chosen = result.models.find(
      item => item.id === this._selected && item.status === 'succeeded'
    );
    return chosen ? chosen.id : result.best;
  }

  /** Choose the model Step 5 shows. */
  selectModel(id: ModelId | null): void {
    this._selected = id;
    this._changed.emit();
  }

  /** Dispose the session and the worker client. */
  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this.session.dispose();
    this.client.dispose();
    Signal.clearData(this);
  }

  private _update(change: Partial<IWizardConfig>): Promise<void> {
    if (!this._config) {
      this._changed.emit();
      return Promise.resolve();
    }
    this._config = { ...this._config, ...change };
    return this._recheck();
  }

  private async _recheck(): Promise<void> {
    const config = this._config;
    if (!config) {
      return;
    }
    this._isChecking = true;
    this._changed.emit();
    try {
      const findings = await this.client.check(config);
      if (this._config === config) {
        this._checkFindings = findings;
      }
    } finally {
      if (this._config === config) {
        this._isChecking = false;
      }
      if (!this._isDisposed) {
        this._changed.emit();
      }
    }
  }

  private _step: StepName = 'data';
  private _file: IChosenFile | null = null;
  private _blob = new Blob([]);
  private _selected: ModelId | null = null;
  private _readOptions: IReadOptions;
  private _profile: IDatasetProfile | null = null;
  private _isLoading = false;
  private _isChecking = false;
  private _config: IWizardConfig | null = null;
  private _checkFindings: IFinding[] = [];
  private _skipRaggedRows = false;
  private _options: TrainingOptions;
  private _notice: INotice | null = null;
  private _isDisposed = false;
  private _changed = new Signal<this, void>(this);
}

export namespace WizardModel {
  export interface IOptions {
    client: WorkerClient;
    /** Training options from the settings. */
    defaults: TrainingOptions;
    /** Maximum data rows read from a file. Defaults to 1,000,000. */
    rowLimit?: number;
  }
}

/** Training options when no settings are loaded. */
export const DEFAULT_OPTIONS: TrainingOptions = {
  epochs: DEFAULTS.epochs,
  batchSize: DEFAULTS.batchSize,
  holdout: DEFAULTS.holdout,
  seed: DEFAULTS.seed,
  learningRate: DEFAULTS.learningRate,
  backend: DEFAULTS.backend
};
