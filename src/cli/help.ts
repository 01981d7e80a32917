/**
 * Help text of `training-wizard` and its commands. Defaults and ranges come
 * from `core/config.ts`, so the help cannot drift from what is applied.
 */
import { DEFAULT_MODELS, DEFAULTS, FOLD_LIMITS, LIMITS } from '../core/config';
import { MODEL_CATALOGUE } from '../engine/models';

/** Every model id, as an English list: "a, b and c". */
const MODEL_LIST = ((ids: string[]) => `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`)(
  Object.keys(MODEL_CATALOGUE)
);

const READ_OPTIONS_HELP = `  --delimiter D        Field delimiter: one character, or tab, comma, semicolon,
                       pipe or space. Detected from the file when absent.
  --missing A,B,C      Cell texts read as missing values, replacing the default
                       list (empty, NA, N/A, NaN, nan, null, NULL, ?, -, None).
  --skip-ragged-rows   Skip rows whose number of fields differs from the
                       header's, instead of reporting them as an error.`;

/** Help of `training-wizard` without a command. */
export const MAIN_HELP = `Usage: training-wizard COMMAND [OPTIONS]

Train TensorFlow.js models on a CSV or TSV file with the engine of the
JupyterLab Training Wizard, without JupyterLab.

Commands:
  inspect FILE    Show the delimiter, columns and problems found in a file.
  train FILE      Train models for a target column and print the leaderboard.

Run 'training-wizard COMMAND --help' for the options of a command.

Exit codes: 0 success, 1 errors found in the data or the run,
2 invalid command line or unreadable file.
`;

/** Help of `training-wizard inspect`. */
export const INSPECT_HELP = `Usage: training-wizard inspect FILE [OPTIONS]

Read FILE (UTF-8), then print the detected delimiter, the number of data
rows, every column with its inferred type and the reason for it, and the
findings about the file.

Options:
  --target COLUMN      Also run the pre-flight checks of the default
                       configuration for predicting COLUMN.
${READ_OPTIONS_HELP}
  --json               Print one JSON object instead of text.
  -h, --help           Show this help.

Exit codes: 0 no error found, 1 at least one finding is an error,
2 invalid command line or unreadable file.
`;

/** Help of `training-wizard train`. */
export const TRAIN_HELP = `Usage: training-wizard train FILE --target COLUMN [OPTIONS]

Train models on FILE (UTF-8) to predict COLUMN, with the engine the
JupyterLab panel runs in its worker, and print the leaderboard. Progress
goes to standard error.

Options:
  --target COLUMN      Column to predict. Required.
  --task TASK          classification or regression. Defaults to the panel's
                       guess: regression for a numeric column with many
                       distinct values, classification otherwise.
  --features A,B,C     Feature columns. Defaults to every column except the
                       target and identifier, constant, empty, free-text and
                       high-cardinality columns.
  --models A,B,C       Models to train, in order, from ${MODEL_LIST}.
                       Defaults to ${DEFAULT_MODELS.join(',')}.
  --holdout F          Fraction of rows held out for validation, from
                       ${LIMITS.holdout.min} to ${LIMITS.holdout.max}. Defaults to ${DEFAULTS.holdout}.
  --folds K            Cross-validate on K folds, from ${FOLD_LIMITS.min} to ${FOLD_LIMITS.max}, instead of a
                       hold-out split: each model trains K times and its
                       metrics are the means over the folds. Folds are
                       stratified by class for classification. --holdout is
                       then ignored. Defaults to a hold-out split.
  --seed N             Seed of the split, shuffles and initial weights, an
                       integer from ${LIMITS.seed.min} to ${LIMITS.seed.max}. Defaults to ${DEFAULTS.seed}.
  --epochs N           Maximum epochs per network, from ${LIMITS.epochs.min} to ${LIMITS.epochs.max}.
                       Defaults to ${DEFAULTS.epochs}.
  --batch-size N       Rows per batch, from ${LIMITS.batchSize.min} to ${LIMITS.batchSize.max}. Defaults to ${DEFAULTS.batchSize}.
  --learning-rate X    Learning rate of the Adam optimizer, from ${LIMITS.learningRate.min}
                       to ${LIMITS.learningRate.max}. Defaults to ${DEFAULTS.learningRate}.
  --backend NAME       TensorFlow.js backend: cpu, wasm or auto. Defaults to
                       ${DEFAULTS.backend}, which is cpu under Node.
${READ_OPTIONS_HELP}
  --json               Print one JSON object with the configuration, the
                       pre-flight findings and the full run result, with
                       each model's validation predictions and permutation
                       importance but without its fitted model. NaN and
                       infinite numbers are written as null.
  --artifacts          With --json, also include each fitted model (network
                       topology and base64 weights, forest JSON or the
                       baseline's constant). The output grows by the size
                       of the models.
  -h, --help           Show this help.

Exit codes: 0 at least one model succeeded, 1 pre-flight errors, a failed
run or every model failed, 2 invalid command line or unreadable file.
`;
