import * as tf from '@tensorflow/tfjs-core';

import { IPreparedData, IWizardConfig } from '../../src/core/types';
import { setupBackend } from '../../src/engine/backend';
import { trainModels } from '../../src/engine/train';

/** Points in [-2, 2]², classed by the side of the line a = b they lie on. */
function lineData(rows: number): IPreparedData {
  const x = new Float32Array(rows * 2);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    const a = Math.sin(i * 12.9898) * 2;
    const b = Math.cos(i * 78.233) * 2;
    x.set([a, b], i * 2);
    y[i] = a - b > 0 ? 1 : 0;
  }
  const trainRows = Math.round(rows * 0.8);
  return {
    task: 'classification',
    featureNames: ['a', 'b'],
    width: 2,
    xTrain: x.slice(0, trainRows * 2),
    xValidation: x.slice(trainRows * 2),
    trainRows,
    validationRows: rows - trainRows,
    yTrain: y.slice(0, trainRows),
    yValidation: y.slice(trainRows),
    classes: ['left', 'right'],
    targetScale: null
  };
}

const config: IWizardConfig = {
  target: 'side',
  task: 'classification',
  features: ['a', 'b'],
  models: ['baseline', 'linear', 'mlp'],
  holdout: 0.2,
  seed: 3,
  epochs: 15,
  batchSize: 32,
  learningRate: 0.05,
  backend: 'wasm',
  skipRaggedRows: false
};

describe('trainModels', () => {
  it('should train on the wasm backend', async () => {
    expect(await setupBackend('wasm')).toEqual({ backend: 'wasm', note: null });
    expect(tf.getBackend()).toBe('wasm');

    const outcome = await trainModels(lineData(250), config, {
      onModelStarted: () => undefined,
      onEpochEnded: () => undefined,
      onModelFinished: () => undefined,
      shouldStop: () => false
    });

    const statuses = outcome.models.map(m => m.status);
    expect(statuses).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(outcome.models[1].metrics.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(outcome.models[2].metrics.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(outcome.tensorsAfter).toBe(outcome.tensorsBefore);
  });
});
