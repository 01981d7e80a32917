/**
 * Bundle a compiled benchmark script into one browser file with webpack, for
 * the benchmarks that run engine code in Chromium.
 */
import * as path from 'path';
import webpack from 'webpack';

/**
 * Bundle `entry` into `dir/filename` for `target`. `label` names the script
 * in the error thrown when bundling fails.
 */
export async function bundleForBrowser(options: {
  entry: string;
  dir: string;
  filename: string;
  target: 'web' | 'webworker';
  label: string;
}): Promise<string> {
  const compiler = webpack({
    mode: 'production',
    target: options.target,
    devtool: false,
    entry: options.entry,
    output: { path: options.dir, filename: options.filename },
    // tsc turns the dynamic import of the wasm backend into a require, so the
    // bundle is one file. Node built-ins are on paths a browser never runs.
    resolve: { fallback: { fs: false, path: false, os: false, crypto: false, worker_threads: false, perf_hooks: false } },
    // Minifying tfjs takes long and does not change what the code does.
    optimization: { minimize: false },
    performance: { hints: false }
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => {
    compiler.run((error, result) => (error || !result ? reject(error) : resolve(result)));
  });
  await new Promise<void>(resolve => compiler.close(() => resolve()));
  if (stats.hasErrors()) {
    throw new Error(`Bundling the ${options.label} failed:\n${stats.toString('errors-only')}`);
  }
  return path.join(options.dir, options.filename);
}
