import { Kernel, KernelMessage } from '@jupyterlab/services';
import { IDisposable } from '@lumino/disposable';

import { buildExpression, COMM_TARGET, EXPRESSION_KEY, KernelAction } from './code';
import {
  firstBuffer,
  IDataFrameListing,
  IPushedFrame,
  ISentFrame,
  KernelBridgeError,
  parseExpressionReply,
  parseListing,
  parsePushed,
  parseSentFrame,
  sha256OfBytes
} from './messages';
import { ITable, MAX_PUSH_BYTES } from './tables';

/** A DataFrame's CSV bytes as received from the kernel. */
export interface IFetchedFrame extends ISentFrame {
  /** The variable name in the kernel. */
  name: string;
  /** `to_csv(index=False)` of the rows sent, UTF-8. */
  data: Uint8Array;
}

/** Options of one fetch. */
export interface IFetchOptions {
  /** Rows above this count are not sent. */
  rowLimit: number;
  /** Above the limit, send a seeded random sample (true) or the first rows (false). */
  sample: boolean;
  seed: number;
}

/** Kernel statuses after which a request still in flight gets no reply. */
const LOST_STATUSES = new Set<Kernel.Status>([
  'restarting',
  'autorestarting',
  'dead',
  'terminating'
]);

/**
 * Runs the wizard's Python helper in a notebook's kernel: lists the pandas
 * DataFrames, brings one into the page as CSV bytes over a comm, and assigns
 * result tables as DataFrames.
 *
 * Every request is silent (`silent: true, store_history: false`), so the
 * notebook shows nothing and the execution count stays. Each call first
 * checks that there is a kernel, that its language is Python and that it is
 * idle, and rejects with a `KernelBridgeError` otherwise. A request that gets
 * no reply within its timeout, or whose kernel restarts or dies, rejects too.
 *
 * #### Notes
 * A request that timed out stays in the kernel's queue and still runs once
 * the kernel is free. Its DataFrame bytes are then dropped, but a timed-out
 * push still assigns its variables.
 */
export class KernelBridge implements IDisposable {
  constructor(options: KernelBridge.IOptions) {
    this._getKernel = options.kernel;
    this._replyTimeoutMs = options.replyTimeoutMs ?? 15_000;
    this._transferTimeoutMs = options.transferTimeoutMs ?? 120_000;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** List the pandas DataFrames in the user namespace. */
  async list(): Promise<IDataFrameListing> {
    const kernel = await this._connect();
    const result = await this._execute(kernel, 'list', {}, this._replyTimeoutMs);
    return parseListing(result);
  }

  /**
   * Bring the DataFrame `name` into the page as CSV bytes. Checks the bytes'
   * length and SHA-256 against the values the kernel computed.
   */
  async fetch(name: string, options: IFetchOptions): Promise<IFetchedFrame> {
    const kernel = await this._connect();
    this._registerTarget(kernel);
    const request = `${Date.now().toString(36)}-${(this._nextRequest++).toString(36)}`;
    const arrival = new Promise<KernelMessage.ICommOpenMsg>(resolve => {
      this._pending.set(request, resolve);
    });
    try {
      const result = await this._execute(
        kernel,
        'send',
        { name, request, target: COMM_TARGET, ...options },
        this._transferTimeoutMs
      );
      const sent = parseSentFrame(result);
      // The comm is opened before the reply is sent, so it has normally
      // arrived; the short wait covers a slow message chain.
      const message = await this._race(kernel, arrival, this._replyTimeoutMs);
      const data = firstBuffer(message.buffers);
      if (!data || data.byteLength !== sent.bytes) {
        throw new KernelBridgeError(
          'integrity',
          `expected ${sent.bytes} bytes, received ${data?.byteLength ?? 0}`
        );
      }
      const sha256 = await sha256OfBytes(data);
      if (sha256 !== sent.sha256) {
        throw new KernelBridgeError('integrity', `SHA-256 ${sha256} differs from ${sent.sha256}`);
      }
      return { ...sent, name, data };
    } finally {
      this._pending.delete(request);
    }
  }

  /**
   * Assign each table as a pandas DataFrame under its name. Names that hide
   * a builtin are rejected with `builtin` unless `allowBuiltin` is true.
   * Nothing is assigned when any name is rejected.
   */
  async push(
    tables: Array<{ name: string; table: ITable }>,
    allowBuiltin: boolean
  ): Promise<IPushedFrame[]> {
    const args = {
      allowBuiltin,
      tables: tables.map(({ name, table }) => ({ name, ...table }))
    };
    // The expression is ASCII, so its length is its size in bytes.
    const size = buildExpression('push', args).length;
    if (size > MAX_PUSH_BYTES) {
      throw new KernelBridgeError('too-large', String(size));
    }
    const kernel = await this._connect();
    const result = await this._execute(kernel, 'push', args, this._transferTimeoutMs);
    return parsePushed(result);
  }

  /** Remove the comm target from every kernel it was registered on. */
  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    for (const [kernel, handler] of this._targets) {
      if (!kernel.isDisposed) {
        kernel.removeCommTarget(COMM_TARGET, handler);
      }
    }
    this._targets.clear();
    this._pending.clear();
  }

  /** Return the kernel when it runs Python and is idle; reject otherwise. */
  private async _connect(): Promise<Kernel.IKernelConnection> {
    const kernel = this._getKernel();
    if (!kernel || kernel.isDisposed || kernel.status === 'dead') {
      throw new KernelBridgeError('no-kernel');
    }
    const info = await this._race(kernel, kernel.info, this._replyTimeoutMs);
    const language = info.language_info?.name ?? '';
    if (language.toLowerCase() !== 'python') {
      throw new KernelBridgeError('not-python', language || info.implementation);
    }
    if (kernel.status === 'busy') {
      throw new KernelBridgeError('busy');
    }
    return kernel;
  }

  /** Run the helper's `action` and return its parsed JSON result. */
  private async _execute(
    kernel: Kernel.IKernelConnection,
    action: KernelAction,
    args: unknown,
    timeoutMs: number
  ): Promise<Record<string, unknown>> {
    const future = kernel.requestExecute({
      code: '',
      silent: true,
      store_history: false,
      allow_stdin: false,
      stop_on_error: false,
      user_expressions: { [EXPRESSION_KEY]: buildExpression(action, args) }
    });
    try {
      const reply = await this._race(kernel, future.done, timeoutMs);
      return parseExpressionReply(reply.content);
    } finally {
      if (!future.isDisposed) {
        future.dispose();
      }
    }
  }

  /**
   * Settle with `promise`, or reject with `timeout` after `timeoutMs`, or
   * with `restarted` when the kernel restarts, dies or rejects the request.
   */
  private _race<T>(
    kernel: Kernel.IKernelConnection,
    promise: Promise<T>,
    timeoutMs: number
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (settle: () => void) => {
        if (settled) {
          return;
        }
        settled = true;
        clearTimeout(timer);
        kernel.statusChanged.disconnect(onStatus);
        settle();
      };
      const onStatus = (_: Kernel.IKernelConnection, status: Kernel.Status) => {
        if (LOST_STATUSES.has(status)) {
          finish(() => reject(new KernelBridgeError('restarted', status)));
        }
      };
      const timer = setTimeout(
        () => finish(() => reject(new KernelBridgeError('timeout', kernel.status))),
        timeoutMs
      );
      kernel.statusChanged.connect(onStatus);
      promise.then(
        value => finish(() => resolve(value)),
        reason =>
          finish(() =>
            reject(
              reason instanceof KernelBridgeError
                ? reason
                : new KernelBridgeError('restarted', String(reason?.message ?? reason))
            )
          )
      );
    });
  }

  /** Register the comm target on `kernel` once. */
  private _registerTarget(kernel: Kernel.IKernelConnection): void {
    if (this._targets.has(kernel)) {
      return;
    }
    const handler = (_comm: Kernel.IComm, message: KernelMessage.ICommOpenMsg) => {
      const request = (message.content.data as { request?: unknown })?.request;
      const resolve = typeof request === 'string' ? this._pending.get(request) : undefined;
      // A message for a request that timed out or was replaced is dropped.
      resolve?.(message);
    };
    kernel.registerCommTarget(COMM_TARGET, handler);
    this._targets.set(kernel, handler);
    kernel.disposed.connect(() => this._targets.delete(kernel));
  }

  private _getKernel: () => Kernel.IKernelConnection | null;
  private _replyTimeoutMs: number;
  private _transferTimeoutMs: number;
  private _nextRequest = 0;
  private _pending = new Map<string, (message: KernelMessage.ICommOpenMsg) => void>();
  private _targets = new Map<
    Kernel.IKernelConnection,
    (comm: Kernel.IComm, message: KernelMessage.ICommOpenMsg) => void
  >();
  private _isDisposed = false;
}

export namespace KernelBridge {
  export interface IOptions {
    /** Return the kernel of the panel's notebook, or null when it has none. */
    kernel: () => Kernel.IKernelConnection | null;
    /** Time to wait for the kernel's info and for a listing, in ms. Defaults to 15,000. */
    replyTimeoutMs?: number;
    /** Time to wait for a DataFrame or a push, in ms. Defaults to 120,000. */
    transferTimeoutMs?: number;
  }
}
