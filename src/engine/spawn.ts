/**
 * Create the training worker. This line lives alone in its module because
 * bundlers need the literal `new Worker(new URL(...))` form to emit the
 * worker chunk, and jest (CommonJS) cannot parse `import.meta`. Tests never
 * import it: they pass their own spawn function to `WorkerClient`.
 */
export function spawnTrainingWorker(): Worker {
  return new Worker(
    /* webpackChunkName: "training-worker" */ new URL(
      './worker.js',
      import.meta.url
    )
  );
}
