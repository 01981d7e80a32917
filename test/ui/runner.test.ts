import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import * as path from 'path';

import { IRunProgress } from '../../src/core/session';
import { WorkerClient } from '../../src/engine/client';
import { DEFAULT_OPTIONS, WizardModel } from '../../src/ui/model';
import { IFinishedRun, RunController } from '../../src/ui/runner';
import { untranslated } from '../../src/notebook/format';
import { InProcessWorker } from '../helpers/inProcessWorker';
import { MemoryStorage } from '../helpers/memoryStorage';
import { RunCache } from '../../src/ui/cache';

const PENGUINS = readFileSync(
  path.join(__dirname, '..', '..', 'examples', 'penguins.csv'),
  'utf8'
);

/** Create a model with penguins loaded, `species` chosen and fast settings. */
async function loadedModel(): Promise<WizardModel> {
  const model = new WizardModel({
    client: new WorkerClient({
      spawn: () => new InProcessWorker() as unknown as Worker
    }),
    defaults: { ...DEFAULT_OPTIONS, epochs: 3, backend: 'cpu' }
  });
  await model.loadFile({ path: 'penguins.csv', name: 'penguins.csv', size: 1 }, PENGUINS);
  await model.setTarget('species');
  return model;
}

function finished(runner: RunController): Promise<IFinishedRun> {
  return new Promise(resolve => {
    runner.succeeded.connect((_, run) => resolve(run));
  });
}

describe('RunController', () => {
  let model: WizardModel;
  let runner: RunController;

  beforeEach(async () => {
    model = await loadedModel();
    runner = new RunController({ model, trans: untranslated });
  });

  afterEach(() => {
    runner.dispose();
    model.dispose();
  });

  describe('#start', () => {
    it('should run to success once', async () => {
      const progress: IRunProgress[] = [];
      model.session.progressChanged.connect((_, item) => progress.push(item));
      const done = finished(runner);
      expect(runner.start()).toBe(true);
      const run = await done;
      expect(model.session.state).toBe('succeeded');
      expect(run.result.models).toHaveLength(3);
      expect(run.dataHash).toBe(createHash('sha256').update(PENGUINS).digest('hex'));
      expect(model.step).toBe('evaluate');
      const fractions = progress.map(item => item.fraction);
      expect(fractions.every((value, i) => i === 0 || value >= fractions[i - 1])).toBe(true);
      expect(Math.max(...fractions)).toBeLessThanOrEqual(1);
      expect(model.client.isTraining).toBe(false);
    });

    it('should reject a second start while running', () => {
      expect(runner.start()).toBe(true);
      expect(runner.start()).toBe(false);
      expect(model.notice?.text).toBe('Training is already running.');
      expect(model.session.runId).toBe(1);
    });

    it('should ask for restart after a finished run', async () => {
      const done = finished(runner);
      runner.start();
      await done;
      expect(runner.start()).toBe(false);
      expect(model.notice?.text).toBe('Press Restart before starting another run.');
      runner.restart();
      expect(model.session.state).toBe('idle');
      expect(model.step).toBe('train');
    });
  });

  describe('new data', () => {
    it('should return a finished run to idle', async () => {
      const done = finished(runner);
      runner.start();
      await done;
      expect(model.session.state).toBe('succeeded');
      await model.loadFile({ path: 'other.csv', name: 'other.csv', size: 1 }, PENGUINS);
      expect(model.session.state).toBe('idle');
      expect(model.session.result).toBeNull();
    });
  });

  describe('#cancel', () => {
    it('should stop the worker and keep finished models', async () => {
      runner.start();
      await new Promise<void>(resolve => {
        model.session.progressChanged.connect((_, item) => {
          if (item.modelName !== 'Baseline') {
            resolve();
          }
        });
      });
      runner.cancel();
      expect(model.session.state).toBe('cancelled');
      expect(model.client.isTraining).toBe(false);
      const partial = model.session.result;
      expect(partial?.partial).toBe(true);
      expect(partial?.models.map(item => item.id)).toEqual(['baseline']);
    });
  });

  describe('with a cache', () => {
    let cache: RunCache;

    beforeEach(() => {
      runner.dispose();
      cache = new RunCache({ storage: new MemoryStorage(), maxEntries: () => 5 });
      runner = new RunController({ model, trans: untranslated, cache });
    });

    async function trainAndStore(): Promise<IFinishedRun> {
      const done = finished(runner);
      runner.start();
      const run = await done;
      await cache.put({
        runKey: run.runKey,
        config: run.config,
        result: run.result,
        data: { name: 'penguins.csv', path: 'penguins.csv', size: 1, sha256: run.dataHash },
        readOptions: run.readOptions,
        finished: '2026-12-01T10:00:00.000Z',
        notebookPath: '',
        written: false
      });
      runner.restart();
      return run;
    }

    it('should show a cached run without starting a worker', async () => {
      const first = await trainAndStore();
      expect(first.cached).toBeNull();
      let trained = false;
      const train = model.client.train.bind(model.client);
      model.client.train = (...args) => {
        trained = true;
        return train(...args);
      };
      const done = finished(runner);
      expect(runner.start()).toBe(true);
      const second = await done;
      expect(trained).toBe(false);
      expect(second.runKey).toBe(first.runKey);
      expect(second.cached?.finished).toBe('2026-12-01T10:00:00.000Z');
      expect(second.result).toEqual(first.result);
      expect(model.session.state).toBe('succeeded');
      expect(model.notice?.text).toMatch(/^Shown from the cache/);
    });

    it('should train again when asked not to use the cache', async () => {
      await trainAndStore();
      const done = finished(runner);
      runner.start({ useCache: false });
      const run = await done;
      expect(run.cached).toBeNull();
      expect(run.result.models).toHaveLength(3);
    });

    it('should miss the cache after a configuration change', async () => {
      const first = await trainAndStore();
      await model.setModels(['baseline']);
      const done = finished(runner);
      runner.start();
      const run = await done;
      expect(run.cached).toBeNull();
      expect(run.runKey).not.toBe(first.runKey);
    });
  });
});
