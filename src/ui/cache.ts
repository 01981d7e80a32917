/**
 * The run cache: finished runs stored in the browser's IndexedDB under their
 * run key, so the same data and configuration come back at once and the
 * last run survives a page reload.
 */
import { createStore, del, delMany, get, set, update, UseStore } from 'idb-keyval';

import {
  ICacheIndex,
  parseIndex,
  recordEntry,
  removeEntry
} from '../core/cacheIndex';
import { IResultsPayload } from '../notebook/writer';

/** A cached run: what its results cell shows, and where it was headed. */
export interface ICachedRun extends IResultsPayload {
  /** Path of the notebook the run was started for, or '' when none. */
  notebookPath: string;
  /**
   * False while the results wait for a notebook that was closed during the
   * run; true once written, or when no write is owed.
   */
  written: boolean;
}

/** Key-value storage the cache uses; IndexedDB in the page, a Map in tests. */
export interface ICacheStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(keys: string[]): Promise<void>;
  /** Read, change and write `key` in one step. */
  update(key: string, change: (value: unknown) => unknown): Promise<void>;
}

/** Storage in the IndexedDB database `jupyterlab-training-wizard`. */
export function indexedDbStorage(): ICacheStorage {
  const store: UseStore = createStore('jupyterlab-training-wizard', 'runs');
  return {
    get: key => get(key, store),
    set: (key, value) => set(key, value, store),
    del: keys =>
      keys.length === 1 ? del(keys[0], store) : delMany(keys, store),
    update: (key, change) => update(key, change, store)
  };
}

const INDEX_KEY = 'index';
const ENTRY_PREFIX = 'run:';

/** The bounded run cache. Failures of the storage reject; callers decide. */
export class RunCache {
  constructor(options: RunCache.IOptions) {
    this._storage = options.storage;
    this._maxEntries = options.maxEntries;
    this._now = options.now ?? (() => Date.now());
  }

  /** Return the cached run of `runKey`, or null. */
  async get(runKey: string): Promise<ICachedRun | null> {
    const value = await this._storage.get(ENTRY_PREFIX + runKey);
    return isCachedRun(value) && value.runKey === runKey ? value : null;
  }

  /**
   * Store `run` as the last run, evicting the oldest entries beyond the
   * bound. Returns the evicted run keys.
   */
  async put(run: ICachedRun): Promise<string[]> {
    await this._storage.set(ENTRY_PREFIX + run.runKey, run);
    let evicted: string[] = [];
    await this._storage.update(INDEX_KEY, value => {
      const next = recordEntry(
        parseIndex(value),
        run.runKey,
        this._now(),
        this._maxEntries()
      );
      evicted = next.evicted;
      return { ...next.index, last: run.runKey };
    });
    if (evicted.length > 0) {
      await this._storage.del(evicted.map(key => ENTRY_PREFIX + key));
    }
    return evicted;
  }

  /** Mark `runKey` as written into its notebook. */
  async markWritten(runKey: string): Promise<void> {
    const run = await this.get(runKey);
    if (run && !run.written) {
      await this._storage.set(ENTRY_PREFIX + runKey, { ...run, written: true });
    }
  }

  /** Return the last run stored, or null. */
  async last(): Promise<ICachedRun | null> {
    const index = await this.index();
    return index.last ? this.get(index.last) : null;
  }

  /** Runs headed for `notebookPath` that never reached it, newest first. */
  async unwritten(notebookPath: string): Promise<ICachedRun[]> {
    const index = await this.index();
    const found: ICachedRun[] = [];
    for (const entry of [...index.entries].reverse()) {
      const run = await this.get(entry.runKey);
      if (run && !run.written && run.notebookPath === notebookPath) {
        found.push(run);
      }
    }
    return found;
  }

  /** Forget `runKey`. */
  async remove(runKey: string): Promise<void> {
    await this._storage.del([ENTRY_PREFIX + runKey]);
    await this._storage.update(INDEX_KEY, value =>
      removeEntry(parseIndex(value), runKey)
    );
  }

  /** Read the index, repaired if the stored one is damaged. */
  async index(): Promise<ICacheIndex> {
    return parseIndex(await this._storage.get(INDEX_KEY));
  }

  private _storage: ICacheStorage;
  private _maxEntries: () => number;
  private _now: () => number;
}

export namespace RunCache {
  export interface IOptions {
    storage: ICacheStorage;
    /** Most runs kept; read at each write so a settings change applies. */
    maxEntries: () => number;
    /** Clock for the saved time. Defaults to `Date.now`. */
    now?: () => number;
  }
}

/** Return whether `value` has the fields the wizard reads from a cached run. */
export function isCachedRun(value: unknown): value is ICachedRun {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const run = value as Partial<ICachedRun>;
  return (
    typeof run.runKey === 'string' &&
    typeof run.notebookPath === 'string' &&
    typeof run.written === 'boolean' &&
    !!run.config &&
    typeof run.config === 'object' &&
    !!run.result &&
    typeof run.result === 'object' &&
    Array.isArray(run.result.models) &&
    !!run.data &&
    typeof run.data === 'object'
  );
}
