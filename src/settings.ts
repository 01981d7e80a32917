import { ISettingRegistry } from '@jupyterlab/settingregistry';

import { BackendName } from './core/types';
import { clampSetting, DEFAULTS } from './core/config';
import { TrainingOptions } from './ui/model';

/** The extension's settings, clamped into their allowed ranges. */
export interface IWizardSettings {
  options: TrainingOptions;
  rowLimit: number;
  autoWrite: boolean;
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
    const backend = get('backend');
    return {
      options: {
        epochs: clampSetting('epochs', get('epochs'), DEFAULTS.epochs).value,
        batchSize: clampSetting('batchSize', get('batchSize'), DEFAULTS.batchSize)
          .value,
        holdout: clampSetting('holdout', get('holdout'), DEFAULTS.holdout).value,
        seed: clampSetting('seed', get('seed'), DEFAULTS.seed).value,
        learningRate: clampSetting(
          'learningRate',
          get('learningRate'),
          DEFAULTS.learningRate
        ).value,
        backend:
          backend === 'wasm' || backend === 'cpu' || backend === 'auto'
            ? (backend as BackendName)
            : DEFAULTS.backend
      },
      rowLimit:
        typeof get('rowLimit') === 'number' ? (get('rowLimit') as number) : 1e6,
      autoWrite: get('autoWriteResults') !== false
    };
  } catch (reason) {
    console.error('Failed to load the Training Wizard settings', reason);
    return null;
  }
}
