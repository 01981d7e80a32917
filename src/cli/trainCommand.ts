/**
 * `training-wizard train FILE --target COLUMN`: trains the configured models
 * in this process with the engine the panel's worker runs, and prints the
 * leaderboard or the full run result as JSON.
 */
import { DEFAULT_MODELS, DEFAULTS } from '../core/config';
import { IDatasetProfile, IFinding, IRunResult, IWizardConfig } from '../core/types';
import { defaultFeatures, inferTask } from '../data/preflight';
import { MODEL_CATALOGUE } from '../engine/models';
import { Response } from '../engine/protocol';
import { leaderboardText, untranslated } from '../notebook/format';
import {
  BACKENDS,
  choiceOption,
  foldsOption,
  IParsedArgs,
  listOption,
  modelsOption,
  numberOption,
  OptionSpecs,
  parseArgs,
  singleFile,
  TASKS,
  UsageError
} from './args';
import { TRAIN_HELP } from './help';
import { EngineSession, errorOf, ICliIO, openDataFile, READ_OPTIONS, readOptionsOf } from './io';
import {
  countFindings,
  findingsTable,
  hasErrors,
  indent,
  jsonText,
  RAGGED_HINT,
  shortLines
} from './text';

const OPTIONS: OptionSpecs = {
  ...READ_OPTIONS,
  target: 'value',
  task: 'value',
  features: 'value',
  models: 'value',
  holdout: 'value',
  folds: 'value',
  seed: 'value',
  epochs: 'value',
  'batch-size': 'value',
  'learning-rate': 'value',
  backend: 'value',
  json: 'switch',
  artifacts: 'switch'
};

/** The configuration without the parts that need the file's profile. */
type Settings = Omit<IWizardConfig, 'task' | 'features'> & {
  task?: IWizardConfig['task'];
  features?: string[];
};

/** The single object `train --json` prints, whatever the outcome. */
interface ITrainReport {
  file: string;
  config: IWizardConfig;
  /** Pre-flight findings of `config`. An error among them means nothing was trained. */
  findings: IFinding[];
  result: IRunResult | null;
  /** Reason the run failed after the pre-flight checks, or null. */
  error: string | null;
}

/**
 * Run `train` with the arguments after the command name.
 *
 * Every option is validated before the file is read. Returns exit code 0
 * when at least one model succeeded, and 1 when the pre-flight checks found
 * an error, the run failed or every model failed. Throws `UsageError` (exit
 * code 2) for a bad command line or an unreadable file.
 */
export async function runTrain(argv: string[], io: ICliIO): Promise<number> {
  const parsed = parseArgs('train', argv, OPTIONS);
  if (parsed.help) {
    io.stdout(TRAIN_HELP);
    return 0;
  }
  const settings = readSettings(parsed);
  const path = singleFile('train', parsed.positionals);
  const options = { ...readOptionsOf(parsed), skipRaggedRows: settings.skipRaggedRows };
  const file = await openDataFile(io, path);

  const session = new EngineSession();
  const profile = await session.inspect(path, file, options);
  const config = completeConfig(settings, profile);
  const report: ITrainReport = {
    file: path,
    config,
    findings: await session.check(config),
    result: null,
    error: null
  };
  if (!hasErrors(report.findings)) {
    const messages = await session.send(
      { type: 'train', runId: 1, fileName: path, ...(await session.exportTable()), options, config },
      message => reportProgress(message, io)
    );
    const finished = messages.find(message => message.type === 'run-finished');
    if (finished?.type === 'run-finished') {
      report.result = finished.result;
    } else {
      report.error = errorOf(messages, 'Training');
    }
  }
  if (!parsed.switches.has('artifacts')) {
    dropArtifacts(report.result);
  }
  writeReport(report, parsed.switches.has('json'), io);
  return report.result !== null && report.result.best !== null ? 0 : 1;
}

/** Validate every option that does not depend on the file's contents. */
function readSettings(parsed: IParsedArgs): Settings {
  const values = parsed.values;
  const target = values.get('target');
  if (target === undefined) {
    throw new UsageError(
      "Option --target is required: name the column to predict, for example '--target species'."
    );
  }
  const task = values.get('task');
  const features = values.get('features');
  const models = values.get('models');
  const folds = foldsOption(values.get('folds'));
  return {
    target,
    task: task === undefined ? undefined : choiceOption('task', task, TASKS, 'classification'),
    features: features === undefined ? undefined : listOption(features).filter(name => name !== ''),
    models: models === undefined ? [...DEFAULT_MODELS] : modelsOption(models, modelIds()),
    holdout: numberOption('holdout', values.get('holdout'), 'holdout', DEFAULTS.holdout),
    seed: numberOption('seed', values.get('seed'), 'seed', DEFAULTS.seed),
    epochs: numberOption('epochs', values.get('epochs'), 'epochs', DEFAULTS.epochs),
    batchSize: numberOption('batch-size', values.get('batch-size'), 'batchSize', DEFAULTS.batchSize),
    learningRate: numberOption(
      'learning-rate',
      values.get('learning-rate'),
      'learningRate',
      DEFAULTS.learningRate
    ),
    backend: choiceOption('backend', values.get('backend'), BACKENDS, DEFAULTS.backend),
    skipRaggedRows: parsed.switches.has('skip-ragged-rows'),
    ...(folds === undefined ? {} : { folds })
  };
}

/** Fill in the task and features the panel would pick for this file and target. */
function completeConfig(settings: Settings, profile: IDatasetProfile): IWizardConfig {
  const { task, features, ...rest } = settings;
  return {
    ...rest,
    task: task ?? inferTask(profile, settings.target),
    features: features ?? defaultFeatures(profile, settings.target)
  };
}

function modelIds(): Array<keyof typeof MODEL_CATALOGUE> {
  return Object.keys(MODEL_CATALOGUE) as Array<keyof typeof MODEL_CATALOGUE>;
}

/** Remove the fitted models from `result`, which are large and only useful to reload. */
function dropArtifacts(result: IRunResult | null): void {
  for (const model of result?.models ?? []) {
    delete model.artifact;
  }
}

/** Write one line to standard error per run start and finished model. */
function reportProgress(message: Response, io: ICliIO): void {
  if (message.type === 'run-started') {
    const names = message.models.map(model => model.name).join(', ');
    io.stderr(`Training ${names} on the ${message.backend} backend.\n`);
  } else if (message.type === 'model-finished') {
    const { name, status, trainMs, error } = message.result;
    const seconds = (trainMs / 1000).toFixed(2);
    const outcome = status === 'succeeded' ? `succeeded in ${seconds} s` : `failed: ${error ?? ''}`;
    io.stderr(`  ${name} ${outcome}\n`);
  }
}

function writeReport(report: ITrainReport, json: boolean, io: ICliIO): void {
  if (json) {
    io.stdout(jsonText(report) + '\n');
    return;
  }
  if (report.result === null) {
    io.stderr(failureText(report));
    return;
  }
  io.stdout(resultText(report, report.result));
}

/** Explain why nothing was trained, for standard error. */
function failureText(report: ITrainReport): string {
  if (report.error !== null) {
    return `Training on '${report.file}' failed: ${report.error}\n`;
  }
  return [
    `Training did not start: the pre-flight checks of '${report.file}' found ` +
      `${countFindings(report.findings)}. Fix the errors and run the command again.`,
    indent(findingsTable(report.findings)),
    ...(report.findings.some(finding => finding.code === 'ragged-rows') ? [RAGGED_HINT] : [])
  ].join('\n') + '\n';
}

function validationText(config: IWizardConfig): string {
  return config.folds !== undefined && config.folds > 1
    ? `${config.folds}-fold cross-validation`
    : `holdout ${config.holdout}`;
}

/** Describe each fold's size and class counts, and each model's spread over the folds. */
function foldLines(result: IRunResult): string[] {
  const folds = result.folds ?? [];
  const lines = [`Metrics are means over ${folds.length} folds.`];
  folds.forEach((fold, index) => {
    let line = `Fold ${index + 1}: ${fold.trainRows} training / ${fold.validationRows} validation rows`;
    if (fold.classCounts !== null) {
      const { train, validation } = fold.classCounts;
      const counts = Object.keys(train).map(label => `${label} ${train[label]} / ${validation[label] ?? 0}`);
      line += `; class counts ${counts.join(', ')}`;
    }
    lines.push(line);
  });
  const metric = result.primaryMetric;
  for (const model of result.models) {
    const values = model.foldMetrics?.map(metrics => metrics[metric]);
    const std = model.metricsStd?.[metric];
    if (values !== undefined && std !== undefined) {
      const shown = values.map(value => (value === undefined ? '-' : value.toFixed(4))).join(', ');
      lines.push(`${model.name} ${metric} per fold: ${shown} (std ${std.toFixed(4)})`);
    }
  }
  return lines;
}

/** Number of features listed in the text output's importance line. */
const IMPORTANCE_SHOWN = 5;

/** Describe the most important features of the best model on one line, or return none without importance. */
function importanceLines(result: IRunResult): string[] {
  const best = result.models.find(model => model.id === result.best);
  const importance = best?.importance ?? [];
  if (best === undefined || importance.length === 0) {
    return [];
  }
  const listed = importance
    .slice(0, IMPORTANCE_SHOWN)
    .map(item => `${item.feature} ${item.importance.toFixed(4)} ± ${item.std.toFixed(4)}`);
  const more = importance.length > IMPORTANCE_SHOWN ? `, and ${importance.length - IMPORTANCE_SHOWN} more` : '';
  return [
    `Permutation importance of ${best.name} (drop in ${result.primaryMetric}): ${listed.join(', ')}${more}`
  ];
}

/** Render the leaderboard followed by the details of the run. */
function resultText(report: ITrainReport, result: IRunResult): string {
  const { config } = report;
  const lines = [
    leaderboardText(result, untranslated),
    '',
    `Backend: ${result.backend}`,
    `Settings: seed ${config.seed}, ${validationText(config)}, epochs ${config.epochs}, ` +
      `batch size ${config.batchSize}, learning rate ${config.learningRate}`,
    `Features (${config.features.length}): ${config.features.join(', ')}`
  ];
  if (result.folds !== undefined) {
    lines.push(...foldLines(result));
  } else if (result.classCounts !== null) {
    const { train, validation } = result.classCounts;
    const counts = Object.keys(train).map(label => `${label} ${train[label]} / ${validation[label] ?? 0}`);
    lines.push(`Class counts (training / validation): ${counts.join(', ')}`);
  }
  lines.push(...importanceLines(result));
  if (result.droppedTargetRows > 0) {
    lines.push(`Rows left out because the target is missing: ${result.droppedTargetRows}`);
  }
  if (result.imputed.length > 0) {
    const imputed = result.imputed.map(item => `${item.column} ${item.count} (${item.strategy})`);
    lines.push(`Imputed cells: ${imputed.join(', ')}`);
  }
  if (result.skippedLines.length > 0) {
    lines.push(`Skipped lines: ${shortLines(result.skippedLines)}`);
  }
  if (report.findings.length > 0) {
    lines.push(`Findings (${countFindings(report.findings)}):`, indent(findingsTable(report.findings)));
  }
  return lines.join('\n') + '\n';
}
