import { setupBackend } from '../../src/engine/backend';
import { EpochThrottle, EPOCH_MESSAGE_INTERVAL_MS } from '../../src/engine/throttle';
import { configFor, readText, runPipeline } from './helpers';

describe('EpochThrottle', () => {
  describe('#shouldSend', () => {
    it('should send at most one epoch per interval', () => {
      let clock = 0;
      const throttle = new EpochThrottle(() => clock);
      let sent = 0;

      // 1000 epochs of 3 ms each for one model: 3000 ms in all.
      for (let epoch = 0; epoch < 1000; epoch++) {
        clock += 3;
        sent += throttle.shouldSend('mlp') ? 1 : 0;
      }

      expect(sent).toBeLessThanOrEqual(3000 / EPOCH_MESSAGE_INTERVAL_MS + 1);
      expect(sent).toBeGreaterThanOrEqual(3000 / EPOCH_MESSAGE_INTERVAL_MS - 1);
    });

    it('should always send the first epoch of a model', () => {
      let clock = 0;
      const throttle = new EpochThrottle(() => clock);

      expect(throttle.shouldSend('linear')).toBe(true);
      clock += 1;
      expect(throttle.shouldSend('linear')).toBe(false);
      expect(throttle.shouldSend('mlp')).toBe(true);
      clock += 1;
      expect(throttle.shouldSend('mlp')).toBe(false);
      clock += EPOCH_MESSAGE_INTERVAL_MS;
      expect(throttle.shouldSend('mlp')).toBe(true);
    });

    it('should bound many fast models', () => {
      let clock = 0;
      const throttle = new EpochThrottle(() => clock, 100);
      let sent = 0;

      // 3 models of 1000 epochs of 1 ms: 3000 ms in all.
      for (const model of ['a', 'b', 'c']) {
        for (let epoch = 0; epoch < 1000; epoch++) {
          clock += 1;
          sent += throttle.shouldSend(model) ? 1 : 0;
        }
      }

      expect(sent).toBeLessThanOrEqual(3000 / 100 + 3);
    });
  });
});

describe('handleRequest', () => {
  let warn: jest.SpyInstance;

  beforeAll(async () => {
    // The cpu backend suggests installing tfjs-node on its first use in Node.
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await setupBackend('cpu');
  });

  afterAll(() => {
    warn.mockRestore();
  });

  it('should throttle epoch messages', async () => {
    const text = readText('examples/penguins.csv');
    const config = configFor(text, 'species', 'classification', {
      models: ['linear', 'mlp'],
      epochs: 40,
      folds: 2
    });
    // Every reading of the clock advances it 7 ms, so epochs look fast and steady.
    let clock = 0;
    const now = () => (clock += 7);

    const { messages, result } = await runPipeline(text, config, { now });

    const epochs = messages.filter(message => message.type === 'epoch-ended');
    const trained = result!.models.reduce(
      (sum, model) => sum + model.history.length * 2,
      0
    );
    expect(trained).toBeGreaterThan(epochs.length);
    expect(epochs.length).toBeLessThanOrEqual(clock / EPOCH_MESSAGE_INTERVAL_MS + 2);
    const firsts = epochs.filter(message => message.epoch === 1 && message.fold === 1);
    expect(firsts.map(message => message.modelId)).toEqual(['linear', 'mlp']);
    for (const message of epochs) {
      expect(message.remainingMs).toBeGreaterThanOrEqual(0);
    }
  });
});
