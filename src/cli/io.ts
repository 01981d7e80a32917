/**
 * Parts shared by both commands: the injectable input and output of the CLI,
 * reading the data file, and the requests sent to the engine pipeline.
 */
import { IDatasetProfile, IFinding, IWizardConfig } from '../core/types';
import { IReadOptions } from '../data/csv';
import { handleRequest, IPipelineEnv } from '../engine/pipeline';
import { ITrainRequest, Request, Response } from '../engine/protocol';
import { delimiterOption, IParsedArgs, listOption, UsageError } from './args';

/** Input and output of the CLI, injectable so tests can pass their own. */
export interface ICliIO {
  /** Write `text`, which carries its own line breaks, to standard output. */
  stdout(text: string): void;
  /** Write `text`, which carries its own line breaks, to standard error. */
  stderr(text: string): void;
  /**
   * Open a file as a Blob that reads from disk as it is consumed. Rejects on
   * failure, with a Node-style `code` such as `ENOENT` when one is known.
   */
  openFile(path: string): Promise<Blob>;
}

/** The read options shared by both commands: `--delimiter`, `--missing`, `--skip-ragged-rows`. */
export const READ_OPTIONS = {
  delimiter: 'value',
  missing: 'value',
  'skip-ragged-rows': 'switch'
} as const;

/**
 * Open the data file at `path` as a Blob, which the engine reads in chunks.
 *
 * Throws `UsageError` naming the path and the fix when the file is missing,
 * is a directory or cannot be read.
 */
export async function openDataFile(io: ICliIO, path: string): Promise<Blob> {
  try {
    return await io.openFile(path);
  } catch (reason) {
    const code = (reason as { code?: unknown }).code;
    if (code === 'ENOENT') {
      throw new UsageError(
        `File '${path}' was not found. Check the path, which is relative to the current directory.`
      );
    }
    if (code === 'EISDIR') {
      throw new UsageError(`'${path}' is a directory. Name a CSV or TSV file instead.`);
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new UsageError(`File '${path}' cannot be read: permission denied. Check its permissions.`);
    }
    const detail = reason instanceof Error ? reason.message : String(reason);
    throw new UsageError(`Failed to read file '${path}': ${detail}`);
  }
}

/** Build the CSV read options from the parsed command line. */
export function readOptionsOf(parsed: IParsedArgs): IReadOptions {
  const options: IReadOptions = {
    skipRaggedRows: parsed.switches.has('skip-ragged-rows')
  };
  const delimiter = parsed.values.get('delimiter');
  if (delimiter !== undefined) {
    options.delimiter = delimiterOption(delimiter);
  }
  const missing = parsed.values.get('missing');
  if (missing !== undefined) {
    options.missingMarkers = listOption(missing);
  }
  return options;
}

/**
 * A conversation with the engine pipeline in this process, the same code
 * path the training worker runs. Requests share one pipeline environment,
 * so a `check` applies to the file of the last `inspect`.
 */
export class EngineSession {
  constructor(env: IPipelineEnv = {}) {
    this._env = { inspected: null, ...env };
  }

  /** Read and profile a file. Throws with the engine's message on failure. */
  async inspect(fileName: string, file: Blob, options: IReadOptions): Promise<IDatasetProfile> {
    const messages = await this.send({ type: 'inspect', requestId: 1, fileName, file, options });
    const profile = messages.find(message => message.type === 'profile');
    if (profile?.type !== 'profile') {
      throw new Error(errorOf(messages, 'Inspecting the file'));
    }
    return profile.profile;
  }

  /** Run the pre-flight checks of `config` on the inspected file. */
  async check(config: IWizardConfig): Promise<IFinding[]> {
    const messages = await this.send({ type: 'check', requestId: 2, config });
    const findings = messages.find(message => message.type === 'findings');
    if (findings?.type !== 'findings') {
      throw new Error(errorOf(messages, 'Checking the configuration'));
    }
    return findings.findings;
  }

  /**
   * Return the inspected table and its profile, for a `train` request.
   * Throws when no file has been inspected.
   */
  async exportTable(): Promise<Pick<ITrainRequest, 'table' | 'profile'>> {
    const messages = await this.send({ type: 'export', requestId: 3 });
    const table = messages.find(message => message.type === 'table');
    if (table?.type !== 'table') {
      throw new Error(errorOf(messages, 'Exporting the table'));
    }
    return { table: table.table, profile: table.profile };
  }

  /**
   * Send `request` and collect every response, passing each to `onMessage`
   * as it arrives. Resolves when the pipeline has finished the request.
   */
  async send(request: Request, onMessage?: (message: Response) => void): Promise<Response[]> {
    const messages: Response[] = [];
    await handleRequest(
      request,
      message => {
        messages.push(message);
        onMessage?.(message);
      },
      this._env
    );
    return messages;
  }

  private _env: IPipelineEnv;
}

/** Return the message of the pipeline's `error` response, or a generic one naming `step`. */
export function errorOf(messages: Response[], step: string): string {
  const error = messages.find(message => message.type === 'error');
  return error?.type === 'error' ? error.message : `${step} returned no result.`;
}
