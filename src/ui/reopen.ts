/**
 * Puts a stored run back into the panel: from a results cell's metadata, or
 * the last run after a page reload. The data file is read again when it is
 * still there, the configuration is applied, and the cached results are
 * shown when the data and configuration still match them.
 */
import { TranslationBundle } from '@jupyterlab/translation';

import { computeRunKey } from '../core/runKey';
import { IStoredRun } from '../notebook/metadata';
import { ICachedRun, RunCache } from './cache';
import { WizardModel } from './model';
import { RunController } from './runner';

/** Outcome of a reopen. */
export type ReopenOutcome = 'restored' | 'ready' | 'no-data' | 'refused';

/** Reopens stored runs in one panel. */
export class RunReopener {
  constructor(options: RunReopener.IOptions) {
    this._model = options.model;
    this._runner = options.runner;
    this._cache = options.cache;
    this._trans = options.trans;
    this._loadFile = options.loadFile;
  }

  /**
   * Reopen `run`. `warnings` are repairs already made to its record, shown
   * with the outcome.
   */
  async reopen(run: IStoredRun, warnings: string[] = []): Promise<ReopenOutcome> {
    const model = this._model;
    const trans = this._trans;
    if (model.session.state === 'running') {
      model.setNotice({
        kind: 'error',
        text: trans.__('Cancel the running training before reopening another run.')
      });
      return 'refused';
    }
    this._runner.restart();

    const notes = [...warnings];
    const loaded = run.data.path
      ? await this._loadFile(run.data.path, run.data.name || run.data.path)
      : false;
    if (!loaded) {
      const cached = await this._lookup(run.runKey);
      if (cached) {
        this._runner.showCached(cached);
        model.setNotice({
          kind: 'warning',
          text: trans.__(
            'Showing the cached results of this run; its data file %1 could not be read, so it cannot be trained again until you choose the file in Step 1.',
            run.data.path || trans.__('(none recorded)')
          )
        });
        return 'restored';
      }
      model.setStep('data');
      model.setNotice({
        kind: 'warning',
        text: trans.__(
          'The data file %1 of this run could not be read. Choose it again in Step 1; the run trained on target %2.',
          run.data.path || trans.__('(none recorded)'),
          run.config.target
        )
      });
      return 'no-data';
    }

    const missing = await model.applyStoredRun(run.readOptions, run.config);
    if (missing.length > 0) {
      notes.push(
        trans.__('These columns are no longer in the file: %1.', missing.join(', '))
      );
    }
    const hash = await model.dataHash();
    if (run.data.sha256 && hash !== run.data.sha256) {
      notes.push(
        trans.__(
          'The file %1 changed since this run (its SHA-256 differs), so training again can give other results.',
          run.data.path
        )
      );
    }

    const cached = await this._cached(hash);
    if (cached) {
      this._runner.showCached(cached);
      model.setNotice({
        kind: notes.length > 0 ? 'warning' : 'info',
        text: [
          trans.__(
            'Reopened the run of %1 from the cache. Press Retrain in Step 5 to train again.',
            new Date(cached.finished).toLocaleString()
          ),
          ...notes
        ].join(' ')
      });
      return 'restored';
    }

    model.setStep('train');
    model.setNotice({
      kind: notes.length > 0 ? 'warning' : 'info',
      text: [
        trans.__('Reopened the run on %1; press Start training to run it again.', run.data.path),
        ...notes
      ].join(' ')
    });
    return 'ready';
  }

  /**
   * Show the last cached run, as after a page reload. Does nothing when
   * there is none or a run is already under way.
   */
  async restoreLast(): Promise<boolean> {
    let last: ICachedRun | null = null;
    try {
      last = (await this._cache?.last()) ?? null;
    } catch (reason) {
      console.error('Failed to read the run cache', reason);
    }
    if (!last || this._model.session.state !== 'idle' || this._model.file) {
      return false;
    }
    const outcome = await this.reopen(last);
    return outcome === 'restored' || outcome === 'ready';
  }

  private async _cached(hash: string): Promise<ICachedRun | null> {
    const config = this._model.config;
    return config ? this._lookup(await computeRunKey(hash, config)) : null;
  }

  private async _lookup(runKey: string): Promise<ICachedRun | null> {
    if (!this._cache) {
      return null;
    }
    try {
      return await this._cache.get(runKey);
    } catch (reason) {
      console.error('Failed to read the run cache', reason);
      return null;
    }
  }

  private _model: WizardModel;
  private _runner: RunController;
  private _cache: RunCache | null;
  private _trans: TranslationBundle;
  private _loadFile: (path: string, name: string) => Promise<boolean>;
}

export namespace RunReopener {
  export interface IOptions {
    model: WizardModel;
    runner: RunController;
    cache: RunCache | null;
    trans: TranslationBundle;
    /** Read the file at `path` into the model; false when it cannot. */
    loadFile: (path: string, name: string) => Promise<boolean>;
  }
}
