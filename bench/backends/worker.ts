/**
 * Web Worker entry of the backends benchmark. `bench/backends/main.ts`
 * bundles the compiled file with webpack and the page starts it as a
 * dedicated worker, one worker per backend and round. The worker receives one
 * `IBackendJob`, activates the backend, trains every model on every dataset
 * size with `trainModels` from `src/engine/train.ts`, and posts one
 * `IBackendJobResult`.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';

import { IPreparedData, IWizardConfig, ModelId } from '../../src/core/types';
import { setupBackend } from '../../src/engine/backend';
import { trainModels } from '../../src/engine/train';
import { makeClassification } from '../datasets';

/** Backends the benchmark compares. */
export type BenchBackend = 'cpu' | 'wasm' | 'webgl';

/** One synthetic dataset: rows before the hold-out split, and features. */
export interface IDatasetSize {
  rows: number;
  width: number;
}

/** The message the page posts to the worker. */
export interface IBackendJob {
  backend: BenchBackend;
  sizes: IDatasetSize[];
  models: ModelId[];
  epochs: number;
  batchSize: number;
  holdout: number;
  seed: number;
  /** URL prefix of the tfjs .wasm files, used by the wasm backend. */
  wasmPrefix: string;
}

/** Epoch timings of one model on one dataset size, in milliseconds. */
export interface IModelTiming {
  model: ModelId;
  rows: number;
  width: number;
  /** Time from the start of the model (network build, tensor upload) to the end of epoch 1. */
  firstEpochMs: number;
  /** Mean time per epoch from the end of epoch 1 to the end of the last epoch. */
  steadyEpochMs: number;
  epochs: number;
  status: string;
  error: string | null;
}

/** Backend state that the worker observed after setup, whether or not it trained. */
export interface IBackendProbe {
  requested: BenchBackend;
  /** `tf.getBackend()` after setup, or null when setup threw. */
  active: string | null;
  /** Errors and fallback notes, in the order they happened. */
  errors: string[];
  /** tfjs environment flags of the active backend, read after setup. */
  flags: Record<string, boolean | number | null>;
  /** Time from the job message to a ready backend, in ms. */
  setupMs: number;
  /** WebGL renderer string of a fresh OffscreenCanvas context (for example SwiftShader), webgl only. */
  renderer: string | null;
}

/** The message the worker posts back. */
export interface IBackendJobResult {
  probe: IBackendProbe;
  timings: IModelTiming[];
}

/** Activate `job.backend` and report the active backend. Setup errors go into `errors` instead of being thrown. */
async function activate(job: IBackendJob): Promise<IBackendProbe> {
  const start = performance.now();
  const errors: string[] = [];
  let active: string | null = null;
  try {
    if (job.backend === 'webgl') {
      // tfjs returns false instead of throwing when the WebGL context fails.
      const ok = await tf.setBackend('webgl');
      await tf.ready();
      if (!ok) {
        errors.push('tf.setBackend("webgl") returned false: no WebGL context on OffscreenCanvas.');
      }
    } else {
      const choice = await setupBackend(job.backend, job.backend === 'wasm' ? job.wasmPrefix : undefined);
      if (choice.note !== null) {
        errors.push(choice.note);
      }
    }
    active = tf.getBackend() ?? null;
  } catch (reason) {
    errors.push(reason instanceof Error ? reason.message : String(reason));
  }
  const setupMs = performance.now() - start;
  const renderer = job.backend === 'webgl' ? readRenderer(errors) : null;
  return { requested: job.backend, active, errors, flags: readFlags(active), setupMs, renderer };
}

/**
 * Return the unmasked renderer of a new WebGL2 context on an OffscreenCanvas,
 * or null with an entry in `errors` when no context can be created. Without
 * the debug extension it returns the masked `RENDERER` string.
 */
function readRenderer(errors: string[]): string | null {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (gl === null) {
      errors.push('OffscreenCanvas.getContext("webgl2") returned null.');
      return null;
    }
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  } catch (reason) {
    errors.push(`Reading the WebGL renderer failed: ${reason instanceof Error ? reason.message : String(reason)}`);
    return null;
  }
}

/** Read the tfjs flags that describe the active backend's capabilities. */
function readFlags(active: string | null): Record<string, boolean | number | null> {
  const names =
    active === 'webgl'
      ? ['WEBGL_VERSION', 'WEBGL_RENDER_FLOAT32_CAPABLE', 'WEBGL_RENDER_FLOAT32_ENABLED', 'WEBGL_FORCE_F16_TEXTURES']
      : active === 'wasm'
        ? ['WASM_HAS_SIMD_SUPPORT', 'WASM_HAS_MULTITHREAD_SUPPORT']
        : [];
  const flags: Record<string, boolean | number | null> = {};
  for (const name of names) {
    try {
      flags[name] = tf.env().get(name) as boolean | number;
    } catch {
      flags[name] = null;
    }
  }
  return flags;
}

/** Split generated rows into a prepared dataset: the last `holdout` share validates. */
function prepare(size: IDatasetSize, job: IBackendJob): IPreparedData {
  const data = makeClassification(size.rows, job.seed, size.width);
  const validationRows = Math.round(size.rows * job.holdout);
  const trainRows = size.rows - validationRows;
  const cut = trainRows * data.width;
  return {
    task: 'classification',
    featureNames: Array.from({ length: data.width }, (_, i) => `x${i}`),
    width: data.width,
    xTrain: data.x.slice(0, cut),
    xValidation: data.x.slice(cut),
    trainRows,
    validationRows,
    yTrain: Float32Array.from(data.y.subarray(0, trainRows)),
    yValidation: Float32Array.from(data.y.subarray(trainRows)),
    classes: ['k0', 'k1', 'k2'],
    targetScale: null
  };
}

/** Train every model of the job on one dataset size and time its epochs. */
async function timeSize(size: IDatasetSize, job: IBackendJob): Promise<IModelTiming[]> {
  const data = prepare(size, job);
  const config: IWizardConfig = {
    target: 'label',
    task: 'classification',
    features: data.featureNames,
    models: job.models,
    holdout: job.holdout,
    seed: job.seed,
    epochs: job.epochs,
    batchSize: job.batchSize,
    learningRate: 0.01,
    // The engine does not read the backend from the config, because the worker activated it above.
    backend: 'cpu',
    skipRaggedRows: false
  };
  const starts = new Map<ModelId, number>();
  const ends = new Map<ModelId, number[]>();
  let current: ModelId | null = null;
  const outcome = await trainModels(data, config, {
    now: () => performance.now(),
    onModelStarted: id => {
      current = id;
      starts.set(id, performance.now());
      ends.set(id, []);
    },
    onEpochEnded: () => ends.get(current!)!.push(performance.now()),
    onModelFinished: () => undefined,
    shouldStop: () => false
  });
  return outcome.models.map(result => {
    const id = result.id as ModelId;
    const marks = ends.get(id) ?? [];
    const first = marks.length > 0 ? marks[0] - starts.get(id)! : NaN;
    const steady = marks.length > 1 ? (marks[marks.length - 1] - marks[0]) / (marks.length - 1) : NaN;
    return {
      model: id,
      rows: size.rows,
      width: size.width,
      firstEpochMs: first,
      steadyEpochMs: steady,
      epochs: marks.length,
      status: result.status,
      error: result.error ?? null
    };
  });
}

async function runJob(job: IBackendJob): Promise<IBackendJobResult> {
  const probe = await activate(job);
  const timings: IModelTiming[] = [];
  if (probe.active !== job.backend) {
    // Training on a fallback would be reported under the wrong name.
    return { probe, timings };
  }
  for (const size of job.sizes) {
    try {
      timings.push(...(await timeSize(size, job)));
    } catch (reason) {
      probe.errors.push(`${size.rows} × ${size.width}: ${reason instanceof Error ? reason.message : String(reason)}`);
    }
  }
  return { probe, timings };
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<IBackendJob>) => void) | null;
  postMessage(message: unknown): void;
};
scope.onmessage = event => {
  runJob(event.data).then(
    result => scope.postMessage({ type: 'done', result }),
    reason => scope.postMessage({ type: 'error', message: reason instanceof Error ? reason.stack : String(reason) })
  );
};
