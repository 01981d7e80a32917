/**
 * Create the training worker. Kept alone in this module because bundlers
 * need the literal `new Worker(new URL(...))` form to emit the worker chunk,
 * and jest (CommonJS) cannot parse `import.meta`; tests replace this module.
 */
export function spawnTrainingWorker(): Worker {
  return new Worker(
    /* webpackChunkName: "training-worker" */ new URL(
      './worker.js',
      import.meta.url
    )
  );
}
