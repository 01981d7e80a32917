import { IWizardConfig, ModelId, TaskType } from './types';

/** Version of the engine; part of the run key and of saved results. */
export const ENGINE_VERSION = '0.1.0';

/** The models trained when the person changes nothing. */
export const DEFAULT_MODELS: ModelId[] = ['baseline', 'linear', 'mlp'];

/** Training defaults, also the defaults of the settings schema. */
export const DEFAULTS = {
  epochs: 30,
  batchSize: 32,
  holdout: 0.2,
  seed: 42,
  learningRate: 0.01,
  backend: 'auto' as const
};

/**
 * Allowed numbers of cross-validation folds. `IWizardConfig.folds` outside
 * this range (absent, 0 or 1) selects a hold-out split instead.
 */
export const FOLD_LIMITS = { min: 2, max: 10 };

/**
 * Largest training matrix, in rows × encoded features, that the random
 * forest trains on; larger data gets a failed forest result instead.
 *
 * The split search of ml-cart 2.1 tries every distinct value of a feature
 * and scans all rows of the node for each, so time grows with rows squared.
 * We timed one classifier fit of ml-random-forest 2.1.0 (50 trees, half the
 * features per tree, bootstrap rows) on random uniform features under
 * Node 20 on a 2-core x86-64 cloud VM. It took about 0.8 s at 250 rows × 14
 * features, 2 s at 500 × 10, 2.5 s at 1000 × 4 and 3.5 s at 1500 × 2. With
 * sqrt(features) per tree, 1000 × 10 took 10 s. The limit keeps one fit
 * under about 4 s on that machine. Training is synchronous, so a cancel
 * request waits for the forest of the current fold to finish.
 */
export const FOREST_MAX_CELLS = 5000;

/**
 * Return the number of folds `config` trains each model on: 1 for a
 * hold-out split (`folds` absent, 0 or 1), otherwise `config.folds`.
 *
 * Throws when `folds` is another value outside `FOLD_LIMITS` or not an integer.
 */
export function foldCount(config: Pick<IWizardConfig, 'folds'>): number {
  const folds = config.folds;
  if (folds === undefined || folds === 0 || folds === 1) {
    return 1;
  }
  if (!Number.isInteger(folds) || folds < FOLD_LIMITS.min || folds > FOLD_LIMITS.max) {
    throw new Error(
      `Invalid number of folds ${folds}: expected 0 or 1 for a hold-out split, ` +
        `or an integer from ${FOLD_LIMITS.min} to ${FOLD_LIMITS.max}.`
    );
  }
  return folds;
}

/** Allowed ranges, kept equal to `schema/plugin.json`. */
export const LIMITS = {
  epochs: { min: 1, max: 1000 },
  batchSize: { min: 1, max: 65536 },
  holdout: { min: 0.05, max: 0.5 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  learningRate: { min: 1e-6, max: 1 }
};

/** Create a configuration with defaults for the given target and features. */
export function defaultConfig(
  target: string,
  task: TaskType,
  features: string[]
): IWizardConfig {
  return {
    target,
    task,
    features,
    models: [...DEFAULT_MODELS],
    holdout: DEFAULTS.holdout,
    seed: DEFAULTS.seed,
    epochs: DEFAULTS.epochs,
    batchSize: DEFAULTS.batchSize,
    learningRate: DEFAULTS.learningRate,
    backend: DEFAULTS.backend,
    skipRaggedRows: false
  };
}

/** A numeric setting clamped into its range, with what was changed. */
export interface IClamped {
  value: number;
  /** The original value when it was out of range or not a number. */
  rejected: unknown;
}

/** Clamp `value` into `LIMITS[key]`; a non-number gives the default. */
export function clampSetting(
  key: keyof typeof LIMITS,
  value: unknown,
  fallback: number
): IClamped {
  const { min, max } = LIMITS[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { value: fallback, rejected: value === undefined ? undefined : value };
  }
  const integral = key === 'epochs' || key === 'batchSize' || key === 'seed';
  const rounded = integral ? Math.round(value) : value;
  const clamped = Math.min(max, Math.max(min, rounded));
  return { value: clamped, rejected: clamped === value ? undefined : value };
}
