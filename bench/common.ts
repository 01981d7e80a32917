/**
 * Helpers shared by the benchmark scripts: summary statistics, the machine
 * description, peak memory from /proc, and writing result files.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Repository root, three levels above `bench/build/bench/`. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Folder of the result files, `bench/results/`. */
export const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');

/** Median, spread and every sample of repeated measurements. */
export interface ISummary {
  median: number;
  min: number;
  max: number;
  /** Interquartile range, by linear interpolation between samples. */
  q1: number;
  q3: number;
  samples: number[];
}

/** Summarise samples. Throws on an empty list, which is a bug in the caller. */
export function summarise(samples: number[]): ISummary {
  if (samples.length === 0) {
    throw new Error('Cannot summarise an empty list of samples.');
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    samples
  };
}

function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/**
 * Summarise the ratios `a[i] / b[i]` of paired runs, so that slow drift of
 * the machine affects both sides of each ratio alike.
 */
export function pairedRatio(a: number[], b: number[]): ISummary {
  if (a.length !== b.length) {
    throw new Error(`Paired ratio needs equal run counts, got ${a.length} and ${b.length}.`);
  }
  return summarise(a.map((value, i) => value / b[i]));
}

/** Peak and current resident set size of this process, in MiB. */
export function memoryOfThisProcess(): { peakMiB: number; rssMiB: number } {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const field = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : NaN;
  };
  return { peakMiB: field('VmHWM'), rssMiB: field('VmRSS') };
}

/** Milliseconds elapsed since `start`, from `process.hrtime.bigint()`. */
export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The machine and software a result was measured on. */
export interface IMachine {
  cpuModel: string;
  nproc: number;
  memoryGiB: number;
  os: string;
  /** 1-minute load average when the benchmark finished. Other work on the machine widens the spread. */
  loadAverage1m: number;
  node: string;
  packages: Record<string, string>;
}

/** Describe this machine and the versions of the packages the benchmarks load. */
export function describeMachine(): IMachine {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo);
  const names = [
    '@tensorflow/tfjs-core',
    '@tensorflow/tfjs-layers',
    '@tensorflow/tfjs-backend-cpu',
    '@tensorflow/tfjs-backend-wasm',
    'papaparse',
    'typescript'
  ];
  const packages: Record<string, string> = {};
  for (const name of names) {
    const manifest = path.join(REPO_ROOT, 'node_modules', name, 'package.json');
    packages[name] = JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
  }
  return {
    cpuModel: model ? model[1].trim() : 'unknown',
    nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    loadAverage1m: os.loadavg()[0],
    node: process.version,
    packages
  };
}

/** Write `value` as JSON to `bench/results/<name>.json` and return the path. */
export function writeResult(name: string, value: unknown): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
  return file;
}

/** Read an integer from the environment, or `fallback` when it is unset. */
export function envInt(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') {
    return fallback;
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, got '${text}'.`);
  }
  return value;
}
