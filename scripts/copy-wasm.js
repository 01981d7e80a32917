// Copy the tfjs wasm binaries next to the compiled worker code, where
// `lib/engine/wasmPaths.js` references them for the bundler.
const fs = require('fs');
const path = require('path');

const source = path.dirname(
  require.resolve('@tensorflow/tfjs-backend-wasm/package.json')
);
const target = path.join(__dirname, '..', 'lib', 'engine', 'wasm');
fs.mkdirSync(target, { recursive: true });
for (const name of [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm'
]) {
  fs.copyFileSync(path.join(source, 'dist', name), path.join(target, name));
}
