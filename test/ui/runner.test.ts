import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import * as path from 'path';

import { IRunProgress } from '../../src/core/session';
import { WorkerClient } from '../../src/engine/client';
import { DEFAULT_OPTIONS, WizardModel } from '../../src/ui/model';
import { IFinishedRun, RunController } from '../../src/ui/runner';
import { untranslated } from '../../src/notebook/format';
import { InProcessWorker } from '../helpers/inProcessWorker';

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
      expect(run.sha256).toBe(createHash('sha256').update(PENGUINS).digest('hex'));
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
});
