import * as tf from '@tensorflow/tfjs-core';

import { setupBackend } from '../../src/engine/backend';

describe('setupBackend', () => {
  let warn: jest.SpyInstance;

  beforeEach(() => {
    // tfjs and the wasm loader print their own warnings on failure.
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => {
    warn.mockRestore();
  });

  it('should use cpu when requested', async () => {
    expect(await setupBackend('cpu')).toEqual({ backend: 'cpu', note: null });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('should resolve auto to cpu under Node', async () => {
    expect(await setupBackend('auto')).toEqual({ backend: 'cpu', note: null });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('should fall back to cpu when wasm files are missing', async () => {
    const choice = await setupBackend('wasm', '/nonexistent-wasm-files/');

    expect(choice.backend).toBe('cpu');
    expect(choice.note).toBe(
      'The wasm backend failed to load (initialisation failed; check that the ' +
        '.wasm files are served from "/nonexistent-wasm-files/"); ' +
        'training on the cpu backend.'
    );
    expect(tf.getBackend()).toBe('cpu');
  });
});
