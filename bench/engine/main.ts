/**
 * Engine benchmark: epoch time of the wizard's MLP (`trainModels` with
 * models ['mlp']) against a bare tfjs-layers `model.fit` loop with the same
 * layers, initialisers, optimizer, batch size, epochs and tensors, on the cpu
 * and wasm backends in one Node process. Wizard and bare runs alternate.
 * Usage: `node main.js`.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

import { IPreparedData, IWizardConfig } from '../../src/core/types';
import { setupBackend } from '../../src/engine/backend';
import { disposeTensors, toTensors } from '../../src/engine/models';
import { trainModels } from '../../src/engine/train';
import { describeMachine, envInt, ISummary, pairedRatio, summarise, writeResult } from '../common';
import { makeClassification } from '../datasets';

const ROWS = 50_000;
const VALIDATION_ROWS = 10_000;
const DATA_SEED = 7;

/** Timings of one training run, in milliseconds. */
interface IRunTiming {
  /** Whole call: building the model, tensors, every epoch, scoring. */
  totalMs: number;
  /** Time between the end of epoch 1 and the end of the last epoch, per epoch. */
  steadyEpochMs: number;
  epochs: number;
}

/** Split the generated rows into a prepared dataset: the last rows validate. */
function prepare(rows: number): IPreparedData {
  const data = makeClassification(rows, DATA_SEED);
  const trainRows = rows - VALIDATION_ROWS;
  const cut = trainRows * data.width;
  return {
    task: 'classification',
    featureNames: Array.from({ length: data.width }, (_, i) => `x${i}`),
    width: data.width,
    xTrain: data.x.slice(0, cut),
    xValidation: data.x.slice(cut),
    trainRows,
    validationRows: VALIDATION_ROWS,
    yTrain: Float32Array.from(data.y.subarray(0, trainRows)),
    yValidation: Float32Array.from(data.y.subarray(trainRows)),
    classes: ['k0', 'k1', 'k2'],
    targetScale: null
  };
}

function steady(ends: number[]): number {
  return ends.length > 1 ? (ends[ends.length - 1] - ends[0]) / (ends.length - 1) : ends[0];
}

async function runWizard(data: IPreparedData, config: IWizardConfig): Promise<IRunTiming> {
  const ends: number[] = [];
  const start = performance.now();
  const outcome = await trainModels(data, config, {
    now: () => performance.now(),
    onModelStarted: () => undefined,
    onEpochEnded: () => ends.push(performance.now()),
    onModelFinished: () => undefined,
    shouldStop: () => false
  });
  const totalMs = performance.now() - start;
  const result = outcome.models[0];
  if (result.status !== 'succeeded') {
    throw new Error(`The wizard's MLP failed: ${result.error}`);
  }
  if (outcome.tensorsAfter !== outcome.tensorsBefore) {
    throw new Error(`Tensors leaked: ${outcome.tensorsBefore} before, ${outcome.tensorsAfter} after.`);
  }
  return { totalMs, steadyEpochMs: steady(ends), epochs: ends.length };
}

/** Build the wizard's MLP network directly with tfjs-layers, without the wizard's code. */
function bareModel(width: number, classes: number, seed: number, learningRate: number) {
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({
        inputShape: [width],
        units: 32,
        activation: 'relu',
        kernelInitializer: tfl.initializers.heNormal({ seed })
      }),
      tfl.layers.dense({
        units: classes,
        activation: 'softmax',
        kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + 1 })
      })
    ]
  });
  const optimizer = tf.train.adam(learningRate);
  model.compile({ optimizer, loss: 'categoricalCrossentropy' });
  return { model, optimizer };
}

async function runBare(data: IPreparedData, config: IWizardConfig): Promise<IRunTiming> {
  const tensors = toTensors(data);
  const ends: number[] = [];
  const start = performance.now();
  const { model, optimizer } = bareModel(data.width, data.classes.length, config.seed, config.learningRate);
  await model.fit(tensors.xTrain, tensors.yTrain, {
    epochs: config.epochs,
    batchSize: config.batchSize,
    shuffle: true,
    validationData: [tensors.xValidation!, tensors.yValidation!],
    verbose: 0,
    callbacks: { onEpochEnd: async () => void ends.push(performance.now()) }
  });
  const totalMs = performance.now() - start;
  model.dispose();
  optimizer.dispose();
  disposeTensors(tensors);
  return { totalMs, steadyEpochMs: steady(ends), epochs: ends.length };
}

async function measureBackend(backend: 'cpu' | 'wasm', data: IPreparedData, runs: number, epochs: number) {
  const choice = await setupBackend(backend);
  if (choice.backend !== backend) {
    throw new Error(`Backend ${backend} is not available: ${choice.note}`);
  }
  const config: IWizardConfig = {
    target: 'label',
    task: 'classification',
    features: data.featureNames,
    models: ['mlp'],
    holdout: VALIDATION_ROWS / ROWS,
    seed: 42,
    epochs,
    batchSize: 32,
    learningRate: 0.01,
    backend,
    skipRaggedRows: false
  };
  // One short warm-up of each loop, so kernel setup is not in the first sample.
  const warmUp = { ...config, epochs: 1 };
  await runWizard(data, warmUp);
  await runBare(data, warmUp);

  const wizard: IRunTiming[] = [];
  const bare: IRunTiming[] = [];
  for (let run = 0; run < runs; run++) {
    wizard.push(await runWizard(data, config));
    bare.push(await runBare(data, config));
    process.stderr.write(`engine ${backend}: run ${run + 1}/${runs} done\n`);
  }
  const perEpoch = (timings: IRunTiming[]) => timings.map(t => t.totalMs / t.epochs);
  const steadyOf = (timings: IRunTiming[]) => timings.map(t => t.steadyEpochMs);
  return {
    backend,
    flags: backend === 'wasm'
      ? {
          simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT'),
          multithread: tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')
        }
      : {},
    epochsRun: { wizard: wizard.map(t => t.epochs), bare: bare.map(t => t.epochs) },
    wizard: {
      steadyEpochMs: summarise(steadyOf(wizard)),
      totalPerEpochMs: summarise(perEpoch(wizard))
    },
    bare: {
      steadyEpochMs: summarise(steadyOf(bare)),
      totalPerEpochMs: summarise(perEpoch(bare))
    },
    ratios: {
      steadyEpochWizardOverBare: pairedRatio(steadyOf(wizard), steadyOf(bare)),
      totalPerEpochWizardOverBare: pairedRatio(perEpoch(wizard), perEpoch(bare))
    },
    raw: { wizard, bare }
  };
}

async function main(): Promise<void> {
  const runs = envInt('BENCH_RUNS', 5);
  const epochs = envInt('BENCH_ENGINE_EPOCHS', 4);
  const data = prepare(ROWS);
  const cpu = await measureBackend('cpu', data, runs, epochs);
  const wasm = await measureBackend('wasm', data, runs, epochs);
  const steadyOf = (r: typeof cpu, side: 'wizard' | 'bare'): ISummary => r[side].steadyEpochMs;
  const file = writeResult('engine', {
    benchmark: 'engine',
    machine: describeMachine(),
    dataset: { rows: ROWS, trainRows: ROWS - VALIDATION_ROWS, validationRows: VALIDATION_ROWS, width: 20, classes: 3, seed: DATA_SEED },
    config: { epochs, batchSize: 32, learningRate: 0.01, optimizer: 'adam', layers: '20→32 relu→3 softmax' },
    runs,
    backends: [cpu, wasm],
    backendRatios: {
      wizardSteadyEpochWasmOverCpu: pairedRatio(steadyOf(wasm, 'wizard').samples, steadyOf(cpu, 'wizard').samples),
      bareSteadyEpochWasmOverCpu: pairedRatio(steadyOf(wasm, 'bare').samples, steadyOf(cpu, 'bare').samples)
    }
  });
  process.stderr.write(`wrote ${file}\n`);
}

main().catch(reason => {
  console.error('Failed to run the engine benchmark:', reason);
  process.exitCode = 1;
});
