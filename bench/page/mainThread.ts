/**
 * Browser entry of the main-thread reference run. `bench/page/main.ts`
 * bundles the compiled file with webpack and adds it to the JupyterLab page,
 * where it defines `window.trainingWizardBench`. The training code is
 * `handleRequest` from `src/engine/pipeline.ts`, the function the worker runs.
 */
import { IPipelineEnv, handleRequest } from '../../src/engine/pipeline';
import { ITrainRequest, Response } from '../../src/engine/protocol';

/** Timing of one main-thread run, in `performance.now()` milliseconds. */
export interface IMainThreadRun {
  startMs: number;
  endMs: number;
  /** Backend the run reported, for example 'wasm'. */
  backend: string | null;
  /** Model ids in the order of the run result. */
  models: string[];
  best: string | null;
}

/**
 * Run one `train` request on the calling thread and resolve when the run has
 * finished. Rejects when the pipeline posts an error message.
 */
async function runTraining(
  request: ITrainRequest,
  wasmPaths: Record<string, string>
): Promise<IMainThreadRun> {
  const env: IPipelineEnv = { wasmPaths, inspected: null };
  let finished: Extract<Response, { type: 'run-finished' }> | null = null;
  let error: string | null = null;
  const post = (message: Response) => {
    if (message.type === 'run-finished') {
      finished = message;
    } else if (message.type === 'error') {
      error = message.message;
    }
  };

  const startMs = performance.now();
  await handleRequest(request, post, env);
  const endMs = performance.now();

  const result = (finished as Extract<Response, { type: 'run-finished' }> | null)?.result;
  if (!result) {
    throw new Error(`The main-thread training run failed: ${error ?? 'no run-finished message'}`);
  }
  return {
    startMs,
    endMs,
    backend: result.backend,
    models: result.models.map(model => model.id),
    best: result.best
  };
}

(window as unknown as { trainingWizardBench: unknown }).trainingWizardBench = { runTraining };
