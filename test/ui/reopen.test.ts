import { readFileSync } from 'fs';
import * as path from 'path';

import { WorkerClient } from '../../src/engine/client';
import { IStoredRun } from '../../src/notebook/metadata';
import { untranslated } from '../../src/notebook/format';
import { RunCache } from '../../src/ui/cache';
import { DEFAULT_OPTIONS, WizardModel } from '../../src/ui/model';
import { ReopenOutcome, RunReopener } from '../../src/ui/reopen';
import { IFinishedRun, RunController } from '../../src/ui/runner';
import { InProcessWorker } from '../helpers/inProcessWorker';
import { MemoryStorage } from '../helpers/memoryStorage';

const PENGUINS = readFileSync(
  path.join(__dirname, '..', '..', 'examples', 'penguins.csv'),
  'utf8'
);

describe('RunReopener', () => {
  let model: WizardModel;
  let runner: RunController;
  let cache: RunCache;
  let files: Map<string, string>;
  let reopener: RunReopener;
  let stored: IStoredRun;

  function newPanel(): void {
    model?.dispose();
    runner?.dispose();
    model = new WizardModel({
      client: new WorkerClient({
        spawn: () => new InProcessWorker() as unknown as Worker
      }),
      defaults: { ...DEFAULT_OPTIONS, epochs: 2, backend: 'cpu' }
    });
    runner = new RunController({ model, trans: untranslated, cache });
    reopener = new RunReopener({
      model,
      runner,
      cache,
      trans: { __: untranslated } as never,
      loadFile: async (filePath, name) => {
        const text = files.get(filePath);
        if (text === undefined) {
          return false;
        }
        await model.loadFile({ path: filePath, name, size: text.length }, text);
        return true;
      }
    });
  }

  beforeEach(async () => {
    files = new Map([['data/penguins.csv', PENGUINS]]);
    cache = new RunCache({ storage: new MemoryStorage(), maxEntries: () => 10 });
    newPanel();
    await model.loadFile({ path: 'data/penguins.csv', name: 'penguins.csv', size: 1 }, PENGUINS);
    await model.setTarget('species');
    await model.setModels(['baseline', 'linear']);
    await model.setOption('seed', 7);
    const done = new Promise<IFinishedRun>(resolve =>
      runner.succeeded.connect((_, run) => resolve(run))
    );
    runner.start();
    const run = await done;
    await cache.put({
      runKey: run.runKey,
      config: run.config,
      result: run.result,
      data: { name: 'penguins.csv', path: 'data/penguins.csv', size: 1, sha256: run.dataHash },
      readOptions: run.readOptions,
      finished: '2026-12-01T10:00:00.000Z',
      notebookPath: 'a.ipynb',
      written: true
    });
    stored = {
      runKey: run.runKey,
      config: run.config,
      data: { name: 'penguins.csv', path: 'data/penguins.csv', size: 1, sha256: run.dataHash },
      readOptions: run.readOptions
    };
    // A fresh panel, as after a page reload.
    newPanel();
  });

  afterEach(() => {
    runner.dispose();
    model.dispose();
  });

  it('should restore the cached results with the stored configuration', async () => {
    expect(await reopener.reopen(stored)).toBe<ReopenOutcome>('restored');
    expect(model.session.state).toBe('succeeded');
    expect(model.step).toBe('evaluate');
    expect(model.config?.models).toEqual(['baseline', 'linear']);
    expect(model.config?.seed).toBe(7);
    expect(runner.shownFromCache?.runKey).toBe(stored.runKey);
    expect(model.notice?.text).toMatch(/from the cache/);
  });

  it('should bring back the last run after a reload', async () => {
    expect(await reopener.restoreLast()).toBe(true);
    expect(model.session.result?.models.map(m => m.id)).toEqual(['baseline', 'linear']);
  });

  it('should warn and get ready to train when the file changed', async () => {
    files.set('data/penguins.csv', PENGUINS.replace('39.1', '39.2'));
    expect(await reopener.reopen(stored)).toBe<ReopenOutcome>('ready');
    expect(model.session.state).toBe('idle');
    expect(model.step).toBe('train');
    expect(model.notice?.kind).toBe('warning');
    expect(model.notice?.text).toMatch(/changed since this run/);
    expect(model.canStart).toBe(true);
  });

  it('should show cached results when the file is gone', async () => {
    files.clear();
    expect(await reopener.reopen(stored)).toBe<ReopenOutcome>('restored');
    expect(model.notice?.text).toMatch(/could not be read/);
  });

  it('should go to Step 1 without file or cache', async () => {
    files.clear();
    expect(await reopener.reopen({ ...stored, runKey: 'f'.repeat(64) })).toBe<ReopenOutcome>('no-data');
    expect(model.step).toBe('data');
    expect(model.notice?.text).toContain('data/penguins.csv');
  });

  it('should name stored features the file no longer has', async () => {
    const config = { ...stored.config, features: [...stored.config.features, 'wing_span'] };
    // Without the missing column the configuration equals the cached run's.
    expect(await reopener.reopen({ ...stored, config })).toBe<ReopenOutcome>('restored');
    expect(model.notice?.text).toMatch(/no longer in the file: wing_span/);
  });

  it('should refuse while a run is going', async () => {
    await model.loadFile({ path: 'data/penguins.csv', name: 'penguins.csv', size: 1 }, PENGUINS);
    await model.setTarget('species');
    runner.start({ useCache: false });
    expect(await reopener.reopen(stored)).toBe<ReopenOutcome>('refused');
    runner.cancel();
  });
});
