import { ISettingRegistry } from '@jupyterlab/settingregistry';

import { BackendName } from './core/types';
import { clampSetting, DEFAULTS, LIMITS } from './core/config';
import { DEFAULT_ROW_LIMIT } from './data/markers';
import { TrainingOptions } from './ui/model';

/** Runs kept in the run cache when the setting is missing or invalid. */
export const DEFAULT_CACHE_SIZE = 50;

/** The extension's settings, clamped into their allowed ranges. */
export interface IWizardSettings {
  options: TrainingOptions;
  rowLimit: number;
  autoWrite: boolean;
  /** Most runs kept in the run cache; 0 means no cache. */
  cacheSize: number;
  /** Whether a finished run pushes its results into the notebook's kernel. */
  pushToKernel: boolean;
  /** Settings that were out of range: key, the value given, the value used. */
  clamped: Array<{ key: string; given: unknown; used: number }>;
}

/**
 * Load the settings, or null when the registry is missing or fails.
 *
 * #### Notes
 * The schema already rejects out-of-range values; clamping here guards
 * against a registry that skips validation.
 */
export async function readSettings(
  registry: ISettingRegistry | null,
  pluginId: string
): Promise<IWizardSettings | null> {
  if (!registry) {
    return null;
  }
  try {
    const settings = await registry.load(pluginId);
    const get = (key: string) => settings.get(key).composite;
    const clamped: IWizardSettings['clamped'] = [];
    const number = (key: keyof typeof DEFAULTS & keyof typeof LIMITS) => {
      const result = clampSetting(key, get(key), DEFAULTS[key]);
      if (result.rejected !== undefined) {
        clamped.push({ key, given: result.rejected, used: result.value });
      }
      return result.value;
    };
    const backend = get('backend');
    const rowLimit = get('rowLimit');
    const cacheSize = get('cacheSize');
    return {
      options: {
        epochs: number('epochs'),
        batchSize: number('batchSize'),
        holdout: number('holdout'),
        seed: number('seed'),
        learningRate: number('learningRate'),
        backend:
          backend === 'wasm' || backend === 'cpu' || backend === 'auto'
            ? (backend as BackendName)
            : DEFAULTS.backend
      },
      rowLimit:
        typeof rowLimit === 'number' && rowLimit >= 10 ? rowLimit : DEFAULT_ROW_LIMIT,
      autoWrite: get('autoWriteResults') !== false,
      cacheSize:
        typeof cacheSize === 'number' && cacheSize >= 0 && cacheSize <= 1000
          ? Math.floor(cacheSize)
          : DEFAULT_CACHE_SIZE,
      pushToKernel: get('pushResultsToKernel') === true,
      clamped
    };
  } catch (reason) {
    console.error('Failed to load the Training Wizard settings', reason);
    return null;
  }
}
