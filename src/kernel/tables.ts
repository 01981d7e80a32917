/**
 * Tables the wizard hands to a kernel and the size check of a DataFrame the
 * wizard brings into the page. Pure.
 */
import { compareModels } from '../core/results';
import { IRunResult } from '../core/types';
import { IDataFrameInfo } from './messages';

/** Columns and rows of a table, the arguments of `pandas.DataFrame(rows, columns=...)`. */
export interface ITable {
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

/**
 * Build the leaderboard table: one row per model in rank order with the
 * columns `rank`, `model`, `name`, `status`, every metric any model reports
 * (sorted by name), `train_seconds` and `error`. Failed models get no rank.
 */
export function leaderboardTable(result: IRunResult): ITable {
  const ranked = [...result.models].sort((a, b) =>
    compareModels(a, b, result.primaryMetric, result.higherIsBetter)
  );
  const metrics = [...new Set(ranked.flatMap(model => Object.keys(model.metrics)))].sort();
  const columns = ['rank', 'model', 'name', 'status', ...metrics, 'train_seconds', 'error'];
  let rank = 0;
  const rows = ranked.map(model => {
    const succeeded = model.status === 'succeeded';
    if (succeeded) {
      rank += 1;
    }
    return [
      succeeded ? rank : null,
      model.id,
      model.name,
      model.status,
      ...metrics.map(metric => model.metrics[metric] ?? null),
      model.trainMs / 1000,
      model.error ?? null
    ];
  });
  return { columns, rows };
}

/**
 * Build the validation predictions in long form: one row per model and
 * validation row, with `model`, `row` (0-based data row), `actual`,
 * `predicted` and, for classification, one `proba_<class>` column per class.
 * Class indexes become the class labels. Returns null when no model carries
 * predictions.
 */
export function predictionsTable(result: IRunResult): ITable | null {
  const withPredictions = result.models.filter(model => model.predictions);
  if (withPredictions.length === 0) {
    return null;
  }
  const classes = result.task === 'classification' ? (result.classes ?? []) : [];
  const hasProbabilities = withPredictions.some(model => model.predictions?.probabilities);
  const probabilityColumns = hasProbabilities ? classes.map(label => `proba_${label}`) : [];
  const columns = ['model', 'row', 'actual', 'predicted', ...probabilityColumns];
  const label = (value: number): string | number =>
    classes.length > 0 ? (classes[value] ?? value) : value;
  const rows: ITable['rows'] = [];
  for (const model of withPredictions) {
    const predictions = model.predictions!;
    predictions.rows.forEach((row, index) => {
      const probabilities = probabilityColumns.map(
        (_, classIndex) => predictions.probabilities?.[index]?.[classIndex] ?? null
      );
      rows.push([
        model.id,
        row,
        label(predictions.actual[index]),
        label(predictions.predicted[index]),
        ...probabilities
      ]);
    });
  }
  return { columns, rows };
}

/**
 * Largest DataFrame, in bytes of `memory_usage(deep=True)` for the rows that
 * would be sent, that the wizard brings into the page. The page keeps the
 * CSV text, its parsed rows and the worker's copy in memory at the same
 * time, so a frame of this size needs an estimated few GiB in the browser tab.
 */
export const MAX_FRAME_BYTES = 512 * 2 ** 20;

/** Rows and estimated memory that bringing a DataFrame into the page would send. */
export interface ITransferPlan {
  /** Rows that would be sent: all of them, or the row limit. */
  rows: number;
  /** Whether the DataFrame has more rows than the row limit. */
  limited: boolean;
  /** Estimated memory of the rows sent, in bytes, scaled from the whole DataFrame. */
  estimatedBytes: number;
  /** Whether the estimate is above `maxBytes`, so the transfer is refused. */
  tooLarge: boolean;
}

/** Plan the transfer of `frame` under `rowLimit` rows and `maxBytes` of memory. */
export function planTransfer(
  frame: IDataFrameInfo,
  rowLimit: number,
  maxBytes: number = MAX_FRAME_BYTES
): ITransferPlan {
  const limited = frame.rows > rowLimit;
  const rows = limited ? rowLimit : frame.rows;
  const estimatedBytes =
    frame.rows === 0 ? frame.memory : Math.round((frame.memory * rows) / frame.rows);
  return { rows, limited, estimatedBytes, tooLarge: estimatedBytes > maxBytes };
}

/**
 * Largest push expression, in bytes, including the base64 helper and
 * tables. Jupyter Server
 * accepts websocket messages up to tornado's default `max_message_size` of
 * 10 MiB, so a larger execute request would be dropped.
 */
export const MAX_PUSH_BYTES = 8 * 2 ** 20;
