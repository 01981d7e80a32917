/**
 * Runs of the real pipeline on files in this repository, for the engine's
 * quality and validation tests.
 */
import * as fs from 'fs';
import * as path from 'path';

import { defaultConfig } from '../../src/core/config';
import { IRunResult, IWizardConfig, TaskType } from '../../src/core/types';
import { readCsv } from '../../src/data/csv';
import { defaultFeatures } from '../../src/data/preflight';
import { profileTable } from '../../src/data/profile';
import { handleRequest, IPipelineEnv } from '../../src/engine/pipeline';
import { Response } from '../../src/engine/protocol';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..', '..');

/** Read a file relative to the repository root. */
export function readText(relative: string): string {
  return fs.readFileSync(path.join(ROOT, relative), 'utf8');
}

/** Build the default configuration the panel would use for `target`, with `overrides`. */
export function configFor(
  text: string,
  target: string,
  task: TaskType,
  overrides: Partial<IWizardConfig> = {}
): IWizardConfig {
  const profile = profileTable(readCsv(text, 'data.csv', {}));
  return {
    ...defaultConfig(target, task, defaultFeatures(profile, target)),
    backend: 'cpu',
    ...overrides
  };
}

/** Every message of one train request, and its result when the run finished. */
export interface IPipelineRun {
  messages: Response[];
  result: IRunResult | null;
}

/** Run one train request through `handleRequest` and collect its messages. */
export async function runPipeline(
  text: string,
  config: IWizardConfig,
  env: IPipelineEnv = {}
): Promise<IPipelineRun> {
  const messages: Response[] = [];
  const table = readCsv(text, 'data.csv', {});
  const profile = profileTable(table);
  await handleRequest(
    { type: 'train', runId: 1, fileName: 'data.csv', table, profile, options: {}, config },
    message => messages.push(message),
    env
  );
  const finished = messages.find(message => message.type === 'run-finished');
  return {
    messages,
    result: finished?.type === 'run-finished' ? finished.result : null
  };
}

/** Return the metric of the best model of a finished run. */
export function bestMetric(result: IRunResult | null, metric: string): number {
  expect(result).not.toBeNull();
  const best = result!.models.find(model => model.id === result!.best);
  expect(best).toBeDefined();
  return best!.metrics[metric];
}
