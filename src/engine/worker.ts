/// <reference lib="webworker" />
/**
 * Entry of the training worker. Binds the message handler; the work itself is
 * in `pipeline.ts` so it runs unchanged in Node.
 */
import { handleRequest, IPipelineEnv } from './pipeline';
import { WASM_PATHS } from './wasmPaths';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const env: IPipelineEnv = { wasmPaths: WASM_PATHS, inspected: null };

scope.onmessage = (event: MessageEvent) => {
  void handleRequest(
    event.data,
    (message, transfer) => scope.postMessage(message, transfer ?? []),
    env
  );
};
