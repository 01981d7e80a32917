#!/usr/bin/env node
/**
 * Entry point of the headless `training-wizard` command: `inspect` and
 * `train` run the engine of the panel's worker in Node.
 *
 * #### Notes
 * The browser build type-checks this folder without Node types, so the few
 * Node globals used here are declared locally below instead of importing
 * `fs` or `process`. The bin runs from the CommonJS build of
 * `tsconfig.cli.json`, because the ES module copy in `lib/cli` that the
 * browser build emits does not run under Node.
 */
import { UsageError } from './args';
import { MAIN_HELP } from './help';
import { runInspect } from './inspectCommand';
import { ICliIO } from './io';
import { runTrain } from './trainCommand';

export type { ICliIO } from './io';

/** Exit code of an invalid command line or an unreadable file. */
export const USAGE_EXIT_CODE = 2;

/**
 * Run the CLI with `argv`, the arguments after the program name, and return
 * the exit code: 0 success, 1 errors in the data or the run, 2 usage errors.
 *
 * Never rejects: an unexpected exception is written to `io.stderr` and
 * gives exit code 1.
 */
export async function main(argv: string[], io: ICliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'inspect':
        return await runInspect(rest, io);
      case 'train':
        return await runTrain(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.stdout(MAIN_HELP);
        return 0;
      case undefined:
        io.stderr(MAIN_HELP);
        return USAGE_EXIT_CODE;
      default:
        throw new UsageError(
          `Unknown command '${command}'. Use 'inspect' or 'train'; ` +
            "run 'training-wizard --help' for usage."
        );
    }
  } catch (reason) {
    if (reason instanceof UsageError) {
      io.stderr(`training-wizard: ${reason.message}\n`);
      return USAGE_EXIT_CODE;
    }
    const detail = reason instanceof Error ? reason.stack ?? reason.message : String(reason);
    io.stderr(`training-wizard: failed unexpectedly: ${detail}\n`);
    return 1;
  }
}

/** The parts of Node's `process` this file uses. */
interface INodeProcess {
  argv: string[];
  exitCode?: number;
  stdout: { write(text: string): boolean };
  stderr: { write(text: string): boolean };
}

/** The parts of Node's `fs` module this file uses. */
interface INodeFileSystem {
  promises: {
    open(path: string, flags: 'r'): Promise<{
      stat(): Promise<{ isDirectory(): boolean }>;
      close(): Promise<void>;
    }>;
  };
  openAsBlob(path: string): Promise<Blob>;
}

/**
 * Open a file as a Blob backed by the file on disk. `openAsBlob` reports a
 * missing file or a folder without a Node error code, so the file is opened
 * once first to get one.
 */
async function openFile(fs: INodeFileSystem, path: string): Promise<Blob> {
  const handle = await fs.promises.open(path, 'r');
  try {
    if ((await handle.stat()).isDirectory()) {
      throw Object.assign(new Error(`EISDIR: '${path}' is a directory`), { code: 'EISDIR' });
    }
  } finally {
    await handle.close();
  }
  return fs.openAsBlob(path);
}

// Variables of the CommonJS module scope, undefined when this file runs as an ES module.
declare const require: (((id: string) => unknown) & { main?: unknown }) | undefined;
declare const module: unknown;

/** Build the input and output of the real process. */
export function nodeIO(): ICliIO {
  const nodeProcess = (globalThis as unknown as { process: INodeProcess }).process;
  const fs = require!('fs') as INodeFileSystem;
  return {
    stdout: text => void nodeProcess.stdout.write(text),
    stderr: text => void nodeProcess.stderr.write(text),
    openFile: path => openFile(fs, path)
  };
}

if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  const nodeProcess = (globalThis as unknown as { process: INodeProcess }).process;
  // Setting exitCode instead of calling exit() lets buffered output drain.
  void main(nodeProcess.argv.slice(2), nodeIO()).then(code => {
    nodeProcess.exitCode = code;
  });
}
