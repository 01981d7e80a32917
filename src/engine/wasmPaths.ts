/**
 * URLs of the tfjs wasm binaries, emitted as assets of the extension bundle.
 * `scripts/copy-wasm.js` copies them next to the compiled module, because the
 * bundler resolves `new URL(..., import.meta.url)` relative to this file.
 */
export const WASM_PATHS: Record<string, string> = {
  'tfjs-backend-wasm.wasm': new URL(
    './wasm/tfjs-backend-wasm.wasm',
    import.meta.url
  ).href,
  'tfjs-backend-wasm-simd.wasm': new URL(
    './wasm/tfjs-backend-wasm-simd.wasm',
    import.meta.url
  ).href,
  'tfjs-backend-wasm-threaded-simd.wasm': new URL(
    './wasm/tfjs-backend-wasm-threaded-simd.wasm',
    import.meta.url
  ).href
};
