/**
 * Selection of the tfjs backend for training: wasm when requested and
 * available, cpu otherwise.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

import { BackendName } from '../core/types';

/** The backend in use after `setupBackend`, and why it differs from the request. */
export interface IBackendChoice {
  /** Name of the active tfjs backend, `'wasm'` or `'cpu'`. */
  backend: string;
  /** Plain-English reason for falling back to cpu, or null. */
  note: string | null;
}

/**
 * Activate a tfjs backend for `requested` and wait until it is ready.
 *
 * `'cpu'` always uses the cpu backend. `'wasm'` and `'auto'` load
 * `@tensorflow/tfjs-backend-wasm`, pass `wasmPaths` to `setWasmPaths` when
 * given, and fall back to cpu with a note when anything fails. Never rejects
 * because of the wasm backend.
 *
 * @param wasmPaths - a URL prefix of the `.wasm` files, or a map from file
 *   name to URL. In a web worker the bundler decides where those files live,
 *   so the page must pass it.
 *
 * #### Notes
 * Under Node (jest, the CLI), `'auto'` without `wasmPaths` picks cpu and
 * returns no note, because the wasm files are not served there and cpu is the
 * expected choice. `'wasm'` under Node still tries to load them.
 */
export async function setupBackend(
  requested: BackendName,
  wasmPaths?: Record<string, string> | string
): Promise<IBackendChoice> {
  if (requested === 'cpu' || (requested === 'auto' && isNode() && !wasmPaths)) {
    await useCpu();
    return { backend: 'cpu', note: null };
  }
  try {
    await useWasm(wasmPaths);
    return { backend: 'wasm', note: null };
  } catch (reason) {
    const detail = reason instanceof Error ? reason.message : String(reason);
    await useCpu();
    return {
      backend: 'cpu',
      note: `The wasm backend failed to load (${detail}); training on the cpu backend.`
    };
  }
}

/** Load, configure and activate the wasm backend. Throws on any failure. */
async function useWasm(wasmPaths?: Record<string, string> | string): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  if (wasmPaths !== undefined) {
    wasm.setWasmPaths(wasmPaths);
  }
  // tfjs catches the initialisation error itself and only returns false.
  const activated = await tf.setBackend('wasm');
  if (!activated) {
    const source =
      wasmPaths === undefined
        ? 'next to the bundled script'
        : `from ${JSON.stringify(wasmPaths)}`;
    throw new Error(
      `initialisation failed; check that the .wasm files are served ${source}`
    );
  }
  await tf.ready();
}

async function useCpu(): Promise<void> {
  const activated = await tf.setBackend('cpu');
  if (!activated) {
    throw new Error(
      'The cpu backend of TensorFlow.js failed to initialise; ' +
        'reload the page and try again.'
    );
  }
  await tf.ready();
}

/** Return true when running under Node rather than a browser or worker. */
function isNode(): boolean {
  const scope = globalThis as { process?: { versions?: { node?: string } } };
  return typeof scope.process?.versions?.node === 'string';
}
