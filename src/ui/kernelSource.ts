import { TranslationBundle } from '@jupyterlab/translation';
import { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { DEFAULT_ROW_LIMIT } from '../data/markers';
import { IFetchedFrame, KernelBridge } from '../kernel/bridge';
import { IDataFrameInfo, IDataFrameListing, KernelBridgeError } from '../kernel/messages';
import { checkTargetName, predictionsName } from '../kernel/names';
import {
  ITable,
  leaderboardTable,
  MAX_FRAME_BYTES,
  planTransfer,
  predictionsTable
} from '../kernel/tables';
import { kernelErrorText, nameCheckText } from './kernelText';
import { WizardModel } from './model';

/** Current operation of the kernel source. */
export type KernelSourceStatus = 'idle' | 'listing' | 'fetching' | 'pushing';

/** The DataFrame last brought into the page. */
export interface ILoadedFrame {
  name: string;
  rows: number;
  totalRows: number;
  bytes: number;
  /** Hex SHA-256 of the CSV bytes received, the dataset's fingerprint. */
  sha256: string;
}

/**
 * State and actions of the "DataFrame in the kernel" source of Step 1 and
 * of the push of results in Step 5. Views render it, and errors and
 * outcomes become the panel's notice.
 */
export class KernelSource implements IDisposable {
  constructor(options: KernelSource.IOptions) {
    this._model = options.model;
    this._bridge = options.bridge;
    this._trans = options.trans;
    this._notebookLabel = options.notebookLabel;
    this._confirmBuiltin = options.confirmBuiltin;
  }

  /** Emitted after any change of the kernel source's state. */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  get status(): KernelSourceStatus {
    return this._status;
  }

  /** The last listing, or null before the first Refresh or after a notebook change. */
  get listing(): IDataFrameListing | null {
    return this._listing;
  }

  get loaded(): ILoadedFrame | null {
    return this._loaded;
  }

  /** Above the row limit, send a seeded random sample instead of the first rows. */
  get sample(): boolean {
    return this._sample;
  }

  /** Name the leaderboard is pushed under. Defaults to `wizard_results`. */
  get pushName(): string {
    return this._pushName;
  }

  /** Path of the notebook whose kernel is used, or null when no notebook is open. */
  get notebook(): string | null {
    return this._notebookLabel();
  }

  /** Seed of the sample drawn above the row limit, the run's seed. */
  get seed(): number {
    return this._model.options.seed;
  }

  /** Maximum rows brought into the page, the wizard's row limit. */
  get rowLimit(): number {
    return this._model.readOptions.rowLimit ?? DEFAULT_ROW_LIMIT;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** Forget the listing, for example when another notebook became current. */
  reset(): void {
    this._listing = null;
    this._changed.emit();
  }

  setSample(sample: boolean): void {
    this._sample = sample;
    this._changed.emit();
  }

  /** Set the push name without a re-render, so typing keeps the focus of the input. */
  setPushName(name: string): void {
    this._pushName = name;
  }

  /** List the DataFrames in the kernel. A failure becomes an error notice. */
  async refresh(): Promise<void> {
    if (this._status !== 'idle') {
      return;
    }
    this._listing = null;
    await this._run('listing', async () => {
      this._listing = await this._bridge.list();
      if (this._listing.pandas === 'missing') {
        this._showError(new KernelBridgeError('no-pandas'));
      }
    });
  }

  /**
   * Bring `frame` into the page and load it like a file. Rejects a frame
   * whose rows kept under the row limit use more memory than the cap.
   */
  async choose(frame: IDataFrameInfo): Promise<void> {
    const trans = this._trans;
    const plan = planTransfer(frame, this.rowLimit);
    if (plan.tooLarge) {
      this._model.setNotice({
        kind: 'error',
        text: trans.__(
          "The DataFrame '%1' would bring about %2 MiB into the page, more than the %3 MiB limit. Select fewer rows or columns in a new variable, for example %1.sample(100_000), and choose that one.",
          frame.name,
          Math.round(plan.estimatedBytes / 2 ** 20),
          Math.round(MAX_FRAME_BYTES / 2 ** 20)
        )
      });
      return;
    }
    await this._run('fetching', async () => {
      const fetched = await this._bridge.fetch(frame.name, {
        rowLimit: this.rowLimit,
        sample: this._sample,
        seed: this._model.options.seed
      });
      await this._load(fetched);
    });
  }

  /**
   * Push the last run's leaderboard, and its validation predictions when
   * the results carry them, under the push name. A name that hides a
   * builtin needs `confirmBuiltin`; `interactive` false skips such a name.
   */
  async push(interactive = true): Promise<void> {
    const result = this._model.session.result;
    if (!result || this._status !== 'idle') {
      return;
    }
    const check = checkTargetName(this._pushName);
    if (check.kind !== 'ok' && check.kind !== 'builtin') {
      this._model.setNotice({ kind: 'error', text: nameCheckText(check, this._trans) });
      return;
    }
    const name = check.name;
    let allowBuiltin = false;
    if (check.kind === 'builtin') {
      allowBuiltin = interactive && (await this._confirmBuiltin(name));
      if (!allowBuiltin) {
        this._model.setNotice({
          kind: 'error',
          text: this._trans.__(
            "Nothing was pushed: '%1' is a Python builtin. Choose another name, such as wizard_results.",
            name
          )
        });
        return;
      }
    }
    const leaderboard = leaderboardTable(result);
    const predictions = predictionsTable(result);
    await this._run('pushing', () =>
      this._push(name, leaderboard, predictions, allowBuiltin)
    );
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._bridge.dispose();
    Signal.clearData(this);
  }

  private async _push(
    name: string,
    leaderboard: ITable,
    predictions: ITable | null,
    allowBuiltin: boolean
  ): Promise<void> {
    const trans = this._trans;
    const tables = [{ name, table: leaderboard }];
    const second = predictionsName(name);
    let predictionsNote: string;
    if (predictions) {
      try {
        await this._bridge.push([...tables, { name: second, table: predictions }], allowBuiltin);
        predictionsNote = trans.__(
          'The validation predictions are in %1 (%2 rows).',
          second,
          predictions.rows.length
        );
      } catch (reason) {
        if (!(reason instanceof KernelBridgeError) || reason.code !== 'too-large') {
          throw reason;
        }
        await this._bridge.push(tables, allowBuiltin);
        predictionsNote = trans.__(
          'The validation predictions (%1 rows) are too large for one kernel message, so %2 was not created.',
          predictions.rows.length,
          second
        );
      }
    } else {
      await this._bridge.push(tables, allowBuiltin);
      predictionsNote = trans.__(
        'The model results carry no validation predictions, so %1 was not created.',
        second
      );
    }
    this._model.setNotice({
      kind: 'success',
      text: trans.__(
        'Pushed the leaderboard to %1 (%2 rows) in the kernel of %3. %4',
        name,
        leaderboard.rows.length,
        this._notebookLabel() ?? '',
        predictionsNote
      )
    });
  }

  /** Decode the CSV bytes and load them through the file path. */
  private async _load(fetched: IFetchedFrame): Promise<void> {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(fetched.data);
    const label = `${fetched.name} (DataFrame)`;
    this._loaded = {
      name: fetched.name,
      rows: fetched.rows,
      totalRows: fetched.totalRows,
      bytes: fetched.bytes,
      sha256: fetched.sha256
    };
    await this._model.loadFile({ path: label, name: label, size: fetched.data.byteLength }, text);
  }

  /** Run `work` in `status`; a failure becomes an error notice. */
  private async _run(status: KernelSourceStatus, work: () => Promise<void>): Promise<void> {
    this._status = status;
    this._changed.emit();
    try {
      await work();
    } catch (reason) {
      this._showError(reason);
    } finally {
      this._status = 'idle';
      if (!this._isDisposed) {
        this._changed.emit();
      }
    }
  }

  private _showError(reason: unknown): void {
    if (!(reason instanceof KernelBridgeError)) {
      console.error('Failed to exchange data with the kernel', reason);
    }
    this._model.setNotice({
      kind: 'error',
      text: kernelErrorText(reason, this._notebookLabel(), this._trans)
    });
  }

  private _model: WizardModel;
  private _bridge: KernelBridge;
  private _trans: TranslationBundle;
  private _notebookLabel: () => string | null;
  private _confirmBuiltin: (name: string) => Promise<boolean>;
  private _status: KernelSourceStatus = 'idle';
  private _listing: IDataFrameListing | null = null;
  private _loaded: ILoadedFrame | null = null;
  private _sample = false;
  private _pushName = 'wizard_results';
  private _isDisposed = false;
  private _changed = new Signal<this, void>(this);
}

export namespace KernelSource {
  export interface IOptions {
    model: WizardModel;
    /** The bridge to the notebook's kernel, disposed with this object. */
    bridge: KernelBridge;
    trans: TranslationBundle;
    /** Return the path of the notebook whose kernel is used, or null. */
    notebookLabel: () => string | null;
    /** Ask whether results may hide the builtin `name`. Resolves true to go ahead. */
    confirmBuiltin: (name: string) => Promise<boolean>;
  }
}
