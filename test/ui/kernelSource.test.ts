import { readFileSync } from 'fs';
import * as path from 'path';

import { TranslationBundle } from '@jupyterlab/translation';

import { sha256Hex } from '../../src/core/runKey';
import { IModelResult, IRunResult } from '../../src/core/types';
import { WorkerClient } from '../../src/engine/client';
import { IFetchOptions, KernelBridge } from '../../src/kernel/bridge';
import { IDataFrameInfo, KernelBridgeError, sha256OfBytes } from '../../src/kernel/messages';
import { ITable } from '../../src/kernel/tables';
import { KernelSource } from '../../src/ui/kernelSource';
import { DEFAULT_OPTIONS, WizardModel } from '../../src/ui/model';
import { InProcessWorker } from '../helpers/inProcessWorker';

const PENGUINS = readFileSync(path.join(__dirname, '..', '..', 'examples', 'penguins.csv'), 'utf8');

/** A translation bundle that fills `%1`, `%2`, … and translates nothing. */
const trans = {
  __: (text: string, ...args: Array<string | number>) =>
    text.replace(/%(\d)/g, (_, index) => String(args[Number(index) - 1]))
} as unknown as TranslationBundle;

/** A bridge double that records its calls. Tests replace the methods they need. */
class FakeBridge {
  fetches: Array<{ name: string; options: IFetchOptions }> = [];
  pushes: Array<{ tables: Array<{ name: string; table: ITable }>; allowBuiltin: boolean }> = [];
  pushError: (tables: Array<{ name: string; table: ITable }>) => Error | null = () => null;
  listError: Error | null = null;

  async list() {
    if (this.listError) {
      throw this.listError;
    }
    return { pandas: 'ok' as const, frames: [] };
  }

  async fetch(name: string, options: IFetchOptions) {
    this.fetches.push({ name, options });
    const data = new TextEncoder().encode(PENGUINS);
    return {
      name,
      data,
      request: 'r',
      rows: 344,
      totalRows: 344,
      columns: 8,
      bytes: data.byteLength,
      sha256: await sha256OfBytes(data)
    };
  }

  async push(tables: Array<{ name: string; table: ITable }>, allowBuiltin: boolean) {
    const error = this.pushError(tables);
    if (error) {
      throw error;
    }
    this.pushes.push({ tables, allowBuiltin });
    return tables.map(({ name, table }) => ({ name, rows: table.rows.length, columns: table.columns.length }));
  }

  dispose(): void {
    // Nothing to release.
  }
}

function modelResult(id: IModelResult['id'], withPredictions: boolean): IModelResult {
  return {
    id,
    name: id,
    description: '',
    status: 'succeeded',
    metrics: { balanced_accuracy: id === 'linear' ? 0.9 : 0.4 },
    trainMs: 10,
    hyperparameters: {},
    history: [],
    ...(withPredictions ? { predictions: { rows: [0, 1], actual: [0, 1], predicted: [0, 0] } } : {})
  };
}

function runResult(withPredictions: boolean): IRunResult {
  return {
    task: 'classification',
    target: 'species',
    primaryMetric: 'balanced_accuracy',
    higherIsBetter: true,
    models: [modelResult('baseline', withPredictions), modelResult('linear', withPredictions)],
    best: 'linear',
    classCounts: null,
    trainRows: 2,
    validationRows: 2,
    skippedLines: [],
    droppedTargetRows: 0,
    classes: ['Adelie', 'Gentoo'],
    imputed: [],
    backend: 'cpu',
    tensorsBefore: 0,
    tensorsAfter: 0,
    partial: false,
    engineVersion: 'test'
  };
}

const PENGUINS_FRAME: IDataFrameInfo = { name: 'penguins', rows: 344, columns: 8, memory: 80_000 };

describe('KernelSource', () => {
  let model: WizardModel;
  let bridge: FakeBridge;
  let source: KernelSource;
  let confirmations: string[];
  let confirmAnswer: boolean;

  beforeEach(() => {
    model = new WizardModel({
      client: new WorkerClient({ spawn: () => new InProcessWorker() as unknown as Worker }),
      defaults: { ...DEFAULT_OPTIONS, backend: 'cpu' },
      rowLimit: 100
    });
    bridge = new FakeBridge();
    confirmations = [];
    confirmAnswer = false;
    source = new KernelSource({
      model,
      bridge: bridge as unknown as KernelBridge,
      trans,
      notebookLabel: () => 'analysis.ipynb',
      confirmBuiltin: async name => {
        confirmations.push(name);
        return confirmAnswer;
      }
    });
  });

  afterEach(() => {
    source.dispose();
    model.dispose();
  });

  function succeedWith(result: IRunResult): void {
    const runId = model.session.start();
    model.session.succeed(runId, result);
  }

  describe('#choose', () => {
    it('should load the DataFrame through the file path', async () => {
      await source.choose(PENGUINS_FRAME);
      expect(model.file?.name).toBe('penguins (DataFrame)');
      expect(model.profile?.sha256).toBe(await sha256Hex(PENGUINS));
      expect(model.profile?.columns).toHaveLength(8);
      expect(model.notice).toBeNull();
      expect(source.status).toBe('idle');
    });

    it('should use the SHA-256 of the received bytes as fingerprint', async () => {
      await source.choose(PENGUINS_FRAME);
      expect(source.loaded?.sha256).toBe(await sha256Hex(PENGUINS));
      expect(model.profile?.sha256).toBe(source.loaded?.sha256);
    });

    it('should send the row limit, sample choice and seed', async () => {
      await source.choose(PENGUINS_FRAME);
      source.setSample(true);
      await source.choose(PENGUINS_FRAME);
      expect(bridge.fetches.map(call => call.options)).toEqual([
        { rowLimit: 100, sample: false, seed: DEFAULT_OPTIONS.seed },
        { rowLimit: 100, sample: true, seed: DEFAULT_OPTIONS.seed }
      ]);
    });

    it('should reject a DataFrame above the memory cap without fetching', async () => {
      await source.choose({ name: 'huge', rows: 50, columns: 3, memory: 2 ** 31 });
      expect(bridge.fetches).toHaveLength(0);
      expect(model.notice?.kind).toBe('error');
      expect(model.notice?.text).toContain("'huge'");
    });
  });

  describe('#refresh', () => {
    it('should show a busy kernel as an error notice', async () => {
      bridge.listError = new KernelBridgeError('busy');
      await source.refresh();
      expect(model.notice?.text).toBe(
        'The kernel of analysis.ipynb is busy running a cell. Wait until the cell ends or interrupt it, then try again.'
      );
      expect(source.listing).toBeNull();
    });
  });

  describe('#push', () => {
    it('should push the leaderboard and the predictions', async () => {
      succeedWith(runResult(true));
      source.setPushName('résultats');
      await source.push();
      expect(bridge.pushes).toHaveLength(1);
      expect(bridge.pushes[0].tables.map(table => table.name)).toEqual(['résultats', 'résultats_predictions']);
      expect(bridge.pushes[0].tables[0].table.rows[0][1]).toBe('linear');
      expect(model.notice?.kind).toBe('success');
      expect(model.notice?.text).toContain('The validation predictions are in résultats_predictions (4 rows).');
    });

    it('should report results without predictions', async () => {
      succeedWith(runResult(false));
      await source.push();
      expect(bridge.pushes[0].tables.map(table => table.name)).toEqual(['wizard_results']);
      expect(model.notice?.text).toContain('carry no validation predictions, so wizard_results_predictions was not created');
    });

    it('should push the leaderboard alone when the predictions are too large', async () => {
      succeedWith(runResult(true));
      bridge.pushError = tables => (tables.length > 1 ? new KernelBridgeError('too-large', '99999999') : null);
      await source.push();
      expect(bridge.pushes.map(call => call.tables.length)).toEqual([1]);
      expect(model.notice?.text).toContain('too large for one kernel message');
    });

    it.each([
      ['my results', "'my results' contains spaces"],
      ['2nd', "'2nd' is not a valid Python name"],
      ['class', "'class' is a Python keyword"],
      ['_', "IPython uses '_'"]
    ])('should reject the name %p', async (name, message) => {
      succeedWith(runResult(false));
      source.setPushName(name);
      await source.push();
      expect(bridge.pushes).toHaveLength(0);
      expect(model.notice?.text).toContain(message);
    });

    it('should ask before hiding a builtin and push nothing on cancel', async () => {
      succeedWith(runResult(false));
      source.setPushName('list');
      await source.push();
      expect(confirmations).toEqual(['list']);
      expect(bridge.pushes).toHaveLength(0);
      expect(model.notice?.text).toContain("Nothing was pushed: 'list' is a Python builtin");
    });

    it('should hide a builtin after confirmation', async () => {
      succeedWith(runResult(false));
      confirmAnswer = true;
      source.setPushName('print');
      await source.push();
      expect(bridge.pushes[0].allowBuiltin).toBe(true);
    });

    it('should skip a builtin without asking when not interactive', async () => {
      succeedWith(runResult(false));
      source.setPushName('print');
      await source.push(false);
      expect(confirmations).toEqual([]);
      expect(bridge.pushes).toHaveLength(0);
    });
  });
});
