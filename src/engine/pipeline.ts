/**
 * Handles one protocol request from start to end: read, profile, check,
 * prepare, train. Shared by the Web Worker and Node (jest, CLI); `post` is
 * the only way out.
 */
import { ENGINE_VERSION, foldCount } from '../core/config';
import { pickBest, primaryMetric } from '../core/results';
import { IDatasetProfile, IRunResult } from '../core/types';
import { copyTable, tableBuffers } from '../data/column';
import { ITable, readCsvBlob } from '../data/csv';
import { checkConfig } from '../data/preflight';
import { prepareData } from '../data/prepare';
import { applyTypeOverrides } from '../data/overrides';
import { profileTable } from '../data/profile';
import { setupBackend } from './backend';
import { modelName } from './models';
import { PostResponse, ITrainRequest, Request } from './protocol';
import { EpochThrottle } from './throttle';
import { ITrainOutcome, trainModels } from './train';
import { IKFoldSet, kfoldFolds } from './validation';

export { EPOCH_MESSAGE_INTERVAL_MS } from './throttle';

/** Environment of the pipeline: worker or Node. */
export interface IPipelineEnv {
  /** URLs of the tfjs wasm binaries; absent in Node. */
  wasmPaths?: Record<string, string>;
  /** Checked between batches; true ends the run early. Defaults to never. */
  shouldStop?: () => boolean;
  now?: () => number;
  /**
   * The last inspected table and its profile, kept for `check` requests.
   * The worker passes one object for its whole life.
   */
  inspected?: { table: ITable; profile: IDatasetProfile } | null;
}

/**
 * Handle `request`, sending every response through `post`.
 *
 * Never throws: a failure becomes an `error` message.
 */
export async function handleRequest(
  request: Request,
  post: PostResponse,
  env: IPipelineEnv = {}
): Promise<void> {
  try {
    if (request.type === 'inspect') {
      const { table, sha256, size } = await readCsvBlob(
        request.file,
        request.fileName,
        request.options
      );
      const profile = {
        ...applyTypeOverrides(profileTable(table, request.options), request.options.columnTypes),
        ...(sha256 ? { sha256 } : {}),
        size
      };
      env.inspected = { table, profile };
      post({ type: 'profile', requestId: request.requestId, profile });
    } else if (request.type === 'export') {
      if (!env.inspected) {
        throw new Error('No file has been inspected in this worker.');
      }
      const table = copyTable(env.inspected.table);
      post(
        { type: 'table', requestId: request.requestId, table, profile: env.inspected.profile },
        tableBuffers(table)
      );
    } else if (request.type === 'check') {
      if (!env.inspected) {
        throw new Error('No file has been inspected in this worker.');
      }
      const { table, profile } = env.inspected;
      post({
        type: 'findings',
        requestId: request.requestId,
        findings: checkConfig(table, profile, request.config)
      });
    } else if (request.type === 'train') {
      await train(request, post, env);
    } else {
      throw new Error(
        `Unknown request type '${(request as { type: unknown }).type}'.`
      );
    }
  } catch (reason) {
    post({
      type: 'error',
      runId: request.type === 'train' ? request.runId : undefined,
      requestId: request.type === 'train' ? undefined : request.requestId,
      message: reason instanceof Error ? reason.message : String(reason)
    });
  }
}

async function train(
  request: ITrainRequest,
  post: PostResponse,
  env: IPipelineEnv
): Promise<void> {
  const { runId, config, table, profile } = request;
  const now = env.now ?? (() => Date.now());
  // Rows with the wrong number of fields are never in the table, and
  // `checkConfig` reports them as an error unless the config skips them.
  const errors = checkConfig(table, profile, config).filter(
    finding => finding.severity === 'error'
  );
  if (errors.length > 0) {
    throw new Error(errors.map(finding => finding.message).join(' '));
  }
  const folds = foldCount(config);
  const { backend, note } = await setupBackend(config.backend, env.wasmPaths);
  const prepared = prepareData(table, profile, config);
  const kfold = folds > 1 ? kfoldFolds(table, profile, config, prepared, folds) : null;
  post({
    type: 'run-started',
    runId,
    backend,
    ...(note ? { backendNote: note } : {}),
    models: config.models.map(id => ({
      id,
      name: modelName(id, config.task),
      epochs: id === 'baseline' || id === 'forest' ? 1 : config.epochs
    })),
    ...(kfold ? { folds } : {}),
    trainRows: prepared.data.trainRows,
    validationRows: prepared.data.validationRows
  });

  const throttle = new EpochThrottle(now);
  const outcome = await trainModels(kfold ?? prepared.data, config, {
    now,
    shouldStop: env.shouldStop ?? (() => false),
    onModelStarted: (modelId, modelName) =>
      post({ type: 'model-started', runId, modelId, modelName }),
    onEpochEnded: epoch => {
      if (throttle.shouldSend(epoch.modelId)) {
        post({ type: 'epoch-ended', runId, ...epoch });
      }
    },
    onModelFinished: result => post({ type: 'model-finished', runId, result })
  });
  post({
    type: 'run-finished',
    runId,
    result: buildResult(request, prepared, outcome, backend, kfold)
  });
}

/**
 * Assemble the run result; the best model ranks by the primary metric. With
 * k-fold validation, the rows and class counts are those of the first fold,
 * `folds` lists every fold, and `featureNames` are those of the hold-out
 * plan in `preprocessing`, because each fold encodes its own levels.
 */
export function buildResult(
  request: ITrainRequest,
  prepared: ReturnType<typeof prepareData>,
  outcome: ITrainOutcome,
  backend: string,
  kfold: IKFoldSet | null = null
): IRunResult {
  const { config } = request;
  const { metric, higherIsBetter } = primaryMetric(config.task);
  const first = kfold ? kfold.summaries[0] : null;
  return {
    task: config.task,
    target: config.target,
    primaryMetric: metric,
    higherIsBetter,
    models: outcome.models,
    best: pickBest(outcome.models, metric, higherIsBetter),
    classCounts: first ? first.classCounts : prepared.classCounts,
    trainRows: first ? first.trainRows : prepared.data.trainRows,
    validationRows: first ? first.validationRows : prepared.data.validationRows,
    skippedLines: prepared.skippedLines,
    droppedTargetRows: prepared.droppedTargetRows,
    classes: [...prepared.data.classes],
    featureNames: [...prepared.data.featureNames],
    ...(prepared.rareClasses ? { rareClasses: prepared.rareClasses } : {}),
    preprocessing: prepared.plan,
    imputed: prepared.imputed,
    backend,
    tensorsBefore: outcome.tensorsBefore,
    tensorsAfter: outcome.tensorsAfter,
    partial: outcome.stopped,
    engineVersion: ENGINE_VERSION,
    ...(kfold ? { folds: kfold.summaries } : {})
  };
}
