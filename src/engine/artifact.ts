/**
 * Fitted models as plain-JSON artifacts that survive `postMessage`,
 * IndexedDB and the notebook, and can be loaded again.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

import { IModelArtifact, IPreparedData } from '../core/types';
import { decodeBase64, encodeBase64 } from './base64';

/**
 * Save a tfjs-layers model as an artifact: its topology, weight specs and
 * weights as base64, without the optimizer state. Creates no tensors that
 * outlive the call.
 */
export async function networkArtifact(model: tfl.LayersModel, data: IPreparedData): Promise<IModelArtifact> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async artifacts => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    })
  );
  if (saved === null) {
    throw new Error('Saving the network produced no artifacts.');
  }
  const artifacts: tf.io.ModelArtifacts = saved;
  const weightData = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
  return {
    format: 'tfjs-layers',
    modelTopology: artifacts.modelTopology,
    weightSpecs: artifacts.weightSpecs ?? [],
    weightData: encodeBase64(weightData),
    ...targetScaleOf(data)
  };
}

/**
 * Return the tfjs `ModelArtifacts` of a `tfjs-layers` artifact, for
 * `tf.loadLayersModel(tf.io.fromMemory(...))`. Throws for other formats.
 */
export function toModelArtifacts(artifact: IModelArtifact): tf.io.ModelArtifacts {
  if (artifact.format !== 'tfjs-layers' || artifact.weightData === undefined) {
    throw new Error(`Expected a 'tfjs-layers' artifact with weights, got format '${artifact.format}'.`);
  }
  return {
    modelTopology: artifact.modelTopology as tf.io.ModelArtifacts['modelTopology'],
    weightSpecs: (artifact.weightSpecs ?? []) as tf.io.WeightsManifestEntry[],
    weightData: decodeBase64(artifact.weightData)
  };
}

/** Wrap the `toJSON()` output of an ml-random-forest model. */
export function forestArtifact(json: unknown, data: IPreparedData): IModelArtifact {
  return { format: 'forest', json, ...targetScaleOf(data) };
}

/**
 * Describe the baseline's constant prediction: the training class
 * frequencies in `classes` order, or the training mean in the target's units.
 */
export function constantArtifact(data: IPreparedData, outputs: ArrayLike<number>): IModelArtifact {
  if (data.task === 'classification') {
    return {
      format: 'constant',
      json: { classes: data.classes, probabilities: Array.from(outputs) }
    };
  }
  const scale = data.targetScale ?? { mean: 0, std: 1 };
  return { format: 'constant', json: { value: outputs[0] * scale.std + scale.mean } };
}

function targetScaleOf(data: IPreparedData): Pick<IModelArtifact, 'targetScale'> {
  return data.task === 'regression' && data.targetScale ? { targetScale: { ...data.targetScale } } : {};
}
