/**
 * Start and stop the `jupyter lab` server that the browser benchmarks drive,
 * on 127.0.0.1 only, with no token, stopped by its own PID.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';

/** Options of the server: program, port, root folder and log. */
export interface IJupyterOptions {
  /** Path of the `jupyter` program. */
  jupyter: string;
  port: number;
  rootDir: string;
  logFile: string;
  /** Prefix of the progress lines written to stderr, such as `page`. */
  label: string;
}

/** Start `jupyter lab` and wait up to 60 s until its REST API responds. */
export async function startJupyter(options: IJupyterOptions): Promise<ChildProcess> {
  const { jupyter, port, rootDir, logFile, label } = options;
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = fs.openSync(logFile, 'w');
  const server = spawn(
    jupyter,
    [
      'lab',
      '--ServerApp.ip=127.0.0.1',
      `--ServerApp.port=${port}`,
      '--ServerApp.port_retries=0',
      `--ServerApp.root_dir=${rootDir}`,
      "--IdentityProvider.token=''",
      "--ServerApp.password=''",
      '--ServerApp.disable_check_xsrf=True',
      '--LabApp.expose_app_in_browser=True',
      '--no-browser',
      '--allow-root'
    ],
    { stdio: ['ignore', log, log] }
  );
  process.stderr.write(`${label}: jupyter lab started, PID ${server.pid}, log ${logFile}\n`);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`jupyter lab exited with code ${server.exitCode}; see ${logFile}.`);
    }
    const ready = await fetch(`${baseUrl}/api/status`).then(
      reply => reply.ok,
      () => false
    );
    if (ready) {
      return server;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  process.kill(server.pid!, 'SIGTERM');
  throw new Error(`Timed out after 60 s waiting for jupyter lab on ${baseUrl}; see ${logFile}.`);
}

/** Send SIGTERM to the server by its PID, and SIGKILL when it is still running 15 s later. */
export async function stopJupyter(server: ChildProcess, label: string): Promise<void> {
  if (server.exitCode !== null) {
    return;
  }
  const exited = new Promise<void>(resolve => server.once('exit', () => resolve()));
  process.kill(server.pid!, 'SIGTERM');
  await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 15_000))]);
  if (server.exitCode === null && server.signalCode === null) {
    process.stderr.write(`${label}: jupyter lab (PID ${server.pid}) still running after SIGTERM, sending SIGKILL\n`);
    process.kill(server.pid!, 'SIGKILL');
  }
}
