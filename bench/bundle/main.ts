/**
 * Bundle benchmark: raw and gzip size of the JavaScript JupyterLab loads at
 * startup from the built labextension, against everything the build emits.
 *
 * The startup set is the remote entry named in the labextension's
 * package.json plus the chunks its exposed modules ('./extension',
 * './style', './mimeExtension') load. The worker set is the chunk of the
 * training worker plus every chunk the worker's own runtime loads. The
 * remaining chunks of the page's chunk map load lazily. The script only
 * reads the build and never rebuilds it. Usage: `node main.js [LABEXTENSION_DIR]`.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

import { describeMachine, REPO_ROOT, writeResult } from '../common';

/** Exposed modules JupyterLab requests from an extension when it starts. */
const STARTUP_EXPOSES = ['./extension', './style', './mimeExtension'];

/** Name webpack/rspack gives the training worker's chunk (`webpackChunkName`). */
const WORKER_CHUNK = 'training-worker';

/** Text whose presence in a file means tfjs or plotly code is bundled in it. */
const MARKERS: Record<string, RegExp> = {
  tfjs: /@tensorflow\/tfjs|tfjs-core|TensorFlow\.js/g,
  // Event names that only the plotly.js library itself contains; the words
  // "plotly.js" also occur in the extension's own messages and import names.
  plotly: /plotly_relayout|plotly_afterplot|Plotly\.newPlot/gi
};

interface IFileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
  markers: Record<string, number>;
}

/** Map chunk id to file name from a runtime's `__webpack_require__.u` table. */
function chunkFiles(runtime: string): Map<string, string> {
  const table = /\{([^{}]*)\}\[\w+\]\s*\+\s*"\.js"/.exec(runtime);
  if (!table) {
    throw new Error('No chunk file name table found in the runtime chunk.');
  }
  const files = new Map<string, string>();
  for (const pair of table[1].matchAll(/"?([\w\-.]+)"?\s*:\s*"([0-9a-f]+)"/g)) {
    files.set(pair[1], `${pair[1]}.${pair[2]}.js`);
  }
  return files;
}

/** Chunk ids in `__webpack_require__.e(…)` calls (or minified `x.e(…)`) of `text`. */
function loadedChunks(text: string): string[] {
  return [...text.matchAll(/\.e\(\s*"?([\w\-.]+)"?\s*\)/g)].map(match => match[1]);
}

/** Chunk ids the exposed module `name` loads, read from its factory in the remote entry. */
function exposedChunks(remoteEntry: string, name: string): string[] {
  const start = remoteEntry.indexOf(`"${name}"`);
  if (start < 0) {
    return [];
  }
  const end = remoteEntry.indexOf('.then(', start);
  return loadedChunks(remoteEntry.slice(start, end));
}

function measureFile(dir: string, file: string): IFileSize {
  const content = fs.readFileSync(path.join(dir, file));
  const text = content.toString('utf8');
  const markers: Record<string, number> = {};
  for (const [name, pattern] of Object.entries(MARKERS)) {
    markers[name] = (text.match(pattern) ?? []).length;
  }
  return { file, bytes: content.length, gzipBytes: zlib.gzipSync(content).length, markers };
}

/** List the .wasm files the worker set refers to, with their sizes, leaving out stale files of older builds. */
function referencedWasm(dir: string, files: string[]) {
  const names = new Set<string>();
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const match of text.matchAll(/[\w-]+\.wasm/g)) {
      if (fs.existsSync(path.join(dir, match[0]))) {
        names.add(match[0]);
      }
    }
  }
  return [...names].map(name => ({ file: name, bytes: fs.statSync(path.join(dir, name)).size }));
}

function total(files: IFileSize[]) {
  return {
    files: files.length,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
    markers: Object.fromEntries(
      Object.keys(MARKERS).map(name => [name, files.reduce((sum, f) => sum + f.markers[name], 0)])
    )
  };
}

function main(): void {
  const labextension =
    process.argv[2] ?? path.join(REPO_ROOT, 'jupyterlab_training_wizard', 'labextension');
  const staticDir = path.join(labextension, 'static');
  const manifest = JSON.parse(fs.readFileSync(path.join(labextension, 'package.json'), 'utf8'));
  const entryFile = path.basename(manifest.jupyterlab._build.load);
  const remoteEntry = fs.readFileSync(path.join(staticDir, entryFile), 'utf8');
  const buildLog = JSON.parse(fs.readFileSync(path.join(labextension, 'build_log.json'), 'utf8'));
  const mode: string = buildLog[0]?.mode ?? 'unknown';

  const pageChunks = chunkFiles(remoteEntry);
  const startupIds = new Set(STARTUP_EXPOSES.flatMap(name => exposedChunks(remoteEntry, name)));
  const workerFile = pageChunks.get(WORKER_CHUNK);
  if (workerFile === undefined) {
    throw new Error(`No '${WORKER_CHUNK}' chunk in ${entryFile}; check the worker's webpackChunkName.`);
  }
  const worker = fs.readFileSync(path.join(staticDir, workerFile), 'utf8');
  const workerChunks = chunkFiles(worker);
  const workerIds = new Set(loadedChunks(worker));

  const startup = [entryFile, ...[...startupIds].map(id => pageChunks.get(id)!)];
  const workerSet = [workerFile, ...[...workerIds].map(id => workerChunks.get(id)!)];
  const lazy = [...pageChunks.entries()]
    .filter(([id]) => !startupIds.has(id) && id !== WORKER_CHUNK)
    .map(([, file]) => file);
  const emitted = new Set([...startup, ...workerSet, ...lazy]);
  const measure = (files: string[]) => files.map(file => measureFile(staticDir, file));
  const startupSizes = measure(startup);
  const all = total(measure([...emitted]));
  const startupTotal = total(startupSizes);

  const file = writeResult('bundle', {
    benchmark: 'bundle',
    machine: describeMachine(),
    labextension: path.relative(REPO_ROOT, labextension),
    buildMode: mode,
    builtAt: fs.statSync(path.join(staticDir, entryFile)).mtime.toISOString(),
    startup: { ...startupTotal, sizes: startupSizes },
    worker: { ...total(measure(workerSet)), sizes: measure(workerSet) },
    lazyPage: { ...total(measure(lazy)), sizes: measure(lazy) },
    allEmittedJs: all,
    wasm: referencedWasm(staticDir, workerSet),
    ratios: {
      startupOverAllRaw: startupTotal.bytes / all.bytes,
      startupOverAllGzip: startupTotal.gzipBytes / all.gzipBytes
    }
  });
  process.stderr.write(`wrote ${file}\n`);
}

main();
